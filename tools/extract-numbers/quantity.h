/*
 * quantity: reads the candidate quantity that starts at a number — the
 * number, 余/多, 万/亿, a unit, 以上 — by trying one reader per written
 * form in turn (百分之N, 半年, dates, years, fractions, counts with a
 * measure word); the first that knows the form reads it.
 */
#ifndef XN_QUANTITY_H
#define XN_QUANTITY_H

#include <stdbool.h>
#include <stddef.h>

#include "scanner.h"

/* What a reader made of the text. */
enum xn_rd {
	XN_RD_NONE,              /* not its form: the next reader tries */
	XN_RD_DONE,              /* q holds the candidate */
	XN_RD_REJECT             /* no quantity starts here */
};

/* What the readers of one candidate share. */
struct xn_read {
	size_t i;                /* where the candidate starts */
	bool ordctx;             /* after 第 */
	struct xn_num num;       /* the number, once read */
	unsigned src;            /* XN_UF_ flags for the units it may take */
	size_t j;                /* end of what is read so far */
};

typedef enum xn_rd (*xn_reader_fn)(struct xn *x, struct xn_read *r,
    struct xn_q *q);

/* Builds the start-up tables; idempotent. */
void xn_quantity_init(void);
/* Reads a candidate quantity starting with a number at i into q; false
 * when nothing quantity-like starts there.  Whether it is reported is
 * xn_accept()'s decision. */
bool xn_parse_q(struct xn *x, size_t i, struct xn_q *q, bool ordctx);

/* A qualifier (约, 近, 超过 ...) written just before i: its length, and
 * the word in *word; 0 when none. */
size_t xn_prefix_approx(struct xn *x, size_t i, const char **word);
/* 以上, 以下, 左右 at j: sets q->approx, returns the new end. */
size_t xn_approx_suffix(struct xn *x, size_t j, struct xn_q *q);

#endif
