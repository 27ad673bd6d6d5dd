/*
 * doc: the state of each document of a stream.  Rows of one document are
 * contiguous; the state of the last NDOCS documents is kept so that one
 * whose rows resume after another's goes on with its numbering (with a
 * warning), and the ids of older ones are remembered to warn that their
 * numbering starts again.
 */
#ifndef SS_DOC_H
#define SS_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "emit.h"
#include "report.h"
#include "toc.h"
#include "tree.h"

#define NDOCS 32
#define NSEEN 8192              /* a power of two */

struct ss_doc {
	struct buf id;
	bool used;
	unsigned long last_use;

	struct ss_tree tree;
	struct ss_report rep;
	int genre;                      /* enum ss_genre, from the title */
	unsigned rows;                  /* rows of the document or annex */
	unsigned annexes;               /* the highest annex number so far */

	/* where the document stands */
	bool title_done, title_open;
	int title_lines;
	bool heading_seen;
	bool prose;                     /* a paragraph of the body was seen */
	bool closed;                    /* past the date, 附件 or 特此…: no part */
	bool bare_marker;               /* the last heading had no words */
	bool label;                     /* an annex label: its title follows */
	bool after_title;               /* the last row was a title */
	bool articles;                  /* a title named rules (办法, 规定) */
	bool title_issue;               /* the title issues a document: 印发… */
	bool title_about;               /* the title has 关于 */

	/* tables of contents: the one being read, and the first heading of
	 * the document, whose words come again where the body begins */
	struct ss_toc toc;
	unsigned heads;                 /* headings of the document or annex */
	unsigned heads_only;            /* headings since the last body text */
	int head_level;                 /* the level of the last heading */
	unsigned char first_parts;
	size_t first_keylen;
	char first_key[SS_TOC_KEY];

	int en_style;                   /* open enumeration, -1 none */
	unsigned en_last;
	int alist_type;                 /* numbering of the annex list, -1 */
	unsigned alist_last;
};

struct ss_docs {
	struct ss_doc d[NDOCS];
	unsigned long clock;
	uint64_t seen[NSEEN];
	size_t nseen;
};

void ss_docs_free(struct ss_docs *ds);

/* Whether d is the document with this id. */
bool ss_doc_is(const struct ss_doc *d, const char *id, size_t idn);

/* The document with this id: its kept state, or a new one (evicting the
 * least recently used).  r: for warnings. */
struct ss_doc *ss_docs_get(struct ss_docs *ds, const struct ss_rowref *r,
    const char *id, size_t idn);

/* Starts d again: a new document (annex 0) or annex n of it. */
void ss_doc_restart(struct ss_doc *d, unsigned annex);

/* Forgets d (the end of an input without document ids). */
void ss_doc_drop(struct ss_doc *d);

#endif
