/*
 * wl: sets of short code-point strings (word lists, gazetteers, user
 * dictionaries) keyed by their script-folded form, with the lookups the
 * tagger needs at every position of a text: the longest entry starting
 * at i, the longest ending at e, and all entries equal to a key.
 *
 * Most text positions start or end no entry, so a table indexed by a
 * hash of the first (or last) two characters gives the lengths of the
 * entries that may be there; zero means "nothing here" in one load, and
 * only those lengths are probed otherwise.
 */
#ifndef TAG_WL_H
#define TAG_WL_H

#include <stddef.h>
#include <stdint.h>

struct wle {
	uint32_t off;           /* key in pool */
	uint16_t len;           /* key length in code points */
	uint16_t tag;
	uint32_t aux;
};

struct wl {
	uint32_t *pool;
	size_t npool, cpool;
	struct wle *ent;
	size_t nent, cent;
	uint32_t *slot;         /* entry index + 1, open addressing */
	size_t mask;
	uint16_t *first2, *last2;       /* lengths by bigram hash: bit L for
					 * length L (2..14), bit 15 for 15+ */
	uint8_t one[8192];              /* single-character keys (BMP) */
	uint8_t fc[8192], lc[8192];     /* first / last characters (BMP) */
	uint8_t f2[8192], l2[8192];     /* first2 / last2 nonzero, as bits:
					 * small enough to stay in L1 */
	int has_one_astral;
	size_t maxlen;
};

void wl_init(struct wl *w);
void wl_free(struct wl *w);
/* Adds a UTF-8 word (folded); returns the entry index, or -1 if empty
 * or longer than 255 code points. */
long wl_add(struct wl *w, const char *s, size_t n, int tag, uint32_t aux);
/* Adds space-separated words, all with tag. */
void wl_add_words(struct wl *w, const char *words, int tag);
void wl_build(struct wl *w);

/* Next length to probe below len (longest first) for a bigram mask,
 * never above maxlen; 0 when none is left. */
static inline size_t wl_mask_next(uint16_t mask, size_t len, size_t maxlen)
{
	while (len > 2) {
		len--;
		if (len >= 15 ? (mask & 0x8000) && len <= maxlen : (mask >> len) & 1)
			return len;
	}
	return 0;
}

/* Iterates entries whose key equals k[0..n): start with *it = 0;
 * returns an entry index or -1 at the end. */
long wl_next(const struct wl *w, const uint32_t *k, size_t n, size_t *it);
size_t wl_at_slow(const struct wl *w, const uint32_t *k, size_t i, size_t n, long *ent);
size_t wl_end_slow(const struct wl *w, const uint32_t *k, size_t lo, size_t e, long *ent);

static inline unsigned wl_bi(uint32_t a, uint32_t b)
{
	return (unsigned)(((a * 2654435761u) ^ (b * 40503u)) >> 8) & 0xffffu;
}

static inline int wl_bit(const uint8_t *bits, unsigned h)
{
	return bits[h >> 3] & (1u << (h & 7));
}

/* Whether c is (or, beyond the BMP, may be) a first / last character. */
static inline int wl_first(const struct wl *w, uint32_t c)
{
	return c >= 65536 || (w->fc[c >> 3] & (1u << (c & 7)));
}
static inline int wl_last(const struct wl *w, uint32_t c)
{
	return c >= 65536 || (w->lc[c >> 3] & (1u << (c & 7)));
}

/* Longest entry at k[i..), within n; returns its length (0: none).
 * Called at every position, so the common miss is one bit test. */
static inline size_t wl_at(const struct wl *w, const uint32_t *k, size_t i, size_t n, long *ent)
{
	if (i >= n || !wl_first(w, k[i]))
		return 0;
	if (i + 1 < n && !wl_bit(w->f2, wl_bi(k[i], k[i + 1])) &&
	    (k[i] >= 65536 ? !w->has_one_astral : !(w->one[k[i] >> 3] & (1u << (k[i] & 7)))))
		return 0;
	return wl_at_slow(w, k, i, n, ent);
}
/* Longest entry ending at k[e-1], starting at or after lo. */
static inline size_t wl_end(const struct wl *w, const uint32_t *k, size_t lo, size_t e, long *ent)
{
	if (e <= lo || !wl_last(w, k[e - 1]))
		return 0;
	if (e - lo >= 2 && !wl_bit(w->l2, wl_bi(k[e - 2], k[e - 1])) &&
	    (k[e - 1] >= 65536 ? !w->has_one_astral : !(w->one[k[e - 1] >> 3] & (1u << (k[e - 1] & 7)))))
		return 0;
	return wl_end_slow(w, k, lo, e, ent);
}

static inline uint64_t wl_hash(const uint32_t *k, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ k[i]) * 1099511628211ull;
	return h ^ (h >> 29);
}


#endif
