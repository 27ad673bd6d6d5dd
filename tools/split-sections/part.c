/* The parts of a yearly report, from the wording of its headings and
 * of the paragraphs that open a part. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "part.h"
#include "utf8.h"

static const char *const names[] = {
	"measures", "shortfalls", "rectification", "plans", "duty", "aims",
	"tasks", "safeguards", "annex", "other"
};

const char *
ss_part_name(int p)
{
	if (p < 0 || p > P_OTHER)
		return "other";
	return names[p];
}

/* Most words are absent from a short key: a bitmap of the characters the
 * key holds lets has() skip strstr() for them. */
struct words {
	const char *k;
	uint64_t bloom[4];
};

static unsigned
bloom_hash(const unsigned char *u)
{
	if (u[0] < 0x80 || !u[1] || !u[2])
		return u[0];
	return (unsigned)(u[0] * 7 + u[1] * 31 + u[2]) & 255;
}

static void
words_init(struct words *w, const char *k)
{
	const unsigned char *u = (const unsigned char *)k;

	memset(w->bloom, 0, sizeof w->bloom);
	w->k = k;
	while (*u) {
		unsigned h = bloom_hash(u);

		w->bloom[h >> 6] |= 1ULL << (h & 63);
		u += *u < 0x80 ? 1 : (*u & 0xF0) == 0xE0 && u[1] && u[2] ? 3 : 1;
	}
}

static bool
has(const struct words *w, const char *word)
{
	unsigned h = bloom_hash((const unsigned char *)word);

	if (!(w->bloom[h >> 6] & (1ULL << (h & 63))))
		return false;
	return strstr(w->k, word) != NULL;
}

static bool
has_any(const struct words *w, const char *const *list)
{
	for (; *list; list++)
		if (has(w, *list))
			return true;
	return false;
}

/* Word lists.  Strict lists are for lower headings, which a thematic
 * report fills with ordinary work words: only unmistakable phrases. */
static const char *const w_duty[] = { "第一责任人", NULL };
static const char *const w_short_strict[] = {
	"存在的问题", "存在问题", "存在的不足", "存在不足", "问题和不足",
	"问题与不足", "问题及不足", "不足和问题", "不足之处", "存在的短板",
	"存在的主要问题", "存在的困难", "需要改进", "有待改进", "有待加强",
	NULL
};
static const char *const w_plans_strict[] = {
	"下一年度", "下一步", "下一阶段", "下年度", "明年", "工作计划", "工作安排",
	"工作打算", "工作思路", "主要安排", "工作展望", "努力方向", "工作谋划",
	"今后工作", "重点工作安排", "工作设想", "下步", "下阶段", "改进措施",
	"改进方向", NULL
};
static const char *const w_short_loose[] = {
	"不足", "短板", "弱项", "差距", "薄弱", "困难", NULL
};
static const char *const w_plans_loose[] = {
	"计划", "安排", "打算", "展望", "今后", "设想", NULL
};
static const char *const w_measures[] = {
	"举措", "成效", "措施", "情况", "进展", "做法", "成绩", "总结", "主要工作",
	"完成", "亮点", "成果", "开展", "工作回顾", NULL
};
static const char *const w_other[] = { "其他", "其它", "附件", "附表", NULL };
/* A thematic heading names a shortcoming only to say it is being
 * remedied ("补齐基层法治短板", "聚焦群众急难愁盼问题"). */
static const char *const w_remedy[] = {
	"补齐", "补强", "弥补", "补短", "解决", "化解", "破解", "聚焦", "针对",
	"攻克", "克服", "回应", "整治", "整改", "导向", "加强", "强化", "提升",
	"排查", "纾解", "帮助", NULL
};
/* A clause opening with one of these is an order (a thematic heading:
 * "抓好督察反馈问题整改", "落实年度普法计划"), not the name of a part. */
static const char *const w_action[] = {
	"抓", "落实", "推动", "深化", "强化", "加强", "开展", "扎实", "持续",
	"全面", "坚持", "聚焦", "着力", "切实", "认真", "做好", "完善", "健全",
	"统筹", "优化", "提升", "狠抓", "严格", "深入", "用好", "压实", NULL
};
static const char *const w_shortfall_words[] = {
	"有待", "不够", "不足", "不强", "不高", "薄弱", "欠缺", "滞后", "短板",
	"弱项", "仍需", "还需", "尚需", "不到位", "不完善", "不健全", "偏少",
	"较弱", "缺乏", "不平衡", "不充分", "差距", "问题", NULL
};

/* The first year 20XX in k, or 0. */
static int
year_in(const char *k)
{
	for (; *k; k++)
		if (k[0] == '2' && k[1] == '0' && k[2] >= '0' && k[2] <= '9' &&
		    k[3] >= '0' && k[3] <= '9' && (k[4] < '0' || k[4] > '9'))
			return 2000 + (k[2] - '0') * 10 + (k[3] - '0');
	return 0;
}

int
ss_part_year(const char *k)
{
	return year_in(k);
}

/* The part of one clause of a top-level heading; year: the year the
 * report is about (0 when not known). */
static bool
opens_with(const char *k, const char *const *w)
{
	for (; *w; w++)
		if (k[0] == (*w)[0] && k[1] == (*w)[1] && k[2] == (*w)[2] &&
		    strncmp(k, *w, strlen(*w)) == 0)
			return true;
	return false;
}

/* The part of one clause of a top-level heading; year: the year the
 * report is about (0 when not known). */
static int
clause_part(const char *k, int year)
{
	int y = year_in(k);
	bool order = opens_with(k, w_action), remedy;
	struct words w;

	words_init(&w, k);
	/* A top-level heading speaks of the heads of government only to
	 * report on their duty ("领导班子和主要负责人推动法治工作情况"). */
	if (has_any(&w, w_duty) || has(&w, "主要负责人"))
		return P_DUTY;
	if (((has(&w, "整改") || has(&w, "改进情况")) && (!order ||
	    has(&w, "情况") || has(&w, "上一年") || has(&w, "上年") ||
	    has(&w, "去年"))) || has(&w, "问题的改进") || has(&w, "问题改进") ||
	    ((has(&w, "上一年") || has(&w, "上年度") || has(&w, "去年")) &&
	    (has(&w, "问题") || has(&w, "不足"))))
		return P_RECT;
	if (has_any(&w, w_short_strict))
		return P_SHORTFALLS;
	if (has_any(&w, w_short_loose) || has(&w, "问题")) {
		remedy = has_any(&w, w_remedy);
		if (!remedy)
			return P_SHORTFALLS;
	}
	if (has_any(&w, w_plans_strict) || (!order &&
	    has_any(&w, w_plans_loose)))
		return P_PLANS;
	/* "2025年重点工作" in a report on 2024 */
	if (year && y > year)
		return P_PLANS;
	if (year && y == year - 1 && has(&w, "问题"))
		return P_RECT;
	if (has_any(&w, w_other))
		return P_OTHER;
	if (has_any(&w, w_measures))
		return P_MEASURES;
	/* "2025年重点任务" when the year reported on is not known */
	if (!order && (has(&w, "重点工作") || has(&w, "重点任务") ||
	    has(&w, "工作重点") || has(&w, "目标任务")))
		return P_PLANS;
	return P_NONE;
}

/* Clause separators of a heading: 、 , ; 及 以及 和 与 并 (keys have
 * full-width punctuation folded to ASCII). */
static size_t
sep_len(const char *s)
{
	static const char seps[][7] = {
		"、", "以及", "及", "和", "与", "并"
	};

	if (*s == ',' || *s == ';')
		return 1;
	if ((*s & 0xF0) != 0xE0)
		return 0;
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		size_t l = seps[i][3] ? 6 : 3;

		if (s[1] == seps[i][1] && s[2] == seps[i][2] && s[0] == seps[i][0] &&
		    (l == 3 || (s[3] && strncmp(s + 3, seps[i] + 3, 3) == 0)))
			return l;
	}
	return 0;
}

int
ss_part_top(const char *key, int year, signed char out[PART_MAX])
{
	char clause[512];
	size_t cl = 0, bare = 0;
	int n = 0;
	const char *s = key;

	for (;;) {
		size_t sl = *s ? sep_len(s) : 1;

		if (sl || cl >= sizeof clause - 4) {
			int p;

			clause[cl] = '\0';
			p = cl ? clause_part(clause, year) : P_NONE;
			/* "存在问题及整改情况": the problems are named to
			 * report their rectification. */
			if (p == P_RECT && n > 0 && out[n - 1] == P_SHORTFALLS &&
			    utf8_count(clause, cl) <= 6 && bare)
				out[n - 1] = P_RECT;
			else if (p != P_NONE && (n == 0 || out[n - 1] != p) &&
			    n < PART_MAX)
				out[n++] = (signed char)p;
			bare = p == P_SHORTFALLS && utf8_count(clause, cl) <= 6;
			cl = 0;
			if (!*s)
				break;
			s += sl;
			continue;
		}
		clause[cl++] = *s++;
	}
	/* The same part named twice apart (measures, plans, measures) is
	 * one: keep the first place it is named. */
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (out[j] == out[i]) {
				memmove(out + j, out + j + 1, (size_t)(n - j - 1));
				n--;
				j--;
			}
	/* Work words beside a named part ("工作情况和存在问题") stay; a lone
	 * measures word with another part ("整改情况") is already folded. */
	return n;
}

int
ss_part_strict(const char *k)
{
	struct words w;

	words_init(&w, k);
	if (has_any(&w, w_duty) && has(&w, "职责"))
		return P_DUTY;
	/* "问题整改" alone may be work done: a report says 情况 or names
	 * the year before. */
	if ((has(&w, "整改") || has(&w, "改进")) && (has(&w, "情况") ||
	    has(&w, "上一年") || has(&w, "上年") || has(&w, "去年")))
		return P_RECT;
	if ((has(&w, "上一年") || has(&w, "上年度")) && (has(&w, "问题") ||
	    has(&w, "不足")))
		return P_RECT;
	/* "抓好存在问题整改": an order to remedy, work done. */
	if (opens_with(k, w_action))
		return P_NONE;
	if (has_any(&w, w_short_strict))
		return P_SHORTFALLS;
	if (has_any(&w, w_plans_strict))
		return P_PLANS;
	return P_NONE;
}

int
ss_part_shortfall_words(const char *k)
{
	struct words w;

	words_init(&w, k);
	return has_any(&w, w_shortfall_words);
}

static bool
starts(const char *k, const char *w)
{
	return strncmp(k, w, strlen(w)) == 0;
}

/* 20XX年 at k; returns its length or 0. */
static size_t
year_at(const char *k)
{
	if (k[0] == '2' && k[1] == '0' && k[2] >= '0' && k[2] <= '9' &&
	    k[3] >= '0' && k[3] <= '9' && starts(k + 4, "年"))
		return 4 + strlen("年");
	return 0;
}

int
ss_part_cue(const char *k, int year)
{
	static const char *const plan_starts[] = {
		"下一步", "下一年", "下一阶段", "下阶段", "明年", "今后", "新的一年",
		"展望", "针对上述", "针对以上", "针对这些", "针对存在的", NULL
	};
	static const char *const short_starts[] = {
		"存在的问题", "存在问题", "存在的不足", "存在不足", "主要问题",
		"不足之处", "问题和不足", "问题与不足", NULL
	};
	char first[600];
	size_t i = 0, y;
	const char *e;
	struct words w;

	for (const char *const *p = plan_starts; *p; p++)
		if (starts(k, *p))
			return P_PLANS;
	for (const char *const *p = short_starts; *p; p++)
		if (starts(k, *p))
			return P_SHORTFALLS;

	/* The first sentence, up to 。 or : (folded to ASCII). */
	e = strstr(k, "。");
	{
		const char *c = strchr(k, ':');

		if (c && (!e || c < e))
			e = c;
	}
	i = e ? (size_t)(e - k) : strlen(k);
	if (i >= sizeof first)
		i = sizeof first - 1;
	memcpy(first, k, i);
	first[i] = '\0';
	words_init(&w, first);

	if (has(&w, "存在") && !has(&w, "整改") && !has(&w, "改进") &&
	    (has(&w, "不足") || has(&w, "问题") || has(&w, "短板") ||
	    has(&w, "差距") || has(&w, "弱项")) &&
	    (has(&w, "取得") || has(&w, "成效") || has(&w, "成绩") ||
	    has(&w, "进展")) &&
	    (has(&w, "但") || has(&w, "虽") || has(&w, "也") ||
	    has(&w, "仍") || has(&w, "还")))
		return P_SHORTFALLS;

	/* 2025年,我区将… : a year opening a sentence about what will be done. */
	if (year && (y = year_at(k)) != 0) {
		const char *p = k + y;
		int chars = 0;

		if (*p == ',')
			p++;
		while (*p && chars < 14) {
			size_t l = 1;

			if (starts(p, "将"))
				return P_PLANS;
			if (*p == ',' || starts(p, "。"))
				break;
			while ((p[l] & 0xC0) == 0x80)
				l++;
			p += l;
			chars++;
		}
	}
	return P_NONE;
}
