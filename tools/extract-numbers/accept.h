/*
 * accept: whether a candidate quantity is one — not a code, a name, a
 * slogan, a set phrase, an enumerator or a section marker.
 */
#ifndef XN_ACCEPT_H
#define XN_ACCEPT_H

#include <stdbool.h>
#include <stddef.h>

#include "quantity.h"

/* A reader (see quantity.h) that turns down Chinese numerals in set
 * phrases and in running text (一是, 进一步), before their unit is read. */
enum xn_rd xn_screen_numeral(struct xn *x, struct xn_read *r, struct xn_q *q);
/* Whether q, read at numstart (after 第 when ordctx), is a quantity. */
bool xn_accept(struct xn *x, struct xn_q *q, size_t numstart, bool ordctx);
/* 第一部分, 第三章 at the start of a row (第 at di) are section markers. */
bool xn_heading(struct xn *x, const struct xn_q *q, size_t di);

#endif
