#include <string.h>

#include "accept.h"
#include "date.h"
#include "quantity.h"
#include "zhnum.h"

void
xn_q_reset(struct xn_q *q, size_t start)
{
	struct buf v = q->v;

	memset(q, 0, sizeof *q);
	q->v = v;
	buf_clear(&q->v);
	q->start = start;
	q->unit = "";
	q->approx = "";
}

static const char *const pre_approx[] = {
	"超过", "将近", "大约", "近", "超", "约", "逾", NULL
};
static struct xn_key pre_keys[7];

void
xn_quantity_init(void)
{
	if (pre_keys[0].len)
		return;
	for (size_t i = 0; pre_approx[i]; i++) {
		pre_keys[i].s = pre_approx[i];
		xn_key_init(&pre_keys[i]);
	}
}

static bool
money_context(struct xn *x, size_t i)
{
	size_t lo = i > 16 ? i - 16 : 0;

	for (size_t k = i; k > lo; k--) {
		if (xn_clause_punct(x->f[k - 1]) || x->f[k - 1] == 0x3002)
			break;
		if (xn_list_before(XN_L_MONEY, x->f, k))
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

size_t
xn_prefix_approx(struct xn *x, size_t i, const char **word)
{
	/* 上千名, 上万人: 上 before a bare 百/千/万 (round_hundreds), not
	 * the 上 of 马上, 以上, 线上. */
	size_t nx = i + 1;

	if (xn_at(x, nx) == U'亿' || (xn_at(x, nx) == U'万' && xn_at(x, i) != U'万'))
		nx++;           /* 上百万 */
	if (i >= 1 && i > x->last_end && x->f[i - 1] == U'上' && i < x->n &&
	    (x->f[i] == U'百' || x->f[i] == U'千' || x->f[i] == U'万') &&
	    !zhnum_is_numeral(xn_at(x, nx)) && xn_at(x, nx) != U'分' &&
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

			if (utf8_contains("最接附靠邻临贴逼将", p))
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

/* 近千份, 逾百家, 上千名, 近百万元: a bare 百/千/万, with 万 or 亿 after it
 * or not, is a number only after a qualifier and before a measure word
 * (千家万户 and 百姓 are words); 百万元, 千万元 and 百亿元 are amounts
 * without one. */
static bool
round_hundreds(struct xn *x, size_t i, struct xn_num *num, struct xn_dec *val)
{
	uint32_t c = xn_at(x, i), p = i ? x->f[i - 1] : 0;
	uint32_t m = xn_at(x, i + 1);
	size_t e = i + 1;
	uint64_t v = zhnum_unit(c);
	bool qualified;
	const struct xn_unit *u;

	if (c != U'百' && c != U'千' && c != U'万')
		return false;
	qualified = p == U'近' || p == U'逾' || p == U'超' || p == U'约' ||
	    p == U'上';
	if (qualified && p == U'上' && i >= 2 && shang_word(x->f[i - 2]))
		qualified = false;
	if ((m == U'万' && c != U'万') || m == U'亿') {
		v *= zhnum_unit(m);
		e++;
	}
	/* 千家万户, 百家争鸣 */
	if (e == i + 1 && (xn_at(x, i + 2) == U'万' || xn_at(x, i + 2) == U'争'))
		return false;
	if (zhnum_is_numeral(xn_at(x, e)))
		return false;
	u = xn_unit_at(x->f, e, x->n, XN_UF_CN);
	if (!u || (qualified ? u->kind != XN_K_COUNT && u->kind != XN_K_MONEY :
	    e == i + 1 || u->kind != XN_K_MONEY))
		return false;
	*num = (struct xn_num){ .start = i, .end = e, .nchars = e - i,
	    .ival_ok = true, .ival = v };
	xn_dec_set_u64(val, num->ival);
	return true;
}

size_t
xn_approx_suffix(struct xn *x, size_t j, struct xn_q *q)
{
	if ((xn_at(x, j) == U'以' && (xn_at(x, j + 1) == U'上' || xn_at(x, j + 1) == U'下')) ||
	    (xn_at(x, j) == U'左' && xn_at(x, j + 1) == U'右')) {
		if (!*q->approx)
			q->approx = xn_at(x, j) == U'左' ? "左右" :
			    xn_at(x, j + 1) == U'上' ? "以上" : "以下";
		j += 2;
	}
	return j;
}

/* 百分之八十, 千分之三 */
static enum xn_rd
read_percent_words(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	struct xn_num num;
	struct xn_dec *val = &x->val;
	uint32_t c = xn_at(x, r->i);
	size_t k = r->i + 3;
	bool got = false;

	if ((c != U'百' && c != U'千' && c != U'万') || xn_at(x, r->i + 1) != U'分' ||
	    xn_at(x, r->i + 2) != U'之')
		return XN_RD_NONE;
	if (xn_is_digit(xn_at(x, k))) {
		xn_parse_arabic(x->f, k, x->n, &num, val);
		got = true;
	} else if (xn_at(x, k) == U'百' && !zhnum_is_numeral(xn_at(x, k + 1))) {
		xn_dec_set_u64(val, 100);
		num.end = k + 1;
		got = true;
	} else if (zhnum_is_numeral(xn_at(x, k))) {
		got = xn_parse_cn(x->f, k, x->n, &num, val);
		if (got && xn_at(x, num.end) == U'点' &&
		    zhnum_digit(xn_at(x, num.end + 1)) >= 0) {
			/* 百分之八十七点五 */
			size_t m = num.end + 1;

			while (zhnum_digit(xn_at(x, m)) >= 0) {
				xn_dec_digit(val, zhnum_digit(xn_at(x, m)));
				val->scale++;
				m++;
			}
			num.end = m;
		}
	}
	if (!got)
		return XN_RD_REJECT;
	q->kind = XN_K_PERCENT;
	q->unit = c == U'百' ? "%" : c == U'千' ? "‰" : "‱";
	xn_dec_format(val, &q->v);
	q->nend = num.end;
	q->end = xn_approx_suffix(x, num.end, q);
	return XN_RD_DONE;
}

/* 半年, 半天 */
static enum xn_rd
read_half(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	size_t i = r->i;
	uint32_t p = i ? x->f[i - 1] : 0;
	const struct xn_unit *u;

	if (xn_at(x, i) != U'半')
		return XN_RD_NONE;
	u = xn_unit_at(x->f, i + 1, x->n, XN_UF_CN);
	/* 上半年, 多半, 大半: no length of time; 每半年 is one. */
	if (!u || u->kind != XN_K_DURATION || p == U'上' || p == U'下' ||
	    p == U'前' || p == U'后' || p == U'多' || p == U'大')
		return XN_RD_REJECT;
	q->kind = XN_K_DURATION;
	q->unit = u->out;
	buf_adds(&q->v, "0.5");
	q->end = i + 1 + u->key.len;
	q->nend = i + 1;
	/* 半年多 */
	if (xn_at(x, q->end) == U'多' || xn_at(x, q->end) == U'余') {
		q->approx = xn_at(x, q->end) == U'余' ? "余" : "多";
		q->end++;
	}
	return XN_RD_DONE;
}

/* The number itself, for the readers after it: false when none starts
 * at r->i. */
static bool
read_number(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	size_t i = r->i;

	if (xn_is_digit(xn_at(x, i))) {
		xn_parse_arabic(x->f, i, x->n, &r->num, &x->val);
		r->src = XN_UF_AR;
		q->arabic = true;
		q->plain_int = !r->num.sep && !r->num.frac;
	} else {
		/* 数十家, 几百人: indefinite. */
		if (i && (x->f[i - 1] == U'数' || x->f[i - 1] == U'几'))
			return false;
		if (!xn_parse_cn(x->f, i, x->n, &r->num, &x->val) &&
		    !round_hundreds(x, i, &r->num, &x->val))
			return false;
		r->src = XN_UF_CN;
		/* 五万 of 三至五万元: the low end may share it. */
		for (size_t k = r->num.end; k > i && (x->f[k - 1] == U'万' ||
		    x->f[k - 1] == U'亿'); k--)
			q->mult_pow = (unsigned char)(q->mult_pow + mult_pow(x->f[k - 1]));
	}
	r->j = r->num.end;
	q->ival = r->num.ival;
	q->ival_ok = r->num.ival_ok;
	return true;
}

/* The value of nu/dv in q: an exact decimal when it terminates, else
 * rounded to four places (M/N would read as a range).  False when the
 * numbers are too large to divide exactly. */
static bool
fraction_value(struct xn *x, uint64_t nu, uint64_t dv, struct xn_q *q)
{
	struct xn_dec *val = &x->val;
	uint64_t rest = dv, scale = 0, p = 1;

	if (dv == 0 || nu >= 1000000000ULL || dv >= 1000000000000000ULL)
		return false;
	while (rest % 2 == 0) { rest /= 2; scale++; }
	while (rest % 5 == 0) { rest /= 5; scale++; }
	if (rest != 1)
		scale = 4;
	else if (scale > 9)
		scale = 9;
	for (uint64_t s = 0; s < scale; s++)
		p *= 10;
	xn_dec_set_u64(val, (nu * p * 2 + dv) / (2 * dv));
	val->scale = scale;
	xn_dec_format(val, &q->v);
	q->kind = XN_K_RATIO;
	return true;
}

/* 三分之一 */
static enum xn_rd
read_fraction(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	struct xn_num nu;
	size_t j = r->j;

	if (xn_at(x, j) != U'分' || xn_at(x, j + 1) != U'之' ||
	    !zhnum_is_numeral(xn_at(x, j + 2)) || r->num.seq)
		return XN_RD_NONE;
	if (!xn_parse_cn(x->f, j + 2, x->n, &nu, &x->val2) ||
	    !fraction_value(x, nu.ival, r->num.ival, q))
		return XN_RD_REJECT;
	q->unit = "分之";
	q->nend = nu.end;
	q->end = xn_approx_suffix(x, nu.end, q);
	return XN_RD_DONE;
}

/* 3/4, 2/3以上: a fraction, smaller than one, of small whole numbers;
 * not a date (2021/03/29, read before), a page (1/5页), a score (95/100分)
 * nor a code (1/2/3, G3/G4). */
static enum xn_rd
read_slash_fraction(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	struct xn_num den;
	size_t j = r->j, e;
	uint32_t nx;

	if (xn_at(x, j) != '/' || !xn_is_digit(xn_at(x, j + 1)) || !q->plain_int ||
	    r->num.intlen > 3 || r->num.lead0)
		return XN_RD_NONE;
	xn_parse_arabic(x->f, j + 1, x->n, &den, &x->val2);
	e = den.end;
	nx = xn_at(x, e);
	if (den.sep || den.frac || den.lead0 || den.intlen > 4 ||
	    den.ival <= r->num.ival || nx == '/' || nx == '.' || nx == '-' ||
	    xn_is_alpha(nx) || nx == U'页' ||
	    (nx != U'以' && xn_unit_at(x->f, e, x->n, XN_UF_AR)))
		return XN_RD_NONE;
	if (!fraction_value(x, r->num.ival, den.ival, q))
		return XN_RD_NONE;
	q->nend = e;
	q->end = xn_approx_suffix(x, e, q);
	return XN_RD_DONE;
}

/* 每3月, 每两月, 每隔两月: a number of months, not a month. */
static enum xn_rd
read_months_apart(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	size_t i = r->i;
	uint32_t p = i ? x->f[i - 1] : 0;

	if (xn_at(x, r->j) != U'月' || !(p == U'每' || (p == U'隔' && i >= 2 &&
	    x->f[i - 2] == U'每')) || !r->num.ival_ok || r->num.ival == 0 ||
	    r->num.seq)
		return XN_RD_NONE;
	q->kind = XN_K_DURATION;
	q->unit = "月";
	xn_dec_format(&x->val, &q->v);
	q->nend = r->j;
	q->end = r->j + 1;
	return XN_RD_DONE;
}

/* “八五”, 四五: digit strings that are no year are names. */
static enum xn_rd
reject_digit_string(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	(void)x;
	(void)q;
	return r->num.seq ? XN_RD_REJECT : XN_RD_NONE;
}

/* 20余万次, 24万余人次, 近2.6亿条: returns whether 余/多 was read. */
static bool
read_multipliers(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	struct xn_dec *val = &x->val;
	size_t j = r->j;
	bool approx_in = false;

	if ((xn_at(x, j) == U'余' || xn_at(x, j) == U'多') &&
	    (is_mult(xn_at(x, j + 1)) || xn_unit_at(x->f, j + 1, x->n, r->src))) {
		q->approx = xn_at(x, j) == U'余' ? "余" : "多";
		approx_in = true;
		j++;
	}
	if (q->arabic || approx_in) {
		while (is_mult(xn_at(x, j))) {
			const struct xn_unit *mu = xn_unit_at(x->f, j, x->n, r->src);

			if (mu && mu->key.len >= 2)
				break;  /* 千米, 百分点 */
			if (xn_at(x, j + 1) == U'分' && xn_at(x, j + 2) == U'之')
				break;
			/* Chinese numerals already hold their 万; only
			 * 十余万 reaches here with one. */
			if (!q->arabic && xn_at(x, j) != U'万' && xn_at(x, j) != U'亿')
				break;
			xn_dec_shift(val, mult_pow(xn_at(x, j)));
			q->mult = true;
			q->mult_pow = (unsigned char)(q->mult_pow + mult_pow(xn_at(x, j)));
			j++;
		}
	}
	if (!approx_in && (xn_at(x, j) == U'余' || xn_at(x, j) == U'多') &&
	    xn_unit_at(x->f, j + 1, x->n, r->src)) {
		q->approx = xn_at(x, j) == U'余' ? "余" : "多";
		approx_in = true;
		j++;
	}
	r->j = j;
	return approx_in;
}

/* 两个半小时, 一个半月, 两个多月: returns whether they were read. */
static bool
read_months_and_half(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	size_t j = r->j;

	if (xn_at(x, j) == U'个' && xn_at(x, j + 1) == U'半' && x->val.scale == 0) {
		const struct xn_unit *hu = xn_unit_at(x->f, j + 2, x->n, r->src);

		if (hu && (strcmp(hu->out, "小时") == 0 || hu->key.cp[0] == U'月' ||
		    strcmp(hu->out, "个月") == 0)) {
			xn_dec_add_half(&x->val);
			q->unit = hu->key.cp[0] == U'月' ? "个月" : hu->out;
			q->kind = XN_K_DURATION;
			r->j = j + 2 + hu->key.len;
			return true;
		}
		if (xn_at(x, j + 2) == U'月') {
			xn_dec_add_half(&x->val);
			q->unit = "个月";
			q->kind = XN_K_DURATION;
			r->j = j + 3;
			return true;
		}
	}
	if (xn_at(x, j) == U'个' && (xn_at(x, j + 1) == U'多' || xn_at(x, j + 1) == U'余') &&
	    xn_at(x, j + 2) == U'月' && !*q->approx) {
		q->approx = xn_at(x, j + 1) == U'余' ? "余" : "多";
		q->unit = "个月";
		q->kind = XN_K_DURATION;
		r->j = j + 3;
		return true;
	}
	return false;
}

/* 每人限报一份, 仅限一处: a lone 一 in a rule or a limit is a count
 * with any measure word, not the article of 一份责任. */
static bool
one_in_rule(struct xn *x, size_t i)
{
	if (xn_list_before(XN_L_LIMIT, x->f, i))
		return true;
	for (size_t k = i; k > 0 && i - k < 12; k--) {
		uint32_t c = x->f[k - 1];

		if (c == U'每')
			return true;
		if (xn_clause_punct(c) || c == 0x3002)
			break;
	}
	return false;
}

/* The measure word or unit after the number; false when the number is
 * an article (一支高素质队伍). */
static bool
read_unit(struct xn *x, struct xn_read *r, struct xn_q *q, bool approx_in)
{
	const struct xn_num *num = &r->num;
	const struct xn_unit *u;
	size_t i = r->i, j = r->j;
	bool quarter;

	/* 共 120 件: a space left by a PDF between number and unit. */
	if (q->arabic && xn_at(x, j) == ' ' && (i == 0 || x->f[i - 1] == ' ' ||
	    xn_is_han(x->f[i - 1]))) {
		u = xn_unit_at(x->f, j + 1, x->n, r->src);
		if (u && !(u->flags & (XN_UF_STRICT | XN_UF_ORD)) && u->kind != XN_K_OTHER &&
		    u->kind != XN_K_RATIO)
			j++;
	}
	u = xn_unit_at(x->f, j, x->n, r->src);
	/* 3大类, 两大方面: 大 before a few measure words of kinds; 一大批 is
	 * a great many, 三大攻坚战 a label. */
	if (!u && xn_at(x, j) == U'大' && !num->one && !r->ordctx &&
	    (u = xn_unit_at(x->f, j + 1, x->n, r->src)) != NULL) {
		if (utf8_contains("类项块批", u->key.cp[0]) && u->key.len == 1)
			j++;
		else if (strcmp(u->out, "方面") == 0)
			j++;
		else
			u = NULL;
	}
	/* 一季度 is the first quarter, as 第一季度 is. */
	quarter = u && u->key.cp[0] == U'季' && !r->ordctx && num->ival_ok &&
	    num->ival >= 1 && num->ival <= 4 && !q->mult && !approx_in &&
	    (i == 0 || (x->f[i - 1] != U'每' && x->f[i - 1] != U'各'));
	if (u && (u->flags & XN_UF_ORD) && !r->ordctx && !quarter)
		u = NULL;
	if (u && num->one && !(u->flags & XN_UF_ONE) && !r->ordctx && !quarter &&
	    !(u->kind == XN_K_COUNT && one_in_rule(x, i)))
		u = NULL;
	/* 作为一项重要工作, 一支高素质队伍: 一 as an article before an
	 * evaluative word is no count. */
	if (u && num->one && !r->ordctx && !quarter && u->kind == XN_K_COUNT &&
	    article_next(xn_at(x, j + u->key.len)))
		return false;
	if (u) {
		q->unit = u->out;
		q->kind = u->kind;
		j += u->key.len;
		if ((u->key.cp[0] == U'年' || strcmp(u->out, "天") == 0 ||
		    strcmp(u->out, "小时") == 0) && xn_at(x, j) == U'半' &&
		    x->val.scale == 0) {
			xn_dec_add_half(&x->val);
			j++;
		}
	}
	/* 一年多, 三个月余 */
	if (u && u->kind == XN_K_DURATION && !*q->approx &&
	    (xn_at(x, j) == U'多' || xn_at(x, j) == U'余')) {
		q->approx = xn_at(x, j) == U'余' ? "余" : "多";
		j++;
	}
	r->j = j;
	return true;
}

/* A number with its multipliers, qualifiers and unit: 3996.98万元,
 * 300余人次, 两个半小时, 98%以上. */
static enum xn_rd
read_counted(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	bool approx_in = read_multipliers(x, r, q);

	q->nend = r->j;
	if (!read_months_and_half(x, r, q) && !read_unit(x, r, q, approx_in))
		return XN_RD_REJECT;
	q->end = xn_approx_suffix(x, r->j, q);
	q->bare = !*q->unit && !q->mult && !approx_in;
	if (!*q->unit && (q->mult || approx_in) && money_context(x, r->i)) {
		q->unit = "元";
		q->kind = XN_K_MONEY;
	} else if (!*q->unit) {
		q->kind = XN_K_OTHER;
	}
	xn_dec_format(&x->val, &q->v);
	return XN_RD_DONE;
}

/*
 * The readers, in the order they try: one list for Arabic numbers and one
 * for Chinese numerals.  Each names the characters it needs just after
 * the number (a class of next_class()), so that a candidate calls only
 * the readers of its form.  The lead readers look at the candidate's
 * first character instead, before any number is read.
 */
enum {
	NX_DOT = 1,              /* · of “3·15” */
	NX_SEP = 2,              /* - / . of 2024-12-24 */
	NX_LIST = 4,             /* 、和及 of 2023、2024年 */
	NX_FEN = 8,              /* 分 of 三分之一 */
	NX_YEAR = 16,            /* 年, or a space before it */
	NX_MONTH = 32,           /* 月 */
	NX_OTHER = 64,
	NX_ANY = 127,
	LEAD_PART = 128,         /* 百 千 万 of 百分之 */
	LEAD_HALF = 256          /* 半 */
};

struct reader {
	xn_reader_fn read;
	unsigned after;
};

static const struct reader lead_readers[] = {
	{ read_percent_words, LEAD_PART },
	{ read_half, LEAD_HALF },
};

static const struct reader arabic_readers[] = {
	{ xn_read_named_day, NX_DOT },
	{ xn_read_sep_date, NX_SEP },
	{ xn_read_dotted_date, NX_SEP },
	{ read_slash_fraction, NX_SEP },
	{ xn_read_year_list, NX_LIST },
	{ xn_read_joined_years, NX_YEAR },
	{ xn_read_year, NX_YEAR },
	{ read_months_apart, NX_MONTH },
	{ xn_read_month, NX_MONTH },
	{ xn_read_title_year, NX_OTHER },
	{ read_counted, NX_ANY },
};

static const struct reader chinese_readers[] = {
	{ read_fraction, NX_FEN },
	{ xn_screen_numeral, NX_ANY },
	{ xn_read_year, NX_YEAR },
	{ reject_digit_string, NX_ANY },
	{ read_months_apart, NX_MONTH },
	{ xn_read_cn_month, NX_MONTH },
	{ read_counted, NX_ANY },
};

static unsigned
lead_class(uint32_t c)
{
	if (c == U'百' || c == U'千' || c == U'万')
		return LEAD_PART;
	return c == U'半' ? LEAD_HALF : 0;
}

static unsigned
next_class(uint32_t c)
{
	switch (c) {
	case 0xB7: case 0x30FB: case 0x2022: case 0x2027:
		return NX_DOT;
	case '-': case '/': case '.':
		return NX_SEP;
	case 0x3001: case U'和': case U'及':
		return NX_LIST;
	case U'分':
		return NX_FEN;
	case U'年': case ' ':
		return NX_YEAR;
	case U'月':
		return NX_MONTH;
	}
	return NX_OTHER;
}

/* Runs the readers that apply; XN_RD_NONE when none knew the form. */
static enum xn_rd
run_readers(const struct reader *rd, size_t n, unsigned cls, struct xn *x,
    struct xn_read *r, struct xn_q *q)
{
	for (size_t k = 0; k < n; k++) {
		enum xn_rd st;

		if (!(rd[k].after & cls))
			continue;
		st = rd[k].read(x, r, q);
		if (st != XN_RD_NONE)
			return st;
	}
	return XN_RD_NONE;
}

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

bool
xn_parse_q(struct xn *x, size_t i, struct xn_q *q, bool ordctx)
{
	struct xn_read r;
	unsigned lead = lead_class(xn_at(x, i)), cls;
	enum xn_rd st;

	r.i = i;
	r.ordctx = ordctx;
	xn_q_reset(q, i);
	if (lead && (st = run_readers(lead_readers, NELEM(lead_readers), lead,
	    x, &r, q)) != XN_RD_NONE)
		return st == XN_RD_DONE;
	if (!read_number(x, &r, q))
		return false;
	cls = next_class(xn_at(x, r.j));
	if (q->arabic)
		st = run_readers(arabic_readers, NELEM(arabic_readers), cls,
		    x, &r, q);
	else
		st = run_readers(chinese_readers, NELEM(chinese_readers), cls,
		    x, &r, q);
	return st == XN_RD_DONE;
}
