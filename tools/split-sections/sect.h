/*
 * sect: the section tree of each document of a zhtsv stream.
 *
 * Rows are fed one at a time; every row comes back through the emit
 * callback as one or more output rows (heading + body, para + items,
 * sentences).  At most one row is held back, to see whether the next
 * paragraph goes on with an enumeration that this one starts (一是 …
 * 二是), so memory stays bounded whatever the size of a document.
 */
#ifndef SECT_SECT_H
#define SECT_SECT_H

#include <stdbool.h>
#include <stddef.h>

struct sect_opts {
	bool keep_markers;      /* keep 一、 (一) 一是 in the text */
	bool sentences;         /* body text as one row per sentence */
};

struct sect_emit {
	const char *prefix;     /* passed-through columns, without the tab */
	size_t prefix_len;
	bool has_prefix;
	const char *sect;       /* 3.2.1, 0 before the first heading */
	const char *kind;       /* title heading para item sentence */
	const char *part;
	const char *text;
	size_t text_len;
};

typedef void (*sect_emit_fn)(void *arg, const struct sect_emit *e);

struct sect;

struct sect *sect_new(const struct sect_opts *opts, sect_emit_fn emit, void *arg);
void sect_free(struct sect *s);

/* One input row: prefix columns (ncols of them, the first being the
 * document id when there is one) and the unescaped text. */
void sect_row(struct sect *s, const char *file, unsigned long lineno,
    const char *prefix, size_t prefix_len, size_t ncols,
    const char *text, size_t text_len);

/* End of one input: releases the held-back row; without a document id
 * column the next input is a new document. */
void sect_end_input(struct sect *s);

/* Feeds a whole buffer of zhtsv lines (for the fuzz harness and tests);
 * ends with sect_end_input. */
void sect_feed_buffer(struct sect *s, const char *file, const char *buf,
    size_t len);

#endif
