/*
 * scanner: the state the readers of one text share — its folded code
 * points, the candidate quantity being read, what was reported last —
 * and the character classes they all test.  Internal to zh-extract-numbers
 * (scan.h is the interface).
 */
#ifndef XN_SCANNER_H
#define XN_SCANNER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "dec.h"
#include "numeral.h"
#include "places.h"
#include "scan.h"
#include "tables.h"
#include "utf8.h"

/* A candidate quantity. */
struct xn_q {
	size_t start, end;       /* the span, qualifiers included */
	size_t nend;             /* end of the number and multipliers */
	enum xn_kind kind;
	const char *unit;
	const char *approx;
	struct buf v;            /* the value text */
	int y, m, d;             /* dates: parts, 0 when absent */
	bool date;               /* a date or year form (y/m/d valid) */
	bool bare;               /* a number and nothing else */
	bool arabic;
	bool mult;               /* 万/亿 seen */
	unsigned char mult_pow;  /* the power of ten they make, or that the
	                          * 万/亿 ending a Chinese numeral makes */
	bool month_only;         /* 11月 alone: may take a year in a range */
	bool plain_int;          /* Arabic integer without separators */
	uint64_t ival;
	bool ival_ok;
};

struct xn {
	uint32_t *f;             /* folded code points of the text */
	uint32_t *off;           /* byte offset of each, and of the end */
	uint32_t *cand;          /* indexes where a quantity may start */
	size_t ncand;
	size_t cap, n;
	const char *text;
	size_t len;
	int fixed_year, anchor;
	bool relative;           /* report 今年, 去年, 年底 resolved */
	struct xn_dec val, val2;
	struct xn_q q1, q2;
	struct buf lab;
	size_t last_end;
	bool last_count;         /* the quantity ending there is no date */
	size_t year_list_end;    /* 年 closing a list 2023、2024年 seen */
	struct xn_places places; /* of the document */
	int last_y, last_m;      /* the last date with a day in this text */
	size_t last_date_end;    /* where it ends; 0 when there is none */
	xn_emit_fn emit;
	void *ctx;
	size_t count;
};

static inline uint32_t
xn_at(const struct xn *x, size_t i)
{
	return i < x->n ? x->f[i] : 0;
}

static inline bool
xn_is_han(uint32_t c)
{
	return utf8_is_han(c);
}

static inline bool
xn_is_alpha(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
xn_is_open_quote(uint32_t c)
{
	return c == 0x201C || c == '"' || c == 0x2018 || c == '\'' ||
	    c == 0x300C || c == 0x300E;
}

static inline bool
xn_is_close_quote(uint32_t c)
{
	return c == 0x201D || c == '"' || c == 0x2019 || c == '\'' ||
	    c == 0x300D || c == 0x300F;
}

void xn_q_reset(struct xn_q *q, size_t start);

#endif
