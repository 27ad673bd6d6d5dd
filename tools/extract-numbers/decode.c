#include <stdint.h>
#include <stdlib.h>

#include "cli.h"
#include "decode.h"
#include "scanner.h"
#include "zhfold.h"

/* Characters where a quantity may start — digits, the folded Chinese
 * numerals, and the first characters of 半年, 今年, 年底 and the other
 * relative words; all others are skipped with one bitmap test, which is
 * most of the text.  ○ starts none: alone it is a bullet, and 二○二四 is
 * read from its first digit.  (tests/unit/extract-numbers_props.c checks
 * that the numerals here are all the folded ones zhnum_is_numeral()
 * knows.) */
static const char start_chars[] =
    "0123456789〇零一壹二两贰三叁四肆五伍六陆七柒八捌九玖"
    "十拾百佰千仟万亿廿半今去上本明前下年";
static uint8_t starts[0x10000 / 8];

void
xn_decode_init(void)
{
	size_t pos = 0;

	if (starts['0' >> 3])
		return;
	while (pos < sizeof start_chars - 1) {
		uint32_t c = utf8_next(start_chars, sizeof start_chars - 1, &pos);

		starts[c >> 3] |= (uint8_t)(1u << (c & 7));
	}
}

bool
xn_may_start(uint32_t c)
{
	return c >= 0x10000 || (starts[c >> 3] >> (c & 7)) & 1;
}

void
xn_decode(struct xn *x, const char *s, size_t len)
{
	uint32_t *f, *off, *cand;
	size_t pos = 0, k = 0, nc = 0;

	if (len + 1 > x->cap) {
		x->cap = len + 64;
		x->f = xrealloc(x->f, x->cap * sizeof *x->f);
		x->off = xrealloc(x->off, x->cap * sizeof *x->off);
		x->cand = xrealloc(x->cand, x->cap * sizeof *x->cand);
	}
	/* Locals, so that the loop keeps them in registers across the
	 * decoder's calls. */
	f = x->f;
	off = x->off;
	cand = x->cand;
	while (pos < len) {
		uint32_t c;

		off[k] = (uint32_t)pos;
		c = zh_fold(utf8_next_fast(s, len, &pos));
		if (c == 0x9980)
			c = 0x4F59;     /* 馀, the other traditional 余 */
		cand[nc] = (uint32_t)k;
		nc += xn_may_start(c);
		f[k++] = c;
	}
	off[k] = (uint32_t)pos;
	x->n = k;
	x->ncand = nc;
}
