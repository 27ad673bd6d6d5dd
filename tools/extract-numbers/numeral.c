#include "numeral.h"

bool
xn_is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

int
xn_cn_digit(uint32_t c)
{
	switch (c) {
	case 0x96F6: case 0x3007: case 0x25CB:          /* 零 〇 ○ */
		return 0;
	case 0x4E00: case 0x58F9:                       /* 一 壹 */
		return 1;
	case 0x4E8C: case 0x4E24: case 0x8D30:          /* 二 两 贰 */
		return 2;
	case 0x4E09: case 0x53C1:                       /* 三 叁 */
		return 3;
	case 0x56DB: case 0x8086:                       /* 四 肆 */
		return 4;
	case 0x4E94: case 0x4F0D:                       /* 五 伍 */
		return 5;
	case 0x516D: case 0x9646:                       /* 六 陆 */
		return 6;
	case 0x4E03: case 0x67D2:                       /* 七 柒 */
		return 7;
	case 0x516B: case 0x634C:                       /* 八 捌 */
		return 8;
	case 0x4E5D: case 0x7396:                       /* 九 玖 */
		return 9;
	}
	return -1;
}

/* Financial forms are also everyday characters (陆续, 伍), so they only
 * count inside a numeral of two characters or more. */
static bool
is_financial(uint32_t c)
{
	switch (c) {
	case 0x58F9: case 0x8D30: case 0x53C1: case 0x8086: case 0x4F0D:
	case 0x9646: case 0x67D2: case 0x634C: case 0x7396: case 0x62FE:
	case 0x4F70: case 0x4EDF:
		return true;
	}
	return false;
}

uint64_t
xn_cn_unit(uint32_t c)
{
	switch (c) {
	case 0x5341: case 0x62FE:                       /* 十 拾 */
		return 10;
	case 0x767E: case 0x4F70:                       /* 百 佰 */
		return 100;
	case 0x5343: case 0x4EDF:                       /* 千 仟 */
		return 1000;
	case 0x4E07:                                    /* 万 */
		return 10000;
	case 0x4EBF:                                    /* 亿 */
		return 100000000;
	}
	return 0;
}

bool
xn_is_cn_numeral(uint32_t c)
{
	return xn_cn_digit(c) >= 0 || xn_cn_unit(c) || c == 0x5EFF; /* 廿 */
}

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
		if (num->sep && group != 3) {
			/* cannot happen: groups are checked before use */
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
	uint64_t total = 0, section = 0;
	int pending = -1;
	size_t j = i, run = 0;
	bool fin = false;

	*num = (struct xn_num){ .start = i };
	xn_dec_clear(val);
	/* A run of two or more plain digits is positional: 二〇二四. */
	while (i + run < n && xn_cn_digit(f[i + run]) >= 0 && run < 19)
		run++;
	if (run >= 2 && (i + run >= n || !xn_cn_unit(f[i + run]) ||
	    f[i + run] == 0x4E07 || f[i + run] == 0x4EBF)) {
		uint64_t v = 0;

		/* 十四五 has no such run, but 四五 alone (the 八五 of
		 * “八五”普法) does: the caller treats seq as a code unless a
		 * year follows. */
		for (size_t k = 0; k < run; k++) {
			if (is_financial(f[i + k]))
				fin = true;
			v = v * 10 + (uint64_t)xn_cn_digit(f[i + k]);
		}
		num->seq = true;
		num->end = i + run;
		num->nchars = run;
		num->ival = v;
		num->ival_ok = true;
		xn_dec_set_u64(val, v);
		return true;
	}
	for (; j < n; j++) {
		uint32_t c = f[j];
		int d = xn_cn_digit(c);
		uint64_t u = xn_cn_unit(c);

		if (is_financial(c))
			fin = true;
		if (d >= 0) {
			if (pending > 0 || (pending == 0 && d == 0))
				break;          /* two digits in a row: 十四五 */
			pending = d;
			continue;
		}
		if (c == 0x5EFF) {              /* 廿 */
			if (pending >= 0 || section)
				break;
			section += 20;
			continue;
		}
		if (!u)
			break;
		if (j == i && u != 10) {
			/* 百余人, 千余件, 万余元; otherwise 百姓 and 千万
			 * are words. */
			if (u <= 10000 && j + 1 < n &&
			    (f[j + 1] == 0x4F59 || f[j + 1] == 0x591A)) {
				section = u;
				j++;
			}
			break;
		}
		if (u <= 1000) {
			section += (uint64_t)(pending > 0 ? pending : 1) * u;
			pending = -1;
			continue;
		}
		if (u == 10000) {
			total += (section + (pending > 0 ? (uint64_t)pending : 0)) * 10000;
		} else {
			total = (total + section + (pending > 0 ? (uint64_t)pending : 0));
			if (total > 999999999ULL)
				break;
			total *= 100000000ULL;
		}
		section = 0;
		pending = -1;
		if (total > 99999999999999999ULL)
			break;
	}
	/* A trailing 零 is not part of the numeral (三十零 is not one). */
	while (j > i && f[j - 1] == 0x96F6)
		j--;
	if (j == i)
		return false;
	total += section + (pending > 0 ? (uint64_t)pending : 0);
	num->end = j;
	num->nchars = j - i;
	if (fin && num->nchars < 2)
		return false;
	if (num->nchars == 1 && xn_cn_digit(f[i]) == 0)
		return false;           /* 零容忍, 零事故 */
	num->one = num->nchars == 1 && f[i] == 0x4E00;
	num->ival = total;
	num->ival_ok = true;
	xn_dec_set_u64(val, total);
	return true;
}
