/*
 * gen-repair-index: unpacks the tables of zh-normalize's repair pass
 * (data/repair_gbk.inc, data/repair_pinyin.inc, data/repair_bigram.inc,
 * made by data/gen-repair-tables.py) and derives the indexes its search
 * uses, printing them all as constant C arrays, so that the program
 * starts with them in place instead of building them on first use.
 * Run by the Makefile at build time:
 *
 *	gen-repair-index >build/VARIANT/data/repair_index.inc
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "utf8.h"
#include "zhfold.h"

#include "repair_gbk.inc"
#include "repair_pinyin.inc"
#include "repair_bigram.inc"

int main(void);

#define NCODES (126 * 191)
#define BYFREQ 48               /* leads kept per trail byte */
#define NMIDFREQ 24             /* middle characters of two drops per x */

static signed char digit[256];  /* 0..31 continued, 32..63 last */
static uint16_t gbk_dec[NCODES], gbk_enc[0x10000];
static uint32_t py_cp[PINYIN_NENTRIES];
static uint16_t py_syl[PINYIN_NENTRIES], syl_off[PINYIN_NSYLS];
static uint16_t bg_index[0x10000];
static uint8_t bg_uni[BIGRAM_NCHARS], bg_end[BIGRAM_NCHARS], bg_start[BIGRAM_NCHARS];
static uint32_t bg_key[BIGRAM_NPAIRS], bg_row[BIGRAM_NCHARS + 1];
static uint16_t bg_right[BIGRAM_NPAIRS];
static uint8_t bg_q[BIGRAM_NPAIRS];
static uint32_t var_row[BIGRAM_NCHARS + 1], succ_row[BIGRAM_NCHARS + 1];
static uint16_t var_code[NCODES];
static uint16_t *succ_code, *succ_strong;
static uint8_t byfreq[256][BYFREQ], nbyfreq[256];
static uint8_t xd[128], is_xd[256], nxd;
static uint16_t midfreq[128][NMIDFREQ];
static uint8_t nmidfreq[128];
static uint8_t simp_only[0x10000 / 8], trad_only[0x10000 / 8], u8lead[0x10000 / 8];

static uint32_t
unpack(const char **pp)
{
	const unsigned char *p = (const unsigned char *)*pp;
	uint32_t v = 0;
	int d;

	while ((d = digit[*p++]) >= 0) {
		v = v << 5 | (uint32_t)(d & 31);
		if (d >= 32)
			break;
	}
	*pp = (const char *)p;
	return v;
}

static uint32_t
decode(unsigned lead, unsigned trail)
{
	if (lead < 0x81 || lead > 0xFE || trail < 0x40 || trail > 0xFE)
		return 0;
	return gbk_dec[(lead - 0x81) * 191 + trail - 0x40];
}

static int
char_index(uint32_t cp)
{
	return cp < 0x10000 ? (int)bg_index[cp] - 1 : -1;
}

/* 256 + 8 log2 P(c): higher is more frequent, -1 unknown. */
static int
uni_of(uint32_t cp)
{
	int i = char_index(zh_t2s_char(cp));

	return i < 0 ? -1 : 256 - bg_uni[i];
}

static void
init_gbk(void)
{
	unsigned lead, trail;
	size_t pos;
	uint32_t cp;

	for (lead = 0x81; lead <= 0xFE; lead++) {
		const char *row = gbk_rows[lead - 0x81];
		size_t len = strlen(row);

		pos = 0;
		for (trail = 0x40; trail <= 0xFE && pos < len; trail++) {
			cp = utf8_next(row, len, &pos);
			if (cp == ' ' || cp > 0xFFFF)
				continue;
			gbk_dec[(lead - 0x81) * 191 + trail - 0x40] = (uint16_t)cp;
			if (gbk_enc[cp] == 0)
				gbk_enc[cp] = (uint16_t)(lead << 8 | trail);
		}
	}
}

static void
init_pinyin(void)
{
	const char *p = pinyin_syls;
	uint32_t cp = 0, v;
	size_t i;

	for (i = 0; i < PINYIN_NSYLS; i++) {
		syl_off[i] = (uint16_t)(p - pinyin_syls);
		p += strlen(p) + 1;
	}
	p = pinyin_map;
	for (i = 0; i < PINYIN_NENTRIES; i++) {
		v = unpack(&p);
		cp += v >> 11;
		py_cp[i] = cp;
		py_syl[i] = (uint16_t)(v & 2047);
	}
}

static void
init_bigram(void)
{
	const char *p = bigram_unis;
	uint32_t key = 0, v, cp;
	size_t i, pos = 0, len = strlen(bigram_chars);

	for (i = 0; i < BIGRAM_NCHARS; i++) {
		cp = utf8_next(bigram_chars, len, &pos);
		if (cp < 0x10000)
			bg_index[cp] = (uint16_t)(i + 1);
		bg_uni[i] = (uint8_t)unpack(&p);
		bg_end[i] = (uint8_t)unpack(&p);
		bg_start[i] = (uint8_t)unpack(&p);
	}
	p = bigram_pairs;
	for (i = 0; i < BIGRAM_NPAIRS; i++) {
		v = unpack(&p);
		key += v >> 8;
		bg_key[i] = key;
		bg_right[i] = (uint16_t)(key & 0x3FFF);
		bg_q[i] = (uint8_t)(v & 255);
		bg_row[(key >> 14) + 1]++;
	}
	for (i = 0; i < BIGRAM_NCHARS; i++)
		bg_row[i + 1] += bg_row[i];
}

/* Which GBK characters fold to each model character; each character's
 * successors as GBK codes, by trail byte and by strength; for each trail
 * byte the leads that make the most frequent characters with it. */
static void
init_codes(void)
{
	static uint32_t fill[BIGRAM_NCHARS + 1];
	static uint8_t qs[0x10000];
	unsigned lead, trail, k;
	uint32_t i, p, v, used;
	int ix, u[126], n, j;
	uint8_t tmp[126];

	for (k = 0; k < 2; k++) {
		for (lead = 0x81; lead <= 0xFE; lead++)
			for (trail = 0x40; trail <= 0xFE; trail++) {
				uint32_t cp = decode(lead, trail);

				if (cp == 0 || (ix = char_index(zh_t2s_char(cp))) < 0)
					continue;
				if (k == 0)
					var_row[ix + 1]++;
				else
					var_code[var_row[ix] + fill[ix]++] = (uint16_t)(lead << 8 | trail);
			}
		if (k == 0)
			for (i = 0; i < BIGRAM_NCHARS; i++)
				var_row[i + 1] += var_row[i];
	}
	for (used = 0, i = 0; i < BIGRAM_NCHARS; i++) {
		for (p = bg_row[i]; p < bg_row[i + 1]; p++)
			used += var_row[bg_right[p] + 1] - var_row[bg_right[p]];
		succ_row[i + 1] = used;
	}
	succ_code = xmalloc((used + 1) * sizeof(*succ_code));
	succ_strong = xmalloc((used + 1) * sizeof(*succ_strong));
	for (i = 0; i < BIGRAM_NCHARS; i++) {
		uint32_t a = succ_row[i], b = succ_row[i + 1], at;
		size_t cnt[257] = { 0 };

		/* by trail byte (a counting sort), then by strength */
		for (p = bg_row[i]; p < bg_row[i + 1]; p++)
			for (v = var_row[bg_right[p]]; v < var_row[bg_right[p] + 1]; v++) {
				cnt[(var_code[v] & 0xFF) + 1]++;
				qs[var_code[v]] = bg_q[p];
			}
		for (j = 1; j < 257; j++)
			cnt[j] += cnt[j - 1];
		for (p = bg_row[i]; p < bg_row[i + 1]; p++)
			for (v = var_row[bg_right[p]]; v < var_row[bg_right[p] + 1]; v++)
				succ_code[a + cnt[var_code[v] & 0xFF]++] = var_code[v];
		memset(cnt, 0, sizeof(cnt));
		for (at = a; at < b; at++)
			cnt[qs[succ_code[at]] + 1]++;
		for (j = 1; j < 257; j++)
			cnt[j] += cnt[j - 1];
		for (at = a; at < b; at++)
			succ_strong[a + cnt[qs[succ_code[at]]]++] = succ_code[at];
	}
	for (trail = 0x40; trail <= 0xFE; trail++) {
		n = 0;
		for (lead = 0x81; lead <= 0xFE; lead++) {
			uint32_t cp = decode(lead, trail);
			int w;

			if (cp == 0 || !utf8_is_han(cp) || (w = uni_of(cp)) < 0)
				continue;
			for (j = n++; j > 0 && u[j - 1] < w; j--) {
				u[j] = u[j - 1];
				tmp[j] = tmp[j - 1];
			}
			u[j] = w;
			tmp[j] = (uint8_t)lead;
		}
		if (n > BYFREQ)
			n = BYFREQ;
		memcpy(byfreq[trail], tmp, (size_t)n);
		nbyfreq[trail] = (uint8_t)n;
	}
}

/* The x of the unassigned CP936 pairs (x, y), both bytes 0x81..0xFE:
 * the pairs a misaligned decoder drops; per x, the most frequent Han
 * characters (y, x2) that a dropped pair (x, y) can precede and that can
 * end before another one (x2 an x too). */
static void
init_drops(void)
{
	unsigned x, y, k, y2, m;
	int i, nl, v[NMIDFREQ], w, e;

	for (x = 0x81; x <= 0xFE; x++)
		for (y = 0x81; y <= 0xFE; y++)
			if (decode(x, y) == 0 && !is_xd[x]) {
				xd[nxd++] = (uint8_t)x;
				is_xd[x] = 1;
			}
	for (k = 0; k < nxd; k++) {
		x = xd[k];
		m = 0;
		for (i = 0; i < nxd; i++) {
			y2 = xd[i];     /* the middle character's trail byte */
			for (nl = 0; nl < nbyfreq[y2]; nl++) {
				unsigned l = byfreq[y2][nl];

				if (decode(x, l) != 0)
					continue;
				w = uni_of(decode(l, y2));
				if (m == NMIDFREQ && w <= v[m - 1])
					break;
				e = m < NMIDFREQ ? (int)m++ : NMIDFREQ - 1;
				for (; e > 0 && v[e - 1] < w; e--) {
					v[e] = v[e - 1];
					midfreq[x - 0x80][e] = midfreq[x - 0x80][e - 1];
				}
				v[e] = w;
				midfreq[x - 0x80][e] = (uint16_t)(l << 8 | y2);
			}
		}
		nmidfreq[x - 0x80] = (uint8_t)m;
	}
}

static int
gbk_bit(const uint32_t *bits, uint32_t cp)
{
	unsigned code = cp < 0x10000 ? gbk_enc[cp] : 0, k;

	if (code == 0)
		return 0;
	k = ((code >> 8) - 0x81) * 191 + (code & 0xFF) - 0x40;
	return bits[k >> 5] >> (k & 31) & 1;
}

/* Characters only in GB2312 (simplified text) or only in Big5; the
 * characters whose CP936 code can start UTF-8 read as GBK (E4..E9 then
 * a continuation byte, and 锟, the lead of 锟斤拷: U+FFFD so read). */
static void
init_sets(void)
{
	uint32_t c;
	unsigned code;
	int g, b;

	for (c = 0x3400; c < 0x10000; c++) {
		g = gbk_bit(gbk_in_gb2312, c);
		b = gbk_bit(gbk_in_big5, c);
		if (g && !b)
			simp_only[c >> 3] |= (uint8_t)(1u << (c & 7));
		else if (b && !g)
			trad_only[c >> 3] |= (uint8_t)(1u << (c & 7));
	}
	for (c = 0x3000; c < 0x10000; c++) {
		code = gbk_enc[c];
		if (c == 0x951F || (code >= 0xE400 && code < 0xEA00 && (code & 0xC0) == 0x80))
			u8lead[c >> 3] |= (uint8_t)(1u << (c & 7));
	}
}

static void
emit(const char *type, const char *name, const void *a, size_t size, size_t n)
{
	size_t i, col = 0;
	unsigned long v;

	printf("const %s %s[%zu] = {\n", type, name, n);
	for (i = 0; i < n; i++) {
		if (size == 1)
			v = ((const uint8_t *)a)[i];
		else if (size == 2)
			v = ((const uint16_t *)a)[i];
		else
			v = ((const uint32_t *)a)[i];
		col += (size_t)printf("%lu,", v);
		if (col > 72) {
			putchar('\n');
			col = 0;
		}
	}
	printf("\n};\n");
}

static void
emit_doubles(const char *name, double (*f)(int))
{
	int k;

	printf("const double %s[256] = {\n", name);
	for (k = 0; k < 256; k++)
		printf("%a,%s", f(k), k % 4 == 3 ? "\n" : " ");
	printf("};\n");
}

static double
half_pow(int k)
{
	return pow(2, (k - 128) / 2.0);
}

static double
pow8(int k)
{
	return k == 255 ? 0 : pow(2, -k / 8.0);
}

int
main(void)
{
	static const char cont[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ6789+-";
	static const char last[] = "abcdefghijklmnopqrstuvwxyz012345";
	size_t i;

	memset(digit, -1, sizeof(digit));
	for (i = 0; i < 32; i++) {
		digit[(unsigned char)cont[i]] = (signed char)i;
		digit[(unsigned char)last[i]] = (signed char)(32 + i);
	}
	init_gbk();
	init_pinyin();
	init_bigram();
	init_codes();
	init_drops();
	init_sets();

	printf("/* Generated by data/gen-repair-index.c from data/repair_*.inc.  Do not edit. */\n");
	printf("#define RT_NCHARS %d\n#define RT_NPAIRS %d\n#define RT_NSYLS %d\n"
	    "#define RT_NENTRIES %d\n#define RT_NXD %u\n#define RT_BYFREQ %d\n"
	    "#define RT_NMIDFREQ %d\n", BIGRAM_NCHARS, BIGRAM_NPAIRS, PINYIN_NSYLS,
	    PINYIN_NENTRIES, nxd, BYFREQ, NMIDFREQ);
	emit("uint16_t", "rtab_gbk_dec", gbk_dec, 2, NCODES);
	emit("uint16_t", "rtab_gbk_enc", gbk_enc, 2, 0x10000);
	emit("uint32_t", "rtab_gbk_common", gbk_common, 4, sizeof(gbk_common) / 4);
	emit("uint32_t", "rtab_gbk_gb2312", gbk_in_gb2312, 4, sizeof(gbk_in_gb2312) / 4);
	emit("uint32_t", "rtab_gbk_big5", gbk_in_big5, 4, sizeof(gbk_in_big5) / 4);
	printf("const char rtab_syls[%zu] = {\n", sizeof(pinyin_syls));
	for (i = 0; i < sizeof(pinyin_syls); i++)
		printf("%d,%s", (signed char)pinyin_syls[i], i % 16 == 15 ? "\n" : "");
	printf("};\n");
	emit("uint16_t", "rtab_syl_off", syl_off, 2, PINYIN_NSYLS);
	emit("uint32_t", "rtab_py_cp", py_cp, 4, PINYIN_NENTRIES);
	emit("uint16_t", "rtab_py_syl", py_syl, 2, PINYIN_NENTRIES);
	emit("uint16_t", "rtab_bg_index", bg_index, 2, 0x10000);
	emit("uint8_t", "rtab_bg_uni", bg_uni, 1, BIGRAM_NCHARS);
	emit("uint8_t", "rtab_bg_end", bg_end, 1, BIGRAM_NCHARS);
	emit("uint8_t", "rtab_bg_start", bg_start, 1, BIGRAM_NCHARS);
	emit("uint32_t", "rtab_bg_row", bg_row, 4, BIGRAM_NCHARS + 1);
	emit("uint16_t", "rtab_bg_right", bg_right, 2, BIGRAM_NPAIRS);
	emit("uint8_t", "rtab_bg_q", bg_q, 1, BIGRAM_NPAIRS);
	emit("uint32_t", "rtab_var_row", var_row, 4, BIGRAM_NCHARS + 1);
	emit("uint16_t", "rtab_var_code", var_code, 2, var_row[BIGRAM_NCHARS]);
	emit("uint32_t", "rtab_succ_row", succ_row, 4, BIGRAM_NCHARS + 1);
	emit("uint16_t", "rtab_succ_code", succ_code, 2, succ_row[BIGRAM_NCHARS] + 1);
	emit("uint16_t", "rtab_succ_strong", succ_strong, 2, succ_row[BIGRAM_NCHARS] + 1);
	emit("uint8_t", "rtab_byfreq", byfreq, 1, sizeof(byfreq));
	emit("uint8_t", "rtab_nbyfreq", nbyfreq, 1, 256);
	printf("const int rtab_nxd = %u;\n", nxd);
	emit("uint8_t", "rtab_xd", xd, 1, 128);
	emit("uint8_t", "rtab_is_xd", is_xd, 1, 256);
	emit("uint16_t", "rtab_midfreq", midfreq, 2, 128 * NMIDFREQ);
	emit("uint8_t", "rtab_nmidfreq", nmidfreq, 1, 128);
	emit("uint8_t", "rtab_simp_only", simp_only, 1, sizeof(simp_only));
	emit("uint8_t", "rtab_trad_only", trad_only, 1, sizeof(trad_only));
	emit("uint8_t", "rtab_u8lead", u8lead, 1, sizeof(u8lead));
	emit_doubles("rtab_half_pow", half_pow);
	emit_doubles("rtab_pow8", pow8);
	free(succ_code);
	free(succ_strong);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "gen-repair-index: write error\n");
		return 1;
	}
	return 0;
}
