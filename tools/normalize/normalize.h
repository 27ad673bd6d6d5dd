/*
 * normalize: the per-document pipeline of zh-normalize, apart from input
 * handling, so that tests and fuzzers can drive it with a text buffer.
 *
 * Per line: invalid bytes -> U+FFFD (flag u), repair (flags r, l), text
 * rewriting, then the chrome window: lines that match chrome patterns are
 * held back while they could still be the head or tail of the document,
 * at most NORM_HOLD of them, so memory stays bounded.
 */
#ifndef ZN_NORMALIZE_H
#define ZN_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "repair.h"
#include "text.h"

#define NORM_HOLD 24            /* lines held back at most */
#define NORM_HEAD 12            /* non-blank lines that can be head chrome */

enum {
	F_CHROME = 1,           /* c */
	F_REPAIRED = 2,         /* r */
	F_DAMAGED = 4,          /* l */
	F_CONVERTED = 8,        /* t */
	F_INVALID = 16,         /* u */
};

struct norm_opts {
	struct text_opts text;
	bool repair;
	bool chrome;            /* detect chrome at all */
	bool keep_chrome;       /* output it with flag c instead of dropping */
	bool script;            /* count script evidence (for --meta/--stats) */
	int conv;               /* 0 or enum zc_dir */
	const char *chrome_file;
};

struct doc_stats {
	unsigned long lines_in, lines_out, blank, chrome, invalid, converted;
	unsigned long controls, trad, simp;
	struct repair_stats rep;
};

struct norm;

struct norm *norm_new(const struct norm_opts *o);
void norm_free(struct norm *nm);
/* doc is the id written in column 1, file the name for diagnostics. */
void norm_doc_begin(struct norm *nm, const char *doc, const char *file);
/* Says that the lines of this document come from a decoder that writes
 * only valid UTF-8 apart from 0xFF markers, so validation is a memchr. */
void norm_doc_decoded(struct norm *nm, bool decoded);
/* One source line (any bytes; s[len] must be writable). */
void norm_line(struct norm *nm, unsigned long lineno, const char *s, size_t len);
/* A whole HTML page, decoded to UTF-8 (p[n] must be writable): its
 * article's lines as rows, the rest as chrome.  Call between
 * norm_doc_begin and norm_doc_end, instead of norm_line. */
void norm_html(struct norm *nm, const char *p, size_t n);
/* Ends the document: decides on the lines still held back. */
void norm_doc_end(struct norm *nm);

/* A whole document in memory (detected, decoded, normalised); returns
 * the encoding found (an enum enc).  For fuzzers and tests. */
int norm_buffer_enc(struct norm *nm, const char *doc, const unsigned char *p,
    size_t n);

/* The same for an HTML page; page is the buffer it is decoded into. */
int norm_html_buffer(struct norm *nm, const char *doc, const unsigned char *p,
    size_t n, struct buf *page);

const struct doc_stats *norm_stats(const struct norm *nm);
const char *norm_title(const struct norm *nm);
const char *norm_date(const struct norm *nm);
const char *norm_source(const struct norm *nm);
const char *norm_docno(const struct norm *nm);
const char *norm_url(const struct norm *nm);
/* "simplified", "traditional", "mixed" or "none". */
const char *norm_script(const struct norm *nm);

#endif
