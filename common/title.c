#include <stdint.h>
#include <string.h>

#include "title.h"
#include "utf8.h"
#include "zhfold.h"

/* Longer lines are sentences, not titles; a title line set over several
 * lines is shorter still. */
#define TITLE_MIN_CPS 5
#define TITLE_MAX_CPS 80
#define OPEN_MAX_CPS 40
/* The issuing body before 关于 / 转发 (国务院办公厅, 青川市人民政府办公室). */
#define ISSUER_MAX_CPS 24

struct key {
	char s[4 * TITLE_MAX_CPS + 8];
	size_t len;
	size_t end;             /* before a last bracket: …办法(试行) */
	size_t cps;
	bool han;
};

/* Folds s (simplified, ASCII width) into k; false when it is too long
 * to be a title.  Trailing spaces are dropped. */
static bool
fold(struct key *k, const char *s, size_t n)
{
	size_t i = 0;

	k->len = k->cps = 0;
	k->han = false;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (i < n) {
		uint32_t cp = zh_fold(utf8_next_fast(s, n, &i));

		if (++k->cps > TITLE_MAX_CPS)
			return false;
		k->han = k->han || utf8_is_han(cp);
		k->len += (size_t)utf8_encode(cp, k->s + k->len);
	}
	k->s[k->len] = '\0';
	k->end = k->len;
	if (k->len > 2 && k->s[k->len - 1] == ')') {
		const char *o = strrchr(k->s, '(');

		if (o && o > k->s)
			k->end = (size_t)(o - k->s);
	}
	return true;
}

static bool
has(const struct key *k, const char *w)
{
	return strstr(k->s, w) != NULL;
}

/* Whether the title ends with w, a bracket after it aside. */
static bool
ends(const struct key *k, const char *w)
{
	size_t l = strlen(w);

	return k->end >= l && memcmp(k->s + k->end - l, w, l) == 0;
}

/* The kinds of document a title names at its end. */
static const char *const kinds[] = {
	"通知", "通报", "意见", "批复", "批覆", "复函", "函", "决定", "方案", "办法",
	"规定", "细则", "规划", "计划", "纲要", "要点", "条例", "规则", "公告",
	"通告", "决议", "请示", "纪要", "指南", "指引", "清单", "名单", "目录",
	"措施", "报告", "总结", "预案", "答复", NULL
};

static bool
ends_kind(const struct key *k)
{
	for (const char *const *w = kinds; *w; w++)
		if (ends(k, *w))
			return true;
	return false;
}

/* A year 19XX or 20XX. */
static bool
has_year(const struct key *k)
{
	for (size_t i = 0; i + 4 <= k->len; i++)
		if ((k->s[i] == '1' || k->s[i] == '2') &&
		    (k->s[i + 1] == '9' || k->s[i + 1] == '0') &&
		    k->s[i + 2] >= '0' && k->s[i + 2] <= '9' &&
		    k->s[i + 3] >= '0' && k->s[i + 3] <= '9')
			return true;
	return false;
}

/* The byte offset of 关于 / 转发 / 印发 / 批转 after the issuing body (the
 * opening of an official title), or -1. */
static long
official_at(const struct key *k)
{
	static const char *const words[] = { "关于", "转发", "印发", "批转", NULL };
	long best = -1;

	for (const char *const *w = words; *w; w++) {
		const char *p = strstr(k->s, *w);

		if (p && utf8_count(k->s, (size_t)(p - k->s)) <= ISSUER_MAX_CPS &&
		    (best < 0 || p - k->s < best))
			best = p - k->s;
	}
	/* 国务院办公厅对…的答复: 对 right after the name of a body */
	if (best < 0)
		for (const char *p = k->s; (p = strstr(p, "对")) != NULL; p += 3) {
			size_t at = (size_t)(p - k->s);

			if (utf8_count(k->s, at) > ISSUER_MAX_CPS)
				break;
			if (at >= 3 && utf8_contains("厅府院委部局室会", utf8_next_fast(
			    k->s, k->len, &(size_t){ at - 3 })))
				return (long)at;
		}
	return best;
}

static bool
han_at(const struct key *k, size_t i)
{
	return i < k->len && utf8_is_han(utf8_next_fast(k->s, k->len, &i));
}

/* A comma inside a title is 、 folded by zh-normalize --punct=ascii: a
 * list of names after 关于 (关于同意乌鲁木齐,昌吉,石河子…), Han on
 * both sides. */
static bool
listed_comma(const struct key *k, size_t i, long official)
{
	size_t prev = i;

	if (official < 0 || (long)i < official || i == 0 || !han_at(k, i + 1))
		return false;
	do
		prev--;
	while (prev > 0 && ((unsigned char)k->s[prev] & 0xC0) == 0x80);
	return han_at(k, prev);
}

/* Sentence punctuation, breadcrumbs, source lines: not a title. */
static bool
bad_text(const struct key *k)
{
	static const char *const words[] = {
		"。", "来源", "如下", "发布时间", "»", NULL
	};
	long official = official_at(k);

	if (strpbrk(k->s, ";:!?>") != NULL || ends(k, "、"))
		return true;
	for (const char *c = k->s; (c = strchr(c, ',')) != NULL; c++)
		if (!listed_comma(k, (size_t)(c - k->s), official))
			return true;
	for (const char *const *w = words; *w; w++)
		if (has(k, *w))
			return true;
	return false;
}

/* A heading marker at the start: 一、 (一) 1. 第一章. */
static bool
marker_start(const struct key *k)
{
	static const char numerals[] = "一二三四五六七八九十";
	size_t i = 0;
	uint32_t c;

	if (k->len == 0)
		return false;
	if (k->s[0] == '(' || k->s[0] == '[')
		return true;
	if (k->s[0] >= '0' && k->s[0] <= '9') {
		while (i < k->len && k->s[i] >= '0' && k->s[i] <= '9')
			i++;
		return k->s[i] == '.' || strncmp(k->s + i, "、", 3) == 0;
	}
	c = utf8_next_fast(k->s, k->len, &i);
	if (c == 0x7B2C) {                      /* 第 */
		if (i >= k->len)
			return false;
		c = utf8_next_fast(k->s, k->len, &i);
		return utf8_contains(numerals, c);
	}
	if (!utf8_contains(numerals, c) || i >= k->len)
		return false;
	c = utf8_next_fast(k->s, k->len, &i);
	return c == 0x3001 || c == '.';         /* 、 . */
}

/* 关于, 转发, 印发 right after the issuing body: the opening of an
 * official title. */
static bool
official_start(const struct key *k)
{
	return official_at(k) >= 0;
}

static bool
report_words(const struct key *k)
{
	static const char *const words[] = {
		"报告", "总结", "工作情况", "建设情况", "工作要点", NULL
	};

	for (const char *const *w = words; *w; w++)
		if (has(k, *w))
			return true;
	/* 滨江区2024年度依法治区情况 */
	return has_year(k) && has(k, "情况");
}

enum zh_title
zh_title_like(const char *s, size_t n)
{
	struct key k;

	if (n > 4 * TITLE_MAX_CPS || !fold(&k, s, n) || !k.han ||
	    k.cps < TITLE_MIN_CPS || bad_text(&k) || marker_start(&k))
		return ZH_TITLE_NO;
	if (report_words(&k))
		return ZH_TITLE_FULL;
	/* 国家组织药品集中采购和使用试点方案; not 下一步工作计划, a part
	 * of a report named without a number; 国家粮食应急预案 */
	if (ends_kind(&k) && (official_start(&k) || has_year(&k) || k.cps >= 10 ||
	    (ends(&k, "预案") && k.cps >= 6)))
		return ZH_TITLE_FULL;
	if (k.cps <= OPEN_MAX_CPS && official_start(&k))
		return ZH_TITLE_OPEN;
	return ZH_TITLE_NO;
}

bool
zh_title_ends(const char *s, size_t n)
{
	struct key k;

	if (n > 4 * TITLE_MAX_CPS || !fold(&k, s, n))
		return false;
	return ends_kind(&k) || ends(&k, "情况");
}
