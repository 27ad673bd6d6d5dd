/* PERSON: only with strong evidence, a name next to a position. */
#include <string.h>

#include "cli.h"
#include "tag.h"

#define leaders te_wl_leaders
#define titles te_wl_titles
#define surnames te_wl_surnames
#define acts te_wl_acts

/* Where a name may begin or end: not inside a run of Han text that
 * could be a longer word. */
static bool
edge(const struct text *t, size_t i)
{
	uint32_t c;

	if (i >= t->n)
		return true;
	c = t->k[i];
	return c == 0x3001 || c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF1A ||
		c == ',' || c == ';' || c == ':' || c == ' ' || c == 0x3000 || c == 0xFF08 ||
		c == '(' || c == 0xFF09 || c == ')' || c == 0x201C || c == 0x201D;
}

static bool
name_ok(const struct text *t, size_t s, size_t e)
{
	long x;
	size_t sl = te_wl_at(&surnames, t->k, s, e, &x);

	if (!sl || e - s - sl < 1 || e - s - sl > 2)
		return false;
	for (size_t i = s; i < e; i++)
		if (!is_han(t->k[i]) || te_wl_at(&titles, t->k, i, t->n, &x))
			return false;
	return true;
}

/* Places and organisations are better evidence than a surname.  A
 * candidate name is rare, so the mentions are searched for it rather
 * than marked position by position on every row. */
static bool
taken(const struct tagger *tg, size_t s, size_t e)
{
	for (size_t i = 0; i < tg->ms.n; i++) {
		const struct mention *m = &tg->ms.m[i];
		if (m->type != T_PERSON && m->s < e && s < m->e)
			return true;
	}
	return false;
}

void
te_detect_persons(struct tagger *tg)
{
	const struct text *t = &tg->t;
	long x;

	if (!(tg->types & (1u << T_PERSON)) || !(t->rowcls & C_PERSON))
		return;
	for (size_t i = cls_next(t, 0, C_PERSON); i < t->n; i = cls_next(t, i + 1, C_PERSON)) {
		size_t l = te_wl_at(&leaders, t->k, i, t->n, &x);
		if (l) {
			te_mention_add(&tg->ms, i, i + l, T_PERSON);
			i += l - 1;
			continue;
		}
		if (!te_wl_first(&surnames, t->k[i]) || !(i == 0 || edge(t, i - 1)))
			continue;
		/* 、张三局长 / ，李四同志 */
		for (size_t nl = 3; nl >= 2; nl--) {
			if (i + nl < t->n && te_wl_at(&titles, t->k, i + nl, t->n, &x) &&
			    name_ok(t, i, i + nl) && !taken(tg, i, i + nl)) {
				te_mention_add(&tg->ms, i, i + nl, T_PERSON);
				break;
			}
		}
	}
	/* 局长王五， : a title then a name closed by punctuation.  Titles
	 * end in few characters (长 记 任 席), tested first. */
	for (size_t e = cls_next(t, 1, C_TITLE) + 1; e + 2 <= t->n; e = cls_next(t, e, C_TITLE) + 1) {
		if (!(t->cls[e] & C_PERSON) ||
		    !te_wl_last(&titles, t->k[e - 1]) || !te_wl_first(&surnames, t->k[e]))
			continue;
		size_t tl = te_wl_end(&titles, t->k, 0, e, &x);
		if (!tl || te_key_is(t, e - tl, "同志"))
			continue;
		size_t s = e;
		for (size_t nl = 3; nl >= 2; nl--)
			if (s + nl <= t->n && (edge(t, s + nl) || te_wl_at(&acts, t->k, s + nl, t->n, &x)) &&
			    name_ok(t, s, s + nl) &&
			    !taken(tg, s, s + nl)) {
				te_mention_add(&tg->ms, s, s + nl, T_PERSON);
				break;
			}
	}
}
