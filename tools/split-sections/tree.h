/*
 * tree: the heading tree of one document, the core of the engine.
 *
 * Levels follow the document's own numbering.  A marker opens a heading
 * when its number goes on from the last one of its type: the next number
 * at a level on the stack, 1 under a new parent, or the next number of a
 * type whose level was closed by a higher heading (numbering that runs on
 * across sections: (五) under 二、 after (四) under 一、; 6. under (二)
 * after 5. under (一)).  A type met for the first time opens a level below
 * the current one, or, if GB/T 9704 order ranks it higher, below the
 * nearest higher-ranked level.  Markers that do not go on are a list in
 * the text, remembered so that the list's own numbers cannot pass for
 * the next heading.
 *
 * A decimal outline (1 总则, 1.1 编制目的, 2.3.1 …) places each number by
 * its parts: 2.3.1 is the third level of the outline, under 2.3 and 2; a
 * parent whose heading was lost is taken as written (2.1 after 1.4).
 *
 * Paths: 3.2.1 for 三、 > (二) > 1., 0 before the first heading; an
 * annex's paths are those of a document of its own, prefixed A<n>.
 * (A1.2.3, A1.0 for its head).
 */
#ifndef SS_TREE_H
#define SS_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "marker.h"

#define SS_PATH_MAX 128
/* Levels at most: one a marker type, and the parts of a decimal outline. */
#define SS_DEPTH_MAX (MT_COUNT + SS_DEC_MAX)

struct ss_level {
	unsigned char type;
	signed char strict;     /* report part its own wording names, P_NONE */
	signed char named;      /* plan part its own wording names, P_NONE */
	unsigned num;
};

struct ss_tree {
	int depth;
	struct ss_level lv[SS_DEPTH_MAX];
	unsigned last[MT_COUNT];        /* last number accepted, per type */
	unsigned shadow[MT_COUNT];      /* last number of a rejected list */
	bool shadow_hl[MT_COUNT];       /* that list looked like headings */
	bool fresh;                     /* the last row was a bare heading */
	/* a decimal outline (1 总则 > 1.1 > 1.1.1): 1 + the depth above its
	 * first level, 0 none; dec_dot: that level was written 1. 2. */
	unsigned char dec_at;
	bool dec_dot;
	unsigned annex;                 /* 0: the main document */
	char path[SS_PATH_MAX];
	size_t pathlen;
	char root[16];                  /* 0 or A<n>.0: the frame's path */
};

/* Empties the tree for a new document (annex 0) or annex n. */
void ss_tree_reset(struct ss_tree *t, unsigned annex);

/* Whether marker m opens a heading.  head_like: its heading text is
 * short; alone: nothing follows it on its line. */
bool ss_tree_accepts(const struct ss_tree *t, const struct ss_marker *m,
    bool head_like, bool alone);

/* Remembers a marker that was not a heading (a list in the text).
 * Returns the item number it gets, or 0 when it starts no list. */
unsigned ss_tree_reject(struct ss_tree *t, const struct ss_marker *m,
    bool head_like);

/* The level marker m would open at. */
int ss_tree_level(const struct ss_tree *t, const struct ss_marker *m);

/* Opens the heading of marker m; returns its level (1 = top). */
int ss_tree_open(struct ss_tree *t, const struct ss_marker *m);

/* In an outline whose first level is written 1. 2. (1.总则 > 1.1), reads
 * 2. as the next number of that level (a decimal marker of one part)
 * unless it goes on with a list of 1. 2. below. */
void ss_tree_reread(const struct ss_tree *t, struct ss_marker *m);

/* Whether a plain number glued to its words (1总则) would open the first
 * level of a decimal outline here. */
bool ss_tree_outline_start(const struct ss_tree *t, const struct ss_marker *m);

/* The current section's level, NULL before the first heading. */
struct ss_level *ss_tree_top(struct ss_tree *t);

#endif
