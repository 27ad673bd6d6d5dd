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
#include "title.h"
#include "tree.h"
#include "tsv.h"

/* Rows at the head of a document in which the title may stand. */
#define TITLE_ROWS 6

/* What the held-back row waits for. */
enum held {
	H_NONE,
	H_PARA,         /* a paragraph whose last 一是 the next row decides */
	H_MARKER        /* a marker alone on its line, waiting for its words */
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
	}
}

/* A paragraph: para text and the items of the enumerations in it. */
static void
body(struct ss *s, struct ss_doc *d, const struct ss_rowref *r, const char *t,
    size_t n, int confirm)
{
	int style = d->en_style;
	unsigned last = d->en_last;

	ss_items_scan(&s->items, t, n);
	if (s->items.n) {
		int u = ss_items_decide(&s->items, confirm, &style, &last);

		if (u >= 0) {
			hold(s, r, t, n, H_PARA, u);
			return;
		}
	}
	ss_emit_items(&s->em, r, d->tree.path, part_now(d), t, n, &s->items);
	if (ss_items_first(&s->items)) {
		d->en_style = style;
		d->en_last = last;
	}
}

/* Whether row t goes on with the enumeration of the held-back row. */
static int
continues(struct ss *s, const char *t, size_t n)
{
	return ss_items_continues(&s->items, t, n, s->hstyle);
}

/* ---- headings ---- */

static void
open_heading(struct ss *s, struct ss_doc *d, const struct ss_marker *m,
    const char *h, size_t hn)
{
	ss_tree_open(&d->tree, m);
	d->en_style = -1;
	d->en_last = 0;
	d->heading_seen = true;
	d->bare_marker = hn == 0;
	name_level(s, d, h, hn);
}

static void
heading(struct ss *s, struct ss_doc *d, const struct ss_rowref *r,
    const struct ss_marker *m, const char *t, size_t n, size_t hend)
{
	const char *h = t + m->len;
	size_t hn = hend - m->len;

	open_heading(s, d, m, h, hn);
	d->tree.fresh = hend == n;
	if (hn == 0 && hend == n) {
		hold(s, r, s->opt.keep_markers ? t : h, s->opt.keep_markers ? n : 0,
		    H_MARKER, 0);
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

void
ss_row(struct ss *s, const char *file, unsigned long lineno,
    const char *prefix, size_t prefix_len, size_t ncols,
    const char *text, size_t n)
{
	struct ss_rowref r = { file, lineno, prefix, prefix_len, ncols > 0 };
	struct ss_doc *d;
	struct ss_marker m;
	bool mk, head_like = false, acc = false;
	size_t hend = n, htext = 0, hcps;
	int sig;

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
	if (mk) {
		size_t cps;

		hend = ss_runin_end(text, n, m.len, &cps);
		head_like = cps <= SS_HEAD_LIKE_CPS;
		acc = !(m.type >= MT_AR && m.type <= MT_CIR &&
		    ss_runin_clause(text, n, m.len, hend)) &&
		    !ss_runin_list(text, n, &m) &&
		    ss_tree_accepts(&d->tree, &m, head_like, hend == n);
	}
	d->tree.fresh = false;
	/* After the signature only the next top-level heading, if the
	 * date was not the end after all, goes on with the report. */
	if (d->closed) {
		if (acc && d->tree.depth > 0 && m.type == d->tree.lv[0].type &&
		    m.num == d->tree.lv[0].num + 1 && head_like) {
			d->closed = false;
		} else {
			flush(s, 0);
			d->rows++;
			ss_emit_body(&s->em, &r, K_PARA, d->tree.path, P_OTHER, text, n);
			return;
		}
	}
	if (d->bare_marker && !mk) {
		htext = ss_runin_end(text, n, 0, &hcps);
		if (hcps == 0 || hcps > SS_HEAD_LIKE_CPS)
			htext = 0;
	}
	if (s->held == H_MARKER && !htext)
		flush(s, 0);
	if (s->held == H_PARA)
		flush(s, acc ? 0 : continues(s, text, n));
	d->rows++;
	if (acc) {
		heading(s, d, &r, &m, text, n, hend);
		return;
	}
	if (mk)
		(void)ss_tree_reject(&d->tree, &m, head_like);
	/* "二、" alone, its words on the next line (markup split them):
	 * that line is the heading's text. */
	d->bare_marker = false;
	if (htext) {
		name_level(s, d, text, htext);
		flush(s, 0);
		ss_emit(&s->em, &r, K_HEADING, d->tree.path, part_now(d), text,
		    htext);
		if (htext < n)
			body(s, d, &r, text + htext, n - htext, -1);
		return;
	}
	if (!d->heading_seen && !d->title_done && d->rows <= TITLE_ROWS &&
	    !mk && zh_title_like(text, n) != ZH_TITLE_NO) {
		d->title_done = true;
		ss_key_fold(&s->key, text, n, SS_KEY_MAX);
		d->rep.year = ss_part_year(s->key.s);
		ss_emit(&s->em, &r, K_TITLE, d->tree.path, P_OTHER, text, n);
		return;
	}
	preamble_year(d, text, n);
	/* "存在的问题" alone on its line in a report whose parts carry no
	 * number: a top-level heading, numbered by counting. */
	if (!mk && (d->tree.depth == 0 || d->tree.lv[0].type == MT_BARE) &&
	    ss_report_bare_heading(&s->key, text, n, d->tree.depth == 0)) {
		m.type = MT_BARE;
		m.num = d->tree.depth ? d->tree.lv[0].num + 1 : 1;
		m.len = 0;
		m.tight = false;
		heading(s, d, &r, &m, text, n, n);
		return;
	}
	if (d->heading_seen) {
		ss_key_fold(&s->key, text, n, SS_KEY_MAX);
		sig = ss_frame_end(&s->key);
		if (sig == SIG_NONE && ss_frame_annex(text, n, &(unsigned){ 0 },
		    &(size_t){ 0 }) != AX_NONE)
			sig = SIG_DATE;
		if (sig != SIG_NONE) {
			d->closed = sig != SIG_NAME;
			ss_emit_body(&s->em, &r, K_PARA, d->tree.path, P_OTHER, text, n);
			return;
		}
	}
	ss_report_cue(&d->rep, &d->tree, &s->key, text, n);
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
