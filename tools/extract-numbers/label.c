#include "label.h"
#include "numeral.h"
#include "tables.h"
#include "utf8.h"
#include "zhnum.h"

#define BACK_MAX 24
#define FWD_MAX 16

static bool
stops(uint32_t c)
{
	if (xn_clause_punct(c))
		return true;
	return c < 0x20 || (c >= '0' && c <= '9') || c == ' ' || c == '.' ||
	    c == '-' || c == '~' || c == '/' || c == 0xD7 || c == 0xFFFD;
}

static bool
enumerator_head(const uint32_t *f, size_t a, size_t b, size_t *len)
{
	size_t k = a;

	/* 一是, 二是 ... */
	while (k < b && zhnum_digit(f[k]) > 0)
		k++;
	if (k > a && k < b && f[k] == 0x662F /* 是 */) {
		*len = k + 1 - a;
		return true;
	}
	return false;
}

/* Strips fillers from both ends of [*a, *b). */
static void
trim(const uint32_t *f, size_t *a, size_t *b)
{
	size_t l;

	for (;;) {
		while (*a < *b && (f[*a] == ' ' || f[*a] == 0x201D))
			(*a)++;
		if (*a < *b && (l = xn_list_at(XN_L_FILL_HEAD, f, *a, *b)) != 0) {
			*a += l;
			continue;
		}
		if (enumerator_head(f, *a, *b, &l)) {
			*a += l;
			continue;
		}
		break;
	}
	for (;;) {
		while (*b > *a && (f[*b - 1] == ' ' || f[*b - 1] == 0x201C))
			(*b)--;
		if (*b > *a && (l = xn_list_before(XN_L_FILL_TAIL, f, *b)) != 0 &&
		    *b - l >= *a) {
			*b -= l;
			continue;
		}
		break;
	}
}

static size_t
span_len(size_t a, size_t b)
{
	return b > a ? b - a : 0;
}

void
xn_label(const uint32_t *f, const uint32_t *off, const char *text,
    size_t n, size_t start, size_t end, size_t floor, bool floor_count,
    bool back_only, struct buf *out)
{
	size_t a = start, b = start, fa, fb;
	bool after_prev;

	buf_clear(out);
	while (a > floor && !stops(f[a - 1]) && start - a < BACK_MAX)
		a--;
	/* 9个街道和112个社区: words right after the previous quantity
	 * are its noun, not this one's. */
	after_prev = a == floor && floor > 0 && floor_count;
	trim(f, &a, &b);
	if (span_len(a, b) > 2 || back_only) {
		if (b > a)
			buf_add(out, text + off[a], off[b] - off[a]);
		return;
	}
	/* Nothing, or only a verb, before: 组织10场执法资格考试 ->
	 * 组织执法资格考试. */
	fa = end;
	fb = end;
	while (fb < n && !stops(f[fb]) && fb - end < FWD_MAX &&
	    !xn_is_digit(f[fb]) && !(f[fb] == 0x5171 /* 共 */ && fb + 1 < n &&
	    (xn_is_digit(f[fb + 1]) || zhnum_digit(f[fb + 1]) > 0 ||
	    f[fb + 1] == 0x8BA1 /* 计 */)) &&
	    !(zhnum_digit(f[fb]) > 0 && fb > end))
		fb++;
	if (fb < n && fb - end >= FWD_MAX)
		fb = end;       /* a long clause: no clear noun */
	trim(f, &fa, &fb);
	if (fb - fa < 2 && fb > fa)
		fb = fa;        /* 一年多来: a lone character is no noun */
	if (b > a && !(after_prev && fb > fa))
		buf_add(out, text + off[a], off[b] - off[a]);
	if (fb > fa)
		buf_add(out, text + off[fa], off[fb] - off[fa]);
}
