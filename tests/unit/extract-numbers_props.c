/*
 * Properties of zh-extract-numbers' scanner on fixtures, on the seed
 * reports ($ZH_SEEDS, when present) and on random bytes: every match's
 * offsets slice the text to exactly its raw column, matches come in
 * text order without overlap, and every value re-parses to itself (a
 * canonical decimal, an ISO date, or LOW/HIGH of those).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>

#include "buf.h"
#include "dec.h"
#include "decode.h"
#include "scan.h"
#include "test.h"
#include "utf8.h"
#include "zhfold.h"
#include "zhnum.h"

int main(void);

struct run {
	const char *text;
	size_t len;
	size_t prev_end;
	int bad_slice, bad_order, bad_value;
	size_t n;
	char first_bad[256];
	struct buf vals;         /* "value|unit|raw\n" of every match */
};

static int
digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* A canonical plain decimal: what xn_dec_format prints for it. */
static int
canonical_decimal(const char *s, size_t n)
{
	struct xn_dec d = { 0 };
	struct buf b = { 0 };
	size_t i = 0;
	int ok = 0;

	for (; i < n && s[i] != '.'; i++) {
		if (s[i] < '0' || s[i] > '9')
			goto out;
		xn_dec_digit(&d, s[i] - '0');
	}
	if (i == 0 || i + 1 == n)
		goto out;
	if (i < n) {
		for (i++; i < n; i++) {
			if (s[i] < '0' || s[i] > '9')
				goto out;
			xn_dec_digit(&d, s[i] - '0');
			d.scale++;
		}
	}
	xn_dec_format(&d, &b);
	ok = b.len == n && memcmp(b.s, s, n) == 0;
out:
	xn_dec_free(&d);
	buf_free(&b);
	return ok;
}

/* YYYY, YYYY-MM, YYYY-MM-DD, --MM, --MM-DD with real months and days. */
static int
iso_date(const char *s, size_t n)
{
	size_t p;

	if (n >= 4 && digits(s, 4))
		p = 4;
	else if (n >= 2 && s[0] == '-' && s[1] == '-')
		p = 1;
	else
		return 0;
	if (p == n)
		return p == 4;
	if (s[p] != '-' || n < p + 3 || !digits(s + p + 1, 2))
		return 0;
	{
		int m = (s[p + 1] - '0') * 10 + (s[p + 2] - '0');

		if (m < 1 || m > 12)
			return 0;
	}
	p += 3;
	if (p == n)
		return 1;
	if (s[p] != '-' || n != p + 3 || !digits(s + p + 1, 2))
		return 0;
	{
		int d = (s[p + 1] - '0') * 10 + (s[p + 2] - '0');

		return d >= 1 && d <= 31;
	}
}

static int
fraction(const char *s, size_t n)
{
	const char *sl = memchr(s, '/', n);

	return sl && digits(s, (size_t)(sl - s)) && sl > s &&
	    digits(sl + 1, n - (size_t)(sl - s) - 1) && sl + 1 < s + n;
}

static int
value_ok(const struct xn_match *m)
{
	const char *sl;

	if (strcmp(m->kind, "date") == 0 || strcmp(m->kind, "year") == 0)
		return iso_date(m->value, m->value_len);
	if (strcmp(m->kind, "range") == 0) {
		sl = memchr(m->value, '/', m->value_len);
		if (!sl)
			return 0;
		{
			size_t a = (size_t)(sl - m->value), b = m->value_len - a - 1;

			return (canonical_decimal(m->value, a) &&
			    canonical_decimal(sl + 1, b)) ||
			    (iso_date(m->value, a) && iso_date(sl + 1, b));
		}
	}
	if (strcmp(m->kind, "ratio") == 0 && fraction(m->value, m->value_len))
		return 1;
	return canonical_decimal(m->value, m->value_len);
}

static void
on_match(void *p, const struct xn_match *m)
{
	struct run *r = p;
	size_t a = 0, b = 0, cp = 0, pos = 0;

	r->n++;
	/* Code-point offsets -> byte offsets, the way a reader counts. */
	while (pos < r->len && cp < m->end) {
		if (cp == m->start)
			a = pos;
		utf8_next(r->text, r->len, &pos);
		cp++;
	}
	if (cp == m->start)
		a = pos;
	b = pos;
	if (cp != m->end || m->start >= m->end || b - a != m->raw_len ||
	    memcmp(r->text + a, m->raw, m->raw_len) != 0) {
		if (!r->bad_slice++)
			snprintf(r->first_bad, sizeof r->first_bad, "slice %zu-%zu %.*s",
			    m->start, m->end, (int)m->raw_len, m->raw);
	}
	if (m->start < r->prev_end)
		r->bad_order++;
	r->prev_end = m->end;
	if (!value_ok(m) && !r->bad_value++)
		snprintf(r->first_bad, sizeof r->first_bad, "value %.*s (%s) for %.*s",
		    (int)m->value_len, m->value, m->kind, (int)m->raw_len, m->raw);
	buf_add(&r->vals, m->value, m->value_len);
	buf_addc(&r->vals, '|');
	buf_adds(&r->vals, m->unit);
	buf_addc(&r->vals, '|');
	buf_adds(&r->vals, m->approx);
	buf_addc(&r->vals, '|');
	buf_add(&r->vals, m->raw, m->raw_len);
	buf_addc(&r->vals, '\n');
}

static void
scan(struct xn *x, struct run *r, const char *text, size_t len)
{
	r->text = text;
	r->len = len;
	r->prev_end = 0;
	xn_scan(x, text, len, on_match, r);
}

static int
has(struct run *r, const char *line)
{
	return r->vals.s && strstr(r->vals.s, line) != NULL;
}

static const char *const fixtures[] = {
	"青川市滨江区2025年工作报告",
	"归集数据4.52万条,近3.8亿条记录,18万余人次参与,30余万次访问。",
	"涉及金额2715.36万元,节约资金6.5亿元,罚款1,250,000元,涉案金额700余万。",
	"优秀率达百分之九十五,千分之三,三成以上,增长2倍,提高4.5个百分点,三分之一,四分之三。",
	"截至2025年11月30日,2021/03/29上线,“3·15”,10月底,2024-2026年,2025年1月至10月,1-11月。",
	"今年新增12处,较去年增长8%,上年度整改5项,年底前完成。",
	"全市第一。前三名,第二十届,四十周年,三等奖,一年半,两个半小时,半年。",
	"１２３４５６件,２０２５年,３．５％",
	"二十大,十四五,一是,1+6+N,12345热线,〔2025〕37号,2.0版本,一杯咖啡,扫一扫。",
};

static void
seeds(struct xn *x, struct run *r)
{
	const char *dir = getenv("ZH_SEEDS");
	DIR *d;
	struct dirent *e;
	char path[4096], *line = NULL;
	size_t cap = 0, files = 0;
	ssize_t n;

	if (!dir || !(d = opendir(dir))) {
		printf("SKIP: extract-numbers props on seeds (no $ZH_SEEDS)\n");
		return;
	}
	while ((e = readdir(d)) != NULL) {
		FILE *fp;

		if (strlen(e->d_name) < 5 || strcmp(e->d_name + strlen(e->d_name) - 4, ".txt"))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (!(fp = fopen(path, "r")))
			continue;
		files++;
		xn_doc_begin(x);
		while ((n = getline(&line, &cap, fp)) > 0) {
			if (line[n - 1] == '\n')
				line[--n] = '\0';
			scan(x, r, line, (size_t)n);
		}
		fclose(fp);
	}
	closedir(d);
	free(line);
	CHECK(files > 0 && r->n > 100, "extract-numbers props: seeds give quantities");
}

int
main(void)
{
	struct xn *x = xn_new();
	struct run r = { 0 };
	char *big;
	uint32_t rng = 12345;

	/* Relative time gives no row by default; resolved, it takes the
	 * year of the report's title. */
	scan(x, &r, fixtures[0], strlen(fixtures[0]));
	scan(x, &r, fixtures[5], strlen(fixtures[5]));
	CHECK(!has(&r, "|年底\n") && !has(&r, "|今年\n") && !has(&r, "|去年\n") &&
	    has(&r, "12|处||12处\n"), "extract-numbers: relative time gives no row by default");
	xn_doc_begin(x);
	buf_clear(&r.vals);
	xn_set_relative(x, true);
	for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++)
		scan(x, &r, fixtures[i], strlen(fixtures[i]));
	CHECK(has(&r, "45200|条||4.52万条\n"), "extract-numbers: 4.52万 is 45200");
	CHECK(has(&r, "380000000|条|近|近3.8亿条\n"), "extract-numbers: 近 prefix");
	CHECK(has(&r, "180000|人次|余|18万余人次\n"), "extract-numbers: 万余");
	CHECK(has(&r, "300000|次|余|30余万次\n"), "extract-numbers: 余万");
	CHECK(has(&r, "27153600|元||2715.36万元\n"), "extract-numbers: 万元 exact");
	CHECK(has(&r, "7000000|元|余|700余万\n"), "extract-numbers: money by context");
	CHECK(has(&r, "0.3333|分之||三分之一\n") && has(&r, "0.75|分之||四分之三\n"),
	    "extract-numbers: fractions");
	CHECK(has(&r, "--03-15|||3·15\n"), "extract-numbers: named day");
	CHECK(has(&r, "2025-01/2025-10|||2025年1月至10月\n"), "extract-numbers: month range");
	CHECK(has(&r, "2025-12|||年底\n"), "extract-numbers: 年底 anchored");
	CHECK(has(&r, "123456|件||１２３４５６件\n") && has(&r, "3.5|%||３．５％\n"),
	    "extract-numbers: full-width digits");
	CHECK(!has(&r, "|二十") && !has(&r, "|十四") && !has(&r, "|12345") &&
	    !has(&r, "|2.0") && !has(&r, "|一杯") && !has(&r, "|1+"),
	    "extract-numbers: set phrases give no rows");
	seeds(x, &r);

	/* Random bytes biased toward digits, numerals and units. */
	{
		static const char *const parts[] = {
			"1", "23", ".", ",", "万", "亿", "余", "多", "年", "月", "日",
			"个", "元", "%", "第", "一", "十", "百", "两", "半", "-", "至",
			"“", "”", "\xff", "\xe4\xb8", "·", "分之", "以上", "今年",
			"大", "类", "省", "米", "m", "届", "次", "全会", "、", "「",
			"」", "报告", "每", "时", "底",
		};

		big = malloc(4096);
		for (int iter = 0; iter < 3000; iter++) {
			size_t len = 0;

			while (len < 200) {
				const char *p;

				rng = rng * 1103515245u + 12345u;
				p = parts[(rng >> 16) % (sizeof parts / sizeof parts[0])];
				memcpy(big + len, p, strlen(p));
				len += strlen(p);
			}
			scan(x, &r, big, len);
		}
		free(big);
	}
	/* An absurdly long digit run stays exact. */
	{
		size_t n = 100000;

		big = malloc(n + 16);
		memset(big, '7', n);
		memcpy(big + n, "件", 3);
		buf_clear(&r.vals);
		scan(x, &r, big, n + 3);
		CHECK(r.vals.len > n && memcmp(r.vals.s, big, n) == 0 && r.vals.s[n] == '|',
		    "extract-numbers: 100000-digit value exact");
		free(big);
	}
	CHECK(r.bad_slice == 0, r.bad_slice ? r.first_bad : "extract-numbers: offsets slice to raw");
	CHECK(r.bad_order == 0, "extract-numbers: matches in text order");
	CHECK(r.bad_value == 0, r.bad_value ? r.first_bad : "extract-numbers: values re-parse to themselves");
	xn_free(x);
	buf_free(&r.vals);
	{
		/* Exact decimal arithmetic on text: a range's low end times 万
		 * (5-10万), compared without floating point. */
		struct xn_dec d = { 0 };
		struct buf b = { 0 };

		xn_dec_parse(&d, "1.25", 4);
		xn_dec_shift(&d, 4);
		xn_dec_format(&d, &b);
		CHECK(b.len == 5 && memcmp(b.s, "12500", 5) == 0, "dec: parse 1.25, shift 4");
		xn_dec_free(&d);
		buf_free(&b);
		CHECK(xn_dec_text_less("9", 1, "10", 2) && !xn_dec_text_less("10", 2, "9", 1),
		    "dec: 9 < 10 by integer length");
		CHECK(xn_dec_text_less("0.25", 4, "0.5", 3) && xn_dec_text_less("0.2", 3, "0.25", 4),
		    "dec: fractions compared digit by digit");
		CHECK(!xn_dec_text_less("150000", 6, "30000", 5) && !xn_dec_text_less("7", 1, "7", 1),
		    "dec: not below when above or equal");
	}
	{
		/* The scan looks only where a quantity may start: every
		 * folded Chinese numeral (the fold is applied first) must be
		 * one of those places, or its numbers are never read. */
		uint32_t miss = 0;

		xn_decode_init();
		for (uint32_t c = 0x3000; c < 0x10000 && !miss; c++)
			if (zh_fold(c) == c && zhnum_is_numeral(c) && !xn_may_start(c))
				miss = c;
		CHECK(!miss, "extract-numbers: every folded numeral starts a scan");
		CHECK(xn_may_start('7') && xn_may_start(U'半') && !xn_may_start(U'的'),
		    "extract-numbers: digits and 半 start a scan, 的 does not");
	}
	return test_failed;
}
