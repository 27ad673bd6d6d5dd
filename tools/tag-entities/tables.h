/*
 * tables: the built-in word lists, the gazetteer's small part and the
 * character classes, const data made at build time from data/ by
 * data/gen-entity-tables.py, so the program starts without building.
 */
#ifndef TE_TABLES_H
#define TE_TABLES_H

#include <stddef.h>
#include <stdint.h>

#include "wl.h"

#define TE_LISTS(X) \
	X(stop_short) X(weak_full) X(zones) X(zone_suffix) X(heads) X(selfs) \
	X(bodies) X(levels) X(verbs) X(generic_bodies) X(scopes) X(keeps) \
	X(ev_stops) X(leaders) X(titles) X(ptitles) X(surnames) X(openers) X(acts) X(blocks) X(determiners) \
	X(gaz_small)
#define TE_DECLARE_LIST(name) extern const struct te_wl te_wl_##name;
TE_LISTS(TE_DECLARE_LIST)

/* Head classes, tags of te_wl_heads. */
enum {
	H_GENERIC = 1,          /* plain characters may form the body */
	H_LEVEL = 2,            /* a bare level word is enough (区委) */
	H_NEEDKNOWN = 4,        /* body must be a known agency body */
	H_EVENT = 8,
	H_CONF = 16,            /* a conference: needs scope or a term */
	H_CENTRAL = 32,         /* closed class, the whole name */
	H_NAMED = 64,           /* only right after a quoted name: “铁拳”行动 */
	H_SITE = 128,           /* a PLACE, a named site: 首都国际机场, …教育基地 */
};

/* Gazetteer records (provinces, prefectures, counties, their short
 * forms, countries); entry aux of te_wl_gaz_small is the index. */
struct te_gaz_rec {
	char code[13];
	char kind;              /* P C D p c d X */
	uint32_t name;          /* into te_gaz_names, not terminated */
	uint16_t nlen;
};
extern const char *const te_gaz_names;
extern const struct te_gaz_rec te_gaz_recs[];
extern const size_t te_gaz_nrecs;
/* Indices of provinces, prefectures and counties, sorted by code. */
extern const uint16_t te_gaz_bycode[];
extern const size_t te_gaz_nbycode;
/* Bitmaps of the big part: final characters of towns, streets and
 * villages; their (last * 31 + before-last) & 0xFFFF pairs. */
extern const uint8_t *const te_gaz_finals;
extern const uint8_t *const te_gaz_pairs;

/* Character classes of folded keys (text.h), but C_DICT. */
extern const uint8_t te_cls[65536];

#endif
