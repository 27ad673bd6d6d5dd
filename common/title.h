/*
 * title: what reads as the title of a document, one rule for every tool
 * (zh-normalize's --meta title, zh-split-sections' title rows).
 *
 * A title is short, has no sentence punctuation and names a kind of
 * document: a yearly report (…年度报告, …工作情况, …总结) or an official
 * document after GB/T 9704 (国务院关于…的通知, 关于…的批复, …转发…的通知,
 * …实施方案).  Official titles are often set over two or three lines; the
 * first of them (国务院办公厅关于2019年) is recognised as a title that
 * goes on, and zh_title_ends tells where it stops.  Matching folds
 * traditional script and full width, so 關於…的報告 is a title too.
 */
#ifndef ZH_TITLE_H
#define ZH_TITLE_H

#include <stdbool.h>
#include <stddef.h>

enum zh_title {
	ZH_TITLE_NO,
	ZH_TITLE_FULL,          /* a whole title on one line */
	ZH_TITLE_OPEN           /* the first line of a title set over lines */
};

/* Whether the line s (one row's text) reads as a title. */
enum zh_title zh_title_like(const char *s, size_t n);

/* Whether a line ends in the name of a kind of document (通知, 意见,
 * 批复, 函, 报告, 方案 …): the last line of a title set over lines. */
bool zh_title_ends(const char *s, size_t n);

#endif
