/*
 * numeral: reads the number itself — Arabic digits with separators and
 * decimals, or Chinese numerals (positional 二〇二四 as well as
 * 三千二百万, 兩/萬/億, 廿, financial 壹贰叁) — from folded code points.
 */
#ifndef XN_NUMERAL_H
#define XN_NUMERAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dec.h"

struct xn_num {
	size_t start, end;       /* code points [start, end) */
	bool arabic;
	size_t intlen;           /* Arabic: digits before the point */
	bool sep;                /* Arabic: thousands separators seen */
	bool frac;               /* Arabic: a decimal point seen */
	bool lead0;              /* Arabic: 0 followed by more digits (codes) */
	bool seq;                /* Chinese: digit by digit, 二〇二四 */
	bool one;                /* Chinese: a lone 一 */
	size_t nchars;           /* Chinese: characters used */
	bool ival_ok;            /* ival holds the value (integer < 10^18) */
	uint64_t ival;
};

static inline bool
xn_is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/* Arabic number at f[i] (a digit).  Always succeeds. */
void xn_parse_arabic(const uint32_t *f, size_t i, size_t n, struct xn_num *num,
    struct xn_dec *val);
/* Chinese numeral at f[i] (zhnum_read); false if none starts there. */
bool xn_parse_cn(const uint32_t *f, size_t i, size_t n, struct xn_num *num,
    struct xn_dec *val);

#endif
