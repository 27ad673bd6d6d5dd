/*
 * emit: the one place rows leave the engine.  A row is written as its
 * prefix columns, sect, kind, part and text; body text may go out one
 * sentence a row (--sentences), a paragraph as its text before the first
 * item and one row per item.
 */
#ifndef SS_EMIT_H
#define SS_EMIT_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"
#include "items.h"
#include "tree.h"

enum ss_kind {
	K_TITLE, K_HEADING, K_PARA, K_ITEM, K_SENTENCE, K_DOCNUM, K_ADDRESSEE,
	K_SIGNATURE, K_DATE, K_NOTE, K_ANNEXLIST, K_ANNEX
};

/* Where a row comes from: its input position and prefix columns. */
struct ss_rowref {
	const char *file;
	unsigned long lineno;
	const char *prefix;
	size_t prefix_len;
	bool has_prefix;
};

struct ss_emitter {
	ss_emit_fn fn;
	void *arg;
	bool keep_markers;
	bool sentences;
	char sect[SS_PATH_MAX + 12];
};

/* One row. */
void ss_emit(struct ss_emitter *em, const struct ss_rowref *r, int kind,
    const char *sect, int part, const char *text, size_t len);

/* Body text: one row of kind, or one sentence a row with --sentences. */
void ss_emit_body(struct ss_emitter *em, const struct ss_rowref *r, int kind,
    const char *sect, int part, const char *text, size_t len);

/* An item numbered num under section sect. */
void ss_emit_item(struct ss_emitter *em, const struct ss_rowref *r,
    const char *sect, unsigned num, int part, const char *text, size_t len);

/* A paragraph with the accepted marks of it: the text before the first
 * mark (if any, or an empty paragraph), then one item per mark. */
void ss_emit_items(struct ss_emitter *em, const struct ss_rowref *r,
    const char *sect, int part, const char *text, size_t n,
    const struct ss_items *it);

#endif
