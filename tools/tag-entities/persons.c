/*
 * PERSON: a surname (data/entity-words.txt) is no evidence alone; a name
 * needs its position: a title right after it (刘永坦院士, 王某局长) with
 * an edge, an opening word or a body before it, a title right before it
 * (矿长孙某某) with an edge after it, or the start of a roster line
 * (组　长：韩　正　　国务院副总理).  A candidate that is an everyday word
 * opening with a surname (国家, 常务, 公司) is none (data/name_words.inc).
 */
#include <string.h>

#include "cli.h"
#include "tag.h"
#include "utf8.h"

#include "../../data/name_words.inc"

#define leaders te_wl_leaders
#define titles te_wl_titles
#define ptitles te_wl_ptitles
#define surnames te_wl_surnames
#define acts te_wl_acts
#define openers te_wl_openers

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

/* The longest position title at i, of either list; 副 makes a deputy
 * of any (副校长). */
static size_t
title_at(const struct text *t, size_t i)
{
	long x;
	size_t a = te_wl_at(&titles, t->k, i, t->n, &x);
	size_t b = te_wl_at(&ptitles, t->k, i, t->n, &x);

	if (!a && !b && i + 1 < t->n && t->k[i] == 0x526F) {	/* 副 */
		a = te_wl_at(&titles, t->k, i + 1, t->n, &x);
		b = te_wl_at(&ptitles, t->k, i + 1, t->n, &x);
		return a || b ? 1 + (a > b ? a : b) : 0;
	}
	return a > b ? a : b;
}

static size_t
title_end(const struct text *t, size_t e)
{
	long x;
	size_t a = te_wl_end(&titles, t->k, 0, e, &x);
	size_t b = te_wl_end(&ptitles, t->k, 0, e, &x);

	return a > b ? a : b;
}

/* Whether a title may start with c: three bit tests. */
static inline bool
may_title(uint32_t c)
{
	return te_wl_first(&titles, c) || te_wl_first(&ptitles, c) || c == 0x526F;
}

/* A title at i that is not the start of a longer word: 委员 of 委员会,
 * 主任 of 主任科员 is the longer title itself. */
static size_t
title_word(const struct text *t, size_t i)
{
	size_t l = title_at(t, i);
	long x;

	if (!l || te_wl_at(&te_wl_heads, t->k, i, t->n, &x) > l)
		return 0;
	return l;
}

/* An everyday word opening with a surname. */
static bool
name_word(const struct text *t, size_t s, size_t e)
{
	uint64_t key;
	size_t lo = 0, hi = sizeof(te_name_words) / sizeof(te_name_words[0]);

	if (e - s < 2 || e - s > 3)
		return false;
	key = (uint64_t)t->k[s] << 42 | (uint64_t)t->k[s + 1] << 21 | (e - s == 3 ? t->k[s + 2] : 0);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (te_name_words[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sizeof(te_name_words) / sizeof(te_name_words[0]) && te_name_words[lo] == key;
}

/* Characters that end a clause rather than a given name (王五受…, 李四被…). */
static bool
function_char(uint32_t c)
{
	static const char fn[] = "的了在是和与及等对将也都又还就才已要把被受由向为以从于之该各每个们这那并或副";

	return utf8_contains(fn, c);
}

/* s..e: a surname and one or two given characters, no title inside, no
 * function character, and no everyday word, nor one opening it (法治 of
 * 法治副校长). */
static bool
name_ok(const struct text *t, size_t s, size_t e)
{
	long x;
	size_t sl = te_wl_at(&surnames, t->k, s, e, &x);

	if (!sl || e - s - sl < 1 || e - s - sl > 2)
		return false;
	for (size_t i = s; i < e; i++)
		if (!is_han(t->k[i]) || title_at(t, i) || (i >= s + sl && function_char(t->k[i])))
			return false;
	return !name_word(t, s, e) && !(e - s == 3 && sl == 1 && name_word(t, s, s + 2));
}

/* Places and organisations are better evidence than a surname.  A
 * candidate name is rare, so the mentions are searched for it rather
 * than marked position by position on every row. */
static bool
taken(const struct tagger *tg, size_t s, size_t e)
{
	for (size_t i = 0; i < tg->ms.n; i++) {
		const struct mention *m = &tg->ms.m[i];
		if (m->type != T_PERSON && !m->dead && m->s < e && s < m->e)
			return true;
	}
	return false;
}

/* Whether a place or organisation starts (ends) at p. */
static bool
mention_at(const struct tagger *tg, size_t p, bool end)
{
	for (size_t i = 0; i < tg->ms.n; i++) {
		const struct mention *m = &tg->ms.m[i];
		if ((end ? m->e : m->s) == p && !m->dead && (m->type == T_ORG || m->type == T_PLACE))
			return true;
	}
	return false;
}

/* Whether a name may start at i when a title follows it: an edge, an
 * opening word (授予, 由, 和) or a body (华中科技大学刘广润院士) before. */
static bool
left_ok(const struct tagger *tg, size_t i)
{
	long x;

	return i == 0 || edge(&tg->t, i - 1) || te_wl_end(&openers, tg->t.k, 0, i, &x) > 0 ||
		te_wl_end(&te_wl_verbs, tg->t.k, 0, i, &x) > 1 || mention_at(tg, i, true);
}

/* Whether a name may end at e when a title precedes it: an edge, what
 * an official does (主持, 带队) or a function character (矿长王五受…). */
static bool
right_ok(const struct text *t, size_t e)
{
	long x;

	return edge(t, e) || te_wl_at(&acts, t->k, e, t->n, &x) || function_char(t->k[e]);
}

static bool
pad(const struct text *t, size_t i)
{
	return i < t->n && t->k[i] == ' ';
}

/* Rosters: 组　长：韩　正　　国务院副总理, 　　　　李干杰　　生态环境部部长,
 * 召 集 人：孙某某, 刘金国 公安部副部长.  A short line that opens with a
 * role and a colon, or with indentation, or that ends in a title, then a
 * name set off by padding (a boundary, never removed): the name is a
 * person even where it spells a place, and the body starts after it. */
static void
roster(struct tagger *tg)
{
	const struct text *t = &tg->t;
	size_t n = t->n, s = 0, e = 0, sl;
	bool role = false, indent, padded = false;
	long x;

	while (n > 0 && t->k[n - 1] == ' ')
		n--;
	if (n < 3 || n > 60)
		return;
	while (s < n && t->k[s] == ' ')
		s++;
	indent = s >= 2;
	/* A role before a colon: 主任：, 成　员：, 召 集 人:. */
	for (size_t i = s + 1; i < n && i <= s + 8; i++)
		if (t->k[i] == 0xFF1A || t->k[i] == ':') {
			role = true;
			s = i + 1;
			break;
		} else if (!is_han(t->k[i]) && t->k[i] != ' ') {
			break;
		}
	while (s < n && t->k[s] == ' ')
		s++;
	if (!(sl = te_wl_at(&surnames, t->k, s, n, &x)) || s + sl >= n)
		return;
	if (sl == 1 && pad(t, s + 1) && s + 2 < n && is_han(t->k[s + 2]) &&
	    (s + 3 == n || pad(t, s + 3))) {
		e = s + 3;              /* 尤　权: a two-character name padded */
		padded = true;
	} else {
		for (size_t gl = 2; gl >= 1 && !e; gl--) {
			size_t q = s + sl + gl;
			if (q > n)
				continue;
			if (q == n ? role : (pad(t, q) || (mention_at(tg, q, false) &&
			    !mention_at(tg, q - 1, false))))
				e = q;
		}
	}
	if (!e)
		return;
	size_t b = e;
	while (b < n && t->k[b] == ' ')
		b++;
	/* Without a role or indentation, what follows the name must be a
	 * position (刘金国 公安部副部长). */
	if (!role && !indent && !(n - b >= 2 && title_end(t, n)))
		return;
	if (!role && n - b < 2)
		return;
	for (size_t i = s; i < e; i++)
		if ((!is_han(t->k[i]) && t->k[i] != ' ') || title_at(t, i) ||
		    (i >= s + sl && function_char(t->k[i])))
			return;
	/* A padded name may spell a word (吉　林); one written solid must
	 * not (国务院　中央军委). */
	if (!padded && name_word(t, s, e))
		return;
	/* The name's places go; a body read with the name loses it. */
	for (size_t i = 0; i < tg->ms.n; i++) {
		struct mention *m = &tg->ms.m[i];
		if (m->type == T_PLACE && m->s < e && m->e <= e)
			m->dead = 1;
		else if (m->type == T_ORG && m->s < e && m->e > b && b < n) {
			char u[4];
			buf_clear(&tg->tmp);
			for (size_t k = b; k < m->e; k++)
				buf_add(&tg->tmp, u, (size_t)utf8_encode(t->k[k], u));
			m->s = b;
			te_mention_set_norm(&tg->ms, m, tg->tmp.s, tg->tmp.len);
		} else if (m->type != T_PERSON && m->s < e && m->e > s) {
			return;         /* a body or title the name would cut */
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
		/* A title ends at most seven characters on (a compound
		 * surname, two given, four of title): one load of classes. */
		uint64_t w;
		if (i + 3 > t->n || !te_wl_first(&surnames, t->k[i]))
			continue;
		memcpy(&w, t->cls + i + 3, 8);
		if (!(w & 0x0101010101010101ull * C_TITLE))
			continue;
		/* 、张三局长 / ，李四同志 / 授予刘五院士: the title first, the
		 * cheapest test. */
		for (size_t nl = 4; nl >= 2; nl--) {
			if (i + nl < t->n && may_title(t->k[i + nl]) && title_word(t, i + nl) &&
			    name_ok(t, i, i + nl) && left_ok(tg, i) && !taken(tg, i, i + nl)) {
				te_mention_add(&tg->ms, i, i + nl, T_PERSON);
				i += nl - 1;
				break;
			}
		}
	}
	/* 局长王五， : a title then a name closed by punctuation.  Titles
	 * end in few characters (长 记 任 席), tested first. */
	for (size_t e = cls_next(t, 1, C_TITLE) + 1; e + 2 <= t->n; e = cls_next(t, e, C_TITLE) + 1) {
		if (!(t->cls[e] & C_PERSON) || !te_wl_first(&surnames, t->k[e]))
			continue;
		size_t tl = title_end(t, e);
		if (!tl || te_key_is(t, e - tl, "同志"))
			continue;
		size_t s = e;
		for (size_t nl = 4; nl >= 2; nl--)
			if (s + nl <= t->n && right_ok(t, s + nl) && name_ok(t, s, s + nl) &&
			    !taken(tg, s, s + nl)) {
				te_mention_add(&tg->ms, s, s + nl, T_PERSON);
				break;
			}
	}
}
