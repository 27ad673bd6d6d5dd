/*
 * u8: an inline decoder and 16-byte scanning for the hot loops of this
 * tool.  ASCII and the
 * 3-byte sequences of CJK text are decoded in place; anything else goes
 * to utf8_next, so invalid bytes still come back as U+FFFD one at a time.
 */
#ifndef SECT_U8_H
#define SECT_U8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* 16 bytes as a vector (GCC and Clang vector extension: SSE2 on x86-64,
 * plain code elsewhere), for the scans that skip most of the text. */
typedef unsigned char v16 __attribute__((vector_size(16)));

static inline v16
load16(const void *p)
{
	v16 v;

	memcpy(&v, p, 16);
	return v;
}

/* Whether any lane of a comparison result is set. */
static inline int
any16(v16 m)
{
	uint64_t lo, hi;

	memcpy(&lo, &m, 8);
	memcpy(&hi, (const unsigned char *)&m + 8, 8);
	return (lo | hi) != 0;
}

#endif
