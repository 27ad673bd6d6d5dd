/*
 * Fuzzes zh-extract-numbers' value arithmetic through the scanner: every
 * value must have the documented form for its kind (plain decimal, ISO
 * date, LOW/HIGH), kind and approx must be from the documented sets, and
 * a plain count, money, percent or point value written back with its
 * unit must scan again to the same value.
 * Byte 0 picks the anchor year (as extract-numbers_scan does).
 */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "scan.h"
#include "utf8.h"
#include "fuzzmem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct xn *x;

static int
one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(s, *set) == 0)
			return 1;
	return 0;
}

/* 0 | [1-9][0-9]* , then optionally . [0-9]* [1-9] */
static size_t
plain_len(const char *s, size_t n)
{
	size_t i = 0;

	if (n == 0 || s[0] < '0' || s[0] > '9')
		return 0;
	if (s[0] == '0')
		i = 1;
	else
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	if (i < n && s[i] == '.') {
		size_t j = i + 1;

		while (j < n && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j == i + 1 || s[j - 1] == '0')
			return 0;
		i = j;
	}
	return i;
}

static int
is_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD or --MM (10月底: a month without
 * a year, ISO 8601:2000's truncated form) */
static int
is_date(const char *s, size_t n)
{
	if (n == 4 && memcmp(s, "--", 2) == 0)
		return is_digits(s + 2, 2);
	if (n == 7 && memcmp(s, "--", 2) == 0)
		return is_digits(s + 2, 2) && s[4] == '-' && is_digits(s + 5, 2);
	if (n < 4 || !is_digits(s, 4))
		return 0;
	if (n == 4)
		return 1;
	if (n >= 7 && s[4] == '-' && is_digits(s + 5, 2)) {
		if (n == 7)
			return 1;
		return n == 10 && s[7] == '-' && is_digits(s + 8, 2);
	}
	return 0;
}

static int
is_value(const char *s, size_t n)
{
	return (plain_len(s, n) == n && n > 0) || is_date(s, n);
}

struct want {
	const char *value;
	size_t len;
	int found, first;
};

static void
recheck(void *p, const struct xn_match *m)
{
	struct want *w = p;

	if (!w->first)
		return;
	w->first = 0;
	w->found = m->value_len == w->len && memcmp(m->value, w->value, w->len) == 0;
}

static void
check(void *p, const struct xn_match *m)
{
	static const char *const kinds[] = { "count", "money", "percent",
	    "ppoint", "ratio", "score", "date", "year", "range", "duration",
	    "ordinal", "other", NULL };
	/* The man page's list, and the two-character prefixes scan.c knows. */
	static const char *const approx[] = { "", "余", "多", "近", "超", "约",
	    "逾", "上", "以上", "以下", "左右", "超过", "将近", "大约", NULL };
	static struct buf again;
	const char *slash;
	int input_valid = *(int *)p;

	FUZZ_ASSERT(one_of(m->kind, kinds));
	FUZZ_ASSERT(one_of(m->approx, approx));
	slash = memchr(m->value, '/', m->value_len);
	if (slash) {
		size_t lo = (size_t)(slash - m->value);

		FUZZ_ASSERT(is_value(m->value, lo));
		FUZZ_ASSERT(is_value(slash + 1, m->value_len - lo - 1));
	} else {
		FUZZ_ASSERT(is_value(m->value, m->value_len));
	}
	FUZZ_ASSERT(strchr(m->unit, '\t') == NULL && strchr(m->unit, '\n') == NULL);
	if (input_valid) {
		FUZZ_ASSERT(utf8_valid(m->unit, strlen(m->unit)));
		FUZZ_ASSERT(utf8_valid(m->label, m->label_len));
	}

	/* Written back as value+unit, the quantity reads the same (but 区
	 * counts only after Chinese numerals: 3区 is a zone's number). */
	if (!slash && *m->unit && plain_len(m->value, m->value_len) == m->value_len &&
	    strcmp(m->unit, "区") != 0 &&
	    (strcmp(m->kind, "count") == 0 || strcmp(m->kind, "money") == 0 ||
	    strcmp(m->kind, "percent") == 0 || strcmp(m->kind, "ppoint") == 0)) {
		struct want w = { m->value, m->value_len, 0, 1 };
		struct xn *y = xn_new();

		buf_clear(&again);
		buf_add(&again, m->value, m->value_len);
		buf_adds(&again, m->unit);
		xn_scan(y, again.s, again.len, recheck, &w);
		xn_free(y);
		if (!w.found)
			fprintf(stderr, "re-parse: %.*s%s (%s) -> other\n",
			    (int)m->value_len, m->value, m->unit, m->kind);
		FUZZ_ASSERT(w.found);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int input_valid;

	if (!x)
		x = xn_new();
	xn_set_year(x, size && data[0] < 16 ? 2000 + data[0] : 0);
	xn_doc_begin(x);
	input_valid = utf8_valid((const char *)data, size);
	xn_scan(x, (const char *)data, size, check, &input_valid);
	return 0;
}
