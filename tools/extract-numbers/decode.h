/*
 * decode: turns a text's bytes into the code points the readers match
 * (width- and script-folded, so 萬 and ２ meet the rules for 万 and 2),
 * the byte offset of each, and the list of places where a quantity may
 * start, so that the scan skips the rest of the text at once.
 */
#ifndef XN_DECODE_H
#define XN_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xn;

/* Builds the start-up tables; idempotent. */
void xn_decode_init(void);
/* Whether a quantity or a relative word may start with folded c. */
bool xn_may_start(uint32_t c);
/* Fills x->f, x->off, x->cand and x->n from s[0..len). */
void xn_decode(struct xn *x, const char *s, size_t len);

#endif
