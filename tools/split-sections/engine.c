#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "doc.h"
#include "emit.h"
#include "engine.h"
#include "frame.h"
#include "genre.h"
#include "items.h"
#include "key.h"
#include "marker.h"
#include "part.h"
#include "report.h"
#include "runin.h"
#include "sentence.h"
#include "title.h"
#include "toc.h"
#include "tree.h"
#include "tsv.h"

/* Rows at the head of a document in which the title may stand, lines a
 * title is set over at most, and the length of each of them. */
#define TITLE_ROWS 6
#define TITLE_LINES 4
#define TITLE_LINE_CPS 40
/* Bytes of a line of the head at most (an addressee of 100 characters) */
#define HEAD_LINE_MAX 400
/* Annex numbers (A1 … A99) */
#define SS_ANNEX_MAX 99

/* What the held-back row waits for. */
enum held {
	H_NONE,
	H_PARA,         /* a paragraph whose last 一是 the next row decides */
	H_MARKER,       /* a marker alone on its line, waiting for its words */
	H_ISSUER,       /* a body's name, the first line of a title 关于…? */
	H_LABEL,        /* 附件： alone, an annex's label or the annex list? */
	H_GLUED,        /* 1总则: the first level of an outline if 1.1 follows */
	H_HEAD          /* 1.1 before any text: a table of contents if 1.2
			 * follows */
};

struct ss {
	struct ss_opts opt;
	struct ss_emitter em;
	struct ss_docs docs;
	struct ss_doc *cur;

	int held;
	struct buf hprefix, htext;
	struct ss_rowref href;
	int hstyle;

	struct ss_key key;
	struct ss_items items;
	struct buf line;
};

struct ss *
ss_new(const struct ss_opts *opts, ss_emit_fn emit, void *arg)
{
	struct ss *s = xcalloc(1, sizeof *s);

	s->opt = *opts;
	s->em.fn = emit;
	s->em.arg = arg;
	s->em.keep_markers = opts->keep_markers;
	s->em.sentences = opts->sentences;
	return s;
}

void
ss_free(struct ss *s)
{
	if (!s)
		return;
	ss_docs_free(&s->docs);
	buf_free(&s->hprefix);
	buf_free(&s->htext);
	buf_free(&s->line);
	ss_items_free(&s->items);
	free(s);
}

/* ---- parts ---- */

static int
part_now(const struct ss_doc *d)
{
	if (d->tree.annex)
		return P_ANNEX;
	switch (d->genre) {
	case G_PLAN:
		if (d->tree.depth == 0)
			return P_OTHER;
		for (int i = 0; i < d->tree.depth; i++)
			if (d->tree.lv[i].named != P_NONE)
				return d->tree.lv[i].named;
		return P_TASKS;
	case G_OTHER:
		return P_OTHER;
	default:
		return ss_report_part(&d->rep, &d->tree);
	}
}

/* The part the wording of the current heading names. */
static void
name_level(struct ss *s, struct ss_doc *d, const char *h, size_t hn)
{
	ss_key_fold(&s->key, h, hn, SS_KEY_MAX);
	ss_report_heading(&d->rep, &d->tree, s->key.s);
	if (d->genre == G_PLAN)
		ss_tree_top(&d->tree)->named = (signed char)ss_genre_part(s->key.s);
}

/* ---- the held-back row ---- */

static void
hold(struct ss *s, const struct ss_rowref *r, const char *t, size_t n,
    int what, int style)
{
	buf_clear(&s->hprefix);
	buf_add(&s->hprefix, r->prefix, r->prefix_len);
	buf_clear(&s->htext);
	buf_add(&s->htext, t, n);
	s->href = *r;
	s->href.prefix = s->hprefix.s;
	s->hstyle = style;
	s->held = what;
}

static void body(struct ss *s, struct ss_doc *d, const struct ss_rowref *r,
    const char *t, size_t n, int confirm);
static int frame_part(const struct ss_doc *d);
static void frame_row(struct ss *s, struct ss_doc *d, const struct ss_rowref *r,
    int kind, const char *text, size_t n);
static void annex_label(struct ss *s, struct ss_doc *d,
    const struct ss_rowref *r, const char *text, size_t n, unsigned num,
    size_t rest);
static void annex_list(struct ss *s, struct ss_doc *d,
    const struct ss_rowref *r, const char *text, size_t n, size_t rest);
static void start_annex(struct ss *s, struct ss_doc *d, unsigned num);

/* Releases the held row; confirm: whether the row after it goes on with
 * its enumeration. */
static void
flush(struct ss *s, int confirm)
{
	int what = s->held;

	s->held = H_NONE;
	switch (what) {
	case H_MARKER:
		/* a marker alone, its words (or their absence) decided */
		ss_emit(&s->em, &s->href, K_HEADING, s->cur->tree.path,
		    part_now(s->cur), s->htext.s, s->htext.len);
		break;
	case H_PARA:
		body(s, s->cur, &s->href, s->htext.s, s->htext.len, confirm);
		break;
	case H_ISSUER:
		ss_emit_body(&s->em, &s->href, K_PARA, s->cur->tree.path,
		    frame_part(s->cur), s->htext.s, s->htext.len);
		break;
	case H_LABEL:
		annex_label(s, s->cur, &s->href, s->htext.s, s->htext.len, 0,
		    s->htext.len);
		break;
	case H_HEAD: {
		size_t off = s->opt.keep_markers ? 0 : (size_t)s->hstyle;

		ss_emit(&s->em, &s->href, K_HEADING, s->cur->tree.path,
		    part_now(s->cur), s->htext.s + off, s->htext.len - off);
		break;
	}
	case H_GLUED:
		s->cur->heads_only = 0;
		ss_emit_body(&s->em, &s->href, K_PARA, s->cur->tree.path,
		    part_now(s->cur), s->htext.s, s->htext.len);
		break;
	}
}

/* A paragraph: para text and the items of the enumerations in it. */
static void
body(struct ss *s, struct ss_doc *d, const struct ss_rowref *r, const char *t,
    size_t n, int confirm)
{
	int style = d->en_style;
	unsigned last = d->en_last;

	if (n > 0)
		d->heads_only = 0;
	ss_items_scan(&s->items, t, n);
	if (s->items.n) {
		int u = ss_items_decide(&s->items, confirm, &style, &last);

		if (u >= 0) {
			hold(s, r, t, n, H_PARA, u);
			return;
		}
	}
	if (ss_items_first(&s->items)) {
		d->en_style = style;
		d->en_last = last;
	} else {
		/* (1)…;(2)… written inside the line: its own items */
		(void)ss_items_list(&s->items, t, n);
	}
	ss_emit_items(&s->em, r, d->tree.path, part_now(d), t, n, &s->items);
}

/* Whether row t goes on with the enumeration of the held-back row. */
static int
continues(struct ss *s, const char *t, size_t n)
{
	return ss_items_continues(&s->items, t, n, s->hstyle);
}

/* ---- headings ---- */

/* The numbering of tables of contents: outlines, chapters, sections. */
static bool
toc_type(int type)
{
	return type == MT_DEC || type == MT_PART || type == MT_SEC;
}

/* The heading of marker m in line t: its text to hend, the words that
 * name its part to proper. */
static void
heading(struct ss *s, struct ss_doc *d, const struct ss_rowref *r,
    const struct ss_marker *m, const char *t, size_t n, size_t hend,
    size_t proper)
{
	const char *h = t + m->len;
	size_t hn = hend - m->len;
	int level = ss_tree_level(&d->tree, m);

	/* 1.2 right after 1.1, and nothing but headings since the first
	 * one: a table of contents, whose first entry comes again where
	 * the body begins */
	if (d->heads > 0 && d->heads_only == d->heads && level == d->head_level &&
	    d->first_keylen > 0 && toc_type(m->type)) {
		ss_toc_resume(&d->toc, d->first_key, d->first_keylen,
		    d->first_parts);
		frame_row(s, d, r, K_PARA, t, n);
		return;
	}
	if (d->heads == 0) {
		d->first_keylen = ss_toc_key(&s->key, t, n, d->first_key);
		d->first_parts = m->type == MT_DEC ? m->nparts : 0;
	}
	d->heads++;
	d->heads_only++;
	d->head_level = level;
	ss_tree_open(&d->tree, m);
	d->en_style = -1;
	d->en_last = 0;
	d->heading_seen = true;
	d->bare_marker = hn == 0;
	name_level(s, d, h, proper - m->len);
	d->tree.fresh = hend == n;
	if (hn == 0 && hend == n) {
		hold(s, r, s->opt.keep_markers ? t : h, s->opt.keep_markers ? n : 0,
		    H_MARKER, 0);
		return;
	}
	/* a later heading alone with no text yet: the table of contents
	 * shows itself when its next entry follows (see ss_row) */
	if (hend == n && d->heads >= 2 && d->heads_only == d->heads &&
	    toc_type(m->type)) {
		hold(s, r, t, n, H_HEAD, (int)m->len);
		return;
	}
	if (s->opt.keep_markers)
		ss_emit(&s->em, r, K_HEADING, d->tree.path, part_now(d), t, hend);
	else
		ss_emit(&s->em, r, K_HEADING, d->tree.path, part_now(d), h, hn);
	if (hend < n)
		body(s, d, r, t + hend, n - hend, -1);
}

/* ---- rows ---- */

/* Flag c (page chrome kept by zh-normalize --keep-chrome) in the third
 * column of a doc line flags text row. */
static bool
is_chrome(const char *p, size_t n, size_t ncols)
{
	size_t st, len;
	bool c = false;

	if (ncols < 3 || !tsv_field(p, n, 2, &st, &len) || len == 0 || len > 16)
		return false;
	for (size_t i = st; i < st + len; i++) {
		if (p[i] < 'a' || p[i] > 'z')
			return false;
		if (p[i] == 'c')
			c = true;
	}
	return c;
}

static struct ss_doc *
doc_of(struct ss *s, const struct ss_rowref *r, const char *id, size_t idn)
{
	if (s->cur && ss_doc_is(s->cur, id, idn))
		return s->cur;
	flush(s, 0);
	return s->cur = ss_docs_get(&s->docs, r, id, idn);
}

/* "2024年,我区…" opening the preamble: the year reported on. */
static void
preamble_year(struct ss_doc *d, const char *text, size_t n)
{
	if (!d->heading_seen && !d->rep.year && n >= 7 && text[0] == '2' &&
	    text[1] == '0' && text[2] >= '0' && text[2] <= '9' &&
	    text[3] >= '0' && text[3] <= '9' && memcmp(text + 4, "年", 3) == 0)
		d->rep.year = 2000 + (text[2] - '0') * 10 + (text[3] - '0');
}

static bool
report_genre(const struct ss_doc *d)
{
	return !d->tree.annex && (d->genre == G_UNKNOWN || d->genre == G_REPORT);
}

/* The part of the rows of the document's frame. */
static int
frame_part(const struct ss_doc *d)
{
	return d->tree.annex ? P_ANNEX : P_OTHER;
}

static void
frame_row(struct ss *s, struct ss_doc *d, const struct ss_rowref *r, int kind,
    const char *text, size_t n)
{
	ss_emit(&s->em, r, kind, d->tree.root, frame_part(d), text, n);
}

/* Whether a paragraph is prose of the body (a sentence, or long), not a
 * line of the head. */
static bool
is_prose(const char *text, size_t n)
{
	return ss_sentence_end(text, n, 0, false) < n || ss_cp_count(text, n) > 30 ||
	    (n >= 3 && memcmp(text + n - 3, "。", 3) == 0);
}

/* ---- titles ---- */

/* A later line of a title set over lines (or the first after an annex's
 * label): short, no sentence punctuation, no number, not the frame. */
static bool
title_goes_on(const struct ss_key *k, const char *text, size_t n)
{
	if (n > 4 * TITLE_LINE_CPS || ss_cp_count(text, n) > TITLE_LINE_CPS ||
	    strpbrk(k->s, ",;:!?") || strstr(k->s, "。") ||
	    ss_frame_docnum(k) || ss_frame_end(k) > SIG_NAME ||
	    ss_frame_head_date(k) ||
	    ss_frame_annex(text, n, &(unsigned){ 0 }, &(size_t){ 0 }) != AX_NONE)
		return false;
	for (size_t i = 0; i < k->len; i++)
		if ((unsigned char)k->s[i] >= 0xE4 && (unsigned char)k->s[i] <= 0xE9)
			return true;            /* some Han */
	return false;
}

static void
title_row(struct ss *s, struct ss_doc *d, const struct ss_rowref *r,
    const char *text, size_t n, bool open)
{
	ss_key_fold(&s->key, text, n, SS_KEY_MAX);
	if (!d->rep.year)
		d->rep.year = ss_part_year(s->key.s);
	if (!d->tree.annex) {
		int g = ss_genre_of_title(s->key.s, d->title_about);

		if (g != G_UNKNOWN)
			d->genre = g;
	}
	d->title_about = d->title_about || strstr(s->key.s, "关于") != NULL;
	d->articles = d->articles || ss_genre_articles(s->key.s);
	d->after_title = true;
	d->title_done = true;
	d->title_open = open && !zh_title_ends(text, n);
	d->title_lines++;
	d->label = false;
	/* 关于印发某某规划 / 实施方案的通知: open until the notice's word */
	d->title_issue = d->title_issue || ss_genre_issues(s->key.s);
	if (d->title_issue && !d->tree.annex) {
		bool done = ss_genre_wrapper_end(s->key.s);

		d->title_open = !done;
	}
	ss_emit(&s->em, r, K_TITLE, d->tree.root, frame_part(d), text, n);
}

/* A short line in brackets, not a sentence: (试行), (2021—2025年). */
static bool
title_bracket(const struct ss_key *k)
{
	size_t n = k->len;

	while (n > 0 && k->s[n - 1] == ' ')
		n--;
	return n > 2 && k->s[0] == '(' && k->s[n - 1] == ')' &&
	    ss_cp_count(k->s, n) <= 20 && !strstr(k->s, "。") &&
	    !strpbrk(k->s, ",;:");
}

/* A line that goes on with the words before it: it opens with a
 * bracket or a joining word. */
static bool
title_joint(const struct ss_key *k)
{
	static const char *const joints[] = { "的", "和", "及", "与", "暨", NULL };

	if (k->s[0] == '(')
		return true;
	for (const char *const *j = joints; *j; j++)
		if (strncmp(k->s, *j, strlen(*j)) == 0)
			return true;
	return false;
}

/* The issuing body on the line before a title 关于…: both are the title. */
static void
issuer_resolve(struct ss *s, struct ss_doc *d, bool mk, const char *text,
    size_t n)
{
	struct ss_rowref r = s->href;

	if (!mk && zh_title_like(text, n) != ZH_TITLE_NO) {
		ss_key_fold(&s->key, text, n, 12);
		if (strncmp(s->key.s, "关于", 6) == 0) {
			s->held = H_NONE;
			title_row(s, d, &r, s->htext.s, s->htext.len, false);
			d->title_done = false;
			return;
		}
	}
	flush(s, 0);
}

/* 附件： alone: the list of annexes when numbered entries follow it
 * (1.…统计表), else the label of an annex.  Returns whether the row was
 * an entry of the list. */
static bool
label_resolve(struct ss *s, struct ss_doc *d, const struct ss_rowref *r,
    bool mk, const struct ss_marker *m, const char *text, size_t n)
{
	struct ss_rowref lr = s->href;

	if (mk && m->num == 1 && m->len < n && !is_prose(text + m->len,
	    n - m->len)) {
		s->held = H_NONE;
		annex_list(s, d, &lr, s->htext.s, s->htext.len, s->htext.len);
		d->alist_type = (int)m->type;
		d->alist_last = 1;
		d->rows++;
		frame_row(s, d, r, K_ANNEXLIST, text, n);
		return true;
	}
	flush(s, 0);
	return false;
}

/* The head of a document, before its first heading: the title (over
 * several lines, or after an annex's label), the document number, the
 * addressee, a date under the title.  Returns whether the row was one. */
static bool
head_frame(struct ss *s, struct ss_doc *d, const struct ss_rowref *r,
    const char *text, size_t n, bool prev_title)
{
	int t;

	/* titles, numbers, addressees and dates are short lines */
	if (n > HEAD_LINE_MAX)
		return false;
	ss_key_fold(&s->key, text, n, SS_KEY_MAX);
	if (d->title_open) {
		if (d->title_lines < TITLE_LINES && title_goes_on(&s->key, text, n)) {
			title_row(s, d, r, text, n, true);
			return true;
		}
		d->title_open = false;
	}
	/* (2021—2025年), (试行) under a title, or a line that cannot open
	 * a sentence (…规划 / (2025—2027年)的通知, …办法 / 和…细则): part
	 * of it */
	if (prev_title && d->title_lines < TITLE_LINES &&
	    !ss_frame_head_date(&s->key) && (title_bracket(&s->key) ||
	    (title_goes_on(&s->key, text, n) && title_joint(&s->key)))) {
		title_row(s, d, r, text, n, true);
		return true;
	}
	if (!d->title_done && d->rows <= TITLE_ROWS) {
		if (d->label)
			t = title_goes_on(&s->key, text, n) ? ZH_TITLE_OPEN : ZH_TITLE_NO;
		else
			t = zh_title_like(text, n);
		if (t != ZH_TITLE_NO) {
			title_row(s, d, r, text, n, t == ZH_TITLE_OPEN);
			return true;
		}
		if (d->rows == 1 && !d->label && ss_frame_body_name(&s->key)) {
			hold(s, r, text, n, H_ISSUER, 0);
			return true;
		}
	}
	d->label = false;
	if (ss_frame_docnum(&s->key)) {
		frame_row(s, d, r, K_DOCNUM, text, n);
		return true;
	}
	if (!d->prose && (ss_frame_addressee(&s->key) ||
	    ss_frame_head_date(&s->key))) {
		frame_row(s, d, r, ss_frame_addressee(&s->key) ? K_ADDRESSEE : K_DATE,
		    text, n);
		return true;
	}
	return false;
}

/* ---- the end of a body, annexes ---- */

static void
start_annex(struct ss *s, struct ss_doc *d, unsigned num)
{
	flush(s, 0);
	if (num == 0 || num <= d->annexes)
		num = d->annexes + 1;
	if (num > SS_ANNEX_MAX)
		num = SS_ANNEX_MAX;
	ss_doc_restart(d, num);
	d->annexes = num;
}

/* 附件：1.… : the list of annexes, numbered as its first entry is. */
static void
annex_list(struct ss *s, struct ss_doc *d, const struct ss_rowref *r,
    const char *text, size_t n, size_t rest)
{
	struct ss_marker m;

	d->closed = true;
	d->alist_type = -1;
	if (ss_marker_heading(text + rest, n - rest, &m) && m.num == 1) {
		d->alist_type = (int)m.type;
		d->alist_last = 1;
	}
	frame_row(s, d, r, K_ANNEXLIST, text, n);
}

static void
annex_label(struct ss *s, struct ss_doc *d, const struct ss_rowref *r,
    const char *text, size_t n, unsigned num, size_t rest)
{
	start_annex(s, d, num);
	frame_row(s, d, r, K_ANNEX, text, n);
	/* 附件1：…实施方案: the title on the label's line */
	d->label = rest == n;
	d->title_done = rest < n;
	d->title_open = rest < n && !zh_title_ends(text + rest, n - rest);
	d->title_lines = rest < n;
}

/* The lines that end a body: the annex list, the signature and date,
 * the closing formula; an annex's label.  Returns whether the row was
 * one of them. */
static bool
end_frame(struct ss *s, struct ss_doc *d, const struct ss_rowref *r,
    const char *text, size_t n)
{
	unsigned num;
	size_t rest;
	int sig;

	switch (ss_frame_annex(text, n, &num, &rest)) {
	case AX_LABEL:
		if (num == 0)
			hold(s, r, text, n, H_LABEL, 0);
		else
			annex_label(s, d, r, text, n, num, rest);
		return true;
	case AX_TEXT:
		if (d->tree.annex && num)
			annex_label(s, d, r, text, n, num, rest);
		else
			annex_list(s, d, r, text, n, rest);
		return true;
	}
	/* the signature and the date are short lines, even padded */
	if (n > SS_FRAME_LINE_MAX)
		return false;
	ss_key_fold(&s->key, text, n, SS_KEY_MAX);
	/* (此件公开发布) where the signature was left out */
	if (ss_frame_note(&s->key) && ss_frame_note_words(&s->key)) {
		d->closed = true;
		frame_row(s, d, r, K_NOTE, text, n);
		return true;
	}
	switch ((sig = ss_frame_end(&s->key))) {
	case SIG_NAME:
		frame_row(s, d, r, K_SIGNATURE, text, n);
		return true;
	case SIG_DATE:
	case SIG_NAME_DATE:
		d->closed = true;
		frame_row(s, d, r, sig == SIG_DATE ? K_DATE : K_SIGNATURE, text, n);
		return true;
	case SIG_CLOSING:
		d->closed = true;
		ss_emit_body(&s->em, r, K_PARA, d->tree.path, frame_part(d), text, n);
		return true;
	}
	return false;
}

/* 附件2 (a label with its number) in the head of annex 1. */
static bool
next_label(struct ss *s, struct ss_doc *d, const struct ss_rowref *r,
    const char *text, size_t n)
{
	unsigned num;
	size_t rest;

	if (ss_frame_annex(text, n, &num, &rest) == AX_NONE || num <= d->annexes)
		return false;
	annex_label(s, d, r, text, n, num, rest);
	return true;
}

enum { AFTER_DONE, AFTER_BODY };

/* A row after the end of the body: more of the frame, an annex, or (when
 * the top-level numbering goes on) the body again. */
static int
after_close(struct ss *s, struct ss_doc *d, const struct ss_rowref *r,
    const struct ss_marker *m, bool mk, bool *acc, bool head_like,
    const char *text, size_t n)
{
	unsigned num;
	size_t rest;
	int ax;

	flush(s, 0);
	d->rows++;
	if (*acc && d->tree.depth > 0 && m->type == d->tree.lv[0].type &&
	    m->num == d->tree.lv[0].num + 1 && head_like) {
		d->closed = false;
		d->rows--;
		return AFTER_BODY;
	}
	if (mk && d->alist_type == (int)m->type && m->num == d->alist_last + 1) {
		d->alist_last++;
		frame_row(s, d, r, K_ANNEXLIST, text, n);
		return AFTER_DONE;
	}
	if (!mk && (ax = ss_frame_annex(text, n, &num, &rest)) != AX_NONE) {
		struct ss_marker lm;

		/* 附件：1.… after the signature is still the list */
		if (ax == AX_TEXT && num == 0 &&
		    ss_marker_heading(text + rest, n - rest, &lm) && lm.num == 1)
			annex_list(s, d, r, text, n, rest);
		else if (ax == AX_LABEL && num == 0)
			hold(s, r, text, n, H_LABEL, 0);
		else
			annex_label(s, d, r, text, n, num, rest);
		return AFTER_DONE;
	}
	if (!mk) {
		ss_key_fold(&s->key, text, n, SS_KEY_MAX);
		if (ss_frame_note(&s->key)) {
			frame_row(s, d, r, K_NOTE, text, n);
			return AFTER_DONE;
		}
		switch (ss_frame_end(&s->key)) {
		case SIG_NAME:
		case SIG_NAME_DATE:
			frame_row(s, d, r, K_SIGNATURE, text, n);
			return AFTER_DONE;
		case SIG_DATE:
			frame_row(s, d, r, K_DATE, text, n);
			return AFTER_DONE;
		}
		/* the document a notice issues or forwards, after it */
		if (zh_title_like(text, n) != ZH_TITLE_NO) {
			start_annex(s, d, 0);
			d->rows = 1;
			title_row(s, d, r, text, n, zh_title_like(text, n) ==
			    ZH_TITLE_OPEN);
			return AFTER_DONE;
		}
	}
	/* an annex that opens with its first heading (1 总则 too) */
	if (mk && m->num == 1 && head_like && (m->type <= MT_CNP ||
	    (m->type == MT_DEC && ss_marker_first(m)))) {
		start_annex(s, d, 0);
		*acc = true;
		return AFTER_BODY;
	}
	ss_emit_body(&s->em, r, K_PARA, d->tree.path, frame_part(d), text, n);
	return AFTER_DONE;
}

/* A title of a plan, notice or rules alone on its line. */
static bool
next_document(struct ss *s, const char *text, size_t n)
{
	int g;

	if (n > 4 * TITLE_LINE_CPS || zh_title_like(text, n) != ZH_TITLE_FULL)
		return false;
	ss_key_fold(&s->key, text, n, SS_KEY_MAX);
	/* 图1 汽车号牌编码规则, 表2 …: a caption */
	if ((strncmp(s->key.s, "图", 3) == 0 || strncmp(s->key.s, "表", 3) == 0) &&
	    ((s->key.s[3] >= '0' && s->key.s[3] <= '9') ||
	    ss_cn_number(s->key.s + 3, s->key.len - 3, &(size_t){ 0 }) > 0))
		return false;
	g = ss_genre_of_title(s->key.s, false);
	return g == G_PLAN || g == G_OTHER;
}

/* 1总则 held: the first level of an outline when its first child
 * follows (1.1编制目的). */
static void
glued_resolve(struct ss *s, struct ss_doc *d, bool mk,
    const struct ss_marker *m)
{
	struct ss_marker g;
	struct ss_rowref hr = s->href;

	if (mk && m->type == MT_DEC && m->nparts == 2 && m->num == 1 &&
	    ss_marker_heading(s->htext.s, s->htext.len, &g) &&
	    g.type == MT_DEC && g.nparts == 1 && g.num == m->parts[0]) {
		s->held = H_NONE;
		heading(s, d, &hr, &g, s->htext.s, s->htext.len, s->htext.len,
		    s->htext.len);
		return;
	}
	flush(s, 0);
}

/* A row of a table of contents being read: an entry (written as para,
 * true) or the start of the body, which begins its tree again when the
 * first entry comes back. */
static bool
toc_row(struct ss *s, struct ss_doc *d, const struct ss_rowref *r, bool mk,
    const struct ss_marker *m, const char *text, size_t n)
{
	int np = mk && m->type == MT_DEC ? m->nparts : 0;

	flush(s, 0);
	switch (ss_toc_entry(&d->toc, &s->key, text, n, np,
	    mk && ss_marker_first(m))) {
	case TOC_ENTRY:
		d->rows++;
		frame_row(s, d, r, K_PARA, text, n);
		return true;
	case TOC_AGAIN:
		/* after the date of a notice: the document it issues */
		if (d->closed) {
			start_annex(s, d, 0);
			break;
		}
		ss_tree_reset(&d->tree, d->tree.annex);
		d->heads = d->heads_only = 0;
		d->head_level = 0;
		d->first_keylen = 0;
		d->bare_marker = false;
		d->en_style = -1;
		break;
	}
	return false;
}

void
ss_row(struct ss *s, const char *file, unsigned long lineno,
    const char *prefix, size_t prefix_len, size_t ncols,
    const char *text, size_t n)
{
	struct ss_rowref r = { file, lineno, prefix, prefix_len, ncols > 0 };
	struct ss_doc *d;
	struct ss_marker m;
	bool mk, head_like = false, acc = false, list = false, prev_title;
	size_t hend = n, proper = n, htext = 0, hproper = 0, hcps;
	unsigned item = 0;

	if (ncols > 0) {
		const char *tab = memchr(prefix, '\t', prefix_len);
		size_t idn = tab ? (size_t)(tab - prefix) : prefix_len;

		/* A row padded by tsv_run has no id: it stays where it is. */
		if (idn > 0 || !s->cur)
			doc_of(s, &r, prefix, idn);
	} else if (!s->cur) {
		doc_of(s, &r, "", 0);
	}
	d = s->cur;

	if (is_chrome(prefix, prefix_len, ncols)) {
		flush(s, 0);
		ss_emit(&s->em, &r, K_PARA, d->tree.path, P_OTHER, text, n);
		return;
	}

	mk = ss_marker_heading(text, n, &m);
	if (!mk && m.overlong)
		zwarn(file, lineno, "numbering too long for a heading; kept as text");
	if (mk)
		ss_tree_reread(&d->tree, &m);
	if (d->toc.on && toc_row(s, d, &r, mk, &m, text, n))
		return;
	/* the held heading and this one, siblings with no text between:
	 * entries of a table of contents */
	if (s->held == H_HEAD) {
		if (mk && toc_type(m.type) &&
		    ss_tree_level(&d->tree, &m) == d->head_level &&
		    ss_tree_accepts(&d->tree, &m, true, true)) {
			struct ss_rowref hr = s->href;

			s->held = H_NONE;
			frame_row(s, d, &hr, K_PARA, s->htext.s, s->htext.len);
			ss_toc_resume(&d->toc, d->first_key, d->first_keylen,
			    d->first_parts);
			d->rows++;
			frame_row(s, d, &r, K_PARA, text, n);
			return;
		}
		flush(s, 0);
	}
	/* 目录 alone, or an entry with its page number (1.1 编制目的……3):
	 * a table of contents */
	if ((!mk && ss_toc_label(&s->key, text, n)) || (mk && n > 0 &&
	    text[n - 1] >= '0' && text[n - 1] <= '9' && ss_toc_paged(text, n))) {
		flush(s, 0);
		ss_toc_start(&d->toc);
		(void)toc_row(s, d, &r, mk, &m, text, n);
		if (!mk)
			d->toc.keylen = 0;      /* the label is no entry */
		return;
	}
	if (mk) {
		size_t cps;

		hend = ss_runin_end(text, n, m.len, &proper, &cps);
		head_like = cps <= SS_HEAD_LIKE_CPS;
		list = ss_runin_list(text, n, &m);
		acc = !list && ss_tree_accepts(&d->tree, &m, head_like, hend == n);
	}
	d->tree.fresh = false;
	prev_title = d->after_title;
	d->after_title = false;
	if (mk && m.tight && m.type == MT_ART && d->articles) {
		m.tight = false;
		acc = !list && ss_tree_accepts(&d->tree, &m, head_like, hend == n);
	}
	if (s->held == H_ISSUER)
		issuer_resolve(s, d, mk, text, n);
	if (s->held == H_LABEL) {
		if (label_resolve(s, d, &r, mk, &m, text, n))
			return;
		/* in the annex now: the marker is read again in its tree */
		acc = mk && !list && ss_tree_accepts(&d->tree, &m, head_like,
		    hend == n);
	}
	if (s->held == H_GLUED) {
		glued_resolve(s, d, mk, &m);
		acc = mk && !list && ss_tree_accepts(&d->tree, &m, head_like,
		    hend == n);
	}
	if (d->closed && after_close(s, d, &r, &m, mk, &acc, head_like, text, n) ==
	    AFTER_DONE)
		return;
	if (d->bare_marker && !mk) {
		htext = ss_runin_end(text, n, 0, &hproper, &hcps);
		if (hcps == 0 || hcps > SS_HEAD_LIKE_CPS)
			htext = 0;
	}
	if (s->held == H_MARKER && !htext)
		flush(s, 0);
	if (s->held == H_PARA)
		flush(s, acc ? 0 : continues(s, text, n));
	d->rows++;
	if (acc) {
		heading(s, d, &r, &m, text, n, hend, proper);
		return;
	}
	/* 1总则: a heading if 1.1 follows */
	if (mk && !list && hend == n && head_like &&
	    ss_tree_outline_start(&d->tree, &m) && ss_cp_count(text, n) <= 24) {
		hold(s, &r, text, n, H_GLUED, 0);
		return;
	}
	if (mk)
		item = ss_tree_reject(&d->tree, &m, head_like);
	/* "二、" alone, its words on the next line (markup split them):
	 * that line is the heading's text. */
	d->bare_marker = false;
	if (htext) {
		name_level(s, d, text, hproper);
		/* the marker's own row is no heading of its own: the words
		 * are the heading */
		if (s->held == H_MARKER) {
			s->held = H_NONE;
			ss_emit(&s->em, &s->href, K_PARA, d->tree.path, part_now(d),
			    s->htext.s, s->htext.len);
		}
		flush(s, 0);
		ss_emit(&s->em, &r, K_HEADING, d->tree.path, part_now(d), text,
		    htext);
		if (htext < n)
			body(s, d, &r, text + htext, n - htext, -1);
		return;
	}
	if (!mk && !d->heading_seen && head_frame(s, d, &r, text, n, prev_title))
		return;
	/* a marker that opens no heading but starts or goes on with a list */
	if (item && !list) {
		size_t from = s->opt.keep_markers ? 0 : m.len;

		d->prose = true;
		ss_emit_item(&s->em, &r, d->tree.path, item, part_now(d), text + from,
		    n - from);
		return;
	}
	preamble_year(d, text, n);
	/* "存在的问题" alone on its line in a report whose parts carry no
	 * number: a top-level heading, numbered by counting. */
	if (!mk && report_genre(d) &&
	    (d->tree.depth == 0 || d->tree.lv[0].type == MT_BARE) &&
	    ss_report_bare_heading(&s->key, text, n, d->tree.depth == 0)) {
		m.type = MT_BARE;
		m.num = d->tree.depth ? d->tree.lv[0].num + 1 : 1;
		m.len = 0;
		m.tight = false;
		heading(s, d, &r, &m, text, n, n, n);
		return;
	}
	if (!mk && (d->heading_seen || d->prose) && end_frame(s, d, &r, text, n))
		return;
	/* the title of the next document a notice issues, after the body of
	 * the one before (…转制为企业的规定 …, 进一步支持文化企业发展的规定) */
	if (!mk && d->tree.annex && d->heading_seen && next_document(s, text, n)) {
		start_annex(s, d, 0);
		d->rows = 1;
		title_row(s, d, &r, text, n, false);
		return;
	}
	/* the next annex's label right after an annex's title */
	if (!mk && d->tree.annex && !d->heading_seen && !d->prose &&
	    next_label(s, d, &r, text, n))
		return;
	if (report_genre(d))
		ss_report_cue(&d->rep, &d->tree, &s->key, text, n);
	if (!d->prose)
		d->prose = is_prose(text, n);
	body(s, d, &r, text, n, -1);
}

void
ss_end_input(struct ss *s)
{
	flush(s, 0);
	/* Without ids, each input is one document. */
	if (s->cur && s->cur->id.len == 0) {
		ss_doc_drop(s->cur);
		s->cur = NULL;
	}
}

void
ss_feed_buffer(struct ss *s, const char *file, const char *buf, size_t len)
{
	size_t pos = 0;
	unsigned long lineno = 0;

	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t ll = nl ? (size_t)(nl - buf - pos) : len - pos;
		char *ln, *tab = NULL;
		size_t ncols = 0, plen = 0, tl;

		lineno++;
		buf_clear(&s->line);
		buf_add(&s->line, buf + pos, ll);
		ln = s->line.s;
		for (size_t i = ll; i > 0; i--)
			if (ln[i - 1] == '\t') {
				tab = ln + i - 1;
				break;
			}
		if (tab) {
			plen = (size_t)(tab - ln);
			ncols = tsv_nfields(ln, plen);
		}
		tl = tsv_unescape(tab ? tab + 1 : ln, ll - (tab ? plen + 1 : 0));
		ss_row(s, file, lineno, ln, plen, ncols, tab ? tab + 1 : ln, tl);
		pos += ll + 1;
	}
	ss_end_input(s);
}
