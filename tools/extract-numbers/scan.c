/*
 * The scanner works on code points folded to simplified, half-width form
 * (f[]), keeping the byte offset of each (off[]) to slice raw text and
 * labels out of the original.  At each digit or numeral it reads a
 * candidate quantity (quantity.c) — number, 余/多, 万/亿, unit, 以上 —
 * joins a range (range.c) and then decides by context whether it is one
 * (accept.c): a Chinese numeral needs a measure word or 第; a bare Arabic
 * number must not run into a name or a code; a 4-digit number is a year
 * only before 年 or in a date form.
 */
#include <stdlib.h>
#include <string.h>

#include "accept.h"
#include "cli.h"
#include "date.h"
#include "decode.h"
#include "label.h"
#include "quantity.h"
#include "range.h"
#include "relative.h"
#include "scanner.h"
#include "zhnum.h"

struct xn *
xn_new(void)
{
	struct xn *x = xcalloc(1, sizeof *x);

	xn_tables_init();
	xn_relative_init();
	xn_quantity_init();
	xn_decode_init();
	return x;
}

void
xn_free(struct xn *x)
{
	if (!x)
		return;
	free(x->f);
	free(x->off);
	free(x->cand);
	xn_dec_free(&x->val);
	xn_dec_free(&x->val2);
	buf_free(&x->q1.v);
	buf_free(&x->q2.v);
	buf_free(&x->lab);
	free(x);
}

void
xn_set_relative(struct xn *x, bool relative)
{
	x->relative = relative;
}

void
xn_set_year(struct xn *x, int year)
{
	x->fixed_year = year;
	x->anchor = year;
}

void
xn_doc_begin(struct xn *x)
{
	x->anchor = x->fixed_year;
	xn_places_clear(&x->places);
}

static void
emit(struct xn *x, struct xn_q *q)
{
	struct xn_match m;

	if (!x->anchor && q->date && q->y)
		x->anchor = q->y;
	xn_label(x->f, x->off, x->text, x->n, q->start, q->end, x->last_end,
	    x->last_count,
	    q->date || q->kind == XN_K_ORDINAL, &x->lab);
	m.start = q->start;
	m.end = q->end;
	m.value = q->v.s ? q->v.s : "";
	m.value_len = q->v.len;
	m.unit = q->unit;
	m.kind = xn_kind_names[q->kind];
	m.approx = q->approx;
	m.label = x->lab.s ? x->lab.s : "";
	m.label_len = x->lab.len;
	m.raw = x->text + x->off[q->start];
	m.raw_len = x->off[q->end] - x->off[q->start];
	x->emit(x->ctx, &m);
	x->last_end = q->end;
	x->last_count = !q->date && q->kind != XN_K_YEAR && q->kind != XN_K_DATE;
	if (q->kind == XN_K_DATE && q->m && q->d) {
		x->last_y = q->y;
		x->last_m = q->m;
		x->last_date_end = q->end;
	}
	x->count++;
}

/* Skips the rest of a rejected number so that its tail is not read as
 * another (十四五 must not yield 四五, 1+6+N not 6). */
static size_t
skip_token(struct xn *x, size_t i)
{
	size_t j = i + 1;

	if (xn_is_digit(x->f[i])) {
		while (j < x->n && (xn_is_digit(x->f[j]) || xn_is_alpha(x->f[j]) ||
		    x->f[j] == '+' || x->f[j] == '.' || x->f[j] == '-' ||
		    x->f[j] == '/' || x->f[j] == ':' || x->f[j] == ','))
			j++;
	} else {
		while (j < x->n && zhnum_is_numeral(x->f[j]))
			j++;
	}
	return j;
}

/* An item number written before a year, 1.2024年: returns in *e where
 * the year starts. */
static bool
enum_year(struct xn *x, size_t i, size_t *e)
{
	size_t j = i;

	while (j < x->n && xn_is_digit(x->f[j]) && j - i < 3)
		j++;
	if (j == i || j - i > 2 || xn_at(x, j) != '.')
		return false;
	if (xn_digits4(x, j + 1) < 1000 || xn_at(x, j + 5) != U'年')
		return false;
	*e = j + 1;
	return true;
}

/* At a character that starts no number (今, 去, 年 ...): relative time.
 * Returns where the scan goes on. */
static size_t
scan_word(struct xn *x, size_t i)
{
	struct xn_q *q = &x->q1;
	uint32_t c = x->f[i];
	size_t e;
	bool got;

	/* Relative words are skipped whole even when not reported, so that
	 * 上一年度 is not read as 一年. */
	if ((xn_at(x, i + 1) == U'年' || xn_at(x, i + 1) == U'一') &&
	    c != U'年' && (e = xn_relative_year(x, i, q, &got)) != 0) {
		if (got)
			emit(x, q);
		return e;
	}
	if (c == U'年' && x->relative && xn_year_end(x, i, q)) {
		emit(x, q);
		return i + 2;
	}
	return i + 1;
}

/* At a number: reads, joins, accepts and reports a quantity.  Returns
 * where the scan goes on. */
static size_t
scan_number(struct xn *x, size_t i)
{
	struct xn_q *q = &x->q1;
	const char *pw = "";
	size_t pre, e;
	bool ordctx;

	if (enum_year(x, i, &e))
		return e;       /* 1.2024年工作台账: an item number, then a year */
	ordctx = i && x->f[i - 1] == U'第' && i - 1 >= x->last_end;
	if (!xn_parse_q(x, i, q, ordctx))
		return skip_token(x, i);
	if (q->date)
		ordctx = false; /* 第1月 is no ordinal */
	if (!ordctx || !*q->unit)
		xn_try_range(x, q);     /* 第一至三批 too */
	if (!ordctx)
		xn_listed_day(x, q);
	if (!xn_accept(x, q, i, ordctx))
		return skip_token(x, i);
	if (ordctx && xn_heading(x, q, i - 1))
		return q->end;
	if (ordctx) {
		q->start = i - 1;
		if (q->kind != XN_K_RANGE)      /* 第一至三批 is a range */
			q->kind = XN_K_ORDINAL;
		q->approx = "";
	} else if (i && x->f[i - 1] == U'前' && i - 1 >= x->last_end &&
	    (strcmp(q->unit, "名") == 0 || strcmp(q->unit, "位") == 0 ||
	    strcmp(q->unit, "季度") == 0)) {
		q->start = i - 1;
		q->kind = XN_K_ORDINAL;
	} else if (!q->date && (pre = xn_prefix_approx(x, i, &pw)) != 0) {
		q->start = i - pre;
		q->approx = pw;
	}
	emit(x, q);
	return q->end;
}

size_t
xn_scan(struct xn *x, const char *text, size_t len, xn_emit_fn fn, void *ctx)
{
	size_t i = 0;

	x->text = text;
	x->len = len;
	x->emit = fn;
	x->ctx = ctx;
	x->count = 0;
	x->last_end = 0;
	x->last_count = false;
	x->year_list_end = 0;
	x->last_date_end = 0;
	xn_decode(x, text, len);
	if (x->relative && !x->anchor)
		xn_find_title_year(x);
	for (size_t ci = 0; ci < x->ncand; ci++) {
		uint32_t c;

		if (x->cand[ci] < i)
			continue;
		i = x->cand[ci];
		c = x->f[i];
		if (!xn_is_digit(c) && !zhnum_is_numeral(c) && c != U'半')
			i = scan_word(x, i);
		else
			i = scan_number(x, i);
	}
	return x->count;
}
