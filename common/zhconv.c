#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "zhconv.h"

#include "../data/zhconv_tables.inc"

/*
 * Each dictionary is an open-addressing hash of its keys and of every
 * proper prefix of its keys, so a longest-match walk stops at the first
 * character that no key continues with: usually after one or two probes.
 */
enum { E_KEY = 1, E_PFX = 2 };

struct ent {
	uint32_t h, koff, voff;
	uint16_t klen, vlen;
	uint8_t flags;
};

struct zdict {
	const char *blob;
	struct ent *tab;
	uint32_t mask;
};

#define MAXDICT 4
#define MAXSTAGE 2

struct zhconv {
	struct zdict d[MAXDICT];
	int nd, seg;
	int stage[MAXSTAGE][MAXDICT + 1];       /* dict indexes, -1 ends */
	unsigned stagebits[MAXSTAGE];
	int nstage;
	uint8_t first[0x10000];  /* bit i: a key of dict i starts with cp */
	/* What stage s makes of a BMP character whose match is certain to
	 * be that one character (no longer key could start there): its
	 * replacement, or 0 when the full longest-match walk is needed. */
	uint16_t fast[MAXSTAGE][0x10000];
	/* Whole-chain result of a "simple" BMP character, one that no
	 * multi-character key of any dictionary can involve, so it converts
	 * on its own in one pass; 0 for the others. */
	uint16_t comp[0x10000];
	/* For the others: how many characters, counted from it, a match
	 * that starts there can reach (an upper bound). */
	uint8_t reach[0x10000];
	unsigned maxreach;
	/* What stage s makes of a BMP character when no key longer than one
	 * character matches there: 0 unchanged, 0xFFFF too complex. */
	uint16_t single[MAXSTAGE][0x10000];
	/* Bit set of the first two characters of every longer key: when the
	 * pair at a position is not in it, no longer key matches there. */
	uint8_t pairs[1u << 17];
	struct buf tmp[2];
};

#define FNV_INIT 2166136261u
#define FNV_STEP(h, c) (((h) ^ (c)) * 16777619u)

static inline size_t
u8len(unsigned char c)
{
	if (c < 0xC0)
		return 1;
	if (c < 0xE0)
		return 2;
	if (c < 0xF0)
		return 3;
	return 4;
}

static inline uint32_t
u8cp(const unsigned char *p, size_t cl)
{
	switch (cl) {
	case 1:
		return p[0];
	case 2:
		return (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
	case 3:
		return (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 |
		    (p[2] & 0x3F);
	default:
		return (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 |
		    (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
	}
}

static int
utf8_encode_fast(uint32_t cp, char *o)
{
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	o[0] = (char)(0xE0 | (cp >> 12));
	o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

static uint32_t
hash_bytes(const char *s, size_t n)
{
	uint32_t h = FNV_INIT;

	for (size_t i = 0; i < n; i++)
		h = FNV_STEP(h, (unsigned char)s[i]);
	return h;
}

static struct ent *
slot(const struct zdict *d, uint32_t h, const char *k, size_t klen)
{
	uint32_t i = h & d->mask;

	for (;; i = (i + 1) & d->mask) {
		struct ent *e = &d->tab[i];

		if (e->klen == 0)
			return e;
		if (e->h == h && e->klen == klen &&
		    memcmp(d->blob + e->koff, k, klen) == 0)
			return e;
	}
}

static void
put(struct zdict *d, const char *k, size_t klen, uint8_t flag, size_t voff,
    size_t vlen)
{
	uint32_t h = hash_bytes(k, klen);
	struct ent *e = slot(d, h, k, klen);

	if (e->klen == 0) {
		e->h = h;
		e->koff = (uint32_t)(k - d->blob);
		e->klen = (uint16_t)klen;
	}
	e->flags |= flag;
	if (flag == E_KEY) {
		e->voff = (uint32_t)voff;
		e->vlen = (uint16_t)vlen;
	}
}

static void
dict_load(struct zhconv *zc, int idx, const char *blob)
{
	struct zdict *d = &zc->d[idx];
	size_t nrec = 0, cap;
	const char *p;

	d->blob = blob;
	for (p = blob; *p; p++)
		if (*p == '\n')
			nrec++;
	/* Keys average under four characters: room for keys and prefixes
	 * at a load factor below one half. */
	for (cap = 64; cap < nrec * 8; cap <<= 1)
		;
	d->tab = xcalloc(cap, sizeof *d->tab);
	d->mask = (uint32_t)(cap - 1);
	for (p = blob; *p; ) {
		const char *k = p, *tab = strchr(p, '\t'), *nl = strchr(tab, '\n');
		size_t klen = (size_t)(tab - k), i;
		uint32_t cp0 = u8cp((const unsigned char *)k, u8len((unsigned char)k[0]));

		if (cp0 < 0x10000)
			zc->first[cp0] |= (uint8_t)(1u << idx);
		for (i = u8len((unsigned char)k[0]); i < klen; i += u8len((unsigned char)k[i]))
			put(d, k, i, E_PFX, 0, 0);
		put(d, k, klen, E_KEY, (size_t)(tab + 1 - blob), (size_t)(nl - tab - 1));
		p = nl + 1;
	}
}

static void
fast_build(struct zhconv *zc, int st)
{
	for (uint32_t cp = 0x80; cp < 0x10000; cp++) {
		unsigned fb = zc->first[cp] & zc->stagebits[st];
		char k[4];
		int kl;

		if (!fb || (cp >= 0xD800 && cp <= 0xDFFF))
			continue;
		kl = utf8_encode_fast(cp, k);
		for (int i = 0; zc->stage[st][i] >= 0; i++) {
			const struct zdict *d = &zc->d[zc->stage[st][i]];
			const struct ent *e;
			uint32_t v;

			if (!(fb & (1u << zc->stage[st][i])))
				continue;
			e = slot(d, hash_bytes(k, (size_t)kl), k, (size_t)kl);
			/* The first dictionary with a key starting here decides. */
			if (e->klen == 0 || (e->flags & E_PFX) || !(e->flags & E_KEY))
				break;
			if (e->vlen == 0 || e->vlen > 3 ||
			    u8len((unsigned char)d->blob[e->voff]) != e->vlen)
				break;
			v = u8cp((const unsigned char *)d->blob + e->voff, e->vlen);
			if (v >= 0x80 && v < 0x10000)
				zc->fast[st][cp] = (uint16_t)v;
			break;
		}
	}
}

/* Longest key of dict d starting with cp, in characters. */
static void
key_lengths(const struct zdict *d, uint8_t *len1)
{
	for (const char *p = d->blob; *p; ) {
		const char *tab = strchr(p, '\t'), *nl = strchr(tab, '\n');
		unsigned nc = 0;
		uint32_t cp0 = u8cp((const unsigned char *)p, u8len((unsigned char)p[0]));

		for (const char *q = p; q < tab; q += u8len((unsigned char)*q))
			nc++;
		if (cp0 < 0x10000 && nc > len1[cp0])
			len1[cp0] = (uint8_t)(nc > 255 ? 255 : nc);
		p = nl + 1;
	}
}

static void
simple_build(struct zhconv *zc)
{
	static uint8_t klen[MAXDICT][0x10000];
	uint8_t len2[0x10000];
	static uint16_t r1[0x10000];
	unsigned segbit = 1u << zc->seg, l2max = 0;

	memset(klen, 0, sizeof klen);
	memset(len2, 0, sizeof len2);
	for (int i = 0; i < zc->nd; i++)
		key_lengths(&zc->d[i], klen[i]);
	for (int i = 0; zc->stage[1][i] >= 0; i++)
		for (uint32_t cp = 0; cp < 0x10000; cp++)
			if (klen[zc->stage[1][i]][cp] > len2[cp])
				len2[cp] = klen[zc->stage[1][i]][cp];
	/* A stage-1 key K with value V covers |K| characters, and a stage-2
	 * key starting at a character v of V at most len2[v] more. */
	memset(r1, 0, sizeof r1);
	for (int i = 0; zc->stage[0][i] >= 0; i++) {
		for (const char *p = zc->d[zc->stage[0][i]].blob; *p; ) {
			const char *tab = strchr(p, '\t'), *nl = strchr(tab, '\n');
			unsigned nc = 0, m = 0;
			uint32_t cp0 = u8cp((const unsigned char *)p, u8len((unsigned char)p[0]));

			for (const char *q = p; q < tab; q += u8len((unsigned char)*q))
				nc++;
			for (const char *q = tab + 1; q < nl; q += u8len((unsigned char)*q)) {
				uint32_t v = u8cp((const unsigned char *)q, u8len((unsigned char)*q));

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
	zc->maxreach = 0;
	for (uint32_t x = 0; x < 0x10000; x++)
		if (len2[x] > l2max)
			l2max = len2[x];
	for (uint32_t cp = 0; cp < 0x10000; cp++) {
		unsigned r = 1, fb;
		uint32_t v1;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		fb = zc->first[cp];
		v1 = cp;
		if (fb & zc->stagebits[0])
			v1 = zc->fast[0][cp];
		if (!(fb & segbit) && v1 != 0 &&
		    (!(v1 < 0x10000 && (zc->first[v1] & zc->stagebits[1])) ||
		    zc->fast[1][v1])) {
			uint32_t v2 = (zc->first[v1] & zc->stagebits[1]) ? zc->fast[1][v1] : v1;

			if (v2 != 0) {
				zc->comp[cp] = (uint16_t)v2;
				continue;
			}
		}
		/* Not simple: bound what a match starting here can cover,
		 * including stage-2 keys starting inside a stage-1 value. */
		for (int i = 0; i < zc->nd; i++)
			if (klen[i][cp] > r)
				r = klen[i][cp];
		if (len2[cp] > r)
			r = len2[cp];
		if (r1[cp] > r)
			r = r1[cp];
		if (r > 255)
			r = 255;
		zc->reach[cp] = (uint8_t)r;
		if (r > zc->maxreach)
			zc->maxreach = r;
	}
	/* Characters beyond the BMP have no table entry: assume the most. */
	if (zc->maxreach < l2max + 64)
		zc->maxreach = l2max + 64;
}

static inline uint32_t
pair_hash(uint32_t a, uint32_t b)
{
	return (a * 0x9E3779B1u ^ b * 0x85EBCA6Bu) >> 12;    /* 20 bits */
}

static void
pairs_build(struct zhconv *zc)
{
	for (int d = 0; d < zc->nd; d++) {
		for (const char *p = zc->d[d].blob; *p; ) {
			const char *tab = strchr(p, '\t'), *nl = strchr(tab, '\n');
			size_t l0 = u8len((unsigned char)p[0]);

			if (p + l0 < tab) {
				uint32_t a = u8cp((const unsigned char *)p, l0);
				uint32_t b = u8cp((const unsigned char *)p + l0,
				    u8len((unsigned char)p[l0]));
				uint32_t h = pair_hash(a, b);

				zc->pairs[h >> 3] |= (uint8_t)(1u << (h & 7));
			}
			p = nl + 1;
		}
	}
	for (int st = 0; st < zc->nstage; st++) {
		for (uint32_t cp = 0x80; cp < 0x10000; cp++) {
			unsigned fb = zc->first[cp] & zc->stagebits[st];
			char k[4];
			int kl;

			if (!fb || (cp >= 0xD800 && cp <= 0xDFFF))
				continue;
			kl = utf8_encode_fast(cp, k);
			for (int i = 0; zc->stage[st][i] >= 0; i++) {
				const struct zdict *d = &zc->d[zc->stage[st][i]];
				const struct ent *e = slot(d, hash_bytes(k, (size_t)kl), k,
				    (size_t)kl);
				uint32_t v;

				if (e->klen == 0 || !(e->flags & E_KEY))
					continue;
				v = 0xFFFF;
				if (e->vlen <= 3 && u8len((unsigned char)d->blob[e->voff]) == e->vlen) {
					v = u8cp((const unsigned char *)d->blob + e->voff, e->vlen);
					if (v < 0x80 || v >= 0xFFFF)
						v = 0xFFFF;
				}
				zc->single[st][cp] = (uint16_t)(v == cp ? 0 : v);
				break;
			}
		}
	}
}

static inline int
pair_maybe(const struct zhconv *zc, uint32_t a, uint32_t b)
{
	uint32_t h = pair_hash(a, b);

	return zc->pairs[h >> 3] >> (h & 7) & 1;
}

/*
 * The cheapest test for a character that is not simple: when neither it
 * and the next character, nor their stage-1 results, begin any longer
 * key, each stage acts on it alone.  Returns the result, or 0.
 */
static uint32_t
alone_here(const struct zhconv *zc, const char *s, size_t i, size_t n, size_t cl,
    uint32_t cp)
{
	uint32_t x = 0, x1, v1, v2;

	if (cp >= 0x10000 || zc->nstage != 2)
		return 0;
	if (i + cl < n) {
		size_t l = u8len((unsigned char)s[i + cl]);

		if (l > n - i - cl)
			return 0;
		x = u8cp((const unsigned char *)s + i + cl, l);
		if (x >= 0x10000 || pair_maybe(zc, cp, x))
			return 0;
	}
	v1 = zc->single[0][cp] ? zc->single[0][cp] : cp;
	if (v1 == 0xFFFF)
		return 0;
	if (x) {
		/* Stage 1 sees the next character as stage 0 leaves it. */
		if (!(zc->first[x] & zc->stagebits[0]))
			x1 = x;
		else if (zc->fast[0][x])
			x1 = zc->fast[0][x];
		else
			return 0;
		if (pair_maybe(zc, v1, x1))
			return 0;
	}
	v2 = zc->single[1][v1] ? zc->single[1][v1] : v1;
	return v2 == 0xFFFF ? 0 : v2;
}

struct zhconv *
zhconv_new(enum zc_dir dir)
{
	struct zhconv *zc = xcalloc(1, sizeof *zc);

	if (dir == ZC_TO_SIMPLIFIED) {
		/* tw2s.json: segment by TSPhrases; then TWVariantsRevPhrases |
		 * TWVariantsRev; then TSPhrases | TSCharacters. */
		dict_load(zc, 0, zc_TSPhrases);
		dict_load(zc, 1, zc_TWVariantsRevPhrases);
		dict_load(zc, 2, zc_TWVariantsRev);
		dict_load(zc, 3, zc_TSCharacters);
		zc->nd = 4;
		zc->seg = 0;
		memcpy(zc->stage[0], (int[]){ 1, 2, -1 }, 3 * sizeof(int));
		memcpy(zc->stage[1], (int[]){ 0, 3, -1 }, 3 * sizeof(int));
	} else {
		/* s2tw.json: segment by STPhrases; then STPhrases |
		 * STCharacters; then TWVariants. */
		dict_load(zc, 0, zc_STPhrases);
		dict_load(zc, 1, zc_STCharacters);
		dict_load(zc, 2, zc_TWVariants);
		zc->nd = 3;
		zc->seg = 0;
		memcpy(zc->stage[0], (int[]){ 0, 1, -1 }, 3 * sizeof(int));
		memcpy(zc->stage[1], (int[]){ 2, -1 }, 2 * sizeof(int));
	}
	zc->nstage = 2;
	for (int s = 0; s < zc->nstage; s++) {
		for (int i = 0; zc->stage[s][i] >= 0; i++)
			zc->stagebits[s] |= 1u << zc->stage[s][i];
		fast_build(zc, s);
	}
	simple_build(zc);
	pairs_build(zc);
	return zc;
}

void
zhconv_free(struct zhconv *zc)
{
	if (!zc)
		return;
	for (int i = 0; i < zc->nd; i++)
		free(zc->d[i].tab);
	buf_free(&zc->tmp[0]);
	buf_free(&zc->tmp[1]);
	free(zc);
}

static inline unsigned
first_bits(const struct zhconv *zc, uint32_t cp)
{
	return cp < 0x10000 ? zc->first[cp] : 0xFFu;
}

/* Longest key of d that starts s[pos..n); its length in *mlen. */
static const struct ent *
longest(const struct zdict *d, const char *s, size_t pos, size_t n, size_t *mlen)
{
	const struct ent *best = NULL;
	uint32_t h = FNV_INIT;
	size_t i = pos;

	while (i < n) {
		size_t cl = u8len((unsigned char)s[i]);
		const struct ent *e;

		if (cl > n - i)
			break;
		for (size_t j = 0; j < cl; j++)
			h = FNV_STEP(h, (unsigned char)s[i + j]);
		i += cl;
		e = slot(d, h, s + pos, i - pos);
		if (e->klen == 0)
			break;
		if (e->flags & E_KEY) {
			best = e;
			*mlen = i - pos;
		}
		if (!(e->flags & E_PFX))
			break;
	}
	return best;
}

/* One conversion stage over a segment.  Returns 0 without touching out
 * when nothing matched, so unchanged segments are never copied. */
static int
stage_apply(struct zhconv *zc, int st, const char *s, size_t n, struct buf *out)
{
	const int *dl = zc->stage[st];
	unsigned bits = zc->stagebits[st];
	size_t i = 0, from = 0;
	int any = 0;

	while (i < n) {
		size_t cl = u8len((unsigned char)s[i]), mlen = 0;
		uint32_t cp;
		unsigned fb;
		const struct ent *e = NULL;
		const struct zdict *d = NULL;

		if (cl > n - i)
			cl = n - i;
		cp = u8cp((const unsigned char *)s + i, cl);
		fb = first_bits(zc, cp) & bits;
		if (!fb) {
			i += cl;
			continue;
		}
		if (cp < 0x10000 && zc->fast[st][cp]) {
			uint32_t v = zc->fast[st][cp];

			if (v != cp) {
				size_t span = i - from;
				char *o;

				if (!any) {
					buf_clear(out);
					any = 1;
				}
				if (out->cap - out->len < span + 8)
					buf_grow(out, span + 8);
				o = out->s + out->len;
				/* Spans between replaced characters are short:
				 * a loop beats a call to memcpy. */
				for (size_t k = 0; k < span; k++)
					o[k] = s[from + k];
				o += span;
				o += utf8_encode_fast(v, o);
				out->len = (size_t)(o - out->s);
				from = i + cl;
			}
			i += cl;
			continue;
		}
		for (int k = 0; dl[k] >= 0; k++) {
			if (!(fb & (1u << dl[k])))
				continue;
			d = &zc->d[dl[k]];
			if ((e = longest(d, s, i, n, &mlen)) != NULL)
				break;
		}
		if (!e) {
			i += cl;
			continue;
		}
		if (!any) {
			buf_clear(out);
			any = 1;
		}
		buf_add(out, s + from, i - from);
		buf_add(out, d->blob + e->voff, e->vlen);
		i += mlen;
		from = i;
	}
	if (any) {
		buf_add(out, s + from, n - from);
		out->s[out->len] = '\0';
	}
	return any;
}

/* Characters of a that differ from b; a character-by-character walk,
 * exact when the conversion kept lengths (it nearly always does). */
static size_t
count_changed(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0, diff = 0;

	while (i < an && j < bn) {
		size_t ca = u8len((unsigned char)a[i]), cb = u8len((unsigned char)b[j]);
		int d = ca != cb;

		for (size_t k = 0; !d && k < ca; k++)
			d = a[i + k] != b[j + k];
		diff += (size_t)d;
		i += ca;
		j += cb;
	}
	for (; i < an; i += u8len((unsigned char)a[i]))
		diff++;
	return diff;
}

static size_t
chain(struct zhconv *zc, const char *s, size_t n, struct buf *out)
{
	const char *cur = s;
	size_t len = n;
	int t = 0;

	for (int st = 0; st < zc->nstage; st++) {
		if (stage_apply(zc, st, cur, len, &zc->tmp[t])) {
			cur = zc->tmp[t].s;
			len = zc->tmp[t].len;
			t ^= 1;
		}
	}
	buf_add(out, cur, len);
	return cur == s ? 0 : count_changed(s, n, cur, len);
}

/* OpenCC's algorithm proper: segmentation, then the chain per segment. */
static size_t
general(struct zhconv *zc, const char *s, size_t n, struct buf *out)
{
	const struct zdict *seg = &zc->d[zc->seg];
	unsigned segbit = 1u << zc->seg;
	size_t i = 0, run = 0, changed = 0;

	while (i < n) {
		size_t cl = u8len((unsigned char)s[i]), mlen = 0;

		if (cl > n - i)
			cl = n - i;
		if ((first_bits(zc, u8cp((const unsigned char *)s + i, cl)) & segbit) &&
		    longest(seg, s, i, n, &mlen)) {
			if (i > run)
				changed += chain(zc, s + run, i - run, out);
			changed += chain(zc, s + i, mlen, out);
			i += mlen;
			run = i;
			continue;
		}
		i += cl;
	}
	if (n > run)
		changed += chain(zc, s + run, n - run, out);
	return changed;
}

/* Result of stage st at s[i..n) when its match there is one character,
 * else 0 (the caller must take the full path). */
static uint32_t
single_at(struct zhconv *zc, int st, const char *s, size_t i, size_t n,
    size_t cl, uint32_t cp)
{
	unsigned fb = first_bits(zc, cp) & zc->stagebits[st];
	size_t mlen = 0;

	if (!fb)
		return cp;
	if (cp < 0x10000 && zc->fast[st][cp])
		return zc->fast[st][cp];
	for (int k = 0; zc->stage[st][k] >= 0; k++) {
		const struct zdict *d = &zc->d[zc->stage[st][k]];
		const struct ent *e;
		uint32_t v;

		if (!(fb & (1u << zc->stage[st][k])))
			continue;
		if ((e = longest(d, s, i, n, &mlen)) == NULL)
			continue;
		if (mlen != cl || e->vlen == 0 || e->vlen > 3 ||
		    u8len((unsigned char)d->blob[e->voff]) != e->vlen)
			return 0;
		v = u8cp((const unsigned char *)d->blob + e->voff, e->vlen);
		return v < 0x80 ? 0 : v;
	}
	return cp;
}

/*
 * A character that is not simple in general often is where it stands:
 * when no key longer than itself matches there in any step, it converts
 * on its own like a simple one.  Stage 2 sees stage 1's output, so this
 * holds only while stage 1 leaves the following characters as they are.
 * Returns the converted character, or 0.
 */
static uint32_t
simple_here(struct zhconv *zc, const char *s, size_t i, size_t n, size_t cl,
    uint32_t cp)
{
	size_t mlen, j, end;
	uint32_t v1, v2;
	char tmp[4 + 256];
	int tl;

	if (cp >= 0x10000 || zc->nstage != 2)
		return 0;
	if ((zc->first[cp] & (1u << zc->seg)) &&
	    longest(&zc->d[zc->seg], s, i, n, &mlen))
		return 0;
	if ((v1 = single_at(zc, 0, s, i, n, cl, cp)) == 0 || v1 >= 0x10000)
		return 0;
	if (!(zc->first[v1] & zc->stagebits[1]))
		return v1;
	if (zc->fast[1][v1])
		return zc->fast[1][v1];
	/* Stage 2 on v1 followed by the next characters, which must come
	 * out of stage 1 unchanged. */
	if (zc->reach[v1] == 0 || zc->reach[v1] * 4u > sizeof tmp - 4)
		return 0;
	tl = utf8_encode_fast(v1, tmp);
	/* reach[v1] bounds the stage-2 keys starting with v1. */
	end = i + cl + zc->reach[v1] * 4u;
	if (end > n)
		end = n;
	for (j = i + cl; j < end; ) {
		size_t l = u8len((unsigned char)s[j]);
		uint32_t x;

		if (l > n - j || j + l > end)
			break;
		x = u8cp((const unsigned char *)s + j, l);
		if (first_bits(zc, x) & zc->stagebits[0])
			return 0;
		memcpy(tmp + tl, s + j, l);
		tl += (int)l;
		j += l;
	}
	v2 = single_at(zc, 1, tmp, 0, (size_t)tl, (size_t)utf8_encode_fast(v1, tmp),
	    v1);
	return v2 >= 0x10000 ? 0 : v2;
}

/*
 * Simple characters are written straight from comp[].  A character that
 * is not simple starts a region that runs until no match starting inside
 * it can reach further; the characters before a region are simple, so no
 * match reaches into it, and the region is converted by the full
 * algorithm with the same result as OpenCC gets on the whole text.
 */
size_t
zhconv_run(struct zhconv *zc, const char *s, size_t n, struct buf *out)
{
	size_t i = 0, changed = 0;
	char *o;

	if (out->cap - out->len < 2 * n + 16)
		buf_grow(out, 2 * n + 16);
	o = out->s + out->len;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t cl, j, left;
		uint32_t cp, v;

		if (c < 0x80 && zc->comp[c] == c) {
			*o++ = (char)c;
			i++;
			continue;
		}
		/* Most text is three-byte characters: the shortest path. */
		if ((c & 0xF0) == 0xE0 && n - i >= 3) {
			cp = (uint32_t)(c & 0x0F) << 12 |
			    (uint32_t)((unsigned char)s[i + 1] & 0x3F) << 6 |
			    ((unsigned char)s[i + 2] & 0x3F);
			v = zc->comp[cp];
			if (v == cp) {
				o[0] = (char)c;
				o[1] = s[i + 1];
				o[2] = s[i + 2];
				o += 3;
				i += 3;
				continue;
			}
			if (v >= 0x800) {
				o[0] = (char)(0xE0 | (v >> 12));
				o[1] = (char)(0x80 | ((v >> 6) & 0x3F));
				o[2] = (char)(0x80 | (v & 0x3F));
				o += 3;
				i += 3;
				changed++;
				continue;
			}
		}
		cl = u8len(c);
		if (cl > n - i)
			cl = n - i;
		cp = u8cp((const unsigned char *)s + i, cl);
		if (cp < 0x10000 && (v = zc->comp[cp]) != 0) {
			if (v == cp) {
				for (size_t k = 0; k < cl; k++)
					o[k] = s[i + k];
				o += cl;
			} else {
				o += utf8_encode_fast(v, o);
				changed++;
			}
			i += cl;
			continue;
		}
		if ((v = alone_here(zc, s, i, n, cl, cp)) != 0 ||
		    (v = simple_here(zc, s, i, n, cl, cp)) != 0) {
			if (v == cp) {
				for (size_t k = 0; k < cl; k++)
					o[k] = s[i + k];
				o += cl;
			} else {
				o += utf8_encode_fast(v, o);
				changed++;
			}
			i += cl;
			continue;
		}
		/* A region: find where nothing started in it reaches. */
		left = 0;
		for (j = i; j < n; left--) {
			size_t l = u8len((unsigned char)s[j]);
			uint32_t x;
			unsigned r;

			if (l > n - j)
				l = n - j;
			x = u8cp((const unsigned char *)s + j, l);
			r = x < 0x10000 ? (zc->comp[x] ? 0 : zc->reach[x]) : zc->maxreach;
			if (r > left)
				left = r;
			if (left == 0)
				break;
			j += l;
		}
		out->len = (size_t)(o - out->s);
		changed += general(zc, s + i, j - i, out);
		if (out->cap - out->len < 2 * (n - j) + 16)
			buf_grow(out, 2 * (n - j) + 16);
		o = out->s + out->len;
		i = j;
	}
	out->len = (size_t)(o - out->s);
	out->s[out->len] = '\0';
	return changed;
}

/* Two bits per BMP character: 1 traditional-only, 2 simplified-only. */
static uint8_t script_map[0x10000 / 4];
static int script_ready;

static void
script_mark(const char *blob, unsigned val)
{
	for (const char *p = blob; *p; ) {
		const char *tab = strchr(p, '\t'), *nl = strchr(tab, '\n');
		size_t kl = (size_t)(tab - p);

		if (kl == u8len((unsigned char)p[0]) &&
		    ((size_t)(nl - tab - 1) != kl || memcmp(p, tab + 1, kl) != 0)) {
			uint32_t cp = u8cp((const unsigned char *)p, kl);

			if (cp < 0x10000 && !(script_map[cp / 4] >> (cp % 4 * 2) & 3))
				script_map[cp / 4] |= (uint8_t)(val << (cp % 4 * 2));
		}
		p = nl + 1;
	}
}

int
zhconv_script_of(unsigned cp)
{
	if (cp < 0x3400 || cp >= 0x10000)
		return 0;
	if (!script_ready) {
		script_mark(zc_TSCharacters, 1);
		script_mark(zc_STCharacters, 2);
		script_ready = 1;
	}
	return script_map[cp / 4] >> (cp % 4 * 2) & 3;
}
