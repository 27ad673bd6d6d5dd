/*
 * The scanner works on code points folded to simplified, half-width form
 * (f[]), keeping the byte offset of each (off[]) to slice raw text and
 * labels out of the original.  At each digit or numeral it reads a
 * candidate quantity — number, 余/多, 万/亿, unit, 以上 — and then
 * decides by context whether it is one: a Chinese numeral needs a
 * measure word or 第; a bare Arabic number must not run into a name or
 * a code; a 4-digit number is a year only before 年 or in a date form.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "dec.h"
#include "label.h"
#include "numeral.h"
#include "scan.h"
#include "tables.h"
#include "utf8.h"
#include "zhfold.h"

struct q {
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
	unsigned char mult_pow;  /* the power of ten they make */
	bool month_only;         /* 11月 alone: may take a year in a range */
	bool plain_int;          /* Arabic integer without separators */
	uint64_t ival;
	bool ival_ok;
};

struct xn {
	uint32_t *f;
	uint32_t *off;
	uint32_t *cand;          /* indexes where a quantity may start */
	size_t ncand;
	size_t cap, n;
	const char *text;
	size_t len;
	int fixed_year, anchor;
	struct dec val, val2;
	struct q q1, q2;
	struct buf lab;
	size_t last_end;
	bool last_count;         /* the quantity ending there is no date */
	size_t year_list_end;    /* 年 closing a list 2023、2024年 seen */
	xn_emit_fn emit;
	void *ctx;
	size_t count;
};

static const char *const rel_words[] = {
	"下一年度", "上一年度", "今年度", "本年度", "上年度", "下年度",
	"上一年", "下一年", "今年", "去年", "前年", "明年", "上年", NULL
};
static const int rel_delta[] = { 1, -1, 0, 0, -1, 1, -1, 1, 0, -1, -2, 1, -1 };
static struct xn_key rel_keys[sizeof rel_delta / sizeof rel_delta[0]];

static const char *const pre_approx[] = {
	"超过", "将近", "大约", "近", "超", "约", "逾", NULL
};
static struct xn_key pre_keys[7];

/* Characters where a quantity may start; all others are skipped with
 * one bitmap test, which is most of the text. */
static uint8_t starts[0x10000 / 8];

static void
starts_init(void)
{
	static const char extra[] = "半今去上本明前下年";
	size_t pos = 0;

	for (uint32_t c = '0'; c <= '9'; c++)
		starts[c >> 3] |= (uint8_t)(1u << (c & 7));
	for (uint32_t c = 0x3000; c < 0xA000; c++)
		if (xn_is_cn_numeral(c))
			starts[c >> 3] |= (uint8_t)(1u << (c & 7));
	while (pos < sizeof extra - 1) {
		uint32_t c = utf8_next(extra, sizeof extra - 1, &pos);

		starts[c >> 3] |= (uint8_t)(1u << (c & 7));
	}
}

/* Folding of the BMP, one load per character in the hot loop.  (The
 * rare folds to astral code points stay unfolded: no key uses them.) */
static uint16_t fold_bmp[0x10000];

static void
foldable_init(void)
{
	for (uint32_t c = 0; c < 0x10000; c++) {
		uint32_t f = zh_fold(c);

		fold_bmp[c] = (uint16_t)(f < 0x10000 ? f : c);
	}
	fold_bmp[0x9980] = 0x4F59;      /* 馀, the other traditional 余 */
}

static inline bool
may_start(uint32_t c)
{
	return c >= 0x10000 || (starts[c >> 3] >> (c & 7)) & 1;
}

/* The same as bytes, for the 3-byte fast path of decode(). */
static uint8_t start_byte[0x10000];

struct xn *
xn_new(void)
{
	struct xn *x = xcalloc(1, sizeof *x);

	xn_tables_init();
	if (!rel_keys[0].len) {
		for (size_t i = 0; rel_words[i]; i++) {
			rel_keys[i].s = rel_words[i];
			xn_key_init(&rel_keys[i]);
		}
		for (size_t i = 0; pre_approx[i]; i++) {
			pre_keys[i].s = pre_approx[i];
			xn_key_init(&pre_keys[i]);
		}
		starts_init();
		foldable_init();
		for (uint32_t c = 0; c < 0x10000; c++)
			start_byte[c] = may_start(c);
	}
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
	dec_free(&x->val);
	dec_free(&x->val2);
	buf_free(&x->q1.v);
	buf_free(&x->q2.v);
	buf_free(&x->lab);
	free(x);
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
}

static bool
is_han(uint32_t c)
{
	return utf8_is_han(c);
}

static bool
is_alpha(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_open_quote(uint32_t c)
{
	return c == 0x201C || c == '"' || c == 0x2018 || c == '\'' ||
	    c == 0x300C || c == 0x300E;
}

static bool
is_close_quote(uint32_t c)
{
	return c == 0x201D || c == '"' || c == 0x2019 || c == '\'' ||
	    c == 0x300D || c == 0x300F;
}

static bool
is_range_sep(uint32_t c)
{
	return c == '-' || c == 0x2014 || c == 0x2013 || c == '~' ||
	    c == 0x301C || c == U'至' || c == U'到';
}

static uint32_t
at(const struct xn *x, size_t i)
{
	return i < x->n ? x->f[i] : 0;
}

static void
decode(struct xn *x, const char *s, size_t len)
{
	size_t pos = 0, k = 0;

	if (len + 1 > x->cap) {
		x->cap = len + 64;
		x->f = xrealloc(x->f, x->cap * sizeof *x->f);
		x->off = xrealloc(x->off, x->cap * sizeof *x->off);
		x->cand = xrealloc(x->cand, x->cap * sizeof *x->cand);
	}
	x->ncand = 0;
	while (pos < len) {
		unsigned char b = (unsigned char)s[pos];
		uint32_t c;

		x->off[k] = (uint32_t)pos;
		if (b < 0x80) {
			c = b;
			pos++;
		} else if ((b & 0xF0) == 0xE0 && pos + 2 < len + 0 &&
		    ((unsigned char)s[pos + 1] & 0xC0) == 0x80 &&
		    ((unsigned char)s[pos + 2] & 0xC0) == 0x80 &&
		    (b != 0xE0 || (unsigned char)s[pos + 1] >= 0xA0) &&
		    (b != 0xED || (unsigned char)s[pos + 1] < 0xA0)) {
			/* The common case, a 3-byte character, inline. */
			c = (uint32_t)(b & 0x0F) << 12 |
			    (uint32_t)((unsigned char)s[pos + 1] & 0x3F) << 6 |
			    ((unsigned char)s[pos + 2] & 0x3F);
			pos += 3;
			c = fold_bmp[c];
			x->cand[x->ncand] = (uint32_t)k;
			x->ncand += start_byte[c];
			x->f[k++] = c;
			continue;
		} else {
			c = utf8_next(s, len, &pos);
			c = c < 0x10000 ? fold_bmp[c] : zh_fold(c);
		}
		x->cand[x->ncand] = (uint32_t)k;
		x->ncand += may_start(c);
		x->f[k++] = c;
	}
	x->off[k] = (uint32_t)pos;
	x->n = k;
}

/* The number written by the four digits at i, -1 when they are not
 * four digits. */
static int
digits4(const struct xn *x, size_t i)
{
	int v = 0;

	for (size_t k = i; k < i + 4; k++) {
		if (!xn_is_digit(at(x, k)))
			return -1;
		v = v * 10 + (int)(at(x, k) - '0');
	}
	return v;
}

/* Reads 1-2 Arabic digits or a Chinese numeral below 100 at i. */
static bool
small_num(struct xn *x, size_t i, int *v, size_t *end)
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
	if (!xn_is_cn_numeral(x->f[i]) || !xn_parse_cn(x->f, i, x->n, &num, &x->val2))
		return false;
	if (num.ival > 99 || num.seq)
		return false;
	*v = (int)num.ival;
	*end = num.end;
	return true;
}

static void
q_reset(struct q *q, size_t start)
{
	struct buf v = q->v;

	memset(q, 0, sizeof *q);
	q->v = v;
	buf_clear(&q->v);
	q->start = start;
	q->unit = "";
	q->approx = "";
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

static void
date_append(struct buf *b, int y, int m, int d)
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

static void
date_value(struct q *q)
{
	buf_clear(&q->v);
	date_append(&q->v, q->y, q->m, q->d);
}

/* After a year (2024年, 今年): 度, 底, N月, N月N日, N-M月.  j is just
 * after 年; fills q and returns the end of the span. */
static size_t
date_chain(struct xn *x, size_t j, struct q *q)
{
	int m, m2, d;
	size_t e, e2;
	uint32_t c = at(x, j);

	q->date = true;
	q->kind = XK_YEAR;
	q->unit = "年";
	if (c == U'度') {
		q->unit = "年度";
		return j + 1;
	}
	if (c == U'底' || c == U'末' || c == U'初') {
		q->m = c == U'初' ? 1 : 12;
		q->kind = XK_DATE;
		q->unit = "";
		return j + 1;
	}
	if (!small_num(x, j, &m, &e) || m < 1 || m > 12)
		return j;
	if (is_range_sep(at(x, e)) && small_num(x, e + 1, &m2, &e2) &&
	    at(x, e2) == U'月' && m2 >= m && m2 <= 12) {
		/* 2024年1-11月: a range of months in one year. */
		q->m = m;
		q->d = m2;      /* the caller turns this into a range */
		q->kind = XK_RANGE;
		q->unit = "";
		return e2 + 1 + (at(x, e2 + 1) == U'份');
	}
	if (at(x, e) != U'月')
		return j;
	q->m = m;
	q->kind = XK_DATE;
	q->unit = "";
	e++;
	if (at(x, e) == U'份')
		e++;
	if (small_num(x, e, &d, &e2) && (at(x, e2) == U'日' || at(x, e2) == U'号') &&
	    d >= 1 && d <= 31) {
		q->d = d;
		return e2 + 1;
	}
	c = at(x, e);
	if (c == U'底' || c == U'初' || c == U'末')
		e++;
	else if ((c == U'上' || c == U'中' || c == U'下') && at(x, e + 1) == U'旬')
		e += 2;
	return e;
}

/* Finishes a date/year q: value text and, for 1-11月 in one year, the
 * range form. */
static void
date_finish(struct q *q)
{
	if (q->kind == XK_RANGE) {
		int m2 = q->d;

		q->d = 0;
		date_value(q);
		buf_addc(&q->v, '/');
		if (q->y)
			add_int(&q->v, q->y, 4);
		else
			buf_adds(&q->v, "-");
		buf_addc(&q->v, '-');
		add_int(&q->v, m2, 2);
		return;
	}
	date_value(q);
}

static bool
plausible_year(uint64_t v)
{
	return v >= 1900 && v <= 2100;
}

/* Separator date forms after a 4-digit year: 2024-12-24, 2021/03/29,
 * 2024.12.24, 2024-12. */
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

static bool
sep_date(struct xn *x, size_t j, int y, struct q *q)
{
	uint32_t s = at(x, j);
	int m, d;
	size_t e, e2;

	if (s != '-' && s != '/' && s != '.')
		return false;
	if (!digits12(x, j + 1, &m, &e) || m < 1 || m > 12)
		return false;
	if (at(x, e) == s && digits12(x, e + 1, &d, &e2) &&
	    !((at(x, e2) == s || at(x, e2) == '.') && xn_is_digit(at(x, e2 + 1))) &&
	    d >= 1 && d <= 31 && !xn_is_digit(at(x, e2))) {
		q->y = y;
		q->m = m;
		q->d = d;
		q->end = e2;
		if (at(x, e2) == U'日')
			q->end++;
		goto ok;
	}
	if (s == '.' || at(x, e) == U'年' || at(x, e) == U'月' || at(x, e) == s)
		return false;
	q->y = y;
	q->m = m;
	q->end = e;
ok:
	q->date = true;
	q->kind = XK_DATE;
	q->unit = "";
	date_value(q);
	return true;
}

static bool
money_context(struct xn *x, size_t i)
{
	size_t lo = i > 16 ? i - 16 : 0;

	for (size_t k = i; k > lo; k--) {
		if (xn_clause_punct(x->f[k - 1]) || x->f[k - 1] == 0x3002)
			break;
		if (xn_list_before(XL_MONEY, x->f, k))
			return true;
	}
	return false;
}

static bool
is_verb_yue(uint32_t c)
{
	return utf8_contains("预签节邀特制公条合相履违践集誉", c);
}

/* c上 is a word of its own (马上, 以上, 线上), so 上 is no qualifier. */
static bool
shang_word(uint32_t c)
{
	return utf8_contains("马晚早以之线网向往北路身手会台面榜街镇级头楼堂班世加", c);
}

/* A qualifier written just before the number. */
static size_t
prefix_approx(struct xn *x, size_t i, const char **word)
{
	/* 上千名, 上万人: 上 before a bare 百/千/万 (round_hundreds), not
	 * the 上 of 马上, 以上, 线上. */
	if (i >= 1 && i > x->last_end && x->f[i - 1] == U'上' && i < x->n &&
	    (x->f[i] == U'百' || x->f[i] == U'千' || x->f[i] == U'万') &&
	    !xn_is_cn_numeral(at(x, i + 1)) && at(x, i + 1) != U'分' &&
	    !(i >= 2 && shang_word(x->f[i - 2]))) {
		*word = "上";
		return 1;
	}
	for (size_t k = 0; pre_approx[k]; k++) {
		const struct xn_key *key = &pre_keys[k];

		if (key->len > i || !xn_key_at(key, x->f, i - key->len, i))
			continue;
		/* 最近, 接近, 附近 are not qualifiers. */
		if (key->len == 1 && key->cp[0] == U'近' && i >= 2) {
			uint32_t p = x->f[i - 2];

			if (p == U'最' || p == U'接' || p == U'附' || p == U'靠')
				return 0;
		}
		if (i - key->len < x->last_end)
			return 0;
		/* 预约3次, 签约5家: 约 of a verb. */
		if (key->len == 1 && key->cp[0] == U'约' && i >= 2 &&
		    is_verb_yue(x->f[i - 2]))
			return 0;
		/* 不超过3天 is a limit, not an estimate. */
		if (i > key->len && x->f[i - key->len - 1] == U'不')
			return 0;
		*word = key->s;
		return key->len;
	}
	return 0;
}

static bool
is_mult(uint32_t c)
{
	return c == U'百' || c == U'千' || c == U'万' || c == U'亿';
}

static size_t
mult_pow(uint32_t c)
{
	switch (c) {
	case U'百': return 2;
	case U'千': return 3;
	case U'万': return 4;
	case U'亿': return 8;
	}
	return 0;
}

static bool
article_next(uint32_t c)
{
	return utf8_contains("重新高良完深强坚长系", c);
}

/* A 4-digit year with 年 at f[i], or another one of a list. */
static bool
year_follows(struct xn *x, size_t i)
{
	/* A long list is walked once, not once per year. */
	if (i < x->year_list_end)
		return true;
	for (;; i += 5) {
		if (digits4(x, i) < 0)
			return false;
		if (at(x, i + 4) == U'年') {
			x->year_list_end = i + 4;
			return true;
		}
		if (at(x, i + 4) != 0x3001)
			return false;
	}
}

/* 近千份, 逾百家, 上千名: a bare 百/千/万 is a number only after a qualifier
 * and before a measure word (千家万户 and 百姓 are words). */
static bool
round_hundreds(struct xn *x, size_t i, struct xn_num *num, struct dec *val)
{
	uint32_t c = at(x, i), p = i ? x->f[i - 1] : 0;

	if (c != U'百' && c != U'千' && c != U'万')
		return false;
	if (p != U'近' && p != U'逾' && p != U'超' && p != U'约' && p != U'上')
		return false;
	if (p == U'上' && i >= 2 && shang_word(x->f[i - 2]))
		return false;
	/* 千家万户, 百家争鸣 */
	if (at(x, i + 2) == U'万' || at(x, i + 2) == U'争')
		return false;
	if (xn_is_cn_numeral(at(x, i + 1)))
		return false;
	{
		const struct xn_unit *u = xn_unit_at(x->f, i + 1, x->n, UF_CN);

		if (!u || u->kind != XK_COUNT)
			return false;
	}
	*num = (struct xn_num){ .start = i, .end = i + 1, .nchars = 1,
	    .ival_ok = true, .ival = xn_cn_unit(c) };
	dec_set_u64(val, num->ival);
	return true;
}

/* 90分以上, 100人左右, 三分之二以上: a qualifier after the quantity.
 * Returns the new end. */
static size_t
approx_suffix(struct xn *x, size_t j, struct q *q)
{
	if ((at(x, j) == U'以' && (at(x, j + 1) == U'上' || at(x, j + 1) == U'下')) ||
	    (at(x, j) == U'左' && at(x, j + 1) == U'右')) {
		if (!*q->approx)
			q->approx = at(x, j) == U'左' ? "左右" :
			    at(x, j + 1) == U'上' ? "以上" : "以下";
		j += 2;
	}
	return j;
}

/*
 * Reads a candidate quantity starting with a number at i.  Returns false
 * when nothing quantity-like starts there.  The caller decides by
 * accept() whether to report it.
 */
static bool
parse_q(struct xn *x, size_t i, struct q *q, bool ordctx)
{
	struct xn_num num;
	struct dec *val = &x->val;
	const struct xn_unit *u = NULL;
	size_t j, e;
	unsigned src;
	uint32_t c = at(x, i);
	bool approx_in = false, quarter;

	q_reset(q, i);
	/* 百分之八十, 千分之三 */
	if ((c == U'百' || c == U'千' || c == U'万') && at(x, i + 1) == U'分' &&
	    at(x, i + 2) == U'之') {
		size_t k = i + 3;
		bool got = false;

		if (xn_is_digit(at(x, k))) {
			xn_parse_arabic(x->f, k, x->n, &num, val);
			got = true;
		} else if (at(x, k) == U'百' && !xn_is_cn_numeral(at(x, k + 1))) {
			dec_set_u64(val, 100);
			num.end = k + 1;
			got = true;
		} else if (xn_is_cn_numeral(at(x, k))) {
			got = xn_parse_cn(x->f, k, x->n, &num, val);
			if (got && at(x, num.end) == U'点' && xn_cn_digit(at(x, num.end + 1)) >= 0) {
				/* 百分之八十七点五 */
				size_t m = num.end + 1;

				while (xn_cn_digit(at(x, m)) >= 0) {
					dec_digit(val, xn_cn_digit(at(x, m)));
					val->scale++;
					m++;
				}
				num.end = m;
			}
		}
		if (!got)
			return false;
		q->kind = XK_PERCENT;
		q->unit = c == U'百' ? "%" : c == U'千' ? "‰" : "‱";
		dec_format(val, &q->v);
		q->nend = num.end;
		q->end = approx_suffix(x, num.end, q);
		return true;
	}
	if (c == U'半') {
		uint32_t p = i ? x->f[i - 1] : 0;

		u = xn_unit_at(x->f, i + 1, x->n, UF_CN);
		if (!u || u->kind != XK_DURATION || p == U'上' || p == U'下' ||
		    p == U'前' || p == U'后' || p == U'每' || p == U'多' || p == U'大')
			return false;
		q->kind = XK_DURATION;
		q->unit = u->out;
		buf_adds(&q->v, "0.5");
		q->end = i + 1 + u->key.len;
		q->nend = i + 1;
		return true;
	}
	if (xn_is_digit(c)) {
		xn_parse_arabic(x->f, i, x->n, &num, val);
		src = UF_AR;
		q->arabic = true;
		q->plain_int = !num.sep && !num.frac;
		j = num.end;
		/* Named days “3·15”, “12·4”. */
		if (num.intlen <= 2 && !num.frac && (at(x, j) == 0xB7 ||
		    at(x, j) == 0x30FB || at(x, j) == 0x2022 || at(x, j) == 0x2027)) {
			int d;

			if (xn_is_digit(at(x, j + 1)) && small_num(x, j + 1, &d, &e) &&
			    num.ival >= 1 && num.ival <= 12 && d >= 1 && d <= 31) {
				q->date = true;
				q->kind = XK_DATE;
				q->m = (int)num.ival;
				q->d = d;
				q->end = q->nend = e;
				date_value(q);
				return true;
			}
			return false;
		}
		if (num.intlen == 4 && q->plain_int && plausible_year(num.ival) &&
		    sep_date(x, j, (int)num.ival, q)) {
			q->nend = q->end;
			return true;
		}
		/* 2024.12.31 reads as 2024.12 and a stray .31 otherwise. */
		if (num.intlen == 4 && num.frac && !num.sep && at(x, j) == '.' &&
		    xn_is_digit(at(x, j + 1))) {
			int y = digits4(x, i);

			if (plausible_year((uint64_t)y) && sep_date(x, i + 4, y, q)) {
				q->nend = q->end;
				return true;
			}
		}
		/* 2023、2024年: the first year of a list shares the 年. */
		if (num.intlen == 4 && q->plain_int && plausible_year(num.ival) &&
		    (at(x, j) == 0x3001 || at(x, j) == U'和' || at(x, j) == U'及') &&
		    year_follows(x, j + 1)) {
			q->date = true;
			q->kind = XK_YEAR;
			q->unit = "年";
			q->y = (int)num.ival;
			q->end = q->nend = j;
			date_value(q);
			return true;
		}
	} else {
		/* 数十家, 几百人: indefinite. */
		if (i && (x->f[i - 1] == U'数' || x->f[i - 1] == U'几'))
			return false;
		if (!xn_parse_cn(x->f, i, x->n, &num, val) &&
		    !round_hundreds(x, i, &num, val))
			return false;
		src = UF_CN;
		j = num.end;
		/* 三分之一 */
		if (at(x, j) == U'分' && at(x, j + 1) == U'之' &&
		    xn_is_cn_numeral(at(x, j + 2)) && !num.seq) {
			struct xn_num den = num, nu;
			uint64_t dv = den.ival;

			if (!xn_parse_cn(x->f, j + 2, x->n, &nu, val) || dv == 0)
				return false;
			q->kind = XK_RATIO;
			q->unit = "分之";
			/* Exact decimal when it terminates, else rounded to
			 * four places (M/N would read as a range). */
			{
				uint64_t r = dv, scale = 0, p = 1;

				while (r % 2 == 0) { r /= 2; scale++; }
				while (r % 5 == 0) { r /= 5; scale++; }
				if (nu.ival >= 1000000000ULL || dv >= 1000000000000000ULL)
					return false;
				if (r != 1)
					scale = 4;
				else if (scale > 9)
					scale = 9;
				for (uint64_t s = 0; s < scale; s++)
					p *= 10;
				dec_set_u64(val, (nu.ival * p * 2 + dv) / (2 * dv));
				val->scale = scale;
				dec_format(val, &q->v);
			}
			q->nend = nu.end;
			q->end = approx_suffix(x, nu.end, q);
			return true;
		}
		/* Most numerals in running text (一是, 进一步, 二十大) have
		 * nothing after them that could make a quantity. */
		c = at(x, j);
		if (!ordctx && !xn_unit_may_start(c) && c != U'余' && c != U'多' &&
		    c != U'个' && c != U'年' && c != U'月' && c != U'万' &&
		    c != U'亿')
			return false;
		if (xn_list_at(XL_SETPHRASE, x->f, i, x->n))
			return false;
		if (num.one && i && xn_list_before(XL_ONE_BEFORE, x->f, i))
			return false;
		if (num.one)
			src |= UF_ONE;
	}
	q->ival = num.ival;
	q->ival_ok = num.ival_ok;

	/* Years: 2024年, 二〇二四年, then 度 or a month and a day; a
	 * heading may put a space before 年 (2025 年工作计划). */
	if (at(x, j) == ' ' && at(x, j + 1) == U'年' && q->arabic &&
	    num.intlen == 4 && q->plain_int && plausible_year(num.ival))
		j++;
	if (at(x, j) == U'年' && num.ival_ok && ((q->arabic && num.intlen == 4 &&
	    q->plain_int) || (num.seq && num.nchars == 4)) &&
	    plausible_year(num.ival)) {
		q->y = (int)num.ival;
		q->end = date_chain(x, j + 1, q);
		q->nend = q->end;
		date_finish(q);
		return true;
	}
	if (num.seq)
		return false;   /* “八五”, 四五: digit strings are names */
	/* 11月, 11月30日 (Arabic only: 三月 is too often a name). */
	if (at(x, j) == U'月' && q->arabic && q->plain_int && num.ival >= 1 &&
	    num.ival <= 12 && num.intlen <= 2) {
		int d;
		size_t e2;

		q->m = (int)num.ival;
		q->date = true;
		q->month_only = true;
		q->kind = XK_DATE;
		e = j + 1;
		if (at(x, e) == U'份')
			e++;
		if (small_num(x, e, &d, &e2) && (at(x, e2) == U'日' ||
		    at(x, e2) == U'号') && d >= 1 && d <= 31) {
			q->d = d;
			q->month_only = false;
			e = e2 + 1;
		} else if (at(x, e) == U'底' || at(x, e) == U'初' || at(x, e) == U'末') {
			e++;
		} else if ((at(x, e) == U'上' || at(x, e) == U'中' ||
		    at(x, e) == U'下') && at(x, e + 1) == U'旬') {
			e += 2;
		}
		q->end = q->nend = e;
		date_value(q);
		return true;
	}

	/* 20余万次, 24万余人次, 近2.6亿条 */
	if ((at(x, j) == U'余' || at(x, j) == U'多') &&
	    (is_mult(at(x, j + 1)) || xn_unit_at(x->f, j + 1, x->n, src))) {
		q->approx = at(x, j) == U'余' ? "余" : "多";
		approx_in = true;
		j++;
	}
	if (q->arabic || approx_in) {
		while (is_mult(at(x, j))) {
			const struct xn_unit *mu = xn_unit_at(x->f, j, x->n, src);

			if (mu && mu->key.len >= 2)
				break;  /* 千米, 百分点 */
			if (at(x, j + 1) == U'分' && at(x, j + 2) == U'之')
				break;
			/* Chinese numerals already hold their 万; only
			 * 十余万 reaches here with one. */
			if (!q->arabic && at(x, j) != U'万' && at(x, j) != U'亿')
				break;
			dec_shift(val, mult_pow(at(x, j)));
			q->mult = true;
			q->mult_pow = (unsigned char)(q->mult_pow + mult_pow(at(x, j)));
			j++;
		}
	}
	if (!approx_in && (at(x, j) == U'余' || at(x, j) == U'多') &&
	    xn_unit_at(x->f, j + 1, x->n, src)) {
		q->approx = at(x, j) == U'余' ? "余" : "多";
		approx_in = true;
		j++;
	}
	q->nend = j;
	/* 两个半小时, 一个半月 */
	if (at(x, j) == U'个' && at(x, j + 1) == U'半' && val->scale == 0) {
		const struct xn_unit *hu = xn_unit_at(x->f, j + 2, x->n, src);

		if (hu && (strcmp(hu->out, "小时") == 0 || hu->key.cp[0] == U'月' ||
		    strcmp(hu->out, "个月") == 0)) {
			dec_add_half(val);
			q->unit = hu->key.cp[0] == U'月' ? "个月" : hu->out;
			q->kind = XK_DURATION;
			j += 2 + hu->key.len;
			goto tail;
		}
		if (at(x, j + 2) == U'月') {
			dec_add_half(val);
			q->unit = "个月";
			q->kind = XK_DURATION;
			j += 3;
			goto tail;
		}
	}
	/* 两个多月, 一个余月 */
	if (at(x, j) == U'个' && (at(x, j + 1) == U'多' || at(x, j + 1) == U'余') &&
	    at(x, j + 2) == U'月' && !*q->approx) {
		q->approx = at(x, j + 1) == U'余' ? "余" : "多";
		q->unit = "个月";
		q->kind = XK_DURATION;
		j += 3;
		goto tail;
	}
	/* 共 120 件: a space left by a PDF between number and unit. */
	if (q->arabic && at(x, j) == ' ' && (i == 0 || x->f[i - 1] == ' ' ||
	    is_han(x->f[i - 1]))) {
		u = xn_unit_at(x->f, j + 1, x->n, src);
		if (u && !(u->flags & (UF_STRICT | UF_ORD)) && u->kind != XK_OTHER &&
		    u->kind != XK_RATIO)
			j++;
	}
	u = xn_unit_at(x->f, j, x->n, src);
	/* 一季度 is the first quarter, as 第一季度 is. */
	quarter = u && u->key.cp[0] == U'季' && !ordctx && num.ival_ok &&
	    num.ival >= 1 && num.ival <= 4 && !q->mult && !approx_in &&
	    (i == 0 || (x->f[i - 1] != U'每' && x->f[i - 1] != U'各'));
	if (u && (u->flags & UF_ORD) && !ordctx && !quarter)
		u = NULL;
	if (u && num.one && !(u->flags & UF_ONE) && !ordctx && !quarter)
		u = NULL;
	/* 作为一项重要工作, 一支高素质队伍: 一 as an article before an
	 * evaluative word is no count. */
	if (u && num.one && !ordctx && !quarter && u->kind == XK_COUNT &&
	    article_next(at(x, j + u->key.len)))
		return false;
	if (u) {
		q->unit = u->out;
		q->kind = u->kind;
		j += u->key.len;
		if ((u->key.cp[0] == U'年' || strcmp(u->out, "天") == 0 ||
		    strcmp(u->out, "小时") == 0) && at(x, j) == U'半' &&
		    val->scale == 0) {
			dec_add_half(val);
			j++;
		}
	}
	/* 一年多, 三个月余 */
	if (u && u->kind == XK_DURATION && !*q->approx &&
	    (at(x, j) == U'多' || at(x, j) == U'余')) {
		q->approx = at(x, j) == U'余' ? "余" : "多";
		j++;
	}
tail:
	j = approx_suffix(x, j, q);
	q->end = j;
	q->bare = !*q->unit && !q->mult && !approx_in;
	if (!*q->unit && (q->mult || approx_in) && money_context(x, i)) {
		q->unit = "元";
		q->kind = XK_MONEY;
	} else if (!*q->unit) {
		q->kind = XK_OTHER;
	}
	dec_format(val, &q->v);
	return true;
}

/* A bare Arabic number counts only when nothing around it makes it a
 * code, a name, an enumerator or part of a word. */
static bool
bare_ok(struct xn *x, struct q *q, size_t numstart)
{
	uint32_t p = numstart ? x->f[numstart - 1] : 0;
	uint32_t nx = at(x, q->end);

	if (!q->arabic)
		return false;
	if (q->plain_int && q->ival_ok && (q->ival >= 10000 ||
	    (q->ival >= 1000 && plausible_year(q->ival))))
		return false;
	if (!q->ival_ok && q->plain_int)
		return false;
	if (is_han(nx) || is_alpha(nx) || nx == '.' || nx == 0x3001 ||
	    nx == ')' || nx == ':' || nx == '/' || nx == '-' || nx == '+' ||
	    nx == '#' || nx == '*' || nx == '_' || nx == '=' || nx == '>' ||
	    nx == '<' || nx == 0x3015 || nx == ']' || nx == 0x3011 ||
	    nx == '@' || nx == '\\' || nx == '&' || nx == 0xD7 /* × */ ||
	    nx == 0x2236 /* ∶ */)
		return false;
	if (p == '(' || p == '#' || p == '-' || p == '/' || p == ':' ||
	    p == '.' || p == 0x3014 || p == '[' || p == 0x3010 || p == '_' ||
	    p == '=' || p == '@' || p == '\\' || p == '&' || p == '*' || p == '~' ||
	    p == 0xD7 || p == 0x2236)
		return false;
	/* 拨打110, 热线96123, 致电12348: phone numbers. */
	if (p == U'拨' || p == U'线' || p == U'话' || p == U'码' ||
	    (numstart >= 2 && ((p == U'打' && x->f[numstart - 2] == U'拨') ||
	    (p == U'电' && x->f[numstart - 2] == U'致'))))
		return false;
	/* 表1 2024年, 图2: captions; 1 2: table cells. */
	if (p == U'表' || p == U'图' || (nx == ' ' && xn_is_digit(at(x, q->end + 1))))
		return false;
	/* A number alone at the start of a clause is an enumerator. */
	if (numstart == 0 || xn_clause_punct(p) || p == ' ')
		return false;
	return true;
}

/* Whether a Chinese numeral with a unit is part of a slogan or a name
 * rather than a quantity. */
static bool
slogan(struct xn *x, struct q *q, size_t numstart)
{
	uint32_t p = numstart ? x->f[numstart - 1] : 0;
	uint32_t after = at(x, q->end);
	int d = xn_cn_digit(after);

	/* 三个一, 一人一档, 三会一课; but 六章四十二条 counts twice. */
	if (d >= 1) {
		struct xn_num num;

		if (d == 1 && !xn_cn_unit(at(x, q->end + 1)))
			return true;
		if (!xn_parse_cn(x->f, q->end, x->n, &num, &x->val2))
			return true;
		return !xn_unit_at(x->f, num.end, x->n, UF_CN);
	}
	if (is_han(after) && after != U'第' &&
	    xn_cn_digit(at(x, q->end + 1)) == 1 && at(x, q->end + 2) != U'是')
		return true;
	/* “两个确保”, “四个意识”: a short quoted name. */
	if (is_open_quote(p)) {
		for (size_t k = q->end; k < x->n && k < numstart + 9; k++) {
			if (is_close_quote(x->f[k]))
				return true;
			if (xn_clause_punct(x->f[k]))
				break;
		}
	}
	/* 十四届人大二次会议, 十三届六次全会: sessions, not counts. */
	if (strcmp(q->unit, "次") == 0 && (after == U'会' || after == U'全') &&
	    x->f[numstart] != U'两') {
		for (size_t k = numstart; k > 0 && numstart - k < 14; k--) {
			if (x->f[k - 1] == U'届')
				return true;
			if (xn_clause_punct(x->f[k - 1]) && x->f[k - 1] != 0x3001)
				break;
		}
	}
	return false;
}

static bool
accept(struct xn *x, struct q *q, size_t numstart, bool ordctx)
{
	uint32_t p = numstart ? x->f[numstart - 1] : 0;
	uint32_t nx = at(x, q->nend);
	uint32_t after = at(x, q->end);

	/* Policy codes 1+6+N and versions V2.0, G4, 5G. */
	if (p == '+' || nx == '+' || is_alpha(p) || (q->arabic && is_alpha(nx)))
		return false;
	if (q->date && !q->bare)
		return true;
	/* “1310”, “十四五”, 〔2025〕 */
	if (is_open_quote(p) && is_close_quote(after))
		return false;
	if ((p == 0x3014 || p == '[' || p == 0x3010) &&
	    (after == 0x3015 || after == ']' || after == 0x3011))
		return false;
	if (!*q->unit && nx == U'号')
		return false;
	if (q->arabic && (p == '-' || p == '/' || p == '.'))
		return false;
	/* 8时30分 is a time, not a score. */
	if (q->kind == XK_SCORE && (p == U'时' || p == U'点' || p == ':'))
		return false;
	if (!q->arabic && *q->unit && slogan(x, q, numstart))
		return false;
	/* 第八个五年规划: a plan, not the 8th of something nor 5 years. */
	if (!q->arabic && ((strcmp(q->unit, "个") == 0 && after == U'五' &&
	    at(x, q->end + 1) == U'年') || (strcmp(q->unit, "年") == 0 &&
	    p == U'个' && x->f[numstart] == U'五' && q->end == numstart + 2)))
		return false;
	/* 于15日, 每月5日: a day of the month, not a number of days. */
	if (strcmp(q->unit, "日") == 0 && (p == U'月' || p == U'每' ||
	    (p == U'于' && numstart >= 2 && x->f[numstart - 2] != U'少' &&
	    x->f[numstart - 2] != U'多' && x->f[numstart - 2] != U'低' &&
	    x->f[numstart - 2] != U'高')))
		return false;
	if (ordctx) {
		/* 第二十次全国代表大会 is the congress 二十大. */
		if (strcmp(q->unit, "次") == 0 && ((after == U'全' &&
		    at(x, q->end + 1) == U'国') || after == U'党' ||
		    (after == U'代' && at(x, q->end + 1) == U'表')))
			return false;
		if (*q->unit)
			return true;
		/* 全市第一。 but not 第一责任人, 第三方, nor 第一, as an
		 * enumerator at the start of a clause. */
		if (is_han(after) || is_alpha(after) || xn_is_digit(after))
			return false;
		if (numstart < 2 || xn_clause_punct(x->f[numstart - 2]) ||
		    x->f[numstart - 2] == ' ')
			return false;
		/* “产业第一” is a slogan. */
		return after == 0 || after == 0x3002 || after == ';' ||
		    after == '!' || after == '?' || after == ')' ||
		    (after == ',' && !is_close_quote(p));
	}
	if (!q->bare)
		return q->arabic || *q->unit;
	return bare_ok(x, q, numstart);
}

/* 第一部分, 第三章 at the start of a row are section markers. */
static bool
heading(struct xn *x, const struct q *q, size_t di)
{
	for (size_t k = 0; k < di; k++)
		if (x->f[k] != ' ' && x->f[k] != 0x3000 && x->f[k] != '\t')
			return false;
	return strcmp(q->unit, "部分") == 0 || strcmp(q->unit, "章") == 0 ||
	    strcmp(q->unit, "节") == 0 || strcmp(q->unit, "篇") == 0 ||
	    strcmp(q->unit, "编") == 0;
}

static bool
is_year_q(const struct q *q)
{
	return q->date && q->kind == XK_YEAR;
}

/* Multiplies the range's low end v by 10^k, if it stays below the high
 * end; returns whether it did. */
static bool
shift_low_end(struct xn *x, struct buf *v, size_t k, const struct buf *high)
{
	struct buf t = { 0 };
	bool below;

	dec_parse(&x->val2, v->s, v->len);
	dec_shift(&x->val2, k);
	dec_format(&x->val2, &t);
	below = dec_text_less(t.s, t.len, high->s, high->len);
	if (below) {
		buf_clear(v);
		buf_add(v, t.s, t.len);
	}
	buf_free(&t);
	return below;
}

/* Joins q1 SEP q2 into a range when the two belong together. */
static bool
try_range(struct xn *x, struct q *a)
{
	struct q *b = &x->q2;
	size_t s = a->end;
	uint32_t c = at(x, s);
	bool ok;

	if (!is_range_sep(c) || a->kind == XK_RANGE)
		return false;
	if (!xn_is_digit(at(x, s + 1)) && !xn_is_cn_numeral(at(x, s + 1)))
		return false;
	if (xn_is_digit(at(x, s + 1)) != a->arabic && !a->date)
		return false;
	/* 4月22日至26日: the second day takes the first one's month. */
	if (a->date && a->d && a->m && !a->bare && a->kind == XK_DATE) {
		int d2;
		size_t e2;

		if (small_num(x, s + 1, &d2, &e2) && (at(x, e2) == U'日' ||
		    at(x, e2) == U'号') && d2 > a->d && d2 <= 31 &&
		    at(x, e2 + 1) != U'月') {
			buf_addc(&a->v, '/');
			date_append(&a->v, a->y, a->m, d2);
			a->kind = XK_RANGE;
			a->unit = "";
			a->end = a->nend = e2 + 1;
			return true;
		}
	}
	/* 二〇二四年一月至十一月: a Chinese month only counts here. */
	if (a->date && a->m && !a->d && a->kind == XK_DATE &&
	    xn_is_cn_numeral(at(x, s + 1))) {
		int m2;
		size_t e2;

		if (!small_num(x, s + 1, &m2, &e2) || at(x, e2) != U'月' ||
		    m2 <= a->m || m2 > 12)
			return false;
		buf_addc(&a->v, '/');
		date_append(&a->v, a->y, m2, 0);
		a->kind = XK_RANGE;
		a->unit = "";
		a->end = a->nend = e2 + 1;
		return true;
	}
	/* a's value is already text in a->v, so b may reuse x->val. */
	ok = parse_q(x, s + 1, b, false);
	/* A range end is one point: 2025年至2025年1-11月 is the year 2025,
	 * then the range 2025年1-11月 on its own, never LOW/MID/HIGH. */
	if (ok && (b->kind == XK_RANGE || (b->date && b->m)) && a->bare &&
	    a->plain_int && plausible_year(a->ival) && c != U'到') {
		/* 2023-2025年1-11月, 2023-2025年1月至6月: the years, then
		 * the months alone. */
		int y2 = digits4(x, s + 1);

		if (y2 < 0 || at(x, s + 5) != U'年' || !plausible_year((uint64_t)y2) ||
		    (uint64_t)y2 <= a->ival)
			return false;
		a->date = true;
		a->y = (int)a->ival;
		a->kind = XK_YEAR;
		date_value(a);
		buf_addc(&a->v, '/');
		date_append(&a->v, y2, 0, 0);
		a->kind = XK_RANGE;
		a->unit = "年";
		a->bare = false;
		a->end = a->nend = s + 6;
		return true;
	}
	if (!ok || b->kind == XK_RANGE)
		return false;
	if (a->date || b->date) {
		if (a->bare && a->plain_int && b->month_only && a->ival >= 1 &&
		    a->ival <= (uint64_t)b->m) {
			/* 1-11月 */
			a->date = true;
			a->m = (int)a->ival;
			a->y = b->y;
			date_value(a);
		} else if (a->bare && a->plain_int && is_year_q(b) &&
		    plausible_year(a->ival) && a->ival <= (uint64_t)b->y) {
			a->date = true;
			a->y = (int)a->ival;
			a->kind = XK_YEAR;
			a->unit = b->unit;
			date_value(a);
		} else if (!(a->date && b->date && !a->bare)) {
			return false;
		}
		if (a->y && !b->y && b->m) {
			b->y = a->y;
			date_value(b);
		}
		if (is_year_q(a) && !is_year_q(b) && !b->m)
			return false;
		a->unit = is_year_q(a) && is_year_q(b) ? b->unit : "";
	} else if (a->bare && b->bare) {
		/* 2023-2025 */
		if (!(a->plain_int && b->plain_int && plausible_year(a->ival) &&
		    plausible_year(b->ival) && a->ival < b->ival && c != U'到'))
			return false;
		a->unit = "";
	} else if (a->bare && !b->bare) {
		if (!*b->unit || b->kind == XK_ORDINAL)
			return false;
		/* 5-10万元: the low end shares the high end's 万 */
		if (b->mult && !a->mult && !shift_low_end(x, &a->v, b->mult_pow, &b->v))
			return false;
		a->unit = b->unit;
	} else if (!*a->unit && *b->unit && a->mult && b->mult &&
	    b->kind != XK_ORDINAL) {
		a->unit = b->unit;      /* 100万-200万元 */
	} else if (strcmp(a->unit, b->unit) != 0 || !*a->unit) {
		return false;
	}
	if (!*a->approx)
		a->approx = b->approx;
	buf_addc(&a->v, '/');
	buf_add(&a->v, b->v.s, b->v.len);
	a->kind = XK_RANGE;
	a->bare = false;
	a->end = b->end;
	a->nend = b->nend;
	return true;
}

static void
emit(struct xn *x, struct q *q)
{
	struct xn_match m;

	if (!x->anchor && q->date && q->y)
		x->anchor = q->y;
	xn_label(x->f, x->off, x->text, x->n, q->start, q->end, x->last_end,
	    x->last_count,
	    q->date || q->kind == XK_ORDINAL, &x->lab);
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
	x->last_count = !q->date && q->kind != XK_YEAR && q->kind != XK_DATE;
	x->count++;
}

/* Skips the rest of a rejected number so that its tail is not read as
 * another (十四五 must not yield 四五, 1+6+N not 6). */
static size_t
skip_token(struct xn *x, size_t i)
{
	size_t j = i + 1;

	if (xn_is_digit(x->f[i])) {
		while (j < x->n && (xn_is_digit(x->f[j]) || is_alpha(x->f[j]) ||
		    x->f[j] == '+' || x->f[j] == '.' || x->f[j] == '-' ||
		    x->f[j] == '/' || x->f[j] == ':' || x->f[j] == ','))
			j++;
	} else {
		while (j < x->n && xn_is_cn_numeral(x->f[j]))
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
	if (j == i || j - i > 2 || at(x, j) != '.')
		return false;
	if (digits4(x, j + 1) < 1000 || at(x, j + 5) != U'年')
		return false;
	*e = j + 1;
	return true;
}

/* 今年, 去年, 上年度 ... anchored on the document year. */
static size_t
relative_year(struct xn *x, size_t i)
{
	struct q *q = &x->q1;

	if (i < x->last_end)
		return 0;
	for (size_t k = 0; rel_words[k]; k++) {
		size_t len = rel_keys[k].len, e;

		if (!xn_key_at(&rel_keys[k], x->f, i, x->n))
			continue;
		if (!x->anchor)
			return i + len;
		q_reset(q, i);
		q->y = x->anchor + rel_delta[k];
		if (x->f[i + len - 1] == U'度') {
			q->date = true;
			q->kind = XK_YEAR;
			q->unit = "年度";
			e = i + len;
		} else {
			e = date_chain(x, i + len, q);
		}
		q->end = q->nend = e;
		date_finish(q);
		emit(x, q);
		return e;
	}
	return 0;
}

static bool
year_end_ok(struct xn *x, size_t i)
{
	static const char not_before[] = "今去明本上下每近年当全半后同历往逐多前";
	uint32_t p = i ? x->f[i - 1] : 0;
	size_t pos = 0;

	if (xn_is_digit(p) || xn_is_cn_numeral(p))
		return false;
	while (pos < sizeof not_before - 1)
		if (utf8_next(not_before, sizeof not_before - 1, &pos) == p)
			return false;
	return true;
}

static void
find_title_year(struct xn *x)
{
	bool report = false;

	/* 年度报告, 工作总结: the title of a yearly report. */
	for (size_t i = 0; i + 1 < x->n; i++)
		if ((x->f[i] == U'报' && x->f[i + 1] == U'告') ||
		    (x->f[i] == U'总' && x->f[i + 1] == U'结'))
			report = true;
	if (!report)
		return;
	for (size_t i = 0; i + 4 < x->n; i++) {
		uint64_t v = 0;
		size_t k;

		for (k = 0; k < 4 && xn_is_digit(x->f[i + k]); k++)
			v = v * 10 + (x->f[i + k] - '0');
		if (k == 4 && x->f[i + 4] == U'年' && plausible_year(v) &&
		    (i == 0 || !xn_is_digit(x->f[i - 1]))) {
			x->anchor = (int)v;
			return;
		}
	}
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
	decode(x, text, len);
	if (!x->anchor)
		find_title_year(x);
	for (size_t ci = 0; ci < x->ncand; ci++) {
		uint32_t c;
		bool ordctx;
		size_t pre, e;
		const char *pw = "";
		struct q *q = &x->q1;

		if (x->cand[ci] < i)
			continue;
		i = x->cand[ci];
		c = x->f[i];
		if (!xn_is_digit(c) && !xn_is_cn_numeral(c) && c != U'半') {
			if ((at(x, i + 1) == U'年' || at(x, i + 1) == U'一') &&
			    c != U'年' && (e = relative_year(x, i)) != 0) {
				i = e;
				continue;
			}
			if (c == U'年' && (at(x, i + 1) == U'底' || at(x, i + 1) == U'末') &&
			    x->anchor && i >= x->last_end && year_end_ok(x, i)) {
				/* 年底前, 到年底: the end of the document's year. */
				q_reset(q, i);
				q->y = x->anchor;
				q->m = 12;
				q->date = true;
				q->kind = XK_DATE;
				q->end = q->nend = i + 2;
				date_value(q);
				emit(x, q);
				i += 2;
				continue;
			}
			i++;
			continue;
		}
		if (enum_year(x, i, &e)) {
			i = e;  /* 1.2024年工作台账: an item number, then a year */
			continue;
		}
		ordctx = i && x->f[i - 1] == U'第' && i - 1 >= x->last_end;
		if (!parse_q(x, i, q, ordctx)) {
			i = skip_token(x, i);
			continue;
		}
		if (q->date)
			ordctx = false; /* 第1月 is no ordinal */
		if (!ordctx)
			try_range(x, q);
		if (!accept(x, q, i, ordctx)) {
			i = skip_token(x, i);
			continue;
		}
		if (ordctx && heading(x, q, i - 1)) {
			i = q->end;
			continue;
		}
		if (ordctx) {
			q->start = i - 1;
			q->kind = XK_ORDINAL;
			q->approx = "";
		} else if (i && x->f[i - 1] == U'前' && i - 1 >= x->last_end &&
		    (strcmp(q->unit, "名") == 0 || strcmp(q->unit, "位") == 0 ||
		    strcmp(q->unit, "季度") == 0)) {
			q->start = i - 1;
			q->kind = XK_ORDINAL;
		} else if (!q->date && (pre = prefix_approx(x, i, &pw)) != 0) {
			q->start = i - pre;
			q->approx = pw;
		}
		emit(x, q);
		i = q->end;
	}
	return x->count;
}
