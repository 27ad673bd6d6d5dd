/*
 * places: towns and villages whose names are a numeral, a measure word
 * and a name (三间房乡, 三棵树街道, 九条岭镇) read like counts.  A name
 * seen with its suffix is remembered for the rest of the document, so
 * that a later 三间房 alone gives no count either.
 */
#ifndef XN_PLACES_H
#define XN_PLACES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define XN_PLACES_MAX 16
#define XN_PLACE_LEN 6

struct xn_places {
	uint32_t name[XN_PLACES_MAX][XN_PLACE_LEN];
	uint8_t len[XN_PLACES_MAX];
	size_t n;                /* names remembered */
	size_t next;             /* the slot the next one takes */
};

struct xn;

void xn_places_clear(struct xn_places *p);
/* Whether the Chinese numeral and measure word unit at [start, end) of
 * x's text begin a place name. */
bool xn_place_name(struct xn *x, size_t start, size_t end, const char *unit);

#endif
