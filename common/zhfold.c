#include <stdint.h>

#include "zhfold.h"

#include "../data/t2s_chars.inc"

#define NPAIRS (sizeof t2s_chars / sizeof t2s_chars[0])

/* Pairs are sorted; all sources lie in the BMP or beyond, and lookups
 * are hot (every character of every key), so the BMP part is expanded
 * into a direct table on first use. */
static uint16_t bmp[0x10000];
static int bmp_ready;

static void
build_bmp(void)
{
	for (size_t i = 0; i < NPAIRS; i++)
		if (t2s_chars[i][0] < 0x10000 && t2s_chars[i][1] < 0x10000)
			bmp[t2s_chars[i][0]] = (uint16_t)t2s_chars[i][1];
	bmp_ready = 1;
}

uint32_t
zh_t2s_char(uint32_t cp)
{
	if (cp < 0x2E80)
		return cp;
	if (cp < 0x10000) {
		if (!bmp_ready)
			build_bmp();
		return bmp[cp] ? bmp[cp] : cp;
	}
	{
		size_t lo = 0, hi = NPAIRS;

		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (t2s_chars[mid][0] < cp)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < NPAIRS && t2s_chars[lo][0] == cp)
			return t2s_chars[lo][1];
	}
	return cp;
}

uint32_t
zh_fold_width(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp == 0x3000)
		return ' ';
	return cp;
}
