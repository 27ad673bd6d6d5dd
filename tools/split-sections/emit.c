#include <string.h>

#include "emit.h"
#include "part.h"
#include "sentence.h"

static const char *const kinds[] = {
	"title", "heading", "para", "item", "sentence", "docnum", "addressee",
	"signature", "date", "note", "annexlist", "annex"
};

void
ss_emit(struct ss_emitter *em, const struct ss_rowref *r, int kind,
    const char *sect, int part, const char *text, size_t len)
{
	struct ss_row_out e = {
		.prefix = r->prefix, .prefix_len = r->prefix_len,
		.has_prefix = r->has_prefix, .sect = sect, .kind = kinds[kind],
		.part = ss_part_name(part), .text = text, .text_len = len
	};

	em->fn(em->arg, &e);
}

void
ss_emit_body(struct ss_emitter *em, const struct ss_rowref *r, int kind,
    const char *sect, int part, const char *text, size_t len)
{
	size_t i = 0;

	if (!em->sentences || len == 0) {
		ss_emit(em, r, kind, sect, part, text, len);
		return;
	}
	while (i < len) {
		size_t e = ss_sentence_end(text, len, i, true);

		ss_emit(em, r, K_SENTENCE, sect, part, text + i, e - i);
		i = e;
	}
}

/* Appends ".num" to sect without printf. */
static const char *
item_path(struct ss_emitter *em, const char *sect, unsigned num)
{
	size_t l = strlen(sect), k = 0;
	char tmp[12];

	if (l > SS_PATH_MAX)
		l = SS_PATH_MAX;
	memcpy(em->sect, sect, l);
	em->sect[l++] = '.';
	do
		tmp[k++] = (char)('0' + num % 10);
	while ((num /= 10) != 0);
	while (k)
		em->sect[l++] = tmp[--k];
	em->sect[l] = '\0';
	return em->sect;
}

void
ss_emit_item(struct ss_emitter *em, const struct ss_rowref *r,
    const char *sect, unsigned num, int part, const char *text, size_t len)
{
	ss_emit_body(em, r, K_ITEM, item_path(em, sect, num), part, text, len);
}

void
ss_emit_items(struct ss_emitter *em, const struct ss_rowref *r,
    const char *sect, int part, const char *text, size_t n,
    const struct ss_items *it)
{
	const struct ss_imark *first = ss_items_first(it);
	size_t head = first ? first->pos : n;

	if (head > 0 || n == 0)
		ss_emit_body(em, r, K_PARA, sect, part, text, head);
	if (!first)
		return;
	for (size_t i = (size_t)(first - it->marks); i < it->n; i++) {
		const struct ss_imark *m = &it->marks[i];
		size_t end = n, from;

		if (!m->acc)
			continue;
		for (size_t j = i + 1; j < it->n; j++)
			if (it->marks[j].acc) {
				end = it->marks[j].pos;
				break;
			}
		from = em->keep_markers ? m->pos : m->end;
		ss_emit_item(em, r, sect, m->num, part, text + from, end - from);
	}
}
