/*
 * engine: the section tree of each document of a zhtsv stream.
 *
 * Rows are fed one at a time; every row comes back through the emit
 * callback as one or more output rows (heading + body, para + items,
 * sentences).  At most one row is held back (to see whether the next
 * paragraph goes on with an enumeration this one starts, 一是 … 二是; to
 * give a marker alone on its line the words of the next one; to see
 * whether a body's name opens a title 关于…), so memory stays bounded
 * whatever the size of a document.
 *
 * A row goes one way: the detectors read it (marker.c, runin.c,
 * frame.c, items.c, title rules in common/title.c), the tree (tree.c)
 * places it, the parts (report.c, genre.c) name its part, and emit.c
 * writes it.
 */
#ifndef SS_ENGINE_H
#define SS_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

struct ss_opts {
	bool keep_markers;      /* keep 一、 (一) 一是 in the text */
	bool sentences;         /* body text as one row per sentence */
};

struct ss_row_out {
	const char *prefix;     /* passed-through columns, without the tab */
	size_t prefix_len;
	bool has_prefix;
	const char *sect;       /* 3.2.1, 0 before the first heading, A1.2 */
	const char *kind;       /* title heading para item sentence docnum … */
	const char *part;
	const char *text;
	size_t text_len;
};

typedef void (*ss_emit_fn)(void *arg, const struct ss_row_out *e);

struct ss;

struct ss *ss_new(const struct ss_opts *opts, ss_emit_fn emit, void *arg);
void ss_free(struct ss *s);

/* One input row: prefix columns (ncols of them, the first being the
 * document id when there is one) and the unescaped text. */
void ss_row(struct ss *s, const char *file, unsigned long lineno,
    const char *prefix, size_t prefix_len, size_t ncols,
    const char *text, size_t text_len);

/* End of one input: releases the held-back row; without a document id
 * column the next input is a new document. */
void ss_end_input(struct ss *s);

/* Feeds a whole buffer of zhtsv lines (for the fuzz harness and tests);
 * ends with ss_end_input. */
void ss_feed_buffer(struct ss *s, const char *file, const char *buf,
    size_t len);

#endif
