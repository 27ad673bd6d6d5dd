/*
 * vec16: 16 bytes at a time, for the scans of this tool that skip most
 * of a row's text (sentence ends, enumeration words, list markers).
 */
#ifndef SS_VEC16_H
#define SS_VEC16_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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
