/*
 * relative: time written relative to the document's year — 今年, 去年,
 * 上年度, 年底 — resolved on an anchor year (given, or the year in the
 * title of a yearly report, or the document's first date).
 */
#ifndef XN_RELATIVE_H
#define XN_RELATIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "scanner.h"

/* Builds the start-up tables; idempotent. */
void xn_relative_init(void);
/* 今年, 去年, 上年度 ... at i: returns the end of the word (0 when
 * there is none) or, when relative time is reported and the anchor year
 * is known, of the date it starts (今年1-11月), filled in q (*got). */
size_t xn_relative_year(struct xn *x, size_t i, struct xn_q *q, bool *got);
/* 年底前, 到年底 at i: the end of the anchor year, in q. */
bool xn_year_end(struct xn *x, size_t i, struct xn_q *q);
/* Sets the anchor from the title of a yearly report (2024年…报告). */
void xn_find_title_year(struct xn *x);

#endif
