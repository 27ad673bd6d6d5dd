/*
 * html: a saved web page as lines of text, the way a browser shows it.
 *
 * The page (UTF-8) is parsed with gumbo, the HTML5 tree builder, and the
 * tree is walked once into a flat list of lines and of the block
 * elements that hold them; the tree is freed before anything else
 * happens, so what stays per page is proportional to its text.  Block
 * elements end a line, inline markup does not, <br> breaks one; script,
 * style, template and the like are not text.  A data-table row is one
 * line, its cells joined by HTML_CELL_SEP.  Pages over HTML_CHUNK bytes
 * are parsed in pieces cut at a line end, which bounds the parser's tree;
 * the elements open at a cut are opened again at the start of the next
 * piece and stay the same elements, so the lines come out as from one
 * parse.
 * Which lines are the article is article.c's business, what the page
 * says about itself htmlmeta.c's.
 */
#ifndef ZN_HTML_H
#define ZN_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "htmlmeta.h"

#define HTML_CELL_SEP " | "
#define HTML_CHUNK (8u << 20)

enum {
	HL_LINKS = 1,           /* some of it is link text */
	HL_ATTACH = 2,          /* a link to a document file (附件) */
	HL_ROW = 4,             /* a data-table row */
	HL_HIDDEN = 8,          /* inside display:none */
	HL_PRE = 16,            /* preformatted */
};

struct hline {
	size_t off, len;        /* text in the page's arena */
	unsigned long lineno;   /* source line of its first character */
	int el;                 /* innermost block element */
	unsigned chars;         /* characters other than spaces */
	unsigned link_chars;    /* of which inside <a> */
	unsigned punct;         /* sentence punctuation */
	unsigned flags;         /* HL_* */
};

enum {
	HE_TITLE = 1,           /* h1-h3, or a class or id saying title */
	HE_TABLE = 2,
	HE_HEADING = 4,         /* h1-h6 */
	HE_CENTER = 8,          /* centred (align, text-align, <center>) */
	HE_FORM = 16,           /* holds a visible form control (a widget) */
};

struct hel {
	int parent;             /* -1 for a root */
	int tag;                /* GumboTag */
	int hint;               /* > 0 article container, < 0 page furniture */
	unsigned flags;         /* HE_* */
	size_t first, last;     /* its lines: [first, last) */
};

/* The text of an element whose class or id says source (a_source,
 * ent-source): the name of the paper or agency, on the page's own
 * head and in lists of other articles alike. */
struct hsource {
	size_t line;            /* the line it is on */
	size_t off, len;        /* its text in the page's source arena */
};

#define HTML_MAX_SOURCES 32

struct hpage {
	struct buf text;        /* the arena of line texts */
	struct buf srctext;     /* the arena of source texts */
	struct hsource src[HTML_MAX_SOURCES];
	size_t nsrc;
	struct hline *lines;
	size_t nlines, caplines;
	struct hel *els;
	size_t nels, capels;
	struct hmeta meta;
	size_t piece;           /* parse in pieces of this size (0: HTML_CHUNK) */
};

/* Parses the UTF-8 page p[0..n) into pg (reused: cleared first). */
void html_parse(struct hpage *pg, const char *p, size_t n);
void html_free(struct hpage *pg);
/* The shape article.c relies on (for the tests): an element's parent
 * comes before it and holds its lines, a line's element holds it. */
bool html_well_formed(const struct hpage *pg);

static inline const char *
hline_text(const struct hpage *pg, const struct hline *l)
{
	return pg->text.s + l->off;
}

#endif
