#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "utf8.h"
#include "zhconv.h"
#include "zhconv_index.h"

#include "../../data/zhconv_tables.inc"
/* Made at build time from the tables above by data/gen-zhconv-index.c. */
#include "zhconv_index.inc"

/*
 * Each dictionary is an open-addressing hash of its keys and of every
 * proper prefix of its keys, so a longest-match walk stops at the first
 * character that no key continues with: usually after one or two probes.
 */
struct zhconv {
	const struct zc_index *ix;
	struct buf tmp[2];
};

/* The code point at s[i] (the text is valid UTF-8) and its length. */
static inline uint32_t
cp_at(const char *s, size_t i, size_t n, size_t *cl)
{
	size_t j = i;
	uint32_t cp = utf8_next_fast(s, n, &j);

	*cl = j - i;
	return cp;
}

static const struct zc_ent *
slot(const struct zc_dict *d, uint32_t h, const char *k, size_t klen)
{
	uint32_t i = h & d->mask;

	for (;; i = (i + 1) & d->mask) {
		const struct zc_ent *e = &d->tab[i];

		if (e->klen == 0)
			return e;
		if (e->h == h && e->klen == klen &&
		    memcmp(d->blob + e->koff, k, klen) == 0)
			return e;
	}
}

static inline int
pair_maybe(const struct zc_index *ix, uint32_t a, uint32_t b)
{
	uint32_t h = zc_pair_hash(a, b);

	return ix->pairs[h >> 3] >> (h & 7) & 1;
}

/*
 * The cheapest test for a character that is not simple: when neither it
 * and the next character, nor their stage-1 results, begin any longer
 * key, each stage acts on it alone.  Returns the result, or 0.
 */
static uint32_t
alone_here(const struct zc_index *ix, const char *s, size_t i, size_t n, size_t cl,
    uint32_t cp)
{
	uint32_t x = 0, x1, v1, v2;

	if (cp >= 0x10000 || ix->nstage != 2)
		return 0;
	if (i + cl < n) {
		size_t l;

		x = cp_at(s, i + cl, n, &l);
		if (x >= 0x10000 || pair_maybe(ix, cp, x))
			return 0;
	}
	v1 = ix->single[0][cp] ? ix->single[0][cp] : cp;
	if (v1 == 0xFFFF)
		return 0;
	if (x) {
		/* Stage 1 sees the next character as stage 0 leaves it. */
		if (!(ix->first[x] & ix->stagebits[0]))
			x1 = x;
		else if (ix->fast[0][x])
			x1 = ix->fast[0][x];
		else
			return 0;
		if (pair_maybe(ix, v1, x1))
			return 0;
	}
	v2 = ix->single[1][v1] ? ix->single[1][v1] : v1;
	return v2 == 0xFFFF ? 0 : v2;
}

struct zhconv *
zhconv_new(enum zc_dir dir)
{
	struct zhconv *zc = xcalloc(1, sizeof *zc);

	zc->ix = dir == ZC_TO_SIMPLIFIED ? &zc_index_t2s : &zc_index_s2t;
	return zc;
}

void
zhconv_free(struct zhconv *zc)
{
	if (!zc)
		return;
	buf_free(&zc->tmp[0]);
	buf_free(&zc->tmp[1]);
	free(zc);
}

static inline unsigned
first_bits(const struct zc_index *ix, uint32_t cp)
{
	return cp < 0x10000 ? ix->first[cp] : 0xFFu;
}

/* Longest key of d that starts s[pos..n); its length in *mlen. */
static const struct zc_ent *
longest(const struct zc_dict *d, const char *s, size_t pos, size_t n, size_t *mlen)
{
	const struct zc_ent *best = NULL;
	uint32_t h = ZC_FNV_INIT;
	size_t i = pos;

	while (i < n) {
		size_t j = i;
		const struct zc_ent *e;

		utf8_next_fast(s, n, &j);
		for (; i < j; i++)
			h = ZC_FNV_STEP(h, (unsigned char)s[i]);
		e = slot(d, h, s + pos, i - pos);
		if (e->klen == 0)
			break;
		if (e->flags & ZC_E_KEY) {
			best = e;
			*mlen = i - pos;
		}
		if (!(e->flags & ZC_E_PFX))
			break;
	}
	return best;
}

/* One conversion stage over a segment.  Returns 0 without touching out
 * when nothing matched, so unchanged segments are never copied. */
static int
stage_apply(struct zhconv *zc, int st, const char *s, size_t n, struct buf *out)
{
	const struct zc_index *ix = zc->ix;
	const int *dl = ix->stage[st];
	unsigned bits = ix->stagebits[st];
	size_t i = 0, from = 0;
	int any = 0;

	while (i < n) {
		size_t cl, mlen = 0;
		uint32_t cp = cp_at(s, i, n, &cl);
		unsigned fb = first_bits(ix, cp) & bits;
		const struct zc_ent *e = NULL;
		const struct zc_dict *d = NULL;

		if (!fb) {
			i += cl;
			continue;
		}
		if (cp < 0x10000 && ix->fast[st][cp]) {
			uint32_t v = ix->fast[st][cp];

			if (v != cp) {
				size_t span = i - from;
				char *o;

				if (!any) {
					buf_clear(out);
					any = 1;
				}
				buf_grow(out, span + 8);
				o = out->s + out->len;
				/* Spans between replaced characters are short:
				 * a loop beats a call to memcpy. */
				for (size_t k = 0; k < span; k++)
					o[k] = s[from + k];
				o += span;
				o += utf8_encode(v, o);
				out->len = (size_t)(o - out->s);
				from = i + cl;
			}
			i += cl;
			continue;
		}
		for (int k = 0; dl[k] >= 0; k++) {
			if (!(fb & (1u << dl[k])))
				continue;
			d = &ix->d[dl[k]];
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
		size_t ca, cb;
		int d = cp_at(a, i, an, &ca) != cp_at(b, j, bn, &cb);

		diff += (size_t)d;
		i += ca;
		j += cb;
	}
	while (i < an) {
		utf8_next_fast(a, an, &i);
		diff++;
	}
	return diff;
}

static size_t
chain(struct zhconv *zc, const char *s, size_t n, struct buf *out)
{
	const char *cur = s;
	size_t len = n;
	int t = 0;

	for (int st = 0; st < zc->ix->nstage; st++) {
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
	const struct zc_index *ix = zc->ix;
	const struct zc_dict *seg = &ix->d[ix->seg];
	unsigned segbit = 1u << ix->seg;
	size_t i = 0, run = 0, changed = 0;

	while (i < n) {
		size_t cl, mlen = 0;
		uint32_t cp = cp_at(s, i, n, &cl);

		if ((first_bits(ix, cp) & segbit) && longest(seg, s, i, n, &mlen)) {
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

/* The value of a key that is one BMP character of at most three bytes,
 * else 0. */
static uint32_t
one_char_value(const struct zc_dict *d, const struct zc_ent *e)
{
	size_t l;
	uint32_t v;

	if (e->vlen == 0 || e->vlen > 3)
		return 0;
	v = cp_at(d->blob, e->voff, e->voff + e->vlen, &l);
	return l == e->vlen ? v : 0;
}

/* Result of stage st at s[i..n) when its match there is one character,
 * else 0 (the caller must take the full path). */
static uint32_t
single_at(const struct zc_index *ix, int st, const char *s, size_t i, size_t n,
    size_t cl, uint32_t cp)
{
	unsigned fb = first_bits(ix, cp) & ix->stagebits[st];
	size_t mlen = 0;

	if (!fb)
		return cp;
	if (cp < 0x10000 && ix->fast[st][cp])
		return ix->fast[st][cp];
	for (int k = 0; ix->stage[st][k] >= 0; k++) {
		const struct zc_dict *d = &ix->d[ix->stage[st][k]];
		const struct zc_ent *e;
		uint32_t v;

		if (!(fb & (1u << ix->stage[st][k])))
			continue;
		if ((e = longest(d, s, i, n, &mlen)) == NULL)
			continue;
		if (mlen != cl || (v = one_char_value(d, e)) == 0)
			return 0;
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
simple_here(const struct zc_index *ix, const char *s, size_t i, size_t n, size_t cl,
    uint32_t cp)
{
	size_t mlen, j, end;
	uint32_t v1, v2;
	char tmp[4 + 256];
	int tl;

	if (cp >= 0x10000 || ix->nstage != 2)
		return 0;
	if ((ix->first[cp] & (1u << ix->seg)) && longest(&ix->d[ix->seg], s, i, n, &mlen))
		return 0;
	if ((v1 = single_at(ix, 0, s, i, n, cl, cp)) == 0 || v1 >= 0x10000)
		return 0;
	if (!(ix->first[v1] & ix->stagebits[1]))
		return v1;
	if (ix->fast[1][v1])
		return ix->fast[1][v1];
	/* Stage 2 on v1 followed by the next characters, which must come
	 * out of stage 1 unchanged. */
	if (ix->reach[v1] == 0 || ix->reach[v1] * 4u > sizeof tmp - 4)
		return 0;
	tl = utf8_encode(v1, tmp);
	/* reach[v1] bounds the stage-2 keys starting with v1. */
	end = i + cl + ix->reach[v1] * 4u;
	if (end > n)
		end = n;
	for (j = i + cl; j < end; ) {
		size_t l;
		uint32_t x = cp_at(s, j, n, &l);

		if (j + l > end)
			break;
		if (first_bits(ix, x) & ix->stagebits[0])
			return 0;
		memcpy(tmp + tl, s + j, l);
		tl += (int)l;
		j += l;
	}
	v2 = single_at(ix, 1, tmp, 0, (size_t)tl, (size_t)utf8_encode(v1, tmp), v1);
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
	const struct zc_index *ix = zc->ix;
	size_t i = 0, changed = 0;
	char *o;

	buf_grow(out, 2 * n + 16);
	o = out->s + out->len;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t cl, j, left;
		uint32_t cp, v;

		if (c < 0x80 && ix->comp[c] == c) {
			*o++ = (char)c;
			i++;
			continue;
		}
		cp = cp_at(s, i, n, &cl);
		/* Most text is three-byte characters: the shortest path. */
		if (cl == 3 && (v = ix->comp[cp]) >= 0x800) {
			if (v == cp) {
				o[0] = (char)c;
				o[1] = s[i + 1];
				o[2] = s[i + 2];
			} else {
				o[0] = (char)(0xE0 | (v >> 12));
				o[1] = (char)(0x80 | ((v >> 6) & 0x3F));
				o[2] = (char)(0x80 | (v & 0x3F));
				changed++;
			}
			o += 3;
			i += 3;
			continue;
		}
		if ((cp < 0x10000 && (v = ix->comp[cp]) != 0) ||
		    (v = alone_here(ix, s, i, n, cl, cp)) != 0 ||
		    (v = simple_here(ix, s, i, n, cl, cp)) != 0) {
			if (v == cp) {
				for (size_t k = 0; k < cl; k++)
					o[k] = s[i + k];
				o += cl;
			} else {
				o += utf8_encode(v, o);
				changed++;
			}
			i += cl;
			continue;
		}
		/* A region: find where nothing started in it reaches. */
		left = 0;
		for (j = i; j < n; left--) {
			size_t l;
			uint32_t x = cp_at(s, j, n, &l);
			unsigned r;

			r = x < 0x10000 ? (ix->comp[x] ? 0 : ix->reach[x]) : ix->maxreach;
			if (r > left)
				left = r;
			if (left == 0)
				break;
			j += l;
		}
		out->len = (size_t)(o - out->s);
		changed += general(zc, s + i, j - i, out);
		buf_grow(out, 2 * (n - j) + 16);
		o = out->s + out->len;
		i = j;
	}
	out->len = (size_t)(o - out->s);
	out->s[out->len] = '\0';
	return changed;
}

int
zhconv_script_of(unsigned cp)
{
	if (cp < 0x3400 || cp >= 0x10000)
		return 0;
	return zc_script_map[cp / 4] >> (cp % 4 * 2) & 3;
}
