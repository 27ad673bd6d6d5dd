/*
 * gaz: the place gazetteer.  The small part (provinces, prefectures,
 * counties, countries: a few thousand names) is a const table
 * (tables.h); the big part (towns, streets, villages: 640 000 names,
 * data/places.inc) is inflated a bucket at a time, the first time a
 * text ends a word with one of its bucket's final characters, into the
 * tagger's own cache.
 */
#ifndef TE_GAZ_H
#define TE_GAZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tables.h"
#include "text.h"

/* Per-document place context: the issuing place, known from the title
 * and first lines, by level. */
enum { L_PROV, L_CITY, L_COUNTY, L_STREET, L_NLEVELS };
struct docplace {
	char code[L_NLEVELS][13];
	char name[L_NLEVELS][64];
};

struct te_gaz_bucket;
struct te_gaz {
	struct te_gaz_bucket *buckets;  /* inflated big part, by bucket */
};

struct place_hit {
	size_t len;
	int kind;               /* 'P' 'C' 'D' 'p' 'c' 'd' 'X' 'S' (street) 'V' (village) 'Z' (zone) */
	int ncand;
	char code[13];          /* chosen code or "" */
};

void te_gaz_free(struct te_gaz *g);
/* The longest province..county or country at i, in the document d and
 * after the place parent (a code or ""); listed: after another place
 * and 、 (乌鲁木齐、昌吉、石河子), where a county's short form counts. */
size_t te_gaz_small_at(struct te_gaz *g, const struct text *t, const struct docplace *d, size_t i,
	const char *parent, bool listed, struct place_hit *h);
/* Whether a gazetteer name may start at i: one table load. */
static inline bool te_gaz_small_may(const struct text *t, size_t i)
{
	return i + 1 < t->n && te_wl_bit(te_wl_gaz_small.f2, te_wl_bi(t->k[i], t->k[i + 1]));
}
/* The longest town, street or village ending at e; parent_at(ctx, s),
 * when given, names the place ending at s (for context). */
size_t te_gaz_big_end(struct te_gaz *g, const struct text *t, const struct docplace *d,
	size_t lo, size_t e, const char *parent_code,
	const char *(*parent_at)(void *, size_t), void *ctx, struct place_hit *h);
/* Looks the name k[0..n) up among towns and streets: 1 and its code when
 * exactly one lies in area (its first digits digits), else 0. */
int te_gaz_big_exact(struct te_gaz *g, const uint32_t *k, size_t n, const char *area,
	size_t digits, char code[13]);
/* Name of a division code at its level ("440300000000" -> 深圳市): its
 * length and *name (not terminated), or 0. */
size_t te_gaz_name(const char *code, const char **name);
int te_gaz_code_level(const char *code);
/* The parts of data/places.inc that data/gen-entity-tables.py made
 * tables.h of (for the test that they still match). */
/* Decodes the base64 of data/places.inc (other bytes skipped) into at
 * most cap bytes; returns their number. */
size_t te_gaz_base64(const char *src, size_t n, unsigned char *out, size_t cap);
void te_gaz_sources(const char **names, const char **finals, const char **pairs);

#endif
