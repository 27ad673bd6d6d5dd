#include "numeral.h"
#include "zhnum.h"

void
xn_parse_arabic(const uint32_t *f, size_t i, size_t n, struct xn_num *num,
    struct xn_dec *val)
{
	size_t j = i, group = 0;
	uint64_t v = 0;
	bool big = false;

	xn_dec_clear(val);
	*num = (struct xn_num){ .start = i, .arabic = true };
	num->lead0 = f[i] == '0' && i + 1 < n && xn_is_digit(f[i + 1]);
	for (;;) {
		while (j < n && xn_is_digit(f[j])) {
			xn_dec_digit(val, (int)(f[j] - '0'));
			if (v > 99999999999999999ULL)
				big = true;
			else
				v = v * 10 + (f[j] - '0');
			num->intlen++;
			group++;
			j++;
		}
		/* 1,234,567: each later group exactly three digits, the
		 * first at most three, so a list like 3,45 is not read. */
		if (j + 3 < n + 0 && f[j] == ',' && group <= 3 &&
		    (!num->sep || group == 3) &&
		    xn_is_digit(f[j + 1]) && xn_is_digit(f[j + 2]) &&
		    xn_is_digit(f[j + 3]) &&
		    (j + 4 >= n || !xn_is_digit(f[j + 4]))) {
			num->sep = true;
			group = 0;
			j++;
			continue;
		}
		break;
	}
	if (j + 1 < n && f[j] == '.' && xn_is_digit(f[j + 1])) {
		num->frac = true;
		j++;
		while (j < n && xn_is_digit(f[j])) {
			xn_dec_digit(val, (int)(f[j] - '0'));
			val->scale++;
			j++;
		}
	}
	num->end = j;
	num->ival_ok = !big && !num->frac;
	num->ival = v;
}

bool
xn_parse_cn(const uint32_t *f, size_t i, size_t n, struct xn_num *num,
    struct xn_dec *val)
{
	struct zhnum z;

	*num = (struct xn_num){ .start = i };
	xn_dec_clear(val);
	if (!zhnum_read(f, i, n, &z))
		return false;
	num->end = z.end;
	num->nchars = z.nchars;
	num->seq = z.positional;
	num->one = z.one;
	num->ival = z.value;
	num->ival_ok = true;
	xn_dec_set_u64(val, z.value);
	return true;
}
