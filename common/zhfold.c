#include <stdint.h>

#include "zhfold.h"

#include "../data/fold_table.inc"
#include "../data/t2s_chars.inc"

#define NPAIRS (sizeof t2s_chars / sizeof t2s_chars[0])

uint32_t
zh_fold_astral(uint32_t cp)
{
	size_t lo = 0, hi = NPAIRS;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (t2s_chars[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < NPAIRS && t2s_chars[lo][0] == cp ? t2s_chars[lo][1] : cp;
}
