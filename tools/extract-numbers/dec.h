/*
 * dec: exact non-negative decimals kept as digit text, so that a value
 * read from a report prints back exactly (4.52万 is 45200, never
 * 45199.999...) and a digit run of any length cannot overflow.
 */
#ifndef XN_DEC_H
#define XN_DEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct dec {
	struct buf d;            /* ASCII digits, most significant first */
	size_t scale;            /* how many of them follow the point */
};

void dec_clear(struct dec *x);
void dec_free(struct dec *x);
void dec_digit(struct dec *x, int digit);   /* appends one digit */
void dec_set_u64(struct dec *x, uint64_t v);
/* Multiplies by 10^k. */
void dec_shift(struct dec *x, size_t k);
/* Adds one half (for 一年半); only exact when x has no fraction. */
void dec_add_half(struct dec *x);
/* The integer value, if x is a whole number below 10^18. */
bool dec_u64(const struct dec *x, uint64_t *v);
bool dec_is_zero(const struct dec *x);
/* Appends the plain decimal form: no leading or trailing zeros, no
 * exponent, "0" for zero. */
void dec_format(const struct dec *x, struct buf *out);
/* Reads a plain decimal back (digits and at most one point). */
void dec_parse(struct dec *x, const char *s, size_t n);
/* Whether plain decimal a is below plain decimal b, both as dec_format
 * writes them (no leading or trailing zeros). */
bool dec_text_less(const char *a, size_t an, const char *b, size_t bn);

#endif
