/*
 * artline: what one line of a page is, read alone — a credit (责任编辑,
 * 本报记者 某某, 《某某日报》（… 04 版）), a platform's notice, a counter,
 * the heading of a related-links part, a link away from the text
 * (相关解读：…), a date as documents write it, an agency's name.
 * Where such lines count (the article's edges, the lines under its
 * title) is article.c's business.
 */
#ifndef ZN_ARTLINE_H
#define ZN_ARTLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "html.h"

static inline bool
aline_starts(const char *s, size_t n, const char *t)
{
	size_t l = strlen(t);

	return n >= l && memcmp(s, t, l) == 0;
}

static inline bool
aline_ends(const char *s, size_t n, const char *t)
{
	size_t l = strlen(t);

	return n >= l && memcmp(s + n - l, t, l) == 0;
}

/* s without the spaces it starts with (an indent of U+3000); *n shrinks. */
const char *aline_lead(const char *s, size_t *n);
/* Han characters in s[0..n), counted up to max. */
unsigned aline_han_count(const char *s, size_t n, unsigned max);
/* 推荐阅读, 相关新闻, 延伸阅读, 猜你喜欢 … alone on line l (text text). */
bool aline_related_heading(const struct hline *l, const char *text);
/* 免责声明：… 特别声明：… (a platform's notice). */
bool aline_statement(const char *s, size_t n);
/* A credit, copyright, pager or widget line, a byline, a counter. */
bool aline_credit(const struct hline *l, const char *s, size_t n);
/* A date alone, written with 年 (2012年6月24日). */
bool aline_bare_doc_date(const char *s, size_t n);
/* An agency's or a paper's name: 新华社, 新京报, 某某局. */
bool aline_org_name(const char *s, size_t n);
/* A breadcrumb: 首页 > 新闻动态, 当前位置：… */
bool aline_breadcrumb(const char *s, size_t n);
/* A close button alone: ×, ✕, 关闭. */
bool aline_close_mark(const char *s, size_t n);
/* An advertisement: the law has them marked 广告, here at the start of
 * a link (or alone). */
bool aline_ad(const struct hline *l, const char *s, size_t n);
/* 相关解读：…, 延伸阅读：…: a link line that points away from the text. */
bool aline_related_label(const char *s, size_t n);

#endif
