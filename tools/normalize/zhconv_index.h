/*
 * The index of zhconv's dictionaries: hash tables of every key and key
 * prefix, and per-character shortcuts.  It is computed at build time by
 * data/gen-zhconv-index.c from the dictionaries of data/zhconv_tables.inc
 * and compiled in as constant data, so a converter costs nothing to set
 * up and only the pages a text touches are ever read.
 */
#ifndef ZH_ZHCONV_INDEX_H
#define ZH_ZHCONV_INDEX_H

#include <stdint.h>

enum { ZC_E_KEY = 1, ZC_E_PFX = 2 };

/* One key or key prefix; koff/voff are offsets into the dictionary's
 * blob of "key\tvalue\n" records.  klen == 0 marks an empty slot. */
struct zc_ent {
	uint32_t h, koff, voff;
	uint8_t klen, vlen, flags;
};

struct zc_dict {
	const char *blob;
	const struct zc_ent *tab;
	uint32_t mask;
};

#define ZC_MAXDICT 4
#define ZC_MAXSTAGE 2

struct zc_index {
	struct zc_dict d[ZC_MAXDICT];
	int nd, seg;
	int stage[ZC_MAXSTAGE][ZC_MAXDICT + 1];  /* dict indexes, -1 ends */
	unsigned stagebits[ZC_MAXSTAGE];
	int nstage;
	/* bit i: a key of dict i starts with the character */
	const uint8_t *first;
	/* What stage s makes of a BMP character whose match is certain to
	 * be that one character (no longer key could start there): its
	 * replacement, or 0 when the full longest-match walk is needed. */
	const uint16_t *fast[ZC_MAXSTAGE];
	/* Whole-chain result of a "simple" BMP character, one that no
	 * multi-character key of any dictionary can involve, so it converts
	 * on its own in one pass; 0 for the others. */
	const uint16_t *comp;
	/* For the others: how many characters, counted from it, a match
	 * that starts there can reach (an upper bound). */
	const uint8_t *reach;
	unsigned maxreach;
	/* What stage s makes of a BMP character when no key longer than one
	 * character matches there: 0 unchanged, 0xFFFF too complex. */
	const uint16_t *single[ZC_MAXSTAGE];
	/* Bit set of the first two characters of every longer key: when the
	 * pair at a position is not in it, no longer key matches there. */
	const uint8_t *pairs;
};

#define ZC_FNV_INIT 2166136261u
#define ZC_FNV_STEP(h, c) (((h) ^ (c)) * 16777619u)

static inline uint32_t
zc_pair_hash(uint32_t a, uint32_t b)
{
	return (a * 0x9E3779B1u ^ b * 0x85EBCA6Bu) >> 12;    /* 20 bits */
}

#endif
