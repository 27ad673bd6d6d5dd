/* LAW (《》 titles) and TERM (quoted names): bracket matching per row. */
#include <string.h>

#include "tag.h"
#include "utf8.h"

enum { OPEN_TITLE, OPEN_ANGLE, OPEN_LT };
#define STACK_MAX 32

static bool
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\r' || c == '\n';
}

/* Titles and terms are compared across reports, in either script
 * (楓橋經驗 = 枫桥经验): the folded keys, inner title marks unified to
 * 〈〉, and spaces kept only between two ASCII words. */
static void
set_title_norm(struct tagger *tg, struct mention *m)
{
	const struct text *t = &tg->t;
	struct buf *b = &tg->tmp;
	char u[4];
	uint32_t prev = 0;
	int pending = 0;

	buf_clear(b);
	for (size_t i = m->s; i < m->e; i++) {
		uint32_t c = t->k[i];
		if (is_space(c)) {
			pending = 1;
			continue;
		}
		if (c == '<' || c == 0x300A)
			c = c == '<' ? 0x3008 : c;
		if (c == '>')
			c = 0x3009;
		if (pending && prev && prev < 0x80 && c < 0x80)
			buf_addc(b, ' ');
		pending = 0;
		buf_add(b, u, (size_t)utf8_encode(c, u));
		prev = c;
	}
	te_mention_set_norm(&tg->ms, m, b->s ? b->s : "", b->len);
}

static void
add_title(struct tagger *tg, size_t s, size_t e)
{
	size_t i;

	if (e <= s || e - s > LAW_MAX)
		return;
	for (i = s; i < e && is_space(tg->t.cp[i]); i++)
		;
	if (i == e)
		return;
	set_title_norm(tg, te_mention_add(&tg->ms, s, e, T_LAW));
}

static void
laws(struct tagger *tg)
{
	const struct text *t = &tg->t;
	size_t pos[STACK_MAX];
	int kind[STACK_MAX], sp = 0, titles = 0;

	for (size_t i = cls_next(t, 0, C_BRACKET); i < t->n; i = cls_next(t, i + 1, C_BRACKET)) {
		uint32_t c = t->k[i];
		if (c == 0x300A || c == 0x3008 || (c == '<' && titles > 0)) {
			if (sp == STACK_MAX) {
				/* Deeper than any real title: forget the oldest. */
				if (kind[0] == OPEN_TITLE)
					titles--;
				memmove(pos, pos + 1, (STACK_MAX - 1) * sizeof(pos[0]));
				memmove(kind, kind + 1, (STACK_MAX - 1) * sizeof(kind[0]));
				sp--;
			}
			pos[sp] = i;
			kind[sp] = c == 0x300A ? OPEN_TITLE : c == 0x3008 ? OPEN_ANGLE : OPEN_LT;
			titles += kind[sp] == OPEN_TITLE;
			sp++;
		} else if (c == 0x300B) {
			int j = sp - 1;
			while (j >= 0 && kind[j] != OPEN_TITLE)
				j--;
			if (j < 0)
				continue;
			add_title(tg, pos[j] + 1, i);
			for (int x = j; x < sp; x++)
				titles -= kind[x] == OPEN_TITLE;
			sp = j;
		} else if ((c == 0x3009 || (c == '>' && titles > 0)) && sp > 0) {
			int k = kind[sp - 1];
			size_t p = pos[--sp];
			if (k == OPEN_TITLE)
				titles--;
			add_title(tg, p + 1, i);
			/* 《…<《X>…》: a doubled opener closed by one mark. */
			if (k == OPEN_TITLE && sp > 0 && kind[sp - 1] != OPEN_TITLE && pos[sp - 1] + 1 == p)
				sp--;
		}
	}
}

static bool
stop_in_term(uint32_t c)
{
	/* Keys are folded: ！？； are ASCII there. */
	return c == 0x3002 || c == '!' || c == '?' || c == ';' || c == 0x201C ||
		c == 0x300C || c == 0x300A || c == 0x300B;
}

static void
add_term(struct tagger *tg, size_t s, size_t e)
{
	int seen = 0;

	if (e <= s || e - s > TERM_MAX)
		return;
	for (size_t i = s; i < e; i++) {
		if (stop_in_term(tg->t.k[i]))
			return;
		seen |= !is_space(tg->t.k[i]);
	}
	if (!seen)
		return;
	set_title_norm(tg, te_mention_add(&tg->ms, s, e, T_TERM));
}

static void
terms(struct tagger *tg)
{
	const struct text *t = &tg->t;

	for (size_t i = cls_next(t, 0, C_BRACKET); i < t->n; i = cls_next(t, i + 1, C_BRACKET)) {
		uint32_t c = t->k[i], close;
		if (c == 0x201C)
			close = 0x201D;
		else if (c == 0x300C)
			close = 0x300D;
		else if (c == 0x300E)
			close = 0x300F;
		else if (c == '"')
			close = '"';
		else
			continue;
		size_t j, lim = i + TERM_MAX + 2 < t->n ? i + TERM_MAX + 2 : t->n;
		int han = 0;
		for (j = i + 1; j < lim; j++) {
			if (t->k[j] == close || (c != '"' && t->k[j] == c))
				break;
			han |= is_han(t->k[j]);
		}
		if (j >= lim || t->k[j] != close)
			continue;
		if (c == '"' && !han) {
			i = j - 1;      /* the closer may open the next quote */
			continue;
		}
		add_term(tg, i + 1, j);
		if (c == '"')
			i = j;
	}
}

void
te_detect_brackets(struct tagger *tg)
{
	if (!(tg->t.rowcls & C_BRACKET))
		return;
	laws(tg);
	terms(tg);
}
