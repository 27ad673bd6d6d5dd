/*
 * gen-zhconv-index: computes the index of zh-normalize's script
 * converter (tools/normalize/zhconv_index.h) from the OpenCC dictionaries
 * of data/zhconv_tables.inc and prints it as C, so that the converter
 * starts with its tables in place instead of building them at every run.
 * Run by the Makefile at build time:
 *
 *	gen-zhconv-index >build/VARIANT/data/zhconv_index.inc
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "utf8.h"
#include "zhconv_index.h"

#include "zhconv_tables.inc"

int main(void);

/* The index under construction: the same fields as struct zc_index,
 * writable. */
struct gen {
	const char *name;
	const char *blob[ZC_MAXDICT];
	const char *blobname[ZC_MAXDICT];
	struct zc_ent *tab[ZC_MAXDICT];
	uint32_t mask[ZC_MAXDICT];
	int nd, seg;
	int stage[ZC_MAXSTAGE][ZC_MAXDICT + 1];
	unsigned stagebits[ZC_MAXSTAGE];
	int nstage;
	uint8_t first[0x10000];
	uint16_t fast[ZC_MAXSTAGE][0x10000];
	uint16_t comp[0x10000];
	uint8_t reach[0x10000];
	unsigned maxreach;
	uint16_t single[ZC_MAXSTAGE][0x10000];
	uint8_t pairs[1u << 17];
};

/* The code point at p and its length in bytes (the blobs are valid). */
static uint32_t
cp_at(const char *p, size_t *len)
{
	size_t pos = 0;
	uint32_t cp = utf8_next(p, 4, &pos);

	*len = pos;
	return cp;
}

static uint32_t
hash_bytes(const char *s, size_t n)
{
	uint32_t h = ZC_FNV_INIT;

	for (size_t i = 0; i < n; i++)
		h = ZC_FNV_STEP(h, (unsigned char)s[i]);
	return h;
}

static struct zc_ent *
slot(struct gen *g, int d, uint32_t h, const char *k, size_t klen)
{
	uint32_t i = h & g->mask[d];

	for (;; i = (i + 1) & g->mask[d]) {
		struct zc_ent *e = &g->tab[d][i];

		if (e->klen == 0)
			return e;
		if (e->h == h && e->klen == klen &&
		    memcmp(g->blob[d] + e->koff, k, klen) == 0)
			return e;
	}
}

static void
put(struct gen *g, int d, const char *k, size_t klen, uint8_t flag, size_t voff,
    size_t vlen)
{
	uint32_t h = hash_bytes(k, klen);
	struct zc_ent *e = slot(g, d, h, k, klen);

	if (klen > 255 || vlen > 255)
		zdie("%s: a key or value longer than 255 bytes", g->blobname[d]);
	if (e->klen == 0) {
		e->h = h;
		e->koff = (uint32_t)(k - g->blob[d]);
		e->klen = (uint8_t)klen;
	}
	e->flags |= flag;
	if (flag == ZC_E_KEY) {
		e->voff = (uint32_t)voff;
		e->vlen = (uint8_t)vlen;
	}
}

static void
dict_load(struct gen *g, int d, const char *blob, const char *name)
{
	size_t nrec = 0, cap, l;
	const char *p;

	g->blob[d] = blob;
	g->blobname[d] = name;
	for (p = blob; *p; p++)
		if (*p == '\n')
			nrec++;
	/* Keys and their prefixes are about two entries a record: a load
	 * factor below one half. */
	for (cap = 64; cap < nrec * 4; cap <<= 1)
		;
	g->tab[d] = xcalloc(cap, sizeof *g->tab[d]);
	g->mask[d] = (uint32_t)(cap - 1);
	for (p = blob; *p; ) {
		const char *k = p, *tab = strchr(p, '\t'), *nl = strchr(tab, '\n');
		size_t klen = (size_t)(tab - k), i;
		uint32_t cp0 = cp_at(k, &l);

		if (cp0 < 0x10000)
			g->first[cp0] |= (uint8_t)(1u << d);
		for (i = l; i < klen; i += l) {
			put(g, d, k, i, ZC_E_PFX, 0, 0);
			cp_at(k + i, &l);
		}
		put(g, d, k, klen, ZC_E_KEY, (size_t)(tab + 1 - blob), (size_t)(nl - tab - 1));
		p = nl + 1;
	}
}

/* The value of a key whose value is one BMP character, else 0. */
static uint32_t
one_char_value(const struct gen *g, int d, const struct zc_ent *e)
{
	size_t l;
	uint32_t v;

	if (e->vlen == 0 || e->vlen > 3)
		return 0;
	v = cp_at(g->blob[d] + e->voff, &l);
	return l == e->vlen ? v : 0;
}

static void
fast_build(struct gen *g, int st)
{
	for (uint32_t cp = 0x80; cp < 0x10000; cp++) {
		unsigned fb = g->first[cp] & g->stagebits[st];
		char k[4];
		int kl;

		if (!fb || (cp >= 0xD800 && cp <= 0xDFFF))
			continue;
		kl = utf8_encode(cp, k);
		for (int i = 0; g->stage[st][i] >= 0; i++) {
			int d = g->stage[st][i];
			const struct zc_ent *e;
			uint32_t v;

			if (!(fb & (1u << d)))
				continue;
			e = slot(g, d, hash_bytes(k, (size_t)kl), k, (size_t)kl);
			/* The first dictionary with a key starting here decides. */
			if (e->klen == 0 || (e->flags & ZC_E_PFX) || !(e->flags & ZC_E_KEY))
				break;
			v = one_char_value(g, d, e);
			if (v >= 0x80 && v < 0x10000)
				g->fast[st][cp] = (uint16_t)v;
			break;
		}
	}
}

/* Longest key of dict d starting with each BMP character, in characters. */
static void
key_lengths(const struct gen *g, int d, uint8_t *len1)
{
	size_t l;

	for (const char *p = g->blob[d]; *p; ) {
		const char *tab = strchr(p, '\t'), *nl = strchr(tab, '\n');
		unsigned nc = 0;
		uint32_t cp0 = cp_at(p, &l);

		for (const char *q = p; q < tab; q += l, nc++)
			cp_at(q, &l);
		if (cp0 < 0x10000 && nc > len1[cp0])
			len1[cp0] = (uint8_t)(nc > 255 ? 255 : nc);
		p = nl + 1;
	}
}

static void
simple_build(struct gen *g)
{
	static uint8_t klen[ZC_MAXDICT][0x10000];
	static uint8_t len2[0x10000];
	static uint16_t r1[0x10000];
	unsigned segbit = 1u << g->seg, l2max = 0;
	size_t l;

	memset(klen, 0, sizeof klen);
	memset(len2, 0, sizeof len2);
	for (int i = 0; i < g->nd; i++)
		key_lengths(g, i, klen[i]);
	for (int i = 0; g->stage[1][i] >= 0; i++)
		for (uint32_t cp = 0; cp < 0x10000; cp++)
			if (klen[g->stage[1][i]][cp] > len2[cp])
				len2[cp] = klen[g->stage[1][i]][cp];
	/* A stage-1 key K with value V covers |K| characters, and a stage-2
	 * key starting at a character v of V at most len2[v] more. */
	memset(r1, 0, sizeof r1);
	for (int i = 0; g->stage[0][i] >= 0; i++) {
		for (const char *p = g->blob[g->stage[0][i]]; *p; ) {
			const char *tab = strchr(p, '\t'), *nl = strchr(tab, '\n');
			unsigned nc = 0, m = 0;
			uint32_t cp0 = cp_at(p, &l);

			for (const char *q = p; q < tab; q += l, nc++)
				cp_at(q, &l);
			for (const char *q = tab + 1; q < nl; q += l) {
				uint32_t v = cp_at(q, &l);

				if (v >= 0x10000)
					m = 255;
				else if (len2[v] > m)
					m = len2[v];
			}
			if (cp0 < 0x10000 && nc + m > r1[cp0])
				r1[cp0] = (uint16_t)(nc + m > 255 ? 255 : nc + m);
			p = nl + 1;
		}
	}
	g->maxreach = 0;
	for (uint32_t x = 0; x < 0x10000; x++)
		if (len2[x] > l2max)
			l2max = len2[x];
	for (uint32_t cp = 0; cp < 0x10000; cp++) {
		unsigned r = 1, fb;
		uint32_t v1;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		fb = g->first[cp];
		v1 = cp;
		if (fb & g->stagebits[0])
			v1 = g->fast[0][cp];
		if (!(fb & segbit) && v1 != 0 &&
		    (!(v1 < 0x10000 && (g->first[v1] & g->stagebits[1])) ||
		    g->fast[1][v1])) {
			uint32_t v2 = (g->first[v1] & g->stagebits[1]) ? g->fast[1][v1] : v1;

			if (v2 != 0) {
				g->comp[cp] = (uint16_t)v2;
				continue;
			}
		}
		/* Not simple: bound what a match starting here can cover,
		 * including stage-2 keys starting inside a stage-1 value. */
		for (int i = 0; i < g->nd; i++)
			if (klen[i][cp] > r)
				r = klen[i][cp];
		if (len2[cp] > r)
			r = len2[cp];
		if (r1[cp] > r)
			r = r1[cp];
		if (r > 255)
			r = 255;
		g->reach[cp] = (uint8_t)r;
		if (r > g->maxreach)
			g->maxreach = r;
	}
	/* Characters beyond the BMP have no table entry: assume the most. */
	if (g->maxreach < l2max + 64)
		g->maxreach = l2max + 64;
}

static void
pairs_build(struct gen *g)
{
	size_t l0, l1;

	for (int d = 0; d < g->nd; d++) {
		for (const char *p = g->blob[d]; *p; ) {
			const char *tab = strchr(p, '\t'), *nl = strchr(tab, '\n');
			uint32_t a = cp_at(p, &l0);

			if (p + l0 < tab) {
				uint32_t h = zc_pair_hash(a, cp_at(p + l0, &l1));

				g->pairs[h >> 3] |= (uint8_t)(1u << (h & 7));
			}
			p = nl + 1;
		}
	}
	for (int st = 0; st < g->nstage; st++) {
		for (uint32_t cp = 0x80; cp < 0x10000; cp++) {
			unsigned fb = g->first[cp] & g->stagebits[st];
			char k[4];
			int kl;

			if (!fb || (cp >= 0xD800 && cp <= 0xDFFF))
				continue;
			kl = utf8_encode(cp, k);
			for (int i = 0; g->stage[st][i] >= 0; i++) {
				int d = g->stage[st][i];
				const struct zc_ent *e = slot(g, d, hash_bytes(k, (size_t)kl), k,
				    (size_t)kl);
				uint32_t v;

				if (e->klen == 0 || !(e->flags & ZC_E_KEY))
					continue;
				v = one_char_value(g, d, e);
				if (v < 0x80 || v >= 0xFFFF)
					v = 0xFFFF;
				g->single[st][cp] = (uint16_t)(v == cp ? 0 : v);
				break;
			}
		}
	}
}

/* ---- output ---- */

/* An array as C: dense when most entries are set, else only the set
 * ones, so the source stays small and compiles fast. */
static void
emit_u16(const char *name, const uint16_t *a, size_t n, int bits)
{
	size_t nz = 0, col = 0;

	for (size_t i = 0; i < n; i++)
		nz += a[i] != 0;
	printf("static const uint%d_t %s[%zu] = {\n", bits, name, n);
	for (size_t i = 0; i < n; i++) {
		if (nz * 4 > n) {
			col += (size_t)printf("%u,", a[i]);
		} else if (a[i]) {
			col += (size_t)printf("[%zu]=%u,", i, a[i]);
		}
		if (col > 72) {
			putchar('\n');
			col = 0;
		}
	}
	printf("\n};\n");
}

static void
emit_u8(const char *name, const uint8_t *a, size_t n)
{
	static uint16_t w[1u << 17];

	for (size_t i = 0; i < n; i++)
		w[i] = a[i];
	emit_u16(name, w, n, 8);
}

static void
emit_tab(const char *name, const struct zc_ent *t, size_t n)
{
	printf("static const struct zc_ent %s[%zu] = {\n", name, n);
	for (size_t i = 0; i < n; i++)
		if (t[i].klen)
			printf("[%zu]={%uu,%u,%u,%u,%u,%u},\n", i, t[i].h, t[i].koff,
			    t[i].voff, t[i].klen, t[i].vlen, t[i].flags);
	printf("};\n");
}

static void
emit(struct gen *g)
{
	char nm[64];
	const char *p = g->name;

	for (int d = 0; d < g->nd; d++) {
		snprintf(nm, sizeof nm, "zc_%s_tab%d", p, d);
		emit_tab(nm, g->tab[d], (size_t)g->mask[d] + 1);
	}
	snprintf(nm, sizeof nm, "zc_%s_first", p);
	emit_u8(nm, g->first, 0x10000);
	for (int s = 0; s < g->nstage; s++) {
		snprintf(nm, sizeof nm, "zc_%s_fast%d", p, s);
		emit_u16(nm, g->fast[s], 0x10000, 16);
		snprintf(nm, sizeof nm, "zc_%s_single%d", p, s);
		emit_u16(nm, g->single[s], 0x10000, 16);
	}
	snprintf(nm, sizeof nm, "zc_%s_comp", p);
	emit_u16(nm, g->comp, 0x10000, 16);
	snprintf(nm, sizeof nm, "zc_%s_reach", p);
	emit_u8(nm, g->reach, 0x10000);
	snprintf(nm, sizeof nm, "zc_%s_pairs", p);
	emit_u8(nm, g->pairs, sizeof g->pairs);

	printf("static const struct zc_index zc_index_%s = {\n\t.d = {\n", p);
	for (int d = 0; d < g->nd; d++)
		printf("\t\t{ %s, zc_%s_tab%d, %uu },\n", g->blobname[d], p, d, g->mask[d]);
	printf("\t},\n\t.nd = %d, .seg = %d, .nstage = %d,\n\t.stage = {", g->nd, g->seg,
	    g->nstage);
	for (int s = 0; s < g->nstage; s++) {
		printf(" {");
		for (int i = 0; i <= ZC_MAXDICT && (i == 0 || g->stage[s][i - 1] >= 0); i++)
			printf(" %d,", g->stage[s][i]);
		printf(" },");
	}
	printf(" },\n\t.stagebits = { %u, %u },\n", g->stagebits[0], g->stagebits[1]);
	printf("\t.first = zc_%s_first, .comp = zc_%s_comp, .reach = zc_%s_reach,\n"
	    "\t.maxreach = %u, .pairs = zc_%s_pairs,\n", p, p, p, g->maxreach, p);
	printf("\t.fast = { zc_%s_fast0, zc_%s_fast1 },\n", p, p);
	printf("\t.single = { zc_%s_single0, zc_%s_single1 },\n};\n\n", p, p);
}

static void
build(struct gen *g)
{
	g->nstage = 2;
	for (int s = 0; s < g->nstage; s++) {
		for (int i = 0; g->stage[s][i] >= 0; i++)
			g->stagebits[s] |= 1u << g->stage[s][i];
		fast_build(g, s);
	}
	simple_build(g);
	pairs_build(g);
	emit(g);
	for (int d = 0; d < g->nd; d++)
		free(g->tab[d]);
}

/* Two bits per BMP character: 1 if only traditional text uses it (tw2s
 * would change it), 2 if only simplified text does. */
static void
script_mark(uint8_t *map, const char *blob, unsigned val)
{
	size_t kl;

	for (const char *p = blob; *p; ) {
		const char *tab = strchr(p, '\t'), *nl = strchr(tab, '\n');
		uint32_t cp = cp_at(p, &kl);

		if (kl == (size_t)(tab - p) &&
		    ((size_t)(nl - tab - 1) != kl || memcmp(p, tab + 1, kl) != 0)) {
			if (cp < 0x10000 && !(map[cp / 4] >> (cp % 4 * 2) & 3))
				map[cp / 4] |= (uint8_t)(val << (cp % 4 * 2));
		}
		p = nl + 1;
	}
}

int
main(void)
{
	static struct gen g;
	static uint8_t script[0x10000 / 4];

	cli_init("gen-zhconv-index");
	printf("/* Generated at build time by data/gen-zhconv-index.c from\n"
	    " * data/zhconv_tables.inc.  Do not edit. */\n\n");
	/* tw2s.json: segment by TSPhrases; then TWVariantsRevPhrases |
	 * TWVariantsRev; then TSPhrases | TSCharacters. */
	memset(&g, 0, sizeof g);
	g.name = "t2s";
	dict_load(&g, 0, zc_TSPhrases, "zc_TSPhrases");
	dict_load(&g, 1, zc_TWVariantsRevPhrases, "zc_TWVariantsRevPhrases");
	dict_load(&g, 2, zc_TWVariantsRev, "zc_TWVariantsRev");
	dict_load(&g, 3, zc_TSCharacters, "zc_TSCharacters");
	g.nd = 4;
	memcpy(g.stage[0], (int[]){ 1, 2, -1 }, 3 * sizeof(int));
	memcpy(g.stage[1], (int[]){ 0, 3, -1 }, 3 * sizeof(int));
	build(&g);
	/* s2tw.json: segment by STPhrases; then STPhrases | STCharacters;
	 * then TWVariants. */
	memset(&g, 0, sizeof g);
	g.name = "s2t";
	dict_load(&g, 0, zc_STPhrases, "zc_STPhrases");
	dict_load(&g, 1, zc_STCharacters, "zc_STCharacters");
	dict_load(&g, 2, zc_TWVariants, "zc_TWVariants");
	g.nd = 3;
	memcpy(g.stage[0], (int[]){ 0, 1, -1 }, 3 * sizeof(int));
	memcpy(g.stage[1], (int[]){ 2, -1 }, 2 * sizeof(int));
	build(&g);

	script_mark(script, zc_TSCharacters, 1);
	script_mark(script, zc_STCharacters, 2);
	emit_u8("zc_script_map", script, sizeof script);
	if (fflush(stdout) || ferror(stdout))
		zdie("write error");
	return 0;
}
