/*
 * The repair pass's tables: constant data, unpacked and indexed at build
 * time by data/gen-repair-index.c (build/VARIANT/data/repair_index.inc),
 * so that neither start-up nor the first damaged line builds anything.
 */
#include <string.h>

#include "repair_int.h"

#include "repair_index.inc"

int
gbk_leads_by_freq(unsigned trail, const unsigned char **leads)
{
	*leads = rtab_byfreq + (trail & 0xFF) * RT_BYFREQ;
	return rtab_nbyfreq[trail & 0xFF];
}

int
bigram_succ_codes(int i, unsigned lo, unsigned hi, const uint16_t **codes)
{
	uint32_t a, b, mid;

	if (i < 0)
		return 0;
	a = rtab_succ_row[i];
	b = rtab_succ_row[i + 1];
	while (a < b) {         /* the first with trail >= lo */
		mid = (a + b) / 2;
		if ((rtab_succ_code[mid] & 0xFFu) < lo)
			a = mid + 1;
		else
			b = mid;
	}
	*codes = rtab_succ_code + a;
	for (b = a; b < rtab_succ_row[i + 1] && (rtab_succ_code[b] & 0xFFu) <= hi; b++)
		;
	return (int)(b - a);
}

int
bigram_succ_strongest(int i, const uint16_t **codes)
{
	if (i < 0)
		return 0;
	*codes = rtab_succ_strong + rtab_succ_row[i];
	return (int)(rtab_succ_row[i + 1] - rtab_succ_row[i]);
}

int
bigram_codes(int i, const uint16_t **codes)
{
	if (i < 0)
		return 0;
	*codes = rtab_var_code + rtab_var_row[i];
	return (int)(rtab_var_row[i + 1] - rtab_var_row[i]);
}

static int
gbk_bit(const uint32_t *bits, uint32_t cp)
{
	unsigned code = gbk_encode(cp), k;

	if (code == 0)
		return 0;
	k = ((code >> 8) - 0x81) * 191 + (code & 0xFF) - 0x40;
	return bits[k >> 5] >> (k & 31) & 1;
}

int
gbk_common(uint32_t cp)
{
	return gbk_bit(rtab_gbk_common, cp);
}

int
gbk_script(uint32_t cp)
{
	return gbk_bit(rtab_gbk_gb2312, cp) | gbk_bit(rtab_gbk_big5, cp) << 1;
}

unsigned
gbk_encode(uint32_t cp)
{
	return cp < 0x10000 ? rtab_gbk_enc[cp] : 0;
}

int
pinyin_syllable(const char *s, size_t n)
{
	size_t lo = 0, hi = RT_NSYLS, mid;
	const char *syl;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		syl = rtab_syls + rtab_syl_off[mid];
		c = strncmp(syl, s, n);
		if (c == 0 && syl[n] != '\0')
			c = 1;
		if (c == 0)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int
pinyin_reads(uint32_t cp, int syl)
{
	size_t lo = 0, hi = RT_NENTRIES, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (rtab_py_cp[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < RT_NENTRIES && rtab_py_cp[lo] == cp; lo++)
		if (rtab_py_syl[lo] == syl)
			return 1;
	return 0;
}

int
bigram_index(uint32_t folded)
{
	return folded < 0x10000 ? (int)rtab_bg_index[folded] - 1 : -1;
}

int
bigram_uni(uint32_t folded)
{
	return bigram_uni_at(bigram_index(folded));
}

int
bigram_uni_at(int i)
{
	return i < 0 ? -1 : 256 - rtab_bg_uni[i];
}

int
bigram_logp_at(int i, int *uni8, int *start8, int *end8)
{
	if (i < 0)
		return 0;
	*uni8 = rtab_bg_uni[i];
	*start8 = rtab_bg_start[i];
	*end8 = rtab_bg_end[i];
	return 1;
}

int
bigram_pair_at(int ia, int ib)
{
	uint32_t a, b, mid, end;

	if (ia < 0 || ib < 0)
		return -1;
	a = rtab_bg_row[ia];
	b = end = rtab_bg_row[ia + 1];
	while (a < b) {
		mid = (a + b) / 2;
		if (rtab_bg_right[mid] < ib)
			a = mid + 1;
		else
			b = mid;
	}
	return a < end && rtab_bg_right[a] == ib ? rtab_bg_q[a] : -1;
}
