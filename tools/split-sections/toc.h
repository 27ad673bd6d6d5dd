/*
 * toc: the table of contents of a plan or a set of rules (目录, then the
 * headings again, often with page numbers).  Its lines are no headings:
 * the body begins where the first entry comes again (1 总则 … 1 总则),
 * or where prose does.
 */
#ifndef SS_TOC_H
#define SS_TOC_H

#include <stdbool.h>
#include <stddef.h>

#include "key.h"

/* Bytes of an entry's words kept to know it again. */
#define SS_TOC_KEY 48

struct ss_toc {
	bool on;                /* in a table of contents */
	unsigned rows;          /* its rows so far */
	unsigned char parts;    /* outline parts of its first entry, 0 none */
	size_t keylen;          /* its first entry's words */
	char key[SS_TOC_KEY];
};

/* 目录 (目 录, 目　录, 目錄) alone on its line, or after the name of a
 * plan or of rules: 某某应急预案目录.  k: room to fold the line. */
bool ss_toc_label(struct ss_key *k, const char *t, size_t n);

/* An entry with its page number: 1.1 编制目的……3, 第二章 总则 ..... 12 */
bool ss_toc_paged(const char *t, size_t n);

/* The words of an entry, folded, without its number, leaders, page
 * number and spaces, into buf (SS_TOC_KEY bytes); returns their length. */
size_t ss_toc_key(struct ss_key *k, const char *t, size_t n, char *buf);

/* Starts a table of contents; its first entry follows. */
void ss_toc_start(struct ss_toc *c);

enum ss_toc_row {
	TOC_ENTRY,              /* one of its entries */
	TOC_PROSE,              /* prose: the table is over */
	TOC_AGAIN               /* the first entry again: the body begins */
};

/* What row t is.  nparts: the parts of the row's decimal number (1.1 is
 * two), 0 for none; first: whether it numbers the first of its level (1,
 * 1.1, 第一章), so that 1 总则 ends a table that began at 1.1. */
int ss_toc_entry(struct ss_toc *c, struct ss_key *k, const char *t,
    size_t n, int nparts, bool first);

/* Starts a table of contents whose first entry was read already (the
 * first heading of a document, seen again when the body begins). */
void ss_toc_resume(struct ss_toc *c, const char *key, size_t keylen,
    int nparts);

#endif
