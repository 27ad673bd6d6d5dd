#include "zhnum.h"

int
zhnum_digit(uint32_t c)
{
	switch (c) {
	case 0x96F6: case 0x3007: case 0x25CB:                  /* 零 〇 ○ */
		return 0;
	case 0x4E00: case 0x58F9:                               /* 一 壹 */
		return 1;
	case 0x4E8C: case 0x4E24: case 0x5169: case 0x8D30: case 0x8CB3:
		return 2;                                       /* 二 两 兩 贰 貳 */
	case 0x4E09: case 0x53C1: case 0x53C3:                  /* 三 叁 參 */
		return 3;
	case 0x56DB: case 0x8086:                               /* 四 肆 */
		return 4;
	case 0x4E94: case 0x4F0D:                               /* 五 伍 */
		return 5;
	case 0x516D: case 0x9646: case 0x9678:                  /* 六 陆 陸 */
		return 6;
	case 0x4E03: case 0x67D2:                               /* 七 柒 */
		return 7;
	case 0x516B: case 0x634C:                               /* 八 捌 */
		return 8;
	case 0x4E5D: case 0x7396:                               /* 九 玖 */
		return 9;
	}
	return -1;
}

uint64_t
zhnum_unit(uint32_t c)
{
	switch (c) {
	case 0x5341: case 0x62FE:                               /* 十 拾 */
		return 10;
	case 0x767E: case 0x4F70:                               /* 百 佰 */
		return 100;
	case 0x5343: case 0x4EDF:                               /* 千 仟 */
		return 1000;
	case 0x4E07: case 0x842C:                               /* 万 萬 */
		return 10000;
	case 0x4EBF: case 0x5104:                               /* 亿 億 */
		return 100000000;
	}
	return 0;
}

bool
zhnum_financial(uint32_t c)
{
	switch (c) {
	case 0x58F9: case 0x8D30: case 0x8CB3: case 0x53C1: case 0x53C3:
	case 0x8086: case 0x4F0D: case 0x9646: case 0x9678: case 0x67D2:
	case 0x634C: case 0x7396: case 0x62FE: case 0x4F70: case 0x4EDF:
		return true;
	}
	return false;
}

bool
zhnum_is_numeral(uint32_t c)
{
	return zhnum_digit(c) >= 0 || zhnum_unit(c) || c == 0x5EFF; /* 廿 */
}

static bool
is_wan_or_yi(uint64_t u)
{
	return u == 10000 || u == 100000000;
}

/* A run of two or more plain digits not followed by a small unit:
 * 二〇二四.  (十四五 has no such run; 四五 alone, the 八五 of a plan's
 * name, does: callers decide whether a code is a number.) */
static bool
read_positional(const uint32_t *f, size_t i, size_t n, struct zhnum *out,
    bool *fin)
{
	size_t run = 0;
	uint64_t v = 0;

	while (i + run < n && zhnum_digit(f[i + run]) >= 0 && run < 19)
		run++;
	if (run < 2 || (i + run < n && zhnum_unit(f[i + run]) &&
	    !is_wan_or_yi(zhnum_unit(f[i + run]))))
		return false;
	for (size_t k = 0; k < run; k++) {
		*fin |= zhnum_financial(f[i + k]);
		v = v * 10 + (uint64_t)zhnum_digit(f[i + k]);
	}
	out->positional = true;
	out->end = i + run;
	out->nchars = run;
	out->value = v;
	return true;
}

bool
zhnum_read(const uint32_t *f, size_t i, size_t n, struct zhnum *out)
{
	uint64_t total = 0, section = 0;
	int pending = -1;
	size_t j = i;
	bool fin = false;

	*out = (struct zhnum){ .end = i };
	if (read_positional(f, i, n, out, &fin))
		return true;
	for (; j < n; j++) {
		uint32_t c = f[j];
		int d = zhnum_digit(c);
		uint64_t u = zhnum_unit(c);

		fin |= zhnum_financial(c);
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
			    (f[j + 1] == 0x4F59 || f[j + 1] == 0x591A ||
			    f[j + 1] == 0x9918)) {
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
			total += section + (pending > 0 ? (uint64_t)pending : 0);
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
	out->end = j;
	out->nchars = j - i;
	if (fin && out->nchars < 2)
		return false;
	if (out->nchars == 1 && zhnum_digit(f[i]) == 0)
		return false;           /* 零容忍, 零事故 */
	out->one = out->nchars == 1 && f[i] == 0x4E00;
	out->value = total;
	return true;
}
