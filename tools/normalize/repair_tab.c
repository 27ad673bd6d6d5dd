/*
 * The repair pass's tables, unpacked from the generated data/ files on
 * first use (a run over clean text never unpacks them).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "repair_int.h"
#include "utf8.h"
#include "zhfold.h"

#define gbk_common gbk_common_bits
#include "../../data/repair_gbk.inc"
#undef gbk_common
#include "../../data/repair_pinyin.inc"
#include "../../data/repair_bigram.inc"

static int ready;
uint16_t *rtab_gbk_dec;                 /* (lead - 0x81) * 191 + trail - 0x40 */
#define gbk_dec rtab_gbk_dec
static uint16_t *gbk_enc;               /* BMP code point -> code */
static const char *syls[PINYIN_NSYLS];
static uint32_t *py_cp;
static uint16_t *py_syl;
static uint32_t bg_chars[BIGRAM_NCHARS];
static uint16_t *bg_index;              /* BMP code point -> index + 1 */
static unsigned char bg_uni[BIGRAM_NCHARS];
static unsigned char bg_start[BIGRAM_NCHARS], bg_end[BIGRAM_NCHARS];
static uint32_t *bg_keys;
static unsigned char *bg_q;
static signed char digit[256];          /* 0..31 continued, 32..63 last */
static uint32_t bg_row[BIGRAM_NCHARS + 1];      /* pairs of a left index */
static uint32_t var_row[BIGRAM_NCHARS + 1];     /* GBK codes of an index */
static uint16_t *var_code;
static uint32_t succ_row[BIGRAM_NCHARS + 1];    /* successors' GBK codes */
static uint16_t *succ_code;                     /* by trail, then lead */
static uint32_t *succ_byq;              /* the same, strongest pair first:
                                         * q << 16 | code */
static unsigned char succ_sorted[BIGRAM_NCHARS];
static size_t succ_max;                 /* the longest row */
static uint16_t *sort16;                /* room to sort one row */
static uint32_t *sort32;
#define BYFREQ 48
static unsigned char byfreq[0x100][BYFREQ];     /* leads by frequency, per trail */
static unsigned char nbyfreq[0x100];

/* Reads one packed number; see data/gen-repair-tables.py. */
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

static void
init_digits(void)
{
	static const char cont[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ6789+-";
	static const char last[] = "abcdefghijklmnopqrstuvwxyz012345";
	int i;

	memset(digit, -1, sizeof(digit));
	for (i = 0; i < 32; i++) {
		digit[(unsigned char)cont[i]] = (signed char)i;
		digit[(unsigned char)last[i]] = (signed char)(32 + i);
	}
}

static void
init_gbk(void)
{
	unsigned lead, trail;
	size_t pos;
	uint32_t cp;

	gbk_dec = xcalloc(126 * 191, sizeof(*gbk_dec));
	gbk_enc = xcalloc(0x10000, sizeof(*gbk_enc));
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
		syls[i] = p;
		p += strlen(p) + 1;
	}
	py_cp = xmalloc(PINYIN_NENTRIES * sizeof(*py_cp));
	py_syl = xmalloc(PINYIN_NENTRIES * sizeof(*py_syl));
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
	uint32_t key = 0, v;
	size_t i, pos = 0, len = strlen(bigram_chars);

	for (i = 0; i < BIGRAM_NCHARS; i++) {
		bg_chars[i] = utf8_next(bigram_chars, len, &pos);
		bg_uni[i] = (unsigned char)unpack(&p);
		bg_end[i] = (unsigned char)unpack(&p);
		bg_start[i] = (unsigned char)unpack(&p);
	}
	bg_index = xcalloc(0x10000, sizeof(*bg_index));
	for (i = 0; i < BIGRAM_NCHARS; i++)
		if (bg_chars[i] < 0x10000)
			bg_index[bg_chars[i]] = (uint16_t)(i + 1);
	bg_keys = xmalloc(BIGRAM_NPAIRS * sizeof(*bg_keys));
	bg_q = xmalloc(BIGRAM_NPAIRS);
	p = bigram_pairs;
	for (i = 0; i < BIGRAM_NPAIRS; i++) {
		v = unpack(&p);
		key += v >> 8;
		bg_keys[i] = key;
		bg_q[i] = (unsigned char)(v & 255);
	}
	for (i = 0; i < BIGRAM_NPAIRS; i++)
		bg_row[(bg_keys[i] >> 14) + 1]++;
	for (i = 0; i < BIGRAM_NCHARS; i++)
		bg_row[i + 1] += bg_row[i];
}

static int char_index(uint32_t cp);

/* Counting sorts of one row of successors (a few thousand rows, some
 * of a thousand entries: qsort took most of the tables' build). */
static void
sort_by_trail(uint16_t *a, size_t n, uint16_t *tmp)
{
	size_t at[257] = { 0 }, i;

	for (i = 0; i < n; i++)
		at[(a[i] & 0xFF) + 1]++;
	for (i = 1; i < 257; i++)
		at[i] += at[i - 1];
	for (i = 0; i < n; i++)
		tmp[at[a[i] & 0xFF]++] = a[i];
	memcpy(a, tmp, n * sizeof(*a));
}

/* The strongest first: -8 log2 P (bits 16 and up, 0..255) ascending. */
static void
sort_by_q(uint32_t *a, size_t n, uint32_t *tmp)
{
	size_t at[257] = { 0 }, i;

	for (i = 0; i < n; i++)
		at[(a[i] >> 16 & 255) + 1]++;
	for (i = 1; i < 257; i++)
		at[i] += at[i - 1];
	for (i = 0; i < n; i++)
		tmp[at[a[i] >> 16 & 255]++] = a[i];
	memcpy(a, tmp, n * sizeof(*a));
}

/* Which GBK characters fold to each model character, and for each trail
 * byte the leads that make the most frequent characters with it: the
 * candidates of a damaged run's search. */
static void
init_codes(void)
{
	unsigned lead, trail, code, i, k;
	int ix;
	uint32_t *fill;
	unsigned char tmp[126];
	int u[126];

	var_code = xmalloc(126 * 191 * sizeof(*var_code));
	fill = xcalloc(BIGRAM_NCHARS + 1, sizeof(*fill));
	for (k = 0; k < 2; k++) {
		for (lead = 0x81; lead <= 0xFE; lead++)
			for (trail = 0x40; trail <= 0xFE; trail++) {
				uint32_t cp = gbk_decode(lead, trail);

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
	free(fill);
	/* The successors of each character as GBK codes, ordered by trail
	 * byte: a damaged run asks for those that end in a given byte. */
	for (k = 0; k < 2; k++) {
		size_t used = 0;

		for (i = 0; i < BIGRAM_NCHARS; i++) {
			size_t start = used;
			uint32_t p;

			for (p = bg_row[i]; p < bg_row[i + 1]; p++) {
				int j = (int)(bg_keys[p] & 0x3FFF);
				uint32_t v;

				for (v = var_row[j]; v < var_row[j + 1]; v++, used++)
					if (k == 1) {
						succ_code[used] = var_code[v];
						succ_byq[used] = (uint32_t)bg_q[p] << 16 | var_code[v];
					}
			}
			if (k == 0) {
				succ_row[i + 1] = (uint32_t)used;
				if (used - start > succ_max)
					succ_max = used - start;
			}
		}
		if (k == 0) {
			succ_code = xmalloc((used + 1) * sizeof(*succ_code));
			succ_byq = xmalloc((used + 1) * sizeof(*succ_byq));
			/* rows are sorted when first asked for */
			sort16 = xmalloc((succ_max + 1) * sizeof(*sort16));
			sort32 = xmalloc((succ_max + 1) * sizeof(*sort32));
		}
	}
	for (trail = 0x40; trail <= 0xFE; trail++) {
		int n = 0, j;

		for (lead = 0x81; lead <= 0xFE; lead++) {
			uint32_t cp = gbk_decode(lead, trail);
			int v;

			if (cp == 0 || !utf8_is_han(cp) || (v = bigram_uni(zh_t2s_char(cp))) < 0)
				continue;
			for (j = n++; j > 0 && u[j - 1] < v; j--) {
				u[j] = u[j - 1];
				tmp[j] = tmp[j - 1];
			}
			u[j] = v;
			tmp[j] = (unsigned char)lead;
		}
		if (n > BYFREQ)
			n = BYFREQ;
		memcpy(byfreq[trail], tmp, (size_t)n);
		nbyfreq[trail] = (unsigned char)n;
	}
	(void)code;
}

int
bigram_succ(int i, const uint32_t **keys)
{
	if (i < 0)
		return 0;
	*keys = bg_keys + bg_row[i];
	return (int)(bg_row[i + 1] - bg_row[i]);
}

static void
succ_sort(int i)
{
	size_t n = succ_row[i + 1] - succ_row[i];

	if (succ_sorted[i])
		return;
	succ_sorted[i] = 1;
	sort_by_trail(succ_code + succ_row[i], n, sort16);
	sort_by_q(succ_byq + succ_row[i], n, sort32);
}

int
bigram_succ_codes(int i, unsigned lo, unsigned hi, const uint16_t **codes)
{
	uint32_t a, b, mid;

	if (i < 0)
		return 0;
	succ_sort(i);
	a = succ_row[i];
	b = succ_row[i + 1];
	while (a < b) {         /* the first with trail >= lo */
		mid = (a + b) / 2;
		if ((succ_code[mid] & 0xFFu) < lo)
			a = mid + 1;
		else
			b = mid;
	}
	*codes = succ_code + a;
	for (b = a; b < succ_row[i + 1] && (succ_code[b] & 0xFFu) <= hi; b++)
		;
	return (int)(b - a);
}

int
bigram_succ_strongest(int i, const uint32_t **codes)
{
	if (i < 0)
		return 0;
	succ_sort(i);
	*codes = succ_byq + succ_row[i];
	return (int)(succ_row[i + 1] - succ_row[i]);
}

int
bigram_codes(int i, const uint16_t **codes)
{
	if (i < 0)
		return 0;
	*codes = var_code + var_row[i];
	return (int)(var_row[i + 1] - var_row[i]);
}

int
gbk_leads_by_freq(unsigned trail, const unsigned char **leads)
{
	*leads = byfreq[trail & 0xFF];
	return nbyfreq[trail & 0xFF];
}

void
rtab_init_gbk(void)
{
	if (gbk_dec == NULL)
		init_gbk();
}

void
rtab_init(void)
{
	if (ready)
		return;
	ready = 1;
	init_digits();
	rtab_init_gbk();
	init_pinyin();
	init_bigram();
	init_codes();
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
	return gbk_bit(gbk_common_bits, cp);
}

int
gbk_script(uint32_t cp)
{
	return gbk_bit(gbk_in_gb2312, cp) | gbk_bit(gbk_in_big5, cp) << 1;
}

unsigned
gbk_encode(uint32_t cp)
{
	return cp < 0x10000 ? gbk_enc[cp] : 0;
}

int
pinyin_syllable(const char *s, size_t n)
{
	size_t lo = 0, hi = PINYIN_NSYLS, mid;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strncmp(syls[mid], s, n);
		if (c == 0 && syls[mid][n] != '\0')
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
	size_t lo = 0, hi = PINYIN_NENTRIES, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (py_cp[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < PINYIN_NENTRIES && py_cp[lo] == cp; lo++)
		if (py_syl[lo] == syl)
			return 1;
	return 0;
}

static int
char_index(uint32_t cp)
{
	size_t lo = 0, hi = BIGRAM_NCHARS, mid;

	if (cp < 0x10000)
		return (int)bg_index[cp] - 1;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (bg_chars[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < BIGRAM_NCHARS && bg_chars[lo] == cp ? (int)lo : -1;
}

int
bigram_index(uint32_t folded)
{
	return char_index(folded);
}

int
bigram_uni(uint32_t folded)
{
	return bigram_uni_at(char_index(folded));
}

int
bigram_uni_at(int i)
{
	return i < 0 ? -1 : 256 - bg_uni[i];
}

int
bigram_logp_at(int i, int *uni8, int *start8, int *end8)
{
	if (i < 0)
		return 0;
	*uni8 = bg_uni[i];
	*start8 = bg_start[i];
	*end8 = bg_end[i];
	return 1;
}

int
bigram_pair_at(int ia, int ib)
{
	uint32_t key, a, b, mid;

	if (ia < 0 || ib < 0)
		return -1;
	key = (uint32_t)ia << 14 | (uint32_t)ib;
	a = bg_row[ia];
	b = bg_row[ia + 1];
	while (a < b) {
		mid = (a + b) / 2;
		if (bg_keys[mid] < key)
			a = mid + 1;
		else
			b = mid;
	}
	return a < bg_row[ia + 1] && bg_keys[a] == key ? bg_q[a] : -1;
}
