/*
 * zhnum: Chinese numerals, the one table of their characters and the one
 * reader of their value, so that section markers, quantities and names
 * agree on what 二〇二四, 三千二百万 or 貳拾 mean.  Works on code points
 * (folded or not: both scripts' forms are listed).
 */
#ifndef ZH_ZHNUM_H
#define ZH_ZHNUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 0..9 for 〇零○ 一壹 二两兩贰貳 三叁參 四肆 五伍 六陆陸 七柒 八捌 九玖,
 * -1 for any other character. */
int zhnum_digit(uint32_t cp);
/* 10, 100, 1000, 10^4, 10^8 for 十拾 百佰 千仟 万萬 亿億, else 0. */
uint64_t zhnum_unit(uint32_t cp);
/* The financial forms (壹贰…玖拾佰仟) are also everyday characters
 * (陆续, 伍), so they count only inside a numeral of two or more. */
bool zhnum_financial(uint32_t cp);
/* A digit, a unit or 廿. */
bool zhnum_is_numeral(uint32_t cp);

struct zhnum {
	size_t end;             /* one past the last character used */
	size_t nchars;          /* characters used */
	uint64_t value;
	bool positional;        /* digit by digit: 二〇二四 */
	bool one;               /* a lone 一 */
};

/* Reads the numeral starting at cp[i] (i < n): positional (二〇二四) or
 * with units (三千二百万, 廿五); a unit first only as 十 or 百余, 千多
 * (百姓 and 千万 are words); a trailing 零 is not part of it; a lone
 * 零 or lone financial form is none.  False when none starts there.
 * Values stop growing before 10^17. */
bool zhnum_read(const uint32_t *cp, size_t i, size_t n, struct zhnum *out);

#endif
