/*
 * dbcs: the GB18030 and Big5 (CP950) decoding tables, built from iconv
 * itself the first time a document needs them, so the mapping is iconv's
 * and the speed that of a table lookup (glibc's GB18030 converter runs at
 * about a third of the speed zh-normalize needs).
 */
#ifndef ZN_DBCS_H
#define ZN_DBCS_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

#define DBCS_SIZE (126 * 191)   /* lead 0x81..0xFE, trail 0x40..0xFE */
#define GB4_SIZE (4 * 10 * 126 * 10)    /* four-byte codes 0x81308130..0x8439FE39 */

/* Code points by (lead - 0x81) * 191 + (trail - 0x40), 0 if invalid. */
extern uint32_t *dbcs_gb2, *dbcs_gb4, *dbcs_big5;
/* The double-byte tables again as ready UTF-8, indexed by the two bytes:
 * the bytes from the low end up, the length in the top byte, 0 if the
 * pair is not a valid code. */
extern uint32_t *dbcs_gb2u8, *dbcs_big5u8;

/* Builds the tables of e (GB18030 or Big5) if not yet built. */
void dbcs_need(enum enc e);

/*
 * One unit of GB18030 or Big5 at p[0..n) (p[0] >= 0x80).  Returns the
 * bytes consumed and the code point in *cp (0 for an invalid unit, which
 * consumes one byte), or 0 when the unit may continue past n.
 */
static inline size_t
dbcs_unit(enum enc e, const unsigned char *p, size_t n, int eof, uint32_t *cp)
{
	unsigned l = p[0], r;

	*cp = 0;
	if (l == 0x80 || l == 0xFF)
		return 1;
	if (n < 2)
		return eof ? 1 : 0;
	r = p[1];
	if (r >= 0x40 && r <= 0xFE && r != 0x7F) {
		*cp = (e == ENC_GB18030 ? dbcs_gb2 : dbcs_big5)[(l - 0x81) * 191 + (r - 0x40)];
		return *cp ? 2 : 1;
	}
	if (e != ENC_GB18030 || r < 0x30 || r > 0x39)
		return 1;
	if (n < 4)
		return eof ? 1 : 0;
	if (p[2] < 0x81 || p[2] > 0xFE || p[3] < 0x30 || p[3] > 0x39)
		return 1;
	{
		unsigned long idx = ((unsigned long)(l - 0x81) * 10 + (r - 0x30)) * 1260 +
		    (unsigned long)(p[2] - 0x81) * 10 + (p[3] - 0x30);

		if (l <= 0x84) {
			*cp = dbcs_gb4[idx];
		} else if (l >= 0x90) {
			/* Beyond the BMP the mapping is linear from 0x90308130. */
			unsigned long sup = idx - (unsigned long)(0x90 - 0x81) * 12600;

			if (sup <= 0x10FFFF - 0x10000)
				*cp = (uint32_t)(0x10000 + sup);
		}
	}
	return *cp ? 4 : 1;
}

#endif
