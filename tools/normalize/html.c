#include <gumbo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "html.h"
#include "htmlmeta.h"

/* One open element of the walk, with what to undo when it closes. */
struct frame {
	GumboNode *node;
	unsigned child;
	int el;                 /* its hel, or -1 for an inline element */
	int saved_el;
	unsigned undo;          /* W_* it added */
	const char *saved_href;
	size_t link_off;        /* where its link text starts in the line */
	size_t src_line, src_off; /* a source element's start: line, offset */
};

enum { W_LINK = 1, W_PRE = 2, W_HIDDEN = 4, W_ROW = 8, W_CELL = 16, W_HEAD = 32,
	W_CARRY = 64, W_OPEN = 128, W_SOURCE = 256 };

/* The elements still open where a long page is cut, opened again at the
 * start of the next piece: their start tags, copied from the source, are
 * put before it, and the elements they make there stand for the ones of
 * the piece before (the same hel), so an article container that spans
 * the cut stays one element. */
struct carry {
	struct buf tags;        /* the start tags, outermost first */
	size_t *off;            /* where each starts in tags */
	int *el;                /* and the hel it was, or -1 */
	bool *row;              /* a data-table row */
	size_t n, cap;
	/* The open elements of the piece being walked, outermost first. */
	GumboNode **spine;
	int *spine_el;
	bool *spine_row;
	size_t nspine, capspine, si;
	const char *pre;        /* the tags before this piece, in its buffer */
	size_t prelen;
	size_t comment;         /* where a comment open at the cut starts, or 0 */
	int root[2];            /* the hel of the page's <html> and <body>, or -1 */
};

struct walk {
	struct hpage *pg;
	struct buf line;
	unsigned long lineno;   /* of the line's first character */
	unsigned long base;     /* lines before this chunk */
	int el;
	int link, pre, hidden, head, row;
	const char *href;
	bool space, sep;
	unsigned chars, link_chars, punct, flags;
	struct frame *stack;
	size_t depth, cap;
	struct carry c;
};

static bool
is_drop(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SELECT:
	case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_SVG:
	case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP: case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_DATALIST:
		return true;
	default:
		return false;
	}
}

static bool
is_block(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_ADDRESS:
	case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
	case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
	case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
	case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
	case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN:
	case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
	case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
	case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
	case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
	case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_UL: case GUMBO_TAG_LEGEND: case GUMBO_TAG_OPTION:
	case GUMBO_TAG_LISTING: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP:
	case GUMBO_TAG_FRAMESET: case GUMBO_TAG_FRAME:
		return true;
	default:
		return false;
	}
}

static bool
is_heading(GumboTag t)
{
	return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
}

/* Words of class and id names, split at anything not a letter or digit. */
static const char *const hint_pos[] = { "content", "article", "zoom", "editor",
	"zhengwen", "zw", "detail", "details", "main", "text", "post", "entry",
	"body", "conent", "wzcon", "artibody", "xxgk", "nr", "neirong", NULL };
static const char *const hint_neg[] = { "nav", "navbar", "menu", "submenu",
	"subnav", "footer", "foot", "header", "breadcrumb", "breadcrumbs", "crumb",
	"crumbs", "crumbsnav", "location", "position", "weizhi", "dqwz", "share",
	"bshare", "print", "font", "fontsize", "zihao", "related", "relate",
	"relevant", "xgxw", "xglj", "xgwz", "tuijian", "recommend", "comment",
	"comments", "sidebar", "side", "aside", "link", "links", "friend", "yqlj",
	"copyright", "banner", "ad", "ads", "advert", "pager", "pagination",
	"prev", "next", "toolbar", "tools", "login", "search", "hot", "rank",
	"qrcode", "ewm", "erweima", "weixin", "wx", "bottom", "btm", "sxp",
	"fenxiang", "dayin", "player", "audio", NULL };
static const char *const hint_title[] = { "title", "tit", "biaoti", "bt",
	"headline", "arttitle", "toptitle", "h1", NULL };

static bool
in_list(const char *const *l, const char *w, size_t n)
{
	for (int i = 0; l[i]; i++)
		if ((l[i][0] | 0x20) == (w[0] | 0x20) && strlen(l[i]) == n &&
		    strncasecmp(l[i], w, n) == 0)
			return true;
	return false;
}

static void
hint_words(const char *v, int *hint, unsigned *flags)
{
	const char *p = v;

	while (*p) {
		const char *w;

		while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9')))
			p++;
		w = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9'))
			p++;
		if (p == w)
			continue;
		if (in_list(hint_pos, w, (size_t)(p - w)))
			*hint += 1;
		else if (in_list(hint_neg, w, (size_t)(p - w)))
			*hint -= 2;
		if (in_list(hint_title, w, (size_t)(p - w)))
			*flags |= HE_TITLE;
	}
}

static const char *attr(GumboElement *e, const char *name);

/* Whether a class or id value has the word source (a_source, ent-source,
 * source-name). */
static bool
says_source(const char *v)
{
	for (const char *p = v; v && (p = strstr(p, "source")) != NULL; p += 6) {
		bool start = p == v || !((p[-1] >= 'a' && p[-1] <= 'z') ||
		    (p[-1] >= 'A' && p[-1] <= 'Z') || (p[-1] >= '0' && p[-1] <= '9'));
		char c = p[6];

		if (start && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9')))
			return true;
	}
	return false;
}

/* Keeps the text of a source element that ends here: its part of the
 * open line, or its one line. */
static void
add_source(struct walk *w, const struct frame *f)
{
	struct hpage *pg = w->pg;
	const char *s;
	size_t n;

	if (pg->nsrc == HTML_MAX_SOURCES)
		return;
	if (pg->nlines == f->src_line && w->line.len > f->src_off) {
		s = w->line.s + f->src_off;
		n = w->line.len - f->src_off;
	} else if (pg->nlines == f->src_line + 1 && f->src_off == 0) {
		s = hline_text(pg, &pg->lines[f->src_line]);
		n = pg->lines[f->src_line].len;
	} else {
		return;
	}
	if (n > 120)
		return;
	pg->src[pg->nsrc] = (struct hsource){ .line = f->src_line,
	    .off = pg->srctext.len, .len = n };
	buf_add(&pg->srctext, s, n);
	buf_addc(&pg->srctext, '\0');
	pg->nsrc++;
}

static const char *
attr(GumboElement *e, const char *name)
{
	GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);

	return a ? a->value : NULL;
}

static bool
is_hidden(GumboElement *e)
{
	const char *s = attr(e, "style");

	if (gumbo_get_attribute(&e->attributes, "hidden"))
		return true;
	if (!s)
		return false;
	for (; *s; s++) {
		if (strncasecmp(s, "display", 7) == 0) {
			const char *q = s + 7;

			while (*q == ' ')
				q++;
			if (*q++ != ':')
				continue;
			while (*q == ' ')
				q++;
			if (strncasecmp(q, "none", 4) == 0)
				return true;
		}
	}
	return false;
}

/* Document files, and (named so in a link's text) images: the
 * attachments of a notice. */
static const char *const doc_ext[] = { ".pdf", ".doc", ".docx", ".xls", ".xlsx",
	".wps", ".et", ".ofd", ".zip", ".rar", ".7z", ".ppt", ".pptx", ".txt",
	".csv", ".ceb", NULL };
static const char *const image_ext[] = { ".jpg", ".jpeg", ".png", ".gif",
	".bmp", ".tif", ".tiff", NULL };

static bool
ends_with_ext(const char *s, size_t n, const char *const *ext)
{
	for (int i = 0; ext[i]; i++) {
		size_t l = strlen(ext[i]);

		if (n >= l && strncasecmp(s + n - l, ext[i], l) == 0)
			return true;
	}
	return false;
}

/* A link to a document file. */
static bool
is_attachment(const char *href)
{
	const char *q;

	if (!href)
		return false;
	q = strpbrk(href, "?#");
	return ends_with_ext(href, q ? (size_t)(q - href) : strlen(href), doc_ext);
}

/* A link whose text is a file's name (附件：名单.xls, 标的信息.JPG),
 * wherever it points. */
static bool
names_a_file(const char *s, size_t n)
{
	const char *dot;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	/* No extension, no file: the usual link text. */
	dot = n >= 6 ? memchr(s + n - 6, '.', 5) : memchr(s, '.', n);
	if (!dot)
		return false;
	return ends_with_ext(s, n, doc_ext) || ends_with_ext(s, n, image_ext);
}

/* A form control a reader sees: a widget (feedback, search, comments). */
static bool
is_control(GumboElement *e)
{
	const char *type;

	switch (e->tag) {
	case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON:
		return true;
	case GUMBO_TAG_INPUT:
		type = attr(e, "type");
		return !type || strcasecmp(type, "hidden") != 0;
	default:
		return false;
	}
}

static void
flush(struct walk *w)
{
	struct hpage *pg = w->pg;
	struct hline *l;

	while (w->line.len > 0 && w->line.s[w->line.len - 1] == ' ')
		w->line.len--;
	if (w->line.len > 0) {
		if (pg->nlines == pg->caplines) {
			pg->caplines = pg->caplines ? 2 * pg->caplines : 256;
			pg->lines = xrealloc(pg->lines, pg->caplines * sizeof *pg->lines);
		}
		l = &pg->lines[pg->nlines++];
		l->off = pg->text.len;
		l->len = w->line.len;
		l->lineno = w->lineno;
		l->el = w->el;
		l->chars = w->chars;
		l->link_chars = w->link_chars;
		l->punct = w->punct;
		l->flags = w->flags | (w->hidden ? HL_HIDDEN : 0);
		buf_add(&pg->text, w->line.s, w->line.len);
		buf_addc(&pg->text, '\0');
	}
	buf_clear(&w->line);
	w->chars = w->link_chars = w->punct = w->flags = 0;
	w->space = w->sep = false;
}

/* Sentence punctuation: ，。；、！？ and their ASCII forms. */
static bool
is_punct3(const unsigned char *s)
{
	if (s[0] == 0xE3 && s[1] == 0x80)
		return s[2] == 0x82 || s[2] == 0x81;            /* 。、 */
	if (s[0] == 0xEF && s[1] == 0xBC)
		return s[2] == 0x8C || s[2] == 0x9B || s[2] == 0x81 ||
		    s[2] == 0x9F;       /* ，；！？ (a colon is as often a label's) */
	return false;
}

/* Appends the text of a text node, collapsing white space as a browser
 * does (outside <pre>) and noting the source line of the first
 * character of each line. */
static void
add_text(struct walk *w, const GumboText *t)
{
	const unsigned char *s = (const unsigned char *)t->text;
	unsigned long ln = w->base + t->start_pos.line;
	unsigned chars, punct;

	for (size_t i = 0, j; s[i]; ) {
		unsigned char c = s[i];

		if (c == '\n' || c == ' ' || c == '\t' || c == '\r' || c == '\f') {
			if (c == '\n')
				ln++;
			i++;
			if (w->pre && c == '\n') {
				flush(w);
				continue;
			}
			if (w->pre) {
				buf_addc(&w->line, ' ');
				continue;
			}
			w->space = w->line.len > 0;
			continue;
		}
		if (w->line.len == 0)
			w->lineno = ln;
		if (w->sep && w->line.len > 0) {
			buf_adds(&w->line, HTML_CELL_SEP);
			w->space = false;
		}
		w->sep = false;
		if (w->space) {
			buf_addc(&w->line, ' ');
			w->space = false;
		}
		/* A no-break space shows as a space; as a character it would
		 * be read as the GBK bytes A0A0 by the mojibake repair. */
		if (c == 0xC2 && s[i + 1] == 0xA0) {
			buf_addc(&w->line, ' ');
			i += 2;
			continue;
		}
		/* A run of text up to white space, copied at once; the parser
		 * gives valid UTF-8, so characters are their lead bytes.
		 * U+3000 is a space to the text rules: not counted. */
		j = i;
		chars = punct = 0;
		while ((c = s[j]) != 0 && c != '\n' && c != ' ' && c != '\t' && c != '\r' &&
		    c != '\f' && !(c == 0xC2 && s[j + 1] == 0xA0)) {
			if ((c & 0xC0) != 0x80) {
				chars++;
				if (c == ',' || c == ';')
					punct++;
				else if ((c == 0xE3 || c == 0xEF) && s[j + 1] && s[j + 2]) {
					if (c == 0xE3 && s[j + 1] == 0x80 && s[j + 2] == 0x80)
						chars--;
					else if (is_punct3(s + j))
						punct++;
				}
			}
			j++;
		}
		buf_add(&w->line, s + i, j - i);
		w->chars += chars;
		if (w->link)
			w->link_chars += chars;
		w->punct += punct;
		i = j;
	}
	if (w->link) {
		w->flags |= HL_LINKS;
		if (is_attachment(w->href))
			w->flags |= HL_ATTACH;
	}
	if (w->pre)
		w->flags |= HL_PRE;
}

static size_t
text_bytes(GumboNode *n, int *blocks, int budget)
{
	size_t t = 0;

	if (budget <= 0) {
		*blocks = 99;
		return 0;
	}
	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA)
		return strlen(n->v.text.text);
	if (n->type != GUMBO_NODE_ELEMENT)
		return 0;
	switch (n->v.element.tag) {
	case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
	case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
		*blocks = 99;
		return 0;
	case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR:
		++*blocks;
		break;
	default:
		if (is_heading(n->v.element.tag))
			*blocks = 99;
		if (is_drop(n->v.element.tag))
			return 0;
		break;
	}
	for (unsigned i = 0; i < n->v.element.children.length && *blocks < 99; i++)
		t += text_bytes(n->v.element.children.data[i], blocks, budget - 1 - (int)i);
	return t;
}

/* A data row: two or more cells with text, each a short phrase, none a
 * layout cell holding paragraphs, lists or another table. */
static bool
data_row(GumboNode *tr)
{
	GumboVector *c = &tr->v.element.children;
	int full = 0;

	for (unsigned i = 0; i < c->length; i++) {
		GumboNode *td = c->data[i];
		int blocks = 0;
		size_t t;

		if (td->type != GUMBO_NODE_ELEMENT || (td->v.element.tag != GUMBO_TAG_TD &&
		    td->v.element.tag != GUMBO_TAG_TH))
			continue;
		t = text_bytes(td, &blocks, 200);
		if (blocks > 1 || t > 300)
			return false;
		for (unsigned j = 0; j < td->v.element.children.length; j++) {
			GumboNode *k = td->v.element.children.data[j];

			if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_ELEMENT) {
				full++;
				break;
			}
		}
	}
	return full >= 2;
}

/* Whether the element el or one around it is a tag element. */
static bool
inside(const struct hpage *pg, int el, int tag)
{
	for (int d = 0; el >= 0 && d < 64; d++, el = pg->els[el].parent)
		if (pg->els[el].tag == tag)
			return true;
	return false;
}

static int
new_el(struct walk *w, GumboElement *e, int tag)
{
	struct hpage *pg = w->pg;
	struct hel *h;
	const char *v;

	if (pg->nels == pg->capels) {
		pg->capels = pg->capels ? 2 * pg->capels : 128;
		pg->els = xrealloc(pg->els, pg->capels * sizeof *pg->els);
	}
	h = &pg->els[pg->nels];
	h->parent = w->el;
	h->tag = tag;
	h->hint = 0;
	h->flags = 0;
	h->first = h->last = pg->nlines;
	if ((v = attr(e, "class")) != NULL)
		hint_words(v, &h->hint, &h->flags);
	if ((v = attr(e, "id")) != NULL)
		hint_words(v, &h->hint, &h->flags);
	if (((v = attr(e, "align")) != NULL && strcasecmp(v, "center") == 0) ||
	    ((v = attr(e, "style")) != NULL && strstr(v, "center")) ||
	    tag == GUMBO_TAG_CENTER)
		h->flags |= HE_CENTER;
	switch (tag) {
	case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
		h->hint += 1;
		break;
	case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_FORM:
		h->hint -= 2;
		break;
	case GUMBO_TAG_HEADER:
		/* An article's own <header> holds its title; the page's, the
		 * site's banner. */
		if (!inside(pg, w->el, GUMBO_TAG_ARTICLE))
			h->hint -= 2;
		break;
	case GUMBO_TAG_TABLE:
		h->flags |= HE_TABLE;
		break;
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
		h->flags |= HE_TITLE;
		break;
	default:
		break;
	}
	if (is_heading(tag))
		h->flags |= HE_HEADING;
	return (int)pg->nels++;
}

/* Whether an element is one opened again from the tags before this
 * piece. */
static bool
reopened(const struct walk *w, const GumboElement *e)
{
	const char *s = e->original_tag.data;

	return s && s >= w->c.pre && s < w->c.pre + w->c.prelen;
}

/* Which of the carried elements one opened again is, or -1. */
static int
carried(struct walk *w, GumboElement *e)
{
	const struct carry *c = &w->c;
	const char *s = e->original_tag.data;

	if (!reopened(w, e))
		return -1;
	for (size_t i = 0; i < c->n; i++)
		if (c->off[i] == (size_t)(s - c->pre))
			return (int)i;
	return -1;
}

static void
push(struct walk *w, GumboNode *n)
{
	if (w->depth == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->stack = xrealloc(w->stack, w->cap * sizeof *w->stack);
	}
	w->stack[w->depth++] = (struct frame){ .node = n, .el = -1, .saved_el = w->el,
	    .saved_href = w->href };
}

/* Entering an element: returns false to skip its subtree. */
static bool
enter(struct walk *w, struct frame *f)
{
	GumboElement *e = &f->node->v.element;
	GumboTag t = e->tag;
	bool implied;
	int ci;

	if (t == GUMBO_TAG_HEAD) {
		f->undo |= W_HEAD;
		w->head++;
		return true;
	}
	if (t == GUMBO_TAG_META || t == GUMBO_TAG_LINK || t == GUMBO_TAG_TITLE) {
		hmeta_element(&w->pg->meta, e, w->base);
		return false;
	}
	if (w->head)
		return false;
	if (is_control(e) && w->el >= 0)
		w->pg->els[w->el].flags |= HE_FORM;
	if (is_drop(t))
		return false;
	if (t == GUMBO_TAG_BR || t == GUMBO_TAG_WBR) {
		if (t == GUMBO_TAG_BR && !w->row)
			flush(w);
		else if (t == GUMBO_TAG_BR)
			w->space = w->line.len > 0;
		return false;
	}
	if (t == GUMBO_TAG_IMG || t == GUMBO_TAG_INPUT || t == GUMBO_TAG_BUTTON)
		return t == GUMBO_TAG_BUTTON;
	if (is_hidden(e)) {
		f->undo |= W_HIDDEN;
		w->hidden++;
	}
	if (t == GUMBO_TAG_A) {
		f->undo |= W_LINK;
		w->link++;
		w->href = attr(e, "href");
		f->link_off = w->line.len;
	}
	if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_LISTING || t == GUMBO_TAG_PLAINTEXT) {
		f->undo |= W_PRE;
		w->pre++;
	}
	if (w->row && (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH)) {
		w->sep = w->line.len > 0;
		return true;
	}
	if (!w->hidden && (says_source(attr(e, "class")) || says_source(attr(e, "id")))) {
		f->undo |= W_SOURCE;
		f->src_line = w->pg->nlines;
		f->src_off = w->line.len;
	}
	if (w->row || !is_block(t))
		return true;
	/* One opened again goes on with the line open at the cut, as the
	 * same element, and a row stays a row; so do the <html> and <body>
	 * the parser makes for a piece, as the ones of the page. */
	implied = e->original_tag.length == 0 && (t == GUMBO_TAG_HTML ||
	    t == GUMBO_TAG_BODY);
	if (!reopened(w, e) && !implied)
		flush(w);
	if (f->undo & W_SOURCE) {
		f->src_line = w->pg->nlines;
		f->src_off = w->line.len;
	}
	if ((ci = carried(w, e)) >= 0 && w->c.el[ci] >= 0) {
		f->el = w->c.el[ci];
		f->undo |= W_CARRY;
	} else if (implied && w->c.root[t == GUMBO_TAG_BODY] >= 0) {
		f->el = w->c.root[t == GUMBO_TAG_BODY];
		f->undo |= W_CARRY;
	} else
		f->el = new_el(w, e, t);
	if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY)
		w->c.root[t == GUMBO_TAG_BODY] = f->el;
	w->el = f->el;
	if (t == GUMBO_TAG_TR && (ci >= 0 ? w->c.row[ci] : data_row(f->node))) {
		f->undo |= W_ROW;
		w->row++;
		w->flags |= HL_ROW;
	}
	return true;
}

static void
leave(struct walk *w, struct frame *f)
{
	if ((f->undo & W_LINK) && w->line.len > f->link_off &&
	    names_a_file(w->line.s + f->link_off, w->line.len - f->link_off))
		w->flags |= HL_ATTACH;
	/* Open at the cut: its line goes on in the next piece. */
	bool open = f->undo & W_OPEN;

	if ((f->undo & W_SOURCE) && f->el < 0 && !open)
		add_source(w, f);
	if (f->el >= 0) {
		if (!open)
			flush(w);
		if ((f->undo & W_SOURCE) && !open)
			add_source(w, f);
		w->pg->els[f->el].last = w->pg->nlines;
		/* Its enclosing blocks of the piece before end no earlier. */
		if (f->undo & W_CARRY)
			for (int p = w->pg->els[f->el].parent; p >= 0 &&
			    w->pg->els[p].last < w->pg->nlines; p = w->pg->els[p].parent)
				w->pg->els[p].last = w->pg->nlines;
		/* A widget's control makes its enclosing blocks widgets too;
		 * article.c weighs how much else they hold. */
		if ((w->pg->els[f->el].flags & HE_FORM) && f->saved_el >= 0)
			w->pg->els[f->saved_el].flags |= HE_FORM;
		w->el = f->saved_el;
	}
	if (f->undo & W_ROW) {
		if (!open)
			flush(w);
		w->row--;
	}
	if (f->undo & W_LINK) {
		w->link--;
		w->href = f->saved_href;
	}
	if (f->undo & W_PRE)
		w->pre--;
	if (f->undo & W_HIDDEN)
		w->hidden--;
	if (f->undo & W_HEAD)
		w->head--;
}

static void
walk_tree(struct walk *w, GumboNode *root)
{
	w->depth = 0;
	push(w, root);
	while (w->depth > 0) {
		struct frame *f = &w->stack[w->depth - 1];
		GumboNode *n = f->node;
		GumboVector *kids;

		if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
		    n->type != GUMBO_NODE_TEMPLATE) {
			if (n->type != GUMBO_NODE_COMMENT && !w->head)
				add_text(w, &n->v.text);
			w->depth--;
			continue;
		}
		if (n->type == GUMBO_NODE_TEMPLATE) {
			w->depth--;
			continue;
		}
		kids = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children :
		    &n->v.element.children;
		if (f->child == 0 && n->type == GUMBO_NODE_ELEMENT) {
			bool in = enter(w, f);

			if (w->c.si < w->c.nspine && w->c.spine[w->c.si] == n) {
				w->c.spine_row[w->c.si] = f->undo & W_ROW;
				w->c.spine_el[w->c.si++] = f->el;
				f->undo |= W_OPEN;
			}
			if (!in) {
				leave(w, f);
				w->depth--;
				continue;
			}
		}
		if (f->child < kids->length) {
			GumboNode *k = kids->data[f->child++];

			push(w, k);
			continue;
		}
		if (n->type == GUMBO_NODE_ELEMENT)
			leave(w, f);
		w->depth--;
	}
	/* A line still open at a cut goes on in the next piece. */
	if (w->c.nspine == 0)
		flush(w);
}

/* Where the next piece of a long page starts, near the limit lim: after
 * a line end that follows a tag (between tags, most likely), else after
 * a tag's end, else before a tag's start (a long tag, an inline image,
 * goes whole into the next piece), else after any line end, else after
 * a tag's end further on, else on a character's start. */
static size_t
cut_at(const char *p, size_t n, size_t lim)
{
	size_t back = lim / 8, nl = 0;
	const char *q;

	if (n <= lim)
		return n;
	for (size_t i = lim; i > lim - back; i--) {
		size_t j = i - 1;

		if (p[j] != '\n')
			continue;
		if (!nl)
			nl = i;
		while (j > 0 && (p[j - 1] == '\r' || p[j - 1] == ' ' || p[j - 1] == '\t'))
			j--;
		/* Not <!--[if IE]>, which opens a comment. */
		if (j > 1 && p[j - 1] == '>' && p[j - 2] != ']')
			return i;
	}
	if ((q = memchr(p + lim, '>', n - lim < back ? n - lim : back)) != NULL)
		return (size_t)(q - p) + 1;
	for (size_t i = lim; i > lim / 2; i--)
		if (p[i] == '<')
			return i;
	if (nl)
		return nl;
	/* Inside a tag longer than half a piece: after its end. */
	if ((q = memchr(p + lim, '>', n - lim < lim / 2 ? n - lim : lim / 2)) != NULL)
		return (size_t)(q - p) + 1;
	while (lim > 0 && ((unsigned char)p[lim] & 0xC0) == 0x80)
		lim--;
	return lim;
}

/* An element that has no end: it is never open. */
static bool
is_void(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BR:
	case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_HR:
	case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN:
	case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM:
	case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR:
		return true;
	default:
		return false;
	}
}

/* Whether a node is white space only, or a comment. */
static bool
is_blank(GumboNode *n)
{
	return n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_COMMENT;
}

/* The elements open at the end of a piece: from the root, the last child
 * while it is an element the end of the input closed (no end tag of its
 * own) and nothing but white space follows it. */
static void
find_spine(struct carry *c, GumboNode *doc)
{
	GumboNode *n = doc;

	c->nspine = c->si = 0;
	c->comment = 0;
	for (;;) {
		GumboVector *k = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children :
		    &n->v.element.children;
		unsigned i = k->length;
		GumboNode *last;

		if (i > 0 && (last = k->data[i - 1])->type == GUMBO_NODE_COMMENT) {
			const GumboStringPiece *t = &last->v.text.original_text;

			if ((t->length < 7 || memcmp(t->data + t->length - 3, "-->", 3) != 0) &&
			    last->v.text.start_pos.offset >= c->prelen)
				c->comment = last->v.text.start_pos.offset - c->prelen;
		}
		while (i > 0 && is_blank(k->data[i - 1]))
			i--;
		if (i == 0)
			return;
		last = k->data[i - 1];
		/* Cut inside <head>: the parser made an empty <body> after it. */
		if (i >= 2 && last->type == GUMBO_NODE_ELEMENT &&
		    last->v.element.tag == GUMBO_TAG_BODY &&
		    last->v.element.children.length == 0 &&
		    (last->parse_flags & GUMBO_INSERTION_BY_PARSER) &&
		    ((GumboNode *)k->data[i - 2])->type == GUMBO_NODE_ELEMENT &&
		    ((GumboNode *)k->data[i - 2])->v.element.tag == GUMBO_TAG_HEAD)
			last = k->data[i - 2];
		if (last->type != GUMBO_NODE_ELEMENT || is_void(last->v.element.tag))
			return;
		/* </body> and </html> close nothing: what follows them goes
		 * into the elements still open. */
		if (last->v.element.original_end_tag.length > 0 &&
		    last->v.element.tag != GUMBO_TAG_HTML &&
		    last->v.element.tag != GUMBO_TAG_BODY)
			return;
		if (c->nspine == c->capspine) {
			c->capspine = c->capspine ? 2 * c->capspine : 32;
			c->spine = xrealloc(c->spine, c->capspine * sizeof *c->spine);
			c->spine_el = xrealloc(c->spine_el, c->capspine * sizeof *c->spine_el);
			c->spine_row = xrealloc(c->spine_row, c->capspine * sizeof *c->spine_row);
		}
		c->spine_el[c->nspine] = -1;
		c->spine_row[c->nspine] = false;
		c->spine[c->nspine++] = last;
		n = last;
	}
}

/* Where the innermost table row open at the cut starts in the piece
 * (not in the tags before it), or 0. */
static size_t
open_row(const struct carry *c)
{
	for (size_t i = c->nspine; i-- > 0; ) {
		const GumboElement *e = &c->spine[i]->v.element;

		if (e->tag != GUMBO_TAG_TR)
			continue;
		if (e->original_tag.length == 0 || e->start_pos.offset < c->prelen)
			return 0;
		return e->start_pos.offset - c->prelen;
	}
	return 0;
}

/* The start tags of the open elements, for the next piece.  Newlines in
 * them become spaces, so the next piece's lines keep their numbers. */
static void
carry_tags(struct carry *c, bool standards)
{
	buf_clear(&c->tags);
	c->n = 0;
	if (standards)
		buf_adds(&c->tags, "<!DOCTYPE html>");
	for (size_t i = 0; i < c->nspine; i++) {
		const GumboStringPiece *t = &c->spine[i]->v.element.original_tag;

		/* Made by the parser, or from an end tag (</p>): not in the
		 * source as a start tag; the parser makes it again if needed. */
		if (t->length < 2 || t->data[1] == '/')
			continue;
		if (c->tags.len + t->length > (1u << 20))
			break;
		if (c->n == c->cap) {
			c->cap = c->cap ? 2 * c->cap : 32;
			c->off = xrealloc(c->off, c->cap * sizeof *c->off);
			c->el = xrealloc(c->el, c->cap * sizeof *c->el);
			c->row = xrealloc(c->row, c->cap * sizeof *c->row);
		}
		c->off[c->n] = c->tags.len;
		c->row[c->n] = c->spine_row[i];
		c->el[c->n++] = c->spine_el[i];
		for (size_t j = 0; j < t->length; j++)
			buf_addc(&c->tags, t->data[j] == '\n' || t->data[j] == '\r' ?
			    ' ' : t->data[j]);
	}
}

/* The lines of p[0..k) as the parser counts them: a lone CR ends one
 * too. */
static unsigned long
count_lines(const char *p, size_t k)
{
	const char *e = p + k, *q;
	unsigned long n = 0;

	for (q = p; (q = memchr(q, '\n', (size_t)(e - q))) != NULL; q++)
		n++;
	for (q = p; (q = memchr(q, '\r', (size_t)(e - q))) != NULL; q++)
		n += q + 1 == e || q[1] != '\n';
	return n;
}

void
html_parse(struct hpage *pg, const char *p, size_t n)
{
	GumboOptions opt = kGumboDefaultOptions;
	struct walk w = { .pg = pg, .el = -1, .c.root = { -1, -1 } };
	struct buf piece = { 0 };

	buf_clear(&pg->text);
	buf_clear(&pg->srctext);
	pg->nlines = pg->nels = pg->nsrc = 0;
	hmeta_clear(&pg->meta);
	/* Parse errors are not used: recording them costs time and memory. */
	opt.max_errors = 0;
	while (n > 0) {
		size_t lim = pg->piece ? pg->piece : HTML_CHUNK;
		size_t k = cut_at(p, n, lim), row, floor = k - k / 8;
		const char *src;
		size_t len;
		GumboOutput *out;

		for (;;) {
			src = p;
			len = k;
			if (w.c.tags.len > 0) {
				buf_clear(&piece);
				buf_add(&piece, w.c.tags.s, w.c.tags.len);
				buf_add(&piece, p, k);
				src = piece.s;
				len = piece.len;
			}
			w.c.pre = src;
			w.c.prelen = w.c.tags.len;
			out = gumbo_parse_with_options(&opt, src, len);
			w.c.nspine = w.c.si = 0;
			if (k == n)
				break;
			find_spine(&w.c, out->document);
			/* A table row open at the cut would be judged on some of
			 * its cells, a comment open at it read as text after it:
			 * the piece ends before them instead. */
			row = open_row(&w.c);
			if (row < floor)
				row = 0;
			if (w.c.comment > k / 2 && (row == 0 || w.c.comment < row))
				row = w.c.comment;
			if (row == 0)
				break;
			gumbo_destroy_output(&opt, out);
			k = row;
		}
		walk_tree(&w, out->document);
		if (k < n)
			carry_tags(&w.c, out->document->v.document.doc_type_quirks_mode ==
			    GUMBO_DOCTYPE_NO_QUIRKS);
		gumbo_destroy_output(&opt, out);
		w.base += count_lines(p, k);
		p += k;
		n -= k;
		w.el = -1;
		w.link = w.pre = w.hidden = w.head = w.row = 0;
	}
	buf_free(&piece);
	buf_free(&w.c.tags);
	free(w.c.off);
	free(w.c.el);
	free(w.c.spine);
	free(w.c.spine_el);
	free(w.c.spine_row);
	free(w.c.row);
	buf_free(&w.line);
	free(w.stack);
}

bool
html_well_formed(const struct hpage *pg)
{
	for (size_t k = 0; k < pg->nels; k++) {
		const struct hel *e = &pg->els[k];

		if (e->first > e->last || e->last > pg->nlines || e->parent >= (int)k)
			return false;
		if (e->parent >= 0 && (pg->els[e->parent].first > e->first ||
		    pg->els[e->parent].last < e->last))
			return false;
	}
	for (size_t i = 0; i < pg->nlines; i++) {
		int el = pg->lines[i].el;

		if (el >= (int)pg->nels || (el >= 0 && (pg->els[el].first > i ||
		    pg->els[el].last <= i)))
			return false;
	}
	return true;
}

void
html_free(struct hpage *pg)
{
	buf_free(&pg->text);
	buf_free(&pg->srctext);
	free(pg->lines);
	free(pg->els);
	hmeta_free(&pg->meta);
	memset(pg, 0, sizeof *pg);
}
