/*
 * u8: an inline decoder for the hot loops of this tool.  ASCII and the
 * 3-byte sequences of CJK text are decoded in place; anything else goes
 * to utf8_next, so invalid bytes still come back as U+FFFD one at a time.
 */
#ifndef SECT_U8_H
#define SECT_U8_H

#include <stddef.h>
#include <stdint.h>

#include "utf8.h"

static inline uint32_t
u8_next(const char *s, size_t n, size_t *pos)
{
	const unsigned char *u = (const unsigned char *)s + *pos;

	if (u[0] < 0x80) {
		(*pos)++;
		return u[0];
	}
	if (u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED && *pos + 3 <= n &&
	    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		*pos += 3;
		return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 |
		    (u[2] & 0x3F);
	}
	return utf8_next(s, n, pos);
}

#endif
