#include <string.h>

#include "date.h"
#include "range.h"
#include "zhnum.h"

int
xn_digits4(const struct xn *x, size_t i)
{
	int v = 0;

	for (size_t k = i; k < i + 4; k++) {
		if (!xn_is_digit(xn_at(x, k)))
			return -1;
		v = v * 10 + (int)(xn_at(x, k) - '0');
	}
	return v;
}

bool
xn_small_num(struct xn *x, size_t i, int *v, size_t *end)
{
	struct xn_num num;

	if (i >= x->n)
		return false;
	if (xn_is_digit(x->f[i])) {
		size_t j = i;
		int r = 0;

		while (j < x->n && xn_is_digit(x->f[j]) && j - i < 3)
			r = r * 10 + (int)(x->f[j++] - '0');
		if (j - i > 2 || (j < x->n && (xn_is_digit(x->f[j]) || x->f[j] == '.')))
			return false;
		*v = r;
		*end = j;
		return true;
	}
	if (!zhnum_is_numeral(x->f[i]) || !xn_parse_cn(x->f, i, x->n, &num, &x->val2))
		return false;
	if (num.ival > 99 || num.seq)
		return false;
	*v = (int)num.ival;
	*end = num.end;
	return true;
}

static void
add_int(struct buf *b, int v, int width)
{
	char tmp[16];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n < width)
		tmp[n++] = '0';
	while (n)
		buf_addc(b, tmp[--n]);
}

void
xn_date_append(struct buf *b, int y, int m, int d)
{
	if (y)
		add_int(b, y, 4);
	else
		buf_adds(b, "-");
	if (m) {
		buf_addc(b, '-');
		add_int(b, m, 2);
		if (d) {
			buf_addc(b, '-');
			add_int(b, d, 2);
		}
	} else if (d) {
		buf_adds(b, "--");
		add_int(b, d, 2);
	}
}

void
xn_date_value(struct xn_q *q)
{
	buf_clear(&q->v);
	xn_date_append(&q->v, q->y, q->m, q->d);
}

size_t
xn_date_chain(struct xn *x, size_t j, struct xn_q *q)
{
	int m, m2, d;
	size_t e, e2, sl;
	uint32_t c = xn_at(x, j);

	q->date = true;
	q->kind = XN_K_YEAR;
	q->unit = "年";
	if (c == U'度') {
		q->unit = "年度";
		return j + 1;
	}
	/* 2020年初步建成: 初步, not 年初. */
	if (c == U'初' && utf8_contains("步期心衷级中始", xn_at(x, j + 1)))
		return j;
	if (c == U'底' || c == U'末' || c == U'初') {
		q->m = c == U'初' ? 1 : 12;
		q->kind = XN_K_DATE;
		q->unit = "";
		return j + 1;
	}
	if (!xn_small_num(x, j, &m, &e) || m < 1 || m > 12)
		return j;
	if ((sl = xn_range_sep(x, e)) != 0 && xn_small_num(x, e + sl, &m2, &e2) &&
	    xn_at(x, e2) == U'月' && m2 >= m && m2 <= 12) {
		/* 2024年1-11月: a range of months in one year. */
		q->m = m;
		q->d = m2;      /* the caller turns this into a range */
		q->kind = XN_K_RANGE;
		q->unit = "";
		return e2 + 1 + (xn_at(x, e2 + 1) == U'份');
	}
	if (xn_at(x, e) != U'月')
		return j;
	q->m = m;
	q->kind = XN_K_DATE;
	q->unit = "";
	e++;
	if (xn_at(x, e) == U'份')
		e++;
	if (xn_small_num(x, e, &d, &e2) && (xn_at(x, e2) == U'日' || xn_at(x, e2) == U'号') &&
	    d >= 1 && d <= 31) {
		q->d = d;
		return e2 + 1;
	}
	c = xn_at(x, e);
	if (c == U'底' || c == U'初' || c == U'末')
		e++;
	else if ((c == U'上' || c == U'中' || c == U'下') && xn_at(x, e + 1) == U'旬')
		e += 2;
	return e;
}

void
xn_date_finish(struct xn_q *q)
{
	if (q->kind == XN_K_RANGE) {
		int m2 = q->d;

		q->d = 0;
		xn_date_value(q);
		buf_addc(&q->v, '/');
		if (q->y)
			add_int(&q->v, q->y, 4);
		else
			buf_adds(&q->v, "-");
		buf_addc(&q->v, '-');
		add_int(&q->v, m2, 2);
		return;
	}
	xn_date_value(q);
}

bool
xn_plausible_year(uint64_t v)
{
	return v >= 1900 && v <= 2100;
}

/* One or two Arabic digits at i, not followed by a third. */
static bool
digits12(struct xn *x, size_t i, int *v, size_t *end)
{
	size_t j = i;

	while (j < x->n && xn_is_digit(x->f[j]) && j - i < 3)
		j++;
	if (j == i || j - i > 2)
		return false;
	*v = (int)(x->f[i] - '0');
	if (j - i == 2)
		*v = *v * 10 + (int)(x->f[i + 1] - '0');
	*end = j;
	return true;
}

/* Separator date forms after a 4-digit year: 2024-12-24, 2021/03/29,
 * 2024.12.24, 2024-12. */
static bool
sep_date(struct xn *x, size_t j, int y, struct xn_q *q)
{
	uint32_t s = xn_at(x, j);
	int m, d;
	size_t e, e2;

	if (s != '-' && s != '/' && s != '.')
		return false;
	if (!digits12(x, j + 1, &m, &e) || m < 1 || m > 12)
		return false;
	if (xn_at(x, e) == s && digits12(x, e + 1, &d, &e2) &&
	    !((xn_at(x, e2) == s || xn_at(x, e2) == '.') && xn_is_digit(xn_at(x, e2 + 1))) &&
	    d >= 1 && d <= 31 && !xn_is_digit(xn_at(x, e2))) {
		q->y = y;
		q->m = m;
		q->d = d;
		q->end = e2;
		if (xn_at(x, e2) == U'日')
			q->end++;
		goto ok;
	}
	if (s == '.' || xn_at(x, e) == U'年' || xn_at(x, e) == U'月' || xn_at(x, e) == s)
		return false;
	q->y = y;
	q->m = m;
	q->end = e;
ok:
	q->date = true;
	q->kind = XN_K_DATE;
	q->unit = "";
	xn_date_value(q);
	return true;
}

/* A 4-digit year with 年 at f[i], or another one of a list. */
static bool
year_follows(struct xn *x, size_t i)
{
	/* A long list is walked once, not once per year. */
	if (i < x->year_list_end)
		return true;
	for (;; i += 5) {
		if (xn_digits4(x, i) < 0)
			return false;
		if (xn_at(x, i + 4) == U'年') {
			x->year_list_end = i + 4;
			return true;
		}
		if (xn_at(x, i + 4) != 0x3001)
			return false;
	}
}

/* Whether N日 at [start, end) is a day, not a number of days: a time of
 * the day follows (19日晚8时), or it is listed after a date (12月18日、
 * 19日). */
static bool
day_not_days(const struct xn *x, size_t start, size_t end)
{
	uint32_t c = xn_at(x, end), p = start ? x->f[start - 1] : 0;

	if (utf8_contains("晚早晨夜凌午时", c) || ((c == U'上' || c == U'下' ||
	    c == U'中') && xn_at(x, end + 1) == U'午'))
		return true;
	/* 19日20时35分, 19日 8:30 */
	{
		size_t k = end + (c == ' ');

		while (xn_is_digit(xn_at(x, k)) && k < end + 4)
			k++;
		if (k > end + (c == ' ') && (xn_at(x, k) == U'时' ||
		    xn_at(x, k) == U'点' || xn_at(x, k) == ':'))
			return true;
	}
	return x->last_date_end && x->last_date_end + 1 == start &&
	    (p == 0x3001 || p == U'和' || p == U'及' || p == U'与' || p == U'或');
}

void
xn_listed_day(struct xn *x, struct xn_q *q)
{
	if (strcmp(q->unit, "日") != 0 || q->mult || *q->approx || !q->ival_ok ||
	    q->ival < 1 || q->ival > 31 || !x->last_date_end ||
	    x->last_date_end > q->start || !day_not_days(x, q->start, q->end))
		return;
	q->date = true;
	q->kind = XN_K_DATE;
	q->unit = "";
	q->y = x->last_y;
	q->m = x->last_m;
	q->d = (int)q->ival;
	xn_date_value(q);
}

/* Named days “3·15”, “12·4”. */
enum xn_rd
xn_read_named_day(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	size_t j = r->j, e;
	int d;

	if (r->num.intlen > 2 || r->num.frac || (xn_at(x, j) != 0xB7 &&
	    xn_at(x, j) != 0x30FB && xn_at(x, j) != 0x2022 && xn_at(x, j) != 0x2027))
		return XN_RD_NONE;
	if (xn_is_digit(xn_at(x, j + 1)) && xn_small_num(x, j + 1, &d, &e) &&
	    r->num.ival >= 1 && r->num.ival <= 12 && d >= 1 && d <= 31) {
		q->date = true;
		q->kind = XN_K_DATE;
		q->m = (int)r->num.ival;
		q->d = d;
		q->end = q->nend = e;
		xn_date_value(q);
		return XN_RD_DONE;
	}
	return XN_RD_REJECT;
}

/* 2024-12-24, 2021/03/29, 2024-12 */
enum xn_rd
xn_read_sep_date(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	if (r->num.intlen == 4 && q->plain_int && xn_plausible_year(r->num.ival) &&
	    sep_date(x, r->j, (int)r->num.ival, q)) {
		q->nend = q->end;
		return XN_RD_DONE;
	}
	return XN_RD_NONE;
}

/* 2024.12.31 reads as 2024.12 and a stray .31 otherwise. */
enum xn_rd
xn_read_dotted_date(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	if (r->num.intlen == 4 && r->num.frac && !r->num.sep &&
	    xn_at(x, r->j) == '.' && xn_is_digit(xn_at(x, r->j + 1))) {
		int y = xn_digits4(x, r->i);

		if (xn_plausible_year((uint64_t)y) && sep_date(x, r->i + 4, y, q)) {
			q->nend = q->end;
			return XN_RD_DONE;
		}
	}
	return XN_RD_NONE;
}

/* 2023、2024年: the first year of a list shares the 年. */
enum xn_rd
xn_read_year_list(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	size_t j = r->j;

	if (r->num.intlen == 4 && q->plain_int && xn_plausible_year(r->num.ival) &&
	    (xn_at(x, j) == 0x3001 || xn_at(x, j) == U'和' || xn_at(x, j) == U'及') &&
	    year_follows(x, j + 1)) {
		q->date = true;
		q->kind = XN_K_YEAR;
		q->unit = "年";
		q->y = (int)r->num.ival;
		q->end = q->nend = j;
		xn_date_value(q);
		return XN_RD_DONE;
	}
	return XN_RD_NONE;
}

/* Years: 2024年, 二〇二四年, then 度 or a month and a day; a heading may
 * put a space before 年 (2025 年工作计划). */
enum xn_rd
xn_read_year(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	const struct xn_num *num = &r->num;
	size_t j = r->j;

	if (xn_at(x, j) == ' ' && xn_at(x, j + 1) == U'年' && q->arabic &&
	    num->intlen == 4 && q->plain_int && xn_plausible_year(num->ival))
		j++;
	if (xn_at(x, j) == U'年' && num->ival_ok && ((q->arabic &&
	    num->intlen == 4 && q->plain_int) || (num->seq && num->nchars == 4)) &&
	    xn_plausible_year(num->ival)) {
		q->y = (int)num->ival;
		q->end = xn_date_chain(x, j + 1, q);
		q->nend = q->end;
		xn_date_finish(q);
		return XN_RD_DONE;
	}
	return XN_RD_NONE;
}

/* 20212025年: the range 2021-2025年 whose dash a conversion lost (an en
 * dash has no GBK code); no eight-digit count of years is written. */
enum xn_rd
xn_read_joined_years(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	size_t j = r->j, i = r->i;
	int y1, y2;

	if (xn_at(x, j) == ' ')
		j++;
	if (r->num.intlen != 8 || !q->plain_int || xn_at(x, j) != U'年')
		return XN_RD_NONE;
	y1 = xn_digits4(x, i);
	y2 = xn_digits4(x, i + 4);
	if (!xn_plausible_year((uint64_t)y1) || !xn_plausible_year((uint64_t)y2) ||
	    y2 <= y1)
		return XN_RD_NONE;
	q->date = true;
	q->kind = XN_K_RANGE;
	q->unit = xn_at(x, j + 1) == U'度' ? "年度" : "年";
	q->y = y1;
	xn_date_value(q);
	buf_addc(&q->v, '/');
	xn_date_append(&q->v, y2, 0, 0);
	q->end = q->nend = j + 1 + (xn_at(x, j + 1) == U'度');
	return XN_RD_DONE;
}

/* Words of a report's or a plan's title. */
static bool
title_row(const struct xn *x)
{
	static const uint32_t words[][2] = {
		{ U'报', U'告' }, { U'总', U'结' }, { U'要', U'点' },
		{ U'计', U'划' }, { U'规', U'划' }, { U'方', U'案' },
	};

	for (size_t k = 0; k + 1 < x->n; k++)
		for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
			if (x->f[k] == words[w][0] && x->f[k + 1] == words[w][1])
				return true;
	return false;
}

/* 沅江路街道2024法治政府建设年度报告: a title may leave out 年, so a
 * year runs into the words after it (unit empty). */
enum xn_rd
xn_read_title_year(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	uint32_t c = xn_at(x, r->j), p = r->i ? x->f[r->i - 1] : 0;

	if (r->num.intlen != 4 || !q->plain_int || r->num.lead0 ||
	    !xn_plausible_year(r->num.ival) || !xn_is_han(c) || !xn_is_han(p) ||
	    p == U'第' || xn_unit_at(x->f, r->j, x->n, XN_UF_AR) || r->ordctx ||
	    !title_row(x))
		return XN_RD_NONE;
	q->date = true;
	q->kind = XN_K_YEAR;
	q->y = (int)r->num.ival;
	q->end = q->nend = r->j;
	xn_date_value(q);
	return XN_RD_DONE;
}

/* 六月底, 九月份, 十二月三十一日: a month in Chinese numerals only with a
 * day or a part of the month after it (三月 alone is too often a name,
 * 阳春三月). */
enum xn_rd
xn_read_cn_month(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	size_t j = r->j, e = j + 1, e2;
	uint32_t c = xn_at(x, e);
	int d;

	if (xn_at(x, j) != U'月' || q->arabic || r->num.seq || !r->num.ival_ok ||
	    r->num.ival < 1 || r->num.ival > 12 || r->ordctx)
		return XN_RD_NONE;
	if (c == U'份' || c == U'底' || c == U'初' || c == U'末') {
		e++;
	} else if ((c == U'上' || c == U'中' || c == U'下') &&
	    xn_at(x, e + 1) == U'旬') {
		e += 2;
	} else if (xn_small_num(x, e, &d, &e2) && (xn_at(x, e2) == U'日' ||
	    xn_at(x, e2) == U'号') && d >= 1 && d <= 31) {
		q->d = d;
		e = e2 + 1;
	} else {
		return XN_RD_NONE;
	}
	q->m = (int)r->num.ival;
	q->date = true;
	q->kind = XN_K_DATE;
	q->end = q->nend = e;
	xn_date_value(q);
	return XN_RD_DONE;
}

/* 11月, 11月30日 (Chinese numerals: xn_read_cn_month). */
enum xn_rd
xn_read_month(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	size_t j = r->j, e, e2;
	int d;

	if (xn_at(x, j) != U'月' || !q->arabic || !q->plain_int ||
	    r->num.ival < 1 || r->num.ival > 12 || r->num.intlen > 2)
		return XN_RD_NONE;
	q->m = (int)r->num.ival;
	q->date = true;
	q->month_only = true;
	q->kind = XN_K_DATE;
	e = j + 1;
	if (xn_at(x, e) == U'份')
		e++;
	if (xn_small_num(x, e, &d, &e2) && (xn_at(x, e2) == U'日' ||
	    xn_at(x, e2) == U'号') && d >= 1 && d <= 31) {
		q->d = d;
		q->month_only = false;
		e = e2 + 1;
	} else if (xn_at(x, e) == U'底' || xn_at(x, e) == U'初' || xn_at(x, e) == U'末') {
		e++;
	} else if ((xn_at(x, e) == U'上' || xn_at(x, e) == U'中' ||
	    xn_at(x, e) == U'下') && xn_at(x, e + 1) == U'旬') {
		e += 2;
	}
	q->end = q->nend = e;
	xn_date_value(q);
	return XN_RD_DONE;
}
