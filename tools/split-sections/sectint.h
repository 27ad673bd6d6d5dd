/*
 * sectint: what the parts of the section engine share (sect.c: tree,
 * rows and documents; items.c: enumerations and the held-back row;
 * cues.c: titles, prose cues and signatures).  Not an API.
 */
#ifndef SECT_SECTINT_H
#define SECT_SECTINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "marker.h"
#include "part.h"
#include "sect.h"

/* Documents whose state is kept for interleaved input, and ids
 * remembered to warn when an evicted one comes back. */
#define NDOCS 32
#define NSEEN 8192              /* a power of two */
/* A heading's first sentence longer than this reads as a paragraph when
 * the numbering alone cannot decide. */
#define HEAD_LIKE_CPS 60
/* A colon this close to the marker ends the heading. */
#define COLON_CPS 30
/* Rows at the head of a document in which the title may stand. */
#define TITLE_ROWS 6
#define TITLE_MAX_CPS 80
/* Heading and cue text folded for matching (bytes). */
#define KEY_MAX 600
/* A cue is in the first sentence of a paragraph. */
#define CUE_MAX 300

struct level {
	unsigned char type;
	signed char strict;     /* part its own wording names, P_NONE */
	unsigned num;
};

struct doc {
	struct buf id;
	bool used;
	unsigned long last_use;
	int depth;
	struct level lv[MT_COUNT];
	unsigned shadow[MT_COUNT];      /* last number of a rejected list */
	bool shadow_hl[MT_COUNT];       /* that list looked like headings */
	int en_style;                   /* open enumeration, -1 none */
	unsigned en_last;
	signed char top[PART_MAX];      /* parts the top heading names */
	int ntop, topi;
	int cue, cue_depth;             /* part a paragraph switched to */
	unsigned rows;
	int year;                       /* the year reported on, 0 unknown */
	bool title_done, heading_seen;
	bool closed;                    /* past the date or 附件: no part */
	bool bare_marker;               /* the last heading had no words */
	char path[96];                  /* sect of the current section */
	size_t pathlen;
};

struct rowref {
	const char *file;
	unsigned long lineno;
	const char *prefix;
	size_t prefix_len;
	bool has_prefix;
};

struct sect {
	struct sect_opts opt;
	sect_emit_fn emit;
	void *arg;
	struct doc docs[NDOCS];
	struct doc *cur;
	unsigned long clock;
	uint64_t seen[NSEEN];
	size_t nseen;

	/* The held-back row: a paragraph (pend) or a marker alone (phead). */
	bool pend, phead;
	struct buf pprefix, ptext;
	struct rowref pref;
	int pstyle;

	struct buf key, line;
	struct imark *marks;
	size_t nmarks, capmarks;
	char sectbuf[96];
};

enum { K_TITLE, K_HEADING, K_PARA, K_ITEM, K_SENTENCE };

/* sect.c */
int part_now(const struct doc *d);
const char *sect_path(struct sect *s, const struct doc *d, unsigned item);
void emit1(struct sect *s, const struct rowref *r, int kind, const char *sect,
    int part, const char *text, size_t len);
void emit_body(struct sect *s, const struct rowref *r, int kind,
    const char *sect, int part, const char *text, size_t len);
size_t cp_count(const char *s, size_t n);

/* items.c */
void body(struct sect *s, struct doc *d, const struct rowref *r,
    const char *t, size_t n, int confirm);
int continues(struct sect *s, const char *t, size_t n);
void flush_pending(struct sect *s, int confirm);
void hold(struct sect *s, const struct rowref *r, const char *t, size_t n,
    int style);
size_t glued_items(const char *t, size_t from, size_t hend, size_t n,
    size_t *cps);

/* cues.c */
bool title_like(struct sect *s, const char *t, size_t n);
bool bare_heading(struct sect *s, const char *t, size_t n, bool first);
void apply_cue(struct sect *s, struct doc *d, const char *t, size_t n);
enum { SIG_NONE, SIG_NAME, SIG_END };
int signature(struct sect *s, const char *t, size_t n);

#endif
