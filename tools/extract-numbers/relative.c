#include "date.h"
#include "relative.h"
#include "zhnum.h"

static const char *const rel_words[] = {
	"下一年度", "上一年度", "今年度", "本年度", "上年度", "下年度",
	"上一年", "下一年", "今年", "去年", "前年", "明年", "上年", NULL
};
static const int rel_delta[] = { 1, -1, 0, 0, -1, 1, -1, 1, 0, -1, -2, 1, -1 };
static struct xn_key rel_keys[sizeof rel_delta / sizeof rel_delta[0]];

void
xn_relative_init(void)
{
	if (rel_keys[0].len)
		return;
	for (size_t i = 0; rel_words[i]; i++) {
		rel_keys[i].s = rel_words[i];
		xn_key_init(&rel_keys[i]);
	}
}

size_t
xn_relative_year(struct xn *x, size_t i, struct xn_q *q, bool *got)
{
	*got = false;
	if (i < x->last_end)
		return 0;
	for (size_t k = 0; rel_words[k]; k++) {
		size_t len = rel_keys[k].len, e;

		if (!xn_key_at(&rel_keys[k], x->f, i, x->n))
			continue;
		if (!x->relative || !x->anchor)
			return i + len;
		xn_q_reset(q, i);
		q->y = x->anchor + rel_delta[k];
		if (x->f[i + len - 1] == U'度') {
			q->date = true;
			q->kind = XN_K_YEAR;
			q->unit = "年度";
			e = i + len;
		} else {
			e = xn_date_chain(x, i + len, q);
		}
		q->end = q->nend = e;
		xn_date_finish(q);
		*got = true;
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

	if (xn_is_digit(p) || zhnum_is_numeral(p))
		return false;
	while (pos < sizeof not_before - 1)
		if (utf8_next(not_before, sizeof not_before - 1, &pos) == p)
			return false;
	return true;
}

bool
xn_year_end(struct xn *x, size_t i, struct xn_q *q)
{
	if (!(xn_at(x, i + 1) == U'底' || xn_at(x, i + 1) == U'末') ||
	    !x->anchor || i < x->last_end || !year_end_ok(x, i))
		return false;
	xn_q_reset(q, i);
	q->y = x->anchor;
	q->m = 12;
	q->date = true;
	q->kind = XN_K_DATE;
	q->end = q->nend = i + 2;
	xn_date_value(q);
	return true;
}

void
xn_find_title_year(struct xn *x)
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
		if (k == 4 && x->f[i + 4] == U'年' && xn_plausible_year(v) &&
		    (i == 0 || !xn_is_digit(x->f[i - 1]))) {
			x->anchor = (int)v;
			return;
		}
	}
}
