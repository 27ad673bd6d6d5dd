/*
 * text: one text decoded once into code points, script-folded keys and
 * the detectors' character classes.  Every detector works on the keys
 * and records mentions in code-point offsets; the text as written is
 * only sliced for output.
 */
#ifndef TE_TEXT_H
#define TE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"

struct text {
	const char *s;
	size_t len, n;
	uint32_t *cp, *k;       /* code points as written / folded keys */
	size_t *off;            /* byte offset of each code point, n + 1 */
	uint8_t *cls;           /* class of each key (clsmap), n + 8 */
	unsigned rowcls;        /* union of cls over the row */
	size_t cap;
	const uint8_t *clsmap;  /* classes by key: te_cls, or a copy with C_DICT */
};

/* Character classes: which detectors a character may interest.  Each
 * detector skips a row without its class, and positions without it, at
 * the cost of one byte load. */
enum {
	C_BRACKET = 1,          /* 《》〈〉<>“”「」『』" */
	C_PLACE = 2,            /* may start a province..county, country, zone */
	C_FINAL = 4,            /* may end a town, street or village */
	C_HEAD = 8,             /* may end an ORG or EVENT head */
	C_CONGRESS = 16,        /* 党 中 十 二 全 */
	C_PERSON = 32,          /* may start a leader's name or a surname */
	C_DICT = 64,            /* may start a --dict name */
	C_TITLE = 128,          /* may end a position title (局长, 书记) */
};

void te_text_init(struct text *t);
void te_text_free(struct text *t);
/* Decodes s (valid UTF-8 or not: an invalid byte counts as one code
 * point); t keeps pointing into s. */
void te_text_decode(struct text *t, const char *s, size_t len);
/* Uses clsmap from now on (a --dict adds its class). */
void te_text_set_classes(struct text *t, const uint8_t *clsmap);

/* The first position at or after i whose class has bit, or t->n.
 * Detectors look for classes a few percent of characters have: eight
 * classes are tested at once (cls is padded with eight zero bytes). */
static inline size_t cls_next(const struct text *t, size_t i, uint8_t bit)
{
	const uint64_t mask = 0x0101010101010101ull * bit;

	while (i + 8 <= t->n) {
		uint64_t w;
		memcpy(&w, t->cls + i, 8);
		if (w & mask) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return i + (size_t)__builtin_ctzll(w & mask) / 8;
#else
			break;
#endif
		}
		i += 8;
	}
	while (i < t->n && !(t->cls[i] & bit))
		i++;
	return i;
}

static inline bool is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
		(c >= 0x20000 && c <= 0x3134F) || (c >= 0xF900 && c <= 0xFAFF);
}

/* Whether the folded keys at i spell the (simplified) UTF-8 string w
 * of len bytes.  The first character is tested before any other work:
 * most calls fail there. */
static inline bool te_key_n(const struct text *t, size_t i, const char *w, size_t len)
{
	size_t pos = 0;

	if (i >= t->n || t->k[i] != utf8_next_fast(w, len, &pos))
		return false;
	for (i++; pos < len; i++)
		if (i >= t->n || t->k[i] != utf8_next_fast(w, len, &pos))
			return false;
	return true;
}
/* The same for a string literal w, its length known at compile time. */
#define te_key_is(t, i, w) te_key_n((t), (i), "" w, sizeof(w) - 1)
/* Whether key i is one of the characters of chars. */
bool te_key_in(const struct text *t, size_t i, const char *chars);

#endif
