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

struct xn_dec {
	struct buf d;            /* ASCII digits, most significant first */
	size_t scale;            /* how many of them follow the point */
};

void xn_dec_clear(struct xn_dec *x);
void xn_dec_free(struct xn_dec *x);
void xn_dec_digit(struct xn_dec *x, int digit);   /* appends one digit */
void xn_dec_set_u64(struct xn_dec *x, uint64_t v);
/* Multiplies by 10^k. */
void xn_dec_shift(struct xn_dec *x, size_t k);
/* Adds one half (for 一年半); only exact when x has no fraction. */
void xn_dec_add_half(struct xn_dec *x);
/* The integer value, if x is a whole number below 10^18. */
bool xn_dec_u64(const struct xn_dec *x, uint64_t *v);
bool xn_dec_is_zero(const struct xn_dec *x);
/* Appends the plain decimal form: no leading or trailing zeros, no
 * exponent, "0" for zero. */
void xn_dec_format(const struct xn_dec *x, struct buf *out);
/* Reads a plain decimal back (digits and at most one point). */
void xn_dec_parse(struct xn_dec *x, const char *s, size_t n);
/* Whether plain decimal a is below plain decimal b, both as xn_dec_format
 * writes them (no leading or trailing zeros). */
bool xn_dec_text_less(const char *a, size_t an, const char *b, size_t bn);

#endif
