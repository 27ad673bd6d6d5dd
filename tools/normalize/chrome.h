/*
 * chrome: recognising page furniture (breadcrumbs, share and print
 * widgets, related-links footers, "today is" lines) and the metadata
 * block (来源, 发布时间 …) of scraped pages.  Patterns are pcre2, anchored,
 * and see the line folded to simplified script and ASCII width, so one
 * pattern serves traditional and full-width pages too.  Where they apply
 * (head and tail of a document only) is doc.c's business.
 */
#ifndef ZN_CHROME_H
#define ZN_CHROME_H

#include <stddef.h>

#include "buf.h"

enum {
	CH_CHROME = 1,          /* a widget, breadcrumb, footer line */
	CH_META = 2,            /* a metadata line (also page chrome) */
	CH_SITE = 4,            /* a site header: chrome at the very head only */
};

/* Lines longer than this (bytes) are body text, never chrome. */
#define CHROME_MAXLEN 300

struct chrome;

/* Compiles the built-in patterns and those of file (one per line, '#'
 * comments; NULL for none).  A bad pattern is a usage error. */
struct chrome *chrome_new(const char *file);
void chrome_free(struct chrome *ch);
/* CH_* bits for one normalised line (0 for body text). */
int chrome_class(struct chrome *ch, const char *s, size_t n);
/* From a metadata line: the issuing source and the date as YYYY-MM-DD,
 * each appended only when found and the buffer is still empty. */
void chrome_meta(struct chrome *ch, const char *s, size_t n, struct buf *source,
    struct buf *date);

#endif
