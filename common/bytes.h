/*
 * bytes: little-endian loads for scanning text a word at a time.
 */
#ifndef ZH_BYTES_H
#define ZH_BYTES_H

#include <stdint.h>

/* Written out byte by byte: compilers make them one load on
 * little-endian machines, and they stay right on the others. */
static inline uint32_t
load_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static inline uint64_t
load_le64(const unsigned char *p)
{
	return (uint64_t)load_le32(p) | (uint64_t)load_le32(p + 4) << 32;
}

#endif
