/*
 * range: joins two quantities written LOW SEP HIGH (2021-2025年, 5-10万元,
 * 4月22日至26日) into one row whose value is low/high.
 */
#ifndef XN_RANGE_H
#define XN_RANGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scanner.h"

/* A dash of any width or form: - ‐ ‒ – — ― − ﹣ (－ folds to -). */
bool xn_is_dash(uint32_t c);
/* The length of the separator written between the ends of a range at
 * s: a dash, ~, 〜, 至 or 到 (1), or a doubled dash —— ―― (2), with
 * one space on each side or none; 0 when there is none. */
size_t xn_range_sep(const struct xn *x, size_t s);
/* Joins a with the quantity after its separator (read into x->q2) when
 * the two belong together; returns whether it did. */
bool xn_try_range(struct xn *x, struct xn_q *a);

#endif
