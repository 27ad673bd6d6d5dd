/*
 * date: years and dates in the forms reports write them — 2024年,
 * 二〇二四年度, 2024年1-11月, 11月30日, 2024-12-24, 2024.12, “3·15” — as
 * ISO 8601 values (2024-11-30, --03-15, 2024-01/2024-11).
 */
#ifndef XN_DATE_H
#define XN_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "quantity.h"

/* The number written by the four digits at i, -1 when they are not
 * four digits. */
int xn_digits4(const struct xn *x, size_t i);
/* Reads 1-2 Arabic digits or a Chinese numeral below 100 at i. */
bool xn_small_num(struct xn *x, size_t i, int *v, size_t *end);
bool xn_plausible_year(uint64_t v);
/* Appends the ISO form of y-m-d (parts 0 when absent) to b. */
void xn_date_append(struct buf *b, int y, int m, int d);
/* Sets q's value text from its date parts. */
void xn_date_value(struct xn_q *q);
/* After a year (2024年, 今年): 度, 底, N月, N月N日, N-M月.  j is just
 * after 年; fills q and returns the end of the span. */
size_t xn_date_chain(struct xn *x, size_t j, struct xn_q *q);
/* Finishes a date/year q: value text and, for 1-11月 in one year, the
 * range form. */
void xn_date_finish(struct xn_q *q);

/* 12月18日、19日, 18日晚8时和19日晚: a day after a date of the same text
 * is a date of its month, not a number of days; turns q into it. */
void xn_listed_day(struct xn *x, struct xn_q *q);

/* Readers of the date forms (see quantity.h). */
enum xn_rd xn_read_named_day(struct xn *x, struct xn_read *r, struct xn_q *q);
enum xn_rd xn_read_sep_date(struct xn *x, struct xn_read *r, struct xn_q *q);
enum xn_rd xn_read_dotted_date(struct xn *x, struct xn_read *r, struct xn_q *q);
enum xn_rd xn_read_year_list(struct xn *x, struct xn_read *r, struct xn_q *q);
enum xn_rd xn_read_year(struct xn *x, struct xn_read *r, struct xn_q *q);
enum xn_rd xn_read_joined_years(struct xn *x, struct xn_read *r, struct xn_q *q);
enum xn_rd xn_read_month(struct xn *x, struct xn_read *r, struct xn_q *q);
enum xn_rd xn_read_cn_month(struct xn *x, struct xn_read *r, struct xn_q *q);
enum xn_rd xn_read_title_year(struct xn *x, struct xn_read *r, struct xn_q *q);

#endif
