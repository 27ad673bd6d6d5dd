/*
 * range: joins two quantities written LOW SEP HIGH (2021-2025年, 5-10万元,
 * 4月22日至26日) into one row whose value is low/high.
 */
#ifndef XN_RANGE_H
#define XN_RANGE_H

#include <stdbool.h>
#include <stdint.h>

#include "scanner.h"

/* Characters written between the ends of a range. */
bool xn_is_range_sep(uint32_t c);
/* Joins a with the quantity after its separator (read into x->q2) when
 * the two belong together; returns whether it did. */
bool xn_try_range(struct xn *x, struct xn_q *a);

#endif
