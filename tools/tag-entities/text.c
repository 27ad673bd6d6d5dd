#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tables.h"
#include "text.h"
#include "utf8.h"
#include "zhfold.h"

void
te_text_init(struct text *t)
{
	memset(t, 0, sizeof(*t));
	t->clsmap = te_cls;
}

void
te_text_free(struct text *t)
{
	free(t->cp);
	free(t->k);
	free(t->off);
	free(t->cls);
	free(t->cache);
	te_text_init(t);
}

void
te_text_set_classes(struct text *t, const uint8_t *clsmap)
{
	t->clsmap = clsmap;
	if (t->cache)
		memset(t->cache, 0, 65536 * sizeof(*t->cache));
}

bool
te_key_is(const struct text *t, size_t i, const char *w)
{
	const unsigned char *u = (const unsigned char *)w;

	/* Literals are ASCII or three-byte characters (all of CJK). */
	while (*u) {
		uint32_t c;
		if (i >= t->n)
			return false;
		if (u[0] < 0x80) {
			c = *u++;
		} else {
			c = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
			u += 3;
		}
		if (t->k[i++] != c)
			return false;
	}
	return true;
}

bool
te_key_in(const struct text *t, size_t i, const char *chars)
{
	return i < t->n && utf8_contains(chars, t->k[i]);
}

/* zh_fold() looks characters up by binary search; for the BMP, where
 * nearly every character of a report lives, the folded key and its
 * class are cached together on first use: one table, one cache miss at
 * most.  Entry: bit 31 filled, bits 16..23 class, bits 0..15 key; a key
 * beyond the BMP is not cached. */
static inline uint32_t
char_info(struct text *t, uint32_t c)
{
	uint32_t v = t->cache[c];

	if (v)
		return v;
	uint32_t k = c < 0x80 ? c : zh_fold(c);
	if (k >= 65536)
		return 0;
	v = 0x80000000u | ((uint32_t)t->clsmap[k] << 16) | k;
	t->cache[c] = v;
	return v;
}

void
te_text_decode(struct text *t, const char *s, size_t len)
{
	size_t pos = 0, n = 0;

	if (len + 1 > t->cap) {
		t->cap = len + 1 > 2 * t->cap ? len + 1 : 2 * t->cap;
		t->cp = xrealloc(t->cp, t->cap * sizeof(*t->cp));
		t->k = xrealloc(t->k, t->cap * sizeof(*t->k));
		t->off = xrealloc(t->off, t->cap * sizeof(*t->off));
		t->cls = xrealloc(t->cls, t->cap + 8);
	}
	if (!t->cache)
		t->cache = xcalloc(65536, sizeof(*t->cache));
	unsigned rowcls = 0;
	/* Local pointers: stores through cls (a char type) may alias *t, so
	 * the compiler would reload every field after each of them. */
	uint32_t *cpa = t->cp, *ka = t->k;
	size_t *offa = t->off;
	uint8_t *clsa = t->cls;
	const uint8_t *clsmap = t->clsmap;
	while (pos < len) {
		const unsigned char *u = (const unsigned char *)s + pos;
		uint32_t c;
		offa[n] = pos;
		/* Valid ASCII and three-byte sequences (all of CJK) inline;
		 * anything else through the strict decoder. */
		if ((unsigned)(u[0] - 0xE1) < 0x0C && u[0] != 0xED && pos + 2 < len &&
		    ((((unsigned)u[1] << 8) | u[2]) & 0xC0C0) == 0x8080) {
			/* E1..EC, EE, EF with two continuation bytes: never
			 * overlong nor a surrogate (those need E0 or ED).
			 * Tested first: most of a report is CJK. */
			c = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
			pos += 3;
		} else if (u[0] < 0x80) {
			c = u[0];
			pos++;
		} else {
			c = utf8_next(s, len, &pos);
		}
		uint32_t info = c < 65536 ? char_info(t, c) : 0, k;
		uint8_t cl;
		if (info) {
			k = info & 0xFFFF;
			cl = (uint8_t)(info >> 16);
		} else {
			k = zh_fold(c);
			cl = k < 65536 ? clsmap[k] : 0xFF;
		}
		cpa[n] = c;
		ka[n] = k;
		clsa[n] = cl;
		rowcls |= cl;
		n++;
	}
	memset(t->cls + n, 0, 8);
	t->rowcls = rowcls;
	t->off[n] = len;
	t->s = s;
	t->len = len;
	t->n = n;
}
