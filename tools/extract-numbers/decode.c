#include <stdint.h>
#include <stdlib.h>

#include "cli.h"
#include "decode.h"
#include "scanner.h"
#include "zhfold.h"

/* Characters where a quantity may start; all others are skipped with
 * one bitmap test, which is most of the text. */
static uint8_t starts[0x10000 / 8];

static void
starts_init(void)
{
	static const char extra[] = "半今去上本明前下年";
	size_t pos = 0;

	for (uint32_t c = '0'; c <= '9'; c++)
		starts[c >> 3] |= (uint8_t)(1u << (c & 7));
	for (uint32_t c = 0x3000; c < 0xA000; c++)
		if (xn_is_cn_numeral(c))
			starts[c >> 3] |= (uint8_t)(1u << (c & 7));
	while (pos < sizeof extra - 1) {
		uint32_t c = utf8_next(extra, sizeof extra - 1, &pos);

		starts[c >> 3] |= (uint8_t)(1u << (c & 7));
	}
}

/* Folding of the BMP, one load per character in the hot loop.  (The
 * rare folds to astral code points stay unfolded: no key uses them.) */
static uint16_t fold_bmp[0x10000];

static void
foldable_init(void)
{
	for (uint32_t c = 0; c < 0x10000; c++) {
		uint32_t f = zh_fold(c);

		fold_bmp[c] = (uint16_t)(f < 0x10000 ? f : c);
	}
	fold_bmp[0x9980] = 0x4F59;      /* 馀, the other traditional 余 */
}

static inline bool
may_start(uint32_t c)
{
	return c >= 0x10000 || (starts[c >> 3] >> (c & 7)) & 1;
}

/* The same as bytes, for the 3-byte fast path of decode(). */
static uint8_t start_byte[0x10000];

void
xn_decode_init(void)
{
	static int ready;

	if (ready)
		return;
	ready = 1;
	starts_init();
	foldable_init();
	for (uint32_t c = 0; c < 0x10000; c++)
		start_byte[c] = may_start(c);
}

void
xn_decode(struct xn *x, const char *s, size_t len)
{
	size_t pos = 0, k = 0;

	if (len + 1 > x->cap) {
		x->cap = len + 64;
		x->f = xrealloc(x->f, x->cap * sizeof *x->f);
		x->off = xrealloc(x->off, x->cap * sizeof *x->off);
		x->cand = xrealloc(x->cand, x->cap * sizeof *x->cand);
	}
	x->ncand = 0;
	while (pos < len) {
		unsigned char b = (unsigned char)s[pos];
		uint32_t c;

		x->off[k] = (uint32_t)pos;
		if (b < 0x80) {
			c = b;
			pos++;
		} else if ((b & 0xF0) == 0xE0 && pos + 2 < len + 0 &&
		    ((unsigned char)s[pos + 1] & 0xC0) == 0x80 &&
		    ((unsigned char)s[pos + 2] & 0xC0) == 0x80 &&
		    (b != 0xE0 || (unsigned char)s[pos + 1] >= 0xA0) &&
		    (b != 0xED || (unsigned char)s[pos + 1] < 0xA0)) {
			/* The common case, a 3-byte character, inline. */
			c = (uint32_t)(b & 0x0F) << 12 |
			    (uint32_t)((unsigned char)s[pos + 1] & 0x3F) << 6 |
			    ((unsigned char)s[pos + 2] & 0x3F);
			pos += 3;
			c = fold_bmp[c];
			x->cand[x->ncand] = (uint32_t)k;
			x->ncand += start_byte[c];
			x->f[k++] = c;
			continue;
		} else {
			c = utf8_next(s, len, &pos);
			c = c < 0x10000 ? fold_bmp[c] : zh_fold(c);
		}
		x->cand[x->ncand] = (uint32_t)k;
		x->ncand += may_start(c);
		x->f[k++] = c;
	}
	x->off[k] = (uint32_t)pos;
	x->n = k;
}
