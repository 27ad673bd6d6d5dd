#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "utf8.h"
#include "wl.h"
#include "tag.h"
#include "zhfold.h"

void
wl_init(struct wl *w)
{
	memset(w, 0, sizeof(*w));
}

void
wl_free(struct wl *w)
{
	free(w->pool);
	free(w->ent);
	free(w->slot);
	free(w->first2);
	free(w->last2);
	wl_init(w);
}

long
wl_add(struct wl *w, const char *s, size_t n, int tag, uint32_t aux)
{
	size_t pos = 0, start = w->npool, len;

	while (pos < n) {
		uint32_t c = zh_fold(utf8_next(s, n, &pos));
		if (w->npool == w->cpool) {
			w->cpool = w->cpool ? 2 * w->cpool : 1024;
			w->pool = xrealloc(w->pool, w->cpool * sizeof(*w->pool));
		}
		w->pool[w->npool++] = c;
	}
	len = w->npool - start;
	if (len == 0 || len > 255) {
		w->npool = start;
		return -1;
	}
	if (w->nent == w->cent) {
		w->cent = w->cent ? 2 * w->cent : 256;
		w->ent = xrealloc(w->ent, w->cent * sizeof(*w->ent));
	}
	w->ent[w->nent] = (struct wle){ (uint32_t)start, (uint16_t)len, (uint16_t)tag, aux };
	return (long)w->nent++;
}

void
wl_add_words(struct wl *w, const char *words, int tag)
{
	const char *p = words;

	while (*p) {
		size_t n = strcspn(p, " \n\t");
		if (n)
			wl_add(w, p, n, tag, 0);
		p += n;
		p += strspn(p, " \n\t");
	}
}

void
wl_build(struct wl *w)
{
	size_t size = 64;

	while (size < 2 * w->nent + 2)
		size *= 2;
	free(w->slot);
	w->slot = xcalloc(size, sizeof(*w->slot));
	w->mask = size - 1;
	if (!w->first2) {
		w->first2 = xmalloc(65536 * sizeof(*w->first2));
		w->last2 = xmalloc(65536 * sizeof(*w->last2));
	}
	memset(w->first2, 0, 65536 * sizeof(*w->first2));
	memset(w->last2, 0, 65536 * sizeof(*w->last2));
	memset(w->one, 0, sizeof(w->one));
	memset(w->fc, 0, sizeof(w->fc));
	memset(w->lc, 0, sizeof(w->lc));
	memset(w->f2, 0, sizeof(w->f2));
	memset(w->l2, 0, sizeof(w->l2));
	w->maxlen = 0;
	for (size_t i = 0; i < w->nent; i++) {
		const struct wle *e = &w->ent[i];
		const uint32_t *k = w->pool + e->off;
		size_t h = (size_t)wl_hash(k, e->len) & w->mask;
		while (w->slot[h])
			h = (h + 1) & w->mask;
		w->slot[h] = (uint32_t)i + 1;
		if (e->len > w->maxlen)
			w->maxlen = e->len;
		if (k[0] < 65536)
			w->fc[k[0] >> 3] |= (uint8_t)(1u << (k[0] & 7));
		if (k[e->len - 1] < 65536)
			w->lc[k[e->len - 1] >> 3] |= (uint8_t)(1u << (k[e->len - 1] & 7));
		if (e->len == 1) {
			if (k[0] < 65536)
				w->one[k[0] >> 3] |= (uint8_t)(1u << (k[0] & 7));
			else
				w->has_one_astral = 1;
			continue;
		}
		unsigned f = wl_bi(k[0], k[1]), l = wl_bi(k[e->len - 2], k[e->len - 1]);
		uint16_t bit = (uint16_t)(e->len >= 15 ? 0x8000u : 1u << e->len);
		w->first2[f] |= bit;
		w->last2[l] |= bit;
		w->f2[f >> 3] |= (uint8_t)(1u << (f & 7));
		w->l2[l >> 3] |= (uint8_t)(1u << (l & 7));
	}
}

long
wl_next(const struct wl *w, const uint32_t *k, size_t n, size_t *it)
{
	size_t h;

	if (!w->slot)
		return -1;
	if (*it == 0)
		h = (size_t)wl_hash(k, n) & w->mask;
	else
		h = (*it) & w->mask;
	while (w->slot[h]) {
		size_t i = w->slot[h] - 1;
		const struct wle *e = &w->ent[i];
		h = (h + 1) & w->mask;
		if (e->len == n && memcmp(w->pool + e->off, k, n * sizeof(*k)) == 0) {
			*it = h | (w->mask + 1);        /* nonzero even when h wraps to 0 */
			return (long)i;
		}
	}
	*it = 0;
	return -1;
}

static int
has_one(const struct wl *w, uint32_t c)
{
	if (c < 65536)
		return w->one[c >> 3] & (1u << (c & 7));
	return w->has_one_astral;
}

size_t
wl_at_slow(const struct wl *w, const uint32_t *k, size_t i, size_t n, long *ent)
{
	size_t max = 0, it;
	long e;

	if (!w->slot || i >= n)
		return 0;
	uint16_t mask = i + 1 < n ? w->first2[wl_bi(k[i], k[i + 1])] : 0;
	max = w->maxlen < n - i ? w->maxlen : n - i;
	for (size_t len = wl_mask_next(mask, max + 1, max); len >= 2;
	    len = wl_mask_next(mask, len, max)) {
		it = 0;
		if ((e = wl_next(w, k + i, len, &it)) >= 0) {
			*ent = e;
			return len;
		}
	}
	if (has_one(w, k[i])) {
		it = 0;
		if ((e = wl_next(w, k + i, 1, &it)) >= 0) {
			*ent = e;
			return 1;
		}
	}
	return 0;
}

size_t
wl_end_slow(const struct wl *w, const uint32_t *k, size_t lo, size_t e, long *ent)
{
	size_t max = 0, it;
	long x;

	if (!w->slot || e <= lo)
		return 0;
	uint16_t mask = e - lo >= 2 ? w->last2[wl_bi(k[e - 2], k[e - 1])] : 0;
	max = w->maxlen < e - lo ? w->maxlen : e - lo;
	for (size_t len = wl_mask_next(mask, max + 1, max); len >= 2;
	    len = wl_mask_next(mask, len, max)) {
		it = 0;
		if ((x = wl_next(w, k + e - len, len, &it)) >= 0) {
			*ent = x;
			return len;
		}
	}
	if (has_one(w, k[e - 1])) {
		it = 0;
		if ((x = wl_next(w, k + e - 1, 1, &it)) >= 0) {
			*ent = x;
			return 1;
		}
	}
	return 0;
}

void
wl_classes(const struct wl *w, uint8_t *cls, int first, uint8_t bit)
{
	for (uint32_t c = 0; c < 65536; c++)
		if (first ? wl_first(w, c) || (w->one[c >> 3] & (1u << (c & 7))) : wl_last(w, c))
			cls[c] |= bit;
}
