/*
 * tag: the entity tagger of zh-tag-entities, independent of main.c so a
 * fuzz harness or unit test can call tag_text() on any buffer.
 *
 * One text is decoded once into code points and script-folded keys;
 * every detector works on the keys and records mentions in code-point
 * offsets, and the text as written is only sliced for output.
 */
#ifndef TAG_TAG_H
#define TAG_TAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "wl.h"

enum etype { T_LAW, T_TERM, T_EVENT, T_ORG, T_PLACE, T_PERSON, T_NTYPES };
extern const char *const tag_type_names[T_NTYPES];

/* Longest quoted TERM, in code points; longer quotes are sentences. */
#define TERM_MAX 24
/* Longest 《》 title; an opener with no closer within it is dropped. */
#define LAW_MAX 200

struct mention {
	size_t s, e;            /* code points, half-open */
	int type;
	int flag;               /* detector-specific (place kind, ...) */
	size_t norm, nlen;      /* norm text in tagger->norm, nlen 0: none */
	long parent;            /* index of enclosing mention or -1 */
	int dead;
};

struct text {
	const char *s;
	size_t len, n;
	uint32_t *cp, *k;       /* code points as written / folded keys */
	size_t *off;            /* byte offset of each code point, n + 1 */
	uint8_t *cls;           /* tag_cls of each key */
	unsigned rowcls;        /* union of cls over the row */
	size_t cap;
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
extern uint8_t tag_cls[65536];
/* Call after changing tag_cls (a --dict loaded after texts were tagged). */
void tag_classes_changed(void);
void places_classes(uint8_t *cls);
void org_classes(uint8_t *cls);
void persons_classes(uint8_t *cls);
void gaz_classes(uint8_t *cls);
void wl_classes(const struct wl *w, uint8_t *cls, int first, uint8_t bit);

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

/* Per-document place context: the issuing place, known from the title
 * and first lines, by level. */
enum { L_PROV, L_CITY, L_COUNTY, L_STREET, L_NLEVELS };
struct docplace {
	char code[L_NLEVELS][13];
	char name[L_NLEVELS][64];
};

struct user_pat;

struct tagger {
	struct text t;
	struct mention *m;
	size_t nm, cm;
	long *stack;                    /* finish()'s, reused */
	size_t cstack;
	struct buf norm, tmp;
	unsigned types;                 /* bit per enum etype */
	struct docplace doc;
	struct buf docid;
	unsigned long docrows;
	bool same_row;          /* the text continues the previous call's row */
	struct wl dict;                 /* --dict */
	struct buf dictnorm;
	struct user_pat *pats;
	size_t npats;
	void *mdata;                    /* pcre2 match data */
	void *mctx;
};

void tag_init(struct tagger *tg);
void tag_free(struct tagger *tg);
/* Loads --dict / --patterns; 0 or -1 after reporting the error. */
int tag_load_dict(struct tagger *tg, const char *path);
int tag_load_patterns(struct tagger *tg, const char *path);

/* Tags text (valid UTF-8 or not: invalid bytes count as one code point)
 * of document doc; mentions are left sorted in tg->m[0..nm), with
 * parents set and dropped ones marked dead.  Call in document order. */
void tag_text(struct tagger *tg, const char *doc, size_t doclen,
	const char *text, size_t len);

/* Internal detectors, in the order tag_text() runs them. */
struct mention *tag_add(struct tagger *tg, size_t s, size_t e, int type);
void tag_set_norm(struct tagger *tg, struct mention *m, const char *s, size_t n);
void detect_brackets(struct tagger *tg);
void detect_places(struct tagger *tg);
void detect_orgs_events(struct tagger *tg);
void detect_persons(struct tagger *tg);
void detect_user(struct tagger *tg);
void tag_free_patterns(struct tagger *tg);

/* Gazetteer (gaz.c). */
void gaz_init(void);
struct place_hit {
	size_t len;
	int kind;               /* 'P' 'C' 'D' 'p' 'c' 'd' 'X' 'S' (street) 'V' (village) 'Z' (zone) */
	int ncand;
	char code[13];          /* chosen code or "" */
};
size_t gaz_small_at(struct tagger *tg, size_t i, const char *parent, struct place_hit *h);
extern struct wl gaz_small;
/* Whether a gazetteer name may start at i: one table load. */
static inline bool gaz_small_may(const struct text *t, size_t i)
{
	return i + 1 < t->n && wl_bit(gaz_small.f2, wl_bi(t->k[i], t->k[i + 1]));
}
/* The longest town, street or village ending at e; parent_at(s), when
 * given, names the place ending at s (for context). */
size_t gaz_big_end(struct tagger *tg, size_t lo, size_t e, const char *parent_code,
	const char *(*parent_at)(size_t), struct place_hit *h);
/* Looks the name k[0..n) up among towns and streets: 1 and its code when
 * exactly one lies in area (its first digits digits), else 0. */
int gaz_big_exact(const uint32_t *k, size_t n, const char *area, size_t digits, char code[13]);
/* Name of a division code at its level ("440300000000" -> 深圳市), or NULL. */
const char *gaz_name(const char *code);
int gaz_code_level(const char *code);

/* Key helpers. */
static inline bool is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
		(c >= 0x20000 && c <= 0x3134F) || (c >= 0xF900 && c <= 0xFAFF);
}
/* Whether the folded keys at i spell the (simplified) UTF-8 literal w. */
bool key_is(const struct text *t, size_t i, const char *w);
/* Whether a word from the list ends at e / starts at i (longest length). */

#endif
