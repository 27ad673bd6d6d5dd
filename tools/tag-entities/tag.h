/*
 * tag: the entity tagger of zh-tag-entities, independent of main.c so a
 * fuzz harness or unit test can call te_tag_text() on any buffer.
 *
 * A row goes one way: te_tag_text() decodes it (text.c), runs the
 * detectors in turn (brackets.c, places.c, org.c, persons.c, user.c),
 * each reading the text and adding to the mention list (mention.c), and
 * makes the list flat (te_mentions_finish); main.c writes the rows.
 */
#ifndef TE_TAG_H
#define TE_TAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "gaz.h"
#include "mention.h"
#include "text.h"
#include "wl.h"

/* Longest quoted TERM, in code points; longer quotes are sentences. */
#define TERM_MAX 64
/* Longest 《》 title; an opener with no closer within it is dropped. */
#define LAW_MAX 200

/* places.c's candidates of one text. */
struct te_place {
	size_t s, e;
	int kind;
	char code[13];
	int dead;
};
struct te_place_at {
	size_t s, j;            /* start of p[j] */
};
struct te_places {
	struct te_place *p;
	size_t n, cap;
	struct te_place_at *at; /* live candidates by start, for join_levels */
	size_t nat, cat;
	size_t nsmall;          /* p[0..nsmall): provinces..counties, zones */
	size_t kind_s, kind_e;  /* the first kind of zone alone (开发区), or 0, 0 */
};

/* alias.c's names the document defines for itself. */
#define TE_ALIASES 16
#define TE_ALIAS_MAX 12
#define TE_ALIAS_HEADS 8
struct te_aliases {
	struct {
		uint32_t k[TE_ALIAS_MAX];
		uint8_t n, type;
	} a[TE_ALIASES];
	size_t n;
	uint64_t first[4];      /* first characters' low 8 bits, as bits */
	struct {
		uint32_t k[TE_ALIAS_MAX];
		uint8_t n;
	} h[TE_ALIAS_HEADS];    /* kinds of long names seen (联席会议) */
	size_t nh;
	size_t *reach, creach;  /* alias.c's scratch, by position */
	int street;             /* the issuer's street was looked at */
};

struct user_pat;

struct tagger {
	struct text t;
	struct te_mentions ms;
	struct buf tmp;
	unsigned types;                 /* bit per enum etype */
	struct docplace doc;
	struct te_aliases aliases;
	struct buf docid;
	unsigned long docrows;
	bool same_row;          /* the text continues the previous call's row */
	struct te_gaz gaz;
	struct te_places places;
	long *endidx[T_NTYPES];         /* org.c: mention ending at each position */
	size_t endcap;
	struct te_wlb dict;             /* --dict */
	struct buf dictnorm;
	uint8_t *dictcls;               /* te_cls with C_DICT, once a --dict is loaded */
	struct user_pat *pats;
	size_t npats;
	void *mdata;                    /* pcre2 match data */
	void *mctx;
};

void te_init(struct tagger *tg);
void te_free(struct tagger *tg);
/* Loads --dict / --patterns; 0 or -1 after reporting the error. */
int te_load_dict(struct tagger *tg, const char *path);
int te_load_patterns(struct tagger *tg, const char *path);

/* Tags text (valid UTF-8 or not: invalid bytes count as one code point)
 * of document doc; mentions are left sorted in tg->ms.m[0..n), with
 * parents set and dropped ones marked dead.  Call in document order. */
void te_tag_text(struct tagger *tg, const char *doc, size_t doclen,
	const char *text, size_t len);

/* The detectors, in the order te_tag_text() runs them. */
void te_detect_brackets(struct tagger *tg);
void te_detect_places(struct tagger *tg);
void te_detect_orgs_events(struct tagger *tg);
void te_detect_persons(struct tagger *tg);
void te_detect_aliases(struct tagger *tg);
void te_detect_user(struct tagger *tg);
void te_free_patterns(struct tagger *tg);

#endif
