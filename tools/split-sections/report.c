#include <string.h>

#include "report.h"
#include "runin.h"
#include "sentence.h"

/* A cue is in the first sentence of a paragraph. */
#define CUE_MAX 300

void
ss_report_reset(struct ss_report *rp)
{
	memset(rp, 0, sizeof *rp);
	rp->cue = P_NONE;
}

int
ss_report_part(const struct ss_report *rp, const struct ss_tree *t)
{
	if (rp->cue != P_NONE)
		return rp->cue;
	if (t->depth == 0)
		return P_OTHER;
	if (rp->ntop == 0) {
		for (int i = t->depth - 1; i >= 1; i--)
			if (t->lv[i].strict != P_NONE)
				return t->lv[i].strict;
		return P_MEASURES;
	}
	if (rp->ntop == 1) {
		if (rp->top[0] == P_MEASURES)
			for (int i = t->depth - 1; i >= 1; i--) {
				int p = t->lv[i].strict;

				if (p == P_SHORTFALLS || p == P_RECT || p == P_PLANS)
					return p;
			}
		return rp->top[0];
	}
	return rp->top[rp->topi];
}

void
ss_report_heading(struct ss_report *rp, struct ss_tree *t, const char *key)
{
	struct ss_level *lv = ss_tree_top(t);

	if (rp->cue != P_NONE && t->depth <= rp->cue_depth)
		rp->cue = P_NONE;
	lv->strict = (signed char)ss_part_strict(key);
	if (t->depth == 1) {
		if (!rp->year)
			rp->year = ss_part_year(key);
		rp->ntop = ss_part_top(key, rp->year, rp->top);
		rp->topi = 0;
		rp->cue = P_NONE;
	} else if (t->depth == 2 && rp->ntop >= 2) {
		int p = lv->strict, cur = rp->top[rp->topi];

		for (int i = rp->topi + 1; i < rp->ntop; i++)
			if (rp->top[i] == p)
				rp->topi = i;
		/* "存在不足及下一年度安排": the problems are told in prose,
		 * the plans under numbered headings. */
		if (p == P_NONE && cur == P_SHORTFALLS && rp->topi + 1 < rp->ntop &&
		    rp->top[rp->topi + 1] == P_PLANS &&
		    !ss_part_shortfall_words(key))
			rp->topi++;
	}
}

bool
ss_report_bare_heading(struct ss_key *k, const char *t, size_t n, bool first)
{
	static const char *const names[] = {
		"举措", "成效", "工作情况", "开展情况", "主要工作", "主要做法",
		"基本情况", "总体情况", "工作回顾", "存在", "问题", "不足", "短板",
		"弱项", "困难", "整改", "下一步", "下步", "计划", "打算", "安排",
		"思路", "重点工作", "第一责任人", "主要负责人", "其他", NULL
	};
	size_t cps, kl;
	char *s;

	if (n > 3 * 20 || n < 6 || (cps = ss_cp_count(t, n)) > 20 || cps < 2)
		return false;
	ss_key_fold(k, t, n, SS_KEY_MAX);
	s = k->s;
	kl = k->len;
	if (kl > 0 && s[kl - 1] == ':')
		s[--kl] = '\0';
	for (size_t i = 0; i < kl; i++)
		if (strchr(",.;:!?()>", s[i]) || strncmp(s + i, "。", 3) == 0)
			return false;
	if (strstr(s, "报告") || strstr(s, "总结") || strstr(s, "如下"))
		return false;
	/* The first one must not be a second title ("2024年度法治建设情况"). */
	if (first && (ss_part_year(s) || strstr(s, "法治") || strstr(s, "依法") ||
	    strstr(s, "年度")))
		return false;
	for (const char *const *w = names; *w; w++)
		if (strstr(s, *w))
			return ss_part_top(s, 0, (signed char[PART_MAX]){ 0 }) > 0;
	return false;
}

static bool
has_term(const char *t, size_t n)
{
	size_t e = ss_sentence_end(t, n, 0, false);

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

void
ss_report_cue(struct ss_report *rp, const struct ss_tree *tr, struct ss_key *k,
    const char *t, size_t n)
{
	int c, cur;
	bool short_head;

	if (tr->depth == 0)
		return;
	cur = ss_report_part(rp, tr);
	if (cur != P_MEASURES && cur != P_SHORTFALLS && cur != P_RECT &&
	    rp->ntop < 2)
		return;
	short_head = n <= 90 && ss_cp_count(t, n) <= 30 && !has_term(t, n);
	if (!short_head && !may_cue(t, n))
		return;
	ss_key_fold(k, t, short_head ? n : first_stop(t, n), CUE_MAX);
	c = short_head ? ss_part_strict(k->s) : P_NONE;
	if (c == P_NONE)
		c = ss_part_cue(k->s, cur == P_SHORTFALLS || rp->ntop >= 2);
	if (c == P_NONE || c == cur)
		return;
	if (rp->ntop >= 2) {
		for (int i = rp->topi + 1; i < rp->ntop; i++)
			if (rp->top[i] == c) {
				rp->topi = i;
				return;
			}
		return;
	}
	if (short_head || (cur == P_MEASURES && c == P_SHORTFALLS) ||
	    (cur == P_RECT && c == P_SHORTFALLS) ||
	    (cur == P_SHORTFALLS && c == P_PLANS)) {
		rp->cue = c;
		rp->cue_depth = tr->depth;
	}
}
