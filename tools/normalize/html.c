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
};

enum { W_LINK = 1, W_PRE = 2, W_HIDDEN = 4, W_ROW = 8, W_CELL = 16, W_HEAD = 32 };

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
	"fenxiang", "dayin", "player", NULL };
static const char *const hint_title[] = { "title", "tit", "biaoti", "bt",
	"headline", "arttitle", "toptitle", "h1", NULL };

static bool
in_list(const char *const *l, const char *w, size_t n)
{
	for (int i = 0; l[i]; i++)
		if (strlen(l[i]) == n && strncasecmp(l[i], w, n) == 0)
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
	while (n > 0 && s[n - 1] == ' ')
		n--;
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

	for (size_t i = 0; s[i]; ) {
		unsigned char c = s[i];
		size_t k;

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
		k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		for (size_t j = 1; j < k; j++)
			if (s[i + j] == 0) {
				k = j;
				break;
			}
		/* A no-break space shows as a space; as a character it would
		 * be read as the GBK bytes A0A0 by the mojibake repair. */
		if (k == 2 && c == 0xC2 && s[i + 1] == 0xA0)
			buf_addc(&w->line, ' ');
		else
			buf_add(&w->line, s + i, k);
		/* U+00A0 and U+3000 are spaces to the text rules. */
		if (!(k == 2 && c == 0xC2 && s[i + 1] == 0xA0) &&
		    !(k == 3 && c == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80)) {
			w->chars++;
			if (w->link)
				w->link_chars++;
			if ((k == 3 && is_punct3(s + i)) || c == ',' || c == ';')
				w->punct++;
		}
		i += k;
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
	case GUMBO_TAG_HEADER: case GUMBO_TAG_FORM:
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
	if (w->row || !is_block(t))
		return true;
	flush(w);
	f->el = new_el(w, e, t);
	w->el = f->el;
	if (t == GUMBO_TAG_TR && data_row(f->node)) {
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
	if (f->el >= 0) {
		flush(w);
		w->pg->els[f->el].last = w->pg->nlines;
		/* A widget's control makes its enclosing blocks widgets too;
		 * article.c weighs how much else they hold. */
		if ((w->pg->els[f->el].flags & HE_FORM) && f->saved_el >= 0)
			w->pg->els[f->saved_el].flags |= HE_FORM;
		w->el = f->saved_el;
	}
	if (f->undo & W_ROW) {
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
		if (f->child == 0 && n->type == GUMBO_NODE_ELEMENT && !enter(w, f)) {
			leave(w, f);
			w->depth--;
			continue;
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
	flush(w);
}

/* Where the next piece of a long page starts: after a line end, or else
 * after a tag's end, near the limit. */
static size_t
cut_at(const char *p, size_t n)
{
	size_t lim = HTML_CHUNK, back = 1u << 20;
	const char *q;

	if (n <= lim)
		return n;
	for (size_t i = lim; i > lim - back; i--)
		if (p[i - 1] == '\n')
			return i;
	q = memchr(p + lim, '>', n - lim < back ? n - lim : back);
	return q ? (size_t)(q - p) + 1 : lim;
}

void
html_parse(struct hpage *pg, const char *p, size_t n)
{
	GumboOptions opt = kGumboDefaultOptions;
	struct walk w = { .pg = pg, .el = -1 };

	buf_clear(&pg->text);
	pg->nlines = pg->nels = 0;
	hmeta_clear(&pg->meta);
	/* Parse errors are not used: recording them costs time and memory. */
	opt.max_errors = 0;
	while (n > 0) {
		size_t k = cut_at(p, n);
		GumboOutput *out = gumbo_parse_with_options(&opt, p, k);

		walk_tree(&w, out->document);
		gumbo_destroy_output(&opt, out);
		for (size_t i = 0; i < k; i++)
			w.base += p[i] == '\n';
		p += k;
		n -= k;
		w.el = -1;
		w.link = w.pre = w.hidden = w.head = w.row = 0;
	}
	buf_free(&w.line);
	free(w.stack);
}

void
html_free(struct hpage *pg)
{
	buf_free(&pg->text);
	free(pg->lines);
	free(pg->els);
	hmeta_free(&pg->meta);
	memset(pg, 0, sizeof *pg);
}
