#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "utf8.h"
#include "wl.h"
#include "zhfold.h"

enum { BITS_ONE, BITS_FC, BITS_LC, BITS_F2, BITS_L2, NBITS };

void
te_wlb_init(struct te_wlb *b)
{
	memset(b, 0, sizeof(*b));
}

void
te_wlb_free(struct te_wlb *b)
{
	free(b->pool);
	free(b->ent);
	free(b->tabs);
	free(b->bits);
	te_wlb_init(b);
}

long
te_wlb_add(struct te_wlb *b, const char *s, size_t n, int tag, uint32_t aux)
{
	size_t pos = 0, start = b->npool, len;

	while (pos < n) {
		uint32_t c = zh_fold(utf8_next(s, n, &pos));
		if (b->npool == b->cpool) {
			b->cpool = b->cpool ? 2 * b->cpool : 1024;
			b->pool = xrealloc(b->pool, b->cpool * sizeof(*b->pool));
		}
		b->pool[b->npool++] = c;
	}
	len = b->npool - start;
	if (len == 0 || len > 255) {
		b->npool = start;
		return -1;
	}
	if (b->nent == b->cent) {
		b->cent = b->cent ? 2 * b->cent : 256;
		b->ent = xrealloc(b->ent, b->cent * sizeof(*b->ent));
	}
	b->ent[b->nent] = (struct te_wle){ (uint32_t)start, (uint16_t)len, (uint16_t)tag, aux };
	return (long)b->nent++;
}

void
te_wlb_add_words(struct te_wlb *b, const char *words, int tag)
{
	const char *p = words;

	while (*p) {
		size_t n = strcspn(p, " \n\t");
		if (n)
			te_wlb_add(b, p, n, tag, 0);
		p += n;
		p += strspn(p, " \n\t");
	}
}

static void
set_bit(uint8_t *bits, uint32_t c)
{
	bits[c >> 3] |= (uint8_t)(1u << (c & 7));
}

static void
add_len(uint32_t *tab, size_t mask, unsigned h, uint16_t bit)
{
	size_t i = h & mask;

	while (tab[i] && tab[i] >> 16 != h)
		i = (i + 1) & mask;
	tab[i] |= ((uint32_t)h << 16) | bit;
}

void
te_wlb_build(struct te_wlb *b)
{
	struct te_wl *w = &b->wl;
	size_t size = 64;

	while (size < 2 * b->nent + 2)
		size *= 2;
	free(b->tabs);
	free(b->bits);
	b->tabs = xcalloc(3 * size, sizeof(*b->tabs));
	b->bits = xcalloc(NBITS, 8192);
	uint32_t *slot = b->tabs, *first2 = slot + size, *last2 = first2 + size;
	uint8_t *bits[NBITS];
	for (int i = 0; i < NBITS; i++)
		bits[i] = b->bits + 8192 * (size_t)i;
	memset(w, 0, sizeof(*w));
	for (size_t i = 0; i < b->nent; i++) {
		const struct te_wle *e = &b->ent[i];
		const uint32_t *k = b->pool + e->off;
		size_t h = (size_t)te_wl_hash(k, e->len) & (size - 1);
		while (slot[h])
			h = (h + 1) & (size - 1);
		slot[h] = (uint32_t)i + 1;
		if (e->len > w->maxlen)
			w->maxlen = e->len;
		if (k[0] < 65536)
			set_bit(bits[BITS_FC], k[0]);
		if (k[e->len - 1] < 65536)
			set_bit(bits[BITS_LC], k[e->len - 1]);
		if (e->len == 1) {
			if (k[0] < 65536)
				set_bit(bits[BITS_ONE], k[0]);
			else
				w->has_one_astral = 1;
			continue;
		}
		unsigned f = te_wl_bi(k[0], k[1]), l = te_wl_bi(k[e->len - 2], k[e->len - 1]);
		uint16_t bit = (uint16_t)(e->len >= 15 ? 0x8000u : 1u << e->len);
		add_len(first2, size - 1, f, bit);
		add_len(last2, size - 1, l, bit);
		set_bit(bits[BITS_F2], f);
		set_bit(bits[BITS_L2], l);
	}
	w->pool = b->pool;
	w->ent = b->ent;
	w->slot = slot;
	w->first2 = first2;
	w->last2 = last2;
	w->one = bits[BITS_ONE];
	w->fc = bits[BITS_FC];
	w->lc = bits[BITS_LC];
	w->f2 = bits[BITS_F2];
	w->l2 = bits[BITS_L2];
	w->nent = (uint32_t)b->nent;
	w->mask = (uint32_t)(size - 1);
}

long
te_wl_next(const struct te_wl *w, const uint32_t *k, size_t n, size_t *it)
{
	size_t h;

	if (!w->slot)
		return -1;
	if (*it == 0)
		h = (size_t)te_wl_hash(k, n) & w->mask;
	else
		h = (*it) & w->mask;
	while (w->slot[h]) {
		size_t i = w->slot[h] - 1;
		const struct te_wle *e = &w->ent[i];
		h = (h + 1) & w->mask;
		if (e->len == n && memcmp(w->pool + e->off, k, n * sizeof(*k)) == 0) {
			*it = h | ((size_t)w->mask + 1);        /* nonzero even when h wraps to 0 */
			return (long)i;
		}
	}
	*it = 0;
	return -1;
}

static int
has_one(const struct te_wl *w, uint32_t c)
{
	if (c < 65536)
		return w->one[c >> 3] & (1u << (c & 7));
	return (int)w->has_one_astral;
}

size_t
te_wl_at_slow(const struct te_wl *w, const uint32_t *k, size_t i, size_t n, long *ent)
{
	size_t max = 0, it;
	long e;

	if (!w->slot || i >= n)
		return 0;
	uint16_t mask = i + 1 < n && te_wl_bit(w->f2, te_wl_bi(k[i], k[i + 1])) ?
		te_wl_lens(w, w->first2, te_wl_bi(k[i], k[i + 1])) : 0;
	max = w->maxlen < n - i ? w->maxlen : n - i;
	for (size_t len = te_wl_mask_next(mask, max + 1, max); len >= 2;
	    len = te_wl_mask_next(mask, len, max)) {
		it = 0;
		if ((e = te_wl_next(w, k + i, len, &it)) >= 0) {
			*ent = e;
			return len;
		}
	}
	if (has_one(w, k[i])) {
		it = 0;
		if ((e = te_wl_next(w, k + i, 1, &it)) >= 0) {
			*ent = e;
			return 1;
		}
	}
	return 0;
}

size_t
te_wl_end_slow(const struct te_wl *w, const uint32_t *k, size_t lo, size_t e, long *ent)
{
	size_t max = 0, it;
	long x;

	if (!w->slot || e <= lo)
		return 0;
	uint16_t mask = e - lo >= 2 && te_wl_bit(w->l2, te_wl_bi(k[e - 2], k[e - 1])) ?
		te_wl_lens(w, w->last2, te_wl_bi(k[e - 2], k[e - 1])) : 0;
	max = w->maxlen < e - lo ? w->maxlen : e - lo;
	for (size_t len = te_wl_mask_next(mask, max + 1, max); len >= 2;
	    len = te_wl_mask_next(mask, len, max)) {
		it = 0;
		if ((x = te_wl_next(w, k + e - len, len, &it)) >= 0) {
			*ent = x;
			return len;
		}
	}
	if (has_one(w, k[e - 1])) {
		it = 0;
		if ((x = te_wl_next(w, k + e - 1, 1, &it)) >= 0) {
			*ent = x;
			return 1;
		}
	}
	return 0;
}
