/* Titles, prose cues that move a paragraph to another part, signatures. */
#include <string.h>

#include "marker.h"
#include "part.h"
#include "sectint.h"
#include "sentence.h"

bool
title_like(struct sect *s, const char *t, size_t n)
{
	static const char *const words[] = {
		"报告", "总结", "工作情况", "建设情况", "工作要点", NULL
	};
	size_t cps;
	const char *k;

	if (n > 4 * TITLE_MAX_CPS)
		return false;
	cps = cp_count(t, n);
	if (cps < 6 || cps > TITLE_MAX_CPS)
		return false;
	part_key(&s->key, t, n, KEY_MAX);
	k = s->key.s;
	/* Breadcrumbs and source lines are chrome, not the title. */
	if (strchr(k, '>') || strstr(k, "»") || strchr(k, ':') ||
	    strstr(k, "。") || strstr(k, "来源") || strstr(k, "如下"))
		return false;
	for (const char *const *w = words; *w; w++)
		if (strstr(k, *w))
			return true;
	/* "滨江区2024年度依法治区情况" */
	return part_year(k) != 0 && strstr(k, "情况") != NULL;
}

/* A line that only names a canonical part of the report ("主要举措和成效",
 * "存在的问题", "下一步工作计划"): short, no stop inside, no title.
 * first: no such heading yet. */
bool
bare_heading(struct sect *s, const char *t, size_t n, bool first)
{
	static const char *const names[] = {
		"举措", "成效", "工作情况", "开展情况", "主要工作", "主要做法",
		"基本情况", "总体情况", "工作回顾", "存在", "问题", "不足", "短板",
		"弱项", "困难", "整改", "下一步", "下步", "计划", "打算", "安排",
		"思路", "重点工作", "第一责任人", "主要负责人", "其他", NULL
	};
	size_t cps, kl;
	const char *k;

	if (n > 3 * 20 || n < 6 || (cps = cp_count(t, n)) > 20 || cps < 2)
		return false;
	part_key(&s->key, t, n, KEY_MAX);
	k = s->key.s;
	kl = s->key.len;
	if (kl > 0 && k[kl - 1] == ':')
		s->key.s[--kl] = '\0';
	for (size_t i = 0; i < kl; i++)
		if (strchr(",.;:!?()>", k[i]) || strncmp(k + i, "。", 3) == 0)
			return false;
	if (strstr(k, "报告") || strstr(k, "总结") || strstr(k, "如下"))
		return false;
	/* The first one must not be a second title ("2024年度法治建设情况"). */
	if (first && (part_year(k) || strstr(k, "法治") || strstr(k, "依法") ||
	    strstr(k, "年度")))
		return false;
	for (const char *const *w = names; *w; w++)
		if (strstr(k, *w))
			return part_top(k, 0, (signed char[PART_MAX]){ 0 }) > 0;
	return false;
}

static bool
has_term(const char *t, size_t n)
{
	size_t e = sentence_end(t, n, 0, false);

	return e < n || (n >= 3 && (memcmp(t + n - 3, "。", 3) == 0));
}

/* Cheap test on the raw text before folding: a cue has 存在 early on or
 * opens with one of a few characters (下一步 明年 今后 存在的问题 2025年…). */
static bool
may_cue(const char *t, size_t n)
{
	static const char *const firsts[] = {
		"下", "明", "今", "新", "展", "存", "主", "不", "问", "問", "针",
		"針", NULL
	};
	size_t m = n < CUE_MAX ? n : CUE_MAX;

	if (n > 0 && t[0] == '2')
		return true;
	for (const char *const *f = firsts; *f; f++)
		if (n >= 3 && memcmp(t, *f, 3) == 0)
			return true;
	for (const char *p = t; (p = memchr(p, 0xE5, m - (size_t)(p - t))) != NULL;
	    p++)
		if ((size_t)(p - t) + 6 <= m && memcmp(p, "存在", 6) == 0)
			return true;
	return false;
}

/* Bytes up to and with the first 。 (a cue is in the first sentence). */
static size_t
first_stop(const char *t, size_t n)
{
	size_t m = n < CUE_MAX ? n : CUE_MAX;

	for (const char *p = t; (p = memchr(p, 0xE3, m - (size_t)(p - t))) != NULL;
	    p++)
		if ((size_t)(p - t) + 3 <= m && p[1] == (char)0x80 && p[2] == (char)0x82)
			return (size_t)(p - t) + 3;
	return m;
}

/* A paragraph that opens another part: "…取得了成效,但仍存在…不足",
 * "下一步,…", or a short unnumbered heading "存在的问题". */
void
apply_cue(struct sect *s, struct doc *d, const char *t, size_t n)
{
	int c, cur;
	bool short_head;

	if (d->depth == 0)
		return;
	cur = part_now(d);
	if (cur != P_MEASURES && cur != P_SHORTFALLS && cur != P_RECT &&
	    d->ntop < 2)
		return;
	short_head = n <= 90 && cp_count(t, n) <= 30 && !has_term(t, n);
	if (!short_head && !may_cue(t, n))
		return;
	part_key(&s->key, t, short_head ? n : first_stop(t, n), CUE_MAX);
	c = short_head ? part_strict(s->key.s) : P_NONE;
	if (c == P_NONE)
		c = part_cue(s->key.s, cur == P_SHORTFALLS || d->ntop >= 2);
	if (c == P_NONE || c == cur)
		return;
	if (d->ntop >= 2) {
		for (int i = d->topi + 1; i < d->ntop; i++)
			if (d->top[i] == c) {
				d->topi = i;
				return;
			}
		return;
	}
	if (short_head || (cur == P_MEASURES && c == P_SHORTFALLS) ||
	    (cur == P_RECT && c == P_SHORTFALLS) ||
	    (cur == P_SHORTFALLS && c == P_PLANS)) {
		d->cue = c;
		d->cue_depth = d->depth;
	}
}

/* "20XX年" at k: its length (7) or 0. */
static size_t
year_len(const char *k)
{
	return k[0] == '2' && k[1] == '0' && k[2] >= '0' && k[2] <= '9' &&
	    k[3] >= '0' && k[3] <= '9' && strncmp(k + 4, "年", 3) == 0 ? 7 : 0;
}

/* "二〇二五年一月十三日" (also with ○ or 零): the date in numerals. */
static bool
cn_date(const char *k, size_t kl)
{
	return kl <= 14 * 3 && (strncmp(k, "二〇", 6) == 0 ||
	    strncmp(k, "二○", 6) == 0 || strncmp(k, "二零", 6) == 0) &&
	    strstr(k, "年") != NULL && kl >= 3 && strcmp(k + kl - 3, "日") == 0;
}

/* "附件:1.…", "附件2", "附件" alone: the attachments begin. */
static bool
annex(const char *k, size_t kl)
{
	const char *p;
	size_t u;

	if (strncmp(k, "附件", 6) != 0 && strncmp(k, "附表", 6) != 0)
		return false;
	p = k + 6;
	if (kl == 6 || strchr(":(0123456789 ", *p))
		return true;
	return cn_number(p, kl - 6, &u) > 0;
}

/* The signature block after the last section: the issuing body alone
 * on its line, the date, 特此报告, the attachments.  It belongs to no
 * part; after the date, 特此报告 or 附件 the report is over (SIG_END). */
int
signature(struct sect *s, const char *t, size_t n)
{
	static const char *const ends[] = {
		"政府", "局", "委员会", "办公室", "办事处", "管委会", "工委", "司法所",
		"办", "中心", NULL
	};
	const char *k;
	size_t kl, i = 0;

	if (n < 6)
		return SIG_NONE;
	if (memcmp(t, "附", 3) == 0) {
		part_key(&s->key, t, n < 24 ? n : 24, KEY_MAX);
		if (annex(s->key.s, s->key.len))
			return SIG_END;
	}
	if (n > 75 || cp_count(t, n) > 25)
		return SIG_NONE;
	part_key(&s->key, t, n, KEY_MAX);
	k = s->key.s;
	kl = s->key.len;
	while (kl > 0 && k[kl - 1] == ' ')
		kl--;
	if (strncmp(k, "特此报告", 12) == 0 && kl <= 15)
		return SIG_END;
	if (cn_date(k, kl))
		return SIG_END;
	/* 2025年1月20日, also after the issuing body on the same line */
	for (i = 0; i + 7 < kl; i += (k[i] & 0x80) ? 3 : 1) {
		size_t j;

		if (!year_len(k + i))
			continue;
		j = i + 7;
		while (j < kl && k[j] >= '0' && k[j] <= '9')
			j++;
		if (j == i + 7 || strncmp(k + j, "月", 3) != 0)
			return SIG_NONE;
		j += 3;
		while (j < kl && k[j] >= '0' && k[j] <= '9')
			j++;
		if (j == kl || (j + 3 == kl && strncmp(k + j, "日", 3) == 0))
			return SIG_END;
		return SIG_NONE;
	}
	for (i = 0; i < kl; i++)
		if (strchr(",.;:!?()", k[i]) || strncmp(k + i, "。", 3) == 0 ||
		    strncmp(k + i, "、", 3) == 0)
			return SIG_NONE;
	for (const char *const *e = ends; *e; e++) {
		size_t el = strlen(*e);

		if (kl >= el && memcmp(k + kl - el, *e, el) == 0)
			return SIG_NAME;
	}
	return SIG_NONE;
}
