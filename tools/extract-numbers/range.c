#include <string.h>

#include "date.h"
#include "range.h"
#include "zhnum.h"

bool
xn_is_dash(uint32_t c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 ||
	    c == 0xFE58 || c == 0xFE63;
}

static size_t
sep_char(const struct xn *x, size_t s)
{
	uint32_t c = xn_at(x, s);

	if (xn_is_dash(c))
		return xn_at(x, s + 1) == c ? 2 : 1;
	return c == '~' || c == 0x301C || c == U'至' || c == U'到';
}

size_t
xn_range_sep(const struct xn *x, size_t s)
{
	size_t n;

	/* 2021 — 2025年: one space on each side, as a PDF leaves them. */
	if (xn_at(x, s) == ' ' && (n = sep_char(x, s + 1)) != 0 &&
	    xn_at(x, s + 1 + n) == ' ')
		return n + 2;
	return sep_char(x, s);
}

static bool
is_year_q(const struct xn_q *q)
{
	return q->date && q->kind == XN_K_YEAR;
}

/* The range's low end v takes the high end's 万 (10^k: 5-10万元), if
 * it then stays below the high end; else it stays as written if it is
 * below already (5000-1万元).  Returns whether v is below the high end. */
static bool
shift_low_end(struct xn *x, struct buf *v, size_t k, const struct buf *high)
{
	struct buf t = { 0 };
	bool below;

	xn_dec_parse(&x->val2, v->s, v->len);
	xn_dec_shift(&x->val2, k);
	xn_dec_format(&x->val2, &t);
	below = xn_dec_text_less(t.s, t.len, high->s, high->len);
	if (below) {
		buf_clear(v);
		buf_add(v, t.s, t.len);
	} else {
		below = xn_dec_text_less(v->s, v->len, high->s, high->len);
	}
	buf_free(&t);
	return below;
}

bool
xn_try_range(struct xn *x, struct xn_q *a)
{
	struct xn_q *b = &x->q2;
	size_t s = a->end, sl = xn_range_sep(x, s), t = s + sl;
	uint32_t c = xn_at(x, s);
	bool ok;

	if (!sl || a->kind == XN_K_RANGE)
		return false;
	if (!xn_is_digit(xn_at(x, t)) && !zhnum_is_numeral(xn_at(x, t)))
		return false;
	if (xn_is_digit(xn_at(x, t)) != a->arabic && !a->date)
		return false;
	/* 4月22日至26日: the second day takes the first one's month. */
	if (a->date && a->d && a->m && !a->bare && a->kind == XN_K_DATE) {
		int d2;
		size_t e2;

		if (xn_small_num(x, t, &d2, &e2) && (xn_at(x, e2) == U'日' ||
		    xn_at(x, e2) == U'号') && d2 > a->d && d2 <= 31 &&
		    xn_at(x, e2 + 1) != U'月') {
			buf_addc(&a->v, '/');
			xn_date_append(&a->v, a->y, a->m, d2);
			a->kind = XN_K_RANGE;
			a->unit = "";
			a->end = a->nend = e2 + 1;
			return true;
		}
	}
	/* 二〇二四年一月至十一月: a Chinese month only counts here. */
	if (a->date && a->m && !a->d && a->kind == XN_K_DATE &&
	    zhnum_is_numeral(xn_at(x, t))) {
		int m2;
		size_t e2;

		if (!xn_small_num(x, t, &m2, &e2) || xn_at(x, e2) != U'月' ||
		    m2 <= a->m || m2 > 12)
			return false;
		buf_addc(&a->v, '/');
		xn_date_append(&a->v, a->y, m2, 0);
		a->kind = XN_K_RANGE;
		a->unit = "";
		a->end = a->nend = e2 + 1;
		return true;
	}
	/* a's value is already text in a->v, so b may reuse x->val. */
	ok = xn_parse_q(x, t, b, false);
	/* A range end is one point: 2025年至2025年1-11月 is the year 2025,
	 * then the range 2025年1-11月 on its own, never LOW/MID/HIGH. */
	if (ok && (b->kind == XN_K_RANGE || (b->date && b->m)) && a->bare &&
	    a->plain_int && xn_plausible_year(a->ival) && c != U'到') {
		/* 2023-2025年1-11月, 2023-2025年1月至6月: the years, then
		 * the months alone. */
		int y2 = xn_digits4(x, t);

		if (y2 < 0 || xn_at(x, t + 4) != U'年' || !xn_plausible_year((uint64_t)y2) ||
		    (uint64_t)y2 <= a->ival)
			return false;
		a->date = true;
		a->y = (int)a->ival;
		a->kind = XN_K_YEAR;
		xn_date_value(a);
		buf_addc(&a->v, '/');
		xn_date_append(&a->v, y2, 0, 0);
		a->kind = XN_K_RANGE;
		a->unit = "年";
		a->bare = false;
		a->end = a->nend = t + 5;
		return true;
	}
	if (!ok || b->kind == XN_K_RANGE)
		return false;
	if (a->date || b->date) {
		if (a->bare && a->plain_int && b->month_only && a->ival >= 1 &&
		    a->ival <= (uint64_t)b->m) {
			/* 1-11月 */
			a->date = true;
			a->m = (int)a->ival;
			a->y = b->y;
			xn_date_value(a);
		} else if (a->bare && a->plain_int && is_year_q(b) &&
		    xn_plausible_year(a->ival) && a->ival <= (uint64_t)b->y) {
			a->date = true;
			a->y = (int)a->ival;
			a->kind = XN_K_YEAR;
			a->unit = b->unit;
			xn_date_value(a);
		} else if (!(a->date && b->date && !a->bare)) {
			return false;
		}
		if (a->y && !b->y && b->m) {
			b->y = a->y;
			xn_date_value(b);
		}
		if (is_year_q(a) && !is_year_q(b) && !b->m)
			return false;
		a->unit = is_year_q(a) && is_year_q(b) ? b->unit : "";
	} else if (a->bare && b->bare) {
		/* 2023-2025 */
		if (!(a->plain_int && b->plain_int && xn_plausible_year(a->ival) &&
		    xn_plausible_year(b->ival) && a->ival < b->ival && c != U'到'))
			return false;
		a->unit = "";
	} else if (a->bare && !b->bare) {
		if (!*b->unit || b->kind == XN_K_ORDINAL)
			return false;
		/* 三至五人, but not 二到百分之十 (of 党的二十大 cut short) */
		if (!a->arabic && (b->kind == XN_K_PERCENT || b->kind == XN_K_RATIO))
			return false;
		/* 5-10万元, 三至五万元: the low end shares the high end's 万 */
		if (b->mult_pow && !a->mult_pow &&
		    !shift_low_end(x, &a->v, b->mult_pow, &b->v))
			return false;
		a->unit = b->unit;
	} else if (!*a->unit && *b->unit && a->mult && b->mult &&
	    b->kind != XN_K_ORDINAL) {
		a->unit = b->unit;      /* 100万-200万元 */
	} else if (strcmp(a->unit, b->unit) != 0 || !*a->unit) {
		return false;
	}
	/* A range runs upwards: 1-1年 and 5-3 are codes. */
	if (!a->date && !xn_dec_text_less(a->v.s, a->v.len, b->v.s, b->v.len))
		return false;
	if (!*a->approx)
		a->approx = b->approx;
	buf_addc(&a->v, '/');
	buf_add(&a->v, b->v.s, b->v.len);
	a->kind = XN_K_RANGE;
	a->bare = false;
	a->end = b->end;
	a->nend = b->nend;
	return true;
}
