/* PERSON: only with strong evidence, a name next to a position. */
#include <string.h>

#include "cli.h"
#include "tag.h"
#include "utf8.h"

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

/* Whether a place or organisation starts at s. */
static bool
mention_at(const struct tagger *tg, size_t s)
{
	for (size_t i = 0; i < tg->ms.n; i++)
		if (tg->ms.m[i].s == s && (tg->ms.m[i].type == T_ORG || tg->ms.m[i].type == T_PLACE))
			return true;
	return false;
}

/* Rosters: 主任：尤　权　　国务院副秘书长, 刘金国 公安部副部长, 吉林北京市
 * 副市长.  A short row that is a name, then a body and a position: the
 * name is a person even where it spells a place, and the body starts
 * after it. */
static void
roster(struct tagger *tg)
{
	const struct text *t = &tg->t;
	size_t n = t->n, s = 0, e = 0, sl;
	long x;

	while (n > 0 && t->k[n - 1] == ' ')
		n--;
	if (n < 5 || n > 40 || !te_wl_end(&titles, t->k, 0, n, &x))
		return;
	/* A role before a colon: 主任：, 成员：. */
	for (size_t i = 1; i < n && i <= 6; i++)
		if (t->k[i] == 0xFF1A || t->k[i] == ':') {
			s = i + 1;
			break;
		} else if (!is_han(t->k[i]) && t->k[i] != ' ') {
			break;
		}
	while (s < n && t->k[s] == ' ')
		s++;
	if (!(sl = te_wl_at(&surnames, t->k, s, n, &x)) || s + sl + 4 > n)
		return;
	if (t->k[s + sl] == ' ' && sl == 1 && is_han(t->k[s + sl + 1]))
		e = s + sl + 2;         /* 尤　权: a two-character name padded */
	else if (t->k[s + sl + 2] == ' ' || (mention_at(tg, s + sl + 2) && !mention_at(tg, s + sl + 1)))
		e = s + sl + 2;
	else if (t->k[s + sl + 1] == ' ' || mention_at(tg, s + sl + 1))
		e = s + sl + 1;
	if (!e)
		return;
	for (size_t i = s; i < e; i++)
		if ((!is_han(t->k[i]) && t->k[i] != ' ') || te_wl_at(&titles, t->k, i, e, &x))
			return;
	size_t b = e;
	while (b < n && t->k[b] == ' ')
		b++;
	if (n - b < 2)
		return;
	/* The name's places go; a body read with the name loses it. */
	for (size_t i = 0; i < tg->ms.n; i++) {
		struct mention *m = &tg->ms.m[i];
		if (m->type == T_PLACE && m->s < e && m->e <= e)
			m->dead = 1;
		else if (m->type == T_ORG && m->s < e && m->e > b) {
			char u[4];
			buf_clear(&tg->tmp);
			for (size_t k = b; k < m->e; k++)
				buf_add(&tg->tmp, u, (size_t)utf8_encode(t->k[k], u));
			m->s = b;
			te_mention_set_norm(&tg->ms, m, tg->tmp.s, tg->tmp.len);
		}
	}
	te_mention_add(&tg->ms, s, e, T_PERSON);
}

void
te_detect_persons(struct tagger *tg)
{
	const struct text *t = &tg->t;
	long x;

	if (!(tg->types & (1u << T_PERSON)) || !(t->rowcls & C_PERSON))
		return;
	roster(tg);
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
