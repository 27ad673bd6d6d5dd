/*
 * wl: sets of short code-point strings (word lists, gazetteers, user
 * dictionaries) keyed by their script-folded form, with the lookups the
 * tagger needs at every position of a text: the longest entry starting
 * at i, the longest ending at e, and all entries equal to a key.
 *
 * Most text positions start or end no entry, so bitmaps indexed by a
 * hash of the first (or last) two characters say "nothing here" in one
 * load; only then a table gives the lengths of the entries that may be
 * there, and only those lengths are probed.
 *
 * The built-in lists are const images made at build time by
 * data/gen-entity-tables.py; a user dictionary is built at run time by
 * te_wlb, the same way, so both are read by the same code.
 */
#ifndef TE_WL_H
#define TE_WL_H

#include <stddef.h>
#include <stdint.h>

struct te_wle {
	uint32_t off;           /* key in pool */
	uint16_t len;           /* key length in code points */
	uint16_t tag;
	uint32_t aux;
};

struct te_wl {
	const uint32_t *pool;
	const struct te_wle *ent;
	const uint32_t *slot;           /* entry index + 1, open addressing */
	/* Lengths by bigram hash h: entries h << 16 | bits (bit L for
	 * length L, 2..14, bit 15 for 15+), open addressing from h. */
	const uint32_t *first2, *last2;
	const uint8_t *one;             /* single-character keys (BMP) */
	const uint8_t *fc, *lc;         /* first / last characters (BMP) */
	const uint8_t *f2, *l2;         /* bigram hashes in first2 / last2,
					 * as bits: small enough for L1 */
	uint32_t nent, mask;            /* mask + 1 slots in each table */
	uint32_t maxlen, has_one_astral;
};

/* A list built at run time: owns the arrays its view wl points into. */
struct te_wlb {
	struct te_wl wl;
	uint32_t *pool;
	size_t npool, cpool;
	struct te_wle *ent;
	size_t nent, cent;
	uint32_t *tabs;                 /* slot, first2, last2 */
	uint8_t *bits;                  /* one, fc, lc, f2, l2 */
};

void te_wlb_init(struct te_wlb *b);
void te_wlb_free(struct te_wlb *b);
/* Adds a UTF-8 word (folded); returns the entry index, or -1 if empty
 * or longer than 255 code points. */
long te_wlb_add(struct te_wlb *b, const char *s, size_t n, int tag, uint32_t aux);
/* Adds space-separated words, all with tag. */
void te_wlb_add_words(struct te_wlb *b, const char *words, int tag);
/* Makes b->wl the list of the words added so far. */
void te_wlb_build(struct te_wlb *b);

static inline unsigned te_wl_bi(uint32_t a, uint32_t b)
{
	return (unsigned)(((a * 2654435761u) ^ (b * 40503u)) >> 8) & 0xffffu;
}

static inline int te_wl_bit(const uint8_t *bits, unsigned h)
{
	return bits[h >> 3] & (1u << (h & 7));
}

/* The lengths of the entries whose first (last) bigram hashes to h. */
static inline uint16_t te_wl_lens(const struct te_wl *w, const uint32_t *tab, unsigned h)
{
	for (uint32_t i = h & w->mask;; i = (i + 1) & w->mask) {
		uint32_t v = tab[i];
		if (v == 0)
			return 0;
		if (v >> 16 == h)
			return (uint16_t)v;
	}
}

/* Next length to probe below len (longest first) for a bigram mask,
 * never above maxlen; 0 when none is left. */
static inline size_t te_wl_mask_next(uint16_t mask, size_t len, size_t maxlen)
{
	if (len > 15 && (mask & 0x8000)) {
		size_t c = len - 1 < maxlen ? len - 1 : maxlen;
		if (c >= 15)
			return c;
	}
	/* Lengths 2..14 below len: the highest bit left. */
	unsigned m = mask & ((1u << (len < 15 ? len : 15)) - 1) & ~3u;
	return m ? (size_t)(31 - __builtin_clz(m)) : 0;
}

/* Iterates entries whose key equals k[0..n): start with *it = 0;
 * returns an entry index or -1 at the end. */
long te_wl_next(const struct te_wl *w, const uint32_t *k, size_t n, size_t *it);
size_t te_wl_at_slow(const struct te_wl *w, const uint32_t *k, size_t i, size_t n, long *ent);
size_t te_wl_end_slow(const struct te_wl *w, const uint32_t *k, size_t lo, size_t e, long *ent);

/* Whether c is (or, beyond the BMP, may be) a first / last character. */
static inline int te_wl_first(const struct te_wl *w, uint32_t c)
{
	return c >= 65536 || (w->fc[c >> 3] & (1u << (c & 7)));
}
static inline int te_wl_last(const struct te_wl *w, uint32_t c)
{
	return c >= 65536 || (w->lc[c >> 3] & (1u << (c & 7)));
}

/* Longest entry at k[i..), within n; returns its length (0: none).
 * Called at every position, so the common miss is one bit test. */
static inline size_t te_wl_at(const struct te_wl *w, const uint32_t *k, size_t i, size_t n, long *ent)
{
	if (i >= n || !te_wl_first(w, k[i]))
		return 0;
	if (i + 1 < n && !te_wl_bit(w->f2, te_wl_bi(k[i], k[i + 1])) &&
	    (k[i] >= 65536 ? !w->has_one_astral : !(w->one[k[i] >> 3] & (1u << (k[i] & 7)))))
		return 0;
	return te_wl_at_slow(w, k, i, n, ent);
}
/* Longest entry ending at k[e-1], starting at or after lo. */
static inline size_t te_wl_end(const struct te_wl *w, const uint32_t *k, size_t lo, size_t e, long *ent)
{
	if (e <= lo || !te_wl_last(w, k[e - 1]))
		return 0;
	if (e - lo >= 2 && !te_wl_bit(w->l2, te_wl_bi(k[e - 2], k[e - 1])) &&
	    (k[e - 1] >= 65536 ? !w->has_one_astral : !(w->one[k[e - 1] >> 3] & (1u << (k[e - 1] & 7)))))
		return 0;
	return te_wl_end_slow(w, k, lo, e, ent);
}
/* Whether k[0..n) is an entry. */
static inline int te_wl_has(const struct te_wl *w, const uint32_t *k, size_t n)
{
	size_t it = 0;
	return te_wl_next(w, k, n, &it) >= 0;
}

static inline uint64_t te_wl_hash(const uint32_t *k, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ k[i]) * 1099511628211ull;
	return h ^ (h >> 29);
}

#endif
