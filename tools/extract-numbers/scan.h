/*
 * scan: finds the quantities of one text (a row's last column) and hands
 * each to a callback, in text order.  Kept apart from main.c so that unit
 * tests and the fuzz harness can call it on any buffer.
 */
#ifndef XN_SCAN_H
#define XN_SCAN_H

#include <stdbool.h>
#include <stddef.h>

struct xn_match {
	size_t start, end;       /* code points of the text, half-open */
	const char *value;
	size_t value_len;
	const char *unit;        /* "" when the text gives none */
	const char *kind;
	const char *approx;      /* "" when exact */
	const char *label;
	size_t label_len;
	const char *raw;         /* the span as written */
	size_t raw_len;
};

typedef void (*xn_emit_fn)(void *ctx, const struct xn_match *m);

struct xn;

struct xn *xn_new(void);
void xn_free(struct xn *x);
/* Relative time (今年, 去年, 上年度, 年底) is no quantity and gives no
 * row, unless relative is set: then it is resolved on the anchor year. */
void xn_set_relative(struct xn *x, bool relative);
/* The anchor year; 0 (the default) takes the year from each document's
 * title or first date. */
void xn_set_year(struct xn *x, int year);
/* A new document begins: forget its anchor year. */
void xn_doc_begin(struct xn *x);
/* Scans text[0..len) (any bytes; invalid UTF-8 counts one code point
 * per byte).  Returns the number of matches emitted. */
size_t xn_scan(struct xn *x, const char *text, size_t len, xn_emit_fn emit,
    void *ctx);

#endif
