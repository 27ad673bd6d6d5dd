#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tables.h"
#include "text.h"
#include "utf8.h"
#include "zhfold.h"

void
te_text_init(struct text *t)
{
	memset(t, 0, sizeof(*t));
	t->clsmap = te_cls;
}

void
te_text_free(struct text *t)
{
	free(t->cp);
	free(t->k);
	free(t->off);
	free(t->cls);
	te_text_init(t);
}

void
te_text_set_classes(struct text *t, const uint8_t *clsmap)
{
	t->clsmap = clsmap;
}

bool
te_key_in(const struct text *t, size_t i, const char *chars)
{
	return i < t->n && utf8_contains(chars, t->k[i]);
}

void
te_text_decode(struct text *t, const char *s, size_t len)
{
	size_t pos = 0, n = 0;

	if (len + 1 > t->cap) {
		t->cap = len + 1 > 2 * t->cap ? len + 1 : 2 * t->cap;
		t->cp = xrealloc(t->cp, t->cap * sizeof(*t->cp));
		t->k = xrealloc(t->k, t->cap * sizeof(*t->k));
		t->off = xrealloc(t->off, t->cap * sizeof(*t->off));
		t->cls = xrealloc(t->cls, t->cap + 8);
	}
	/* Two plain loops, decoding then folding: each keeps its few
	 * pointers in registers. */
	uint32_t *cpa = t->cp;
	size_t *offa = t->off;
	while (pos < len) {
		offa[n] = pos;
		cpa[n++] = utf8_next_fast(s, len, &pos);
	}
	unsigned rowcls = 0;
	uint32_t *ka = t->k;
	/* Local pointers: stores through cls (a char type) may alias *t, so
	 * the compiler would reload every field after each of them. */
	uint8_t *clsa = t->cls;
	const uint8_t *clsmap = t->clsmap;
	for (size_t i = 0; i < n; i++) {
		uint32_t k = zh_fold(cpa[i]);
		/* A key beyond the BMP may be anything. */
		uint8_t cl = k < 65536 ? clsmap[k] : 0xFF;
		ka[i] = k;
		clsa[i] = cl;
		rowcls |= cl;
	}
	memset(t->cls + n, 0, 8);
	t->rowcls = rowcls;
	t->off[n] = len;
	t->s = s;
	t->len = len;
	t->n = n;
}
