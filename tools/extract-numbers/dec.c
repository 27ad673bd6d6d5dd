#include <stdlib.h>
#include <string.h>

#include "dec.h"

void
xn_dec_clear(struct xn_dec *x)
{
	buf_clear(&x->d);
	x->scale = 0;
}

void
xn_dec_free(struct xn_dec *x)
{
	buf_free(&x->d);
	x->scale = 0;
}

void
xn_dec_digit(struct xn_dec *x, int digit)
{
	buf_addc(&x->d, (char)('0' + digit));
}

void
xn_dec_set_u64(struct xn_dec *x, uint64_t v)
{
	char tmp[24];
	size_t n = 0;

	xn_dec_clear(x);
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		buf_addc(&x->d, tmp[--n]);
}

void
xn_dec_shift(struct xn_dec *x, size_t k)
{
	if (x->scale >= k) {
		x->scale -= k;
		return;
	}
	k -= x->scale;
	x->scale = 0;
	while (k--)
		buf_addc(&x->d, '0');
}

void
xn_dec_add_half(struct xn_dec *x)
{
	if (x->scale == 0) {
		buf_addc(&x->d, '5');
		x->scale = 1;
	}
}

bool
xn_dec_is_zero(const struct xn_dec *x)
{
	for (size_t i = 0; i < x->d.len; i++)
		if (x->d.s[i] != '0')
			return false;
	return true;
}

bool
xn_dec_u64(const struct xn_dec *x, uint64_t *v)
{
	size_t ni = x->d.len > x->scale ? x->d.len - x->scale : 0;
	uint64_t r = 0;
	size_t digits = 0;

	for (size_t i = ni; i < x->d.len; i++)
		if (x->d.s[i] != '0')
			return false;
	if (x->d.len <= x->scale) {
		*v = 0;
		return true;
	}
	for (size_t i = 0; i < ni; i++) {
		if (r == 0 && x->d.s[i] == '0')
			continue;
		if (++digits > 18)
			return false;
		r = r * 10 + (uint64_t)(x->d.s[i] - '0');
	}
	*v = r;
	return true;
}

void
xn_dec_format(const struct xn_dec *x, struct buf *out)
{
	const char *s = x->d.s;
	size_t n = x->d.len, ni, i = 0, end = n;

	/* More fraction digits than digits: 0.0xyz. */
	if (x->scale > n) {
		size_t z = x->scale - n;

		while (end > 0 && s[end - 1] == '0')
			end--;
		buf_addc(out, '0');
		if (end == 0)
			return;
		buf_addc(out, '.');
		while (z--)
			buf_addc(out, '0');
		buf_add(out, s, end);
		return;
	}
	ni = n - x->scale;

	while (i < ni && s[i] == '0')
		i++;
	while (end > ni && s[end - 1] == '0')
		end--;
	if (i == ni)
		buf_addc(out, '0');
	else
		buf_add(out, s + i, ni - i);
	if (end > ni) {
		buf_addc(out, '.');
		buf_add(out, s + ni, end - ni);
	}
}

void
xn_dec_parse(struct xn_dec *x, const char *s, size_t n)
{
	xn_dec_clear(x);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.')
			x->scale = n - i - 1;
		else
			xn_dec_digit(x, s[i] - '0');
	}
}

/* Characters before the point (or all of them). */
static size_t
int_len(const char *s, size_t n)
{
	const char *dot = memchr(s, '.', n);

	return dot ? (size_t)(dot - s) : n;
}

bool
xn_dec_text_less(const char *a, size_t an, const char *b, size_t bn)
{
	size_t ia = int_len(a, an), ib = int_len(b, bn), fa, fb;
	int c;

	if (ia != ib)
		return ia < ib;
	if ((c = memcmp(a, b, ia)) != 0)
		return c < 0;
	/* Fractions have no trailing zeros: a proper prefix is smaller. */
	fa = an > ia ? an - ia - 1 : 0;
	fb = bn > ib ? bn - ib - 1 : 0;
	if ((c = memcmp(a + an - fa, b + bn - fb, fa < fb ? fa : fb)) != 0)
		return c < 0;
	return fa < fb;
}
