#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "chrome.h"
#include "cli.h"
#include "html.h"
#include "normalize.h"
#include "out.h"
#include "title.h"
#include "tsv.h"
#include "htmlmeta.h"
#include "utf8.h"
#include "zhconv.h"

/* A held line that is chrome whatever follows it (an HTML page's
 * furniture inside the article), beside the CH_* bits. */
#define CLS_FORCED 0x100

struct held {
	unsigned long lineno;
	int flags, cls;
	struct buf text;
};

struct norm {
	struct norm_opts o;
	struct repair *rp;
	struct zhconv *zc;
	struct chrome *ch;
	const char *file;
	struct doc_stats st;
	struct buf doc, line, san, text, conv, title, date, source, docno, url;
	struct hpage page;
	struct article art;
	struct held q[NORM_HOLD];
	int qfirst, qlen;
	bool head, title_seen, first_seen, decoded;
	int head_lines;
};

struct norm *
norm_new(const struct norm_opts *o)
{
	struct norm *nm = xcalloc(1, sizeof *nm);

	nm->o = *o;
	if (o->repair)
		nm->rp = repair_new();
	if (o->conv)
		nm->zc = zhconv_new((enum zc_dir)o->conv);
	if (o->chrome)
		nm->ch = chrome_new(o->chrome_file);
	return nm;
}

void
norm_free(struct norm *nm)
{
	if (!nm)
		return;
	repair_free(nm->rp);
	zhconv_free(nm->zc);
	chrome_free(nm->ch);
	buf_free(&nm->doc);
	buf_free(&nm->line);
	buf_free(&nm->san);
	buf_free(&nm->text);
	buf_free(&nm->conv);
	buf_free(&nm->title);
	buf_free(&nm->date);
	buf_free(&nm->source);
	buf_free(&nm->docno);
	buf_free(&nm->url);
	html_free(&nm->page);
	article_free(&nm->art);
	for (int i = 0; i < NORM_HOLD; i++)
		buf_free(&nm->q[i].text);
	free(nm);
}

void
norm_doc_begin(struct norm *nm, const char *doc, const char *file)
{
	size_t n = strlen(doc);

	buf_clear(&nm->doc);
	if (nm->doc.cap < 2 * n + 1)
		buf_grow(&nm->doc, 2 * n + 1);
	nm->doc.len = tsv_escape(doc, n, nm->doc.s);
	nm->file = file;
	memset(&nm->st, 0, sizeof nm->st);
	buf_clear(&nm->title);
	buf_clear(&nm->date);
	buf_clear(&nm->source);
	buf_clear(&nm->docno);
	buf_clear(&nm->url);
	nm->qfirst = nm->qlen = 0;
	nm->head = true;
	nm->title_seen = nm->first_seen = nm->decoded = false;
	nm->head_lines = 0;
	if (nm->rp)
		repair_doc_begin(nm->rp);
}

void
norm_doc_decoded(struct norm *nm, bool decoded)
{
	nm->decoded = decoded;
}

/* Text without \t \n \r (control folding on) needs only backslashes
 * escaped, and usually none. */
static void
out_text(const struct norm *nm, const char *s, size_t n)
{
	if (nm->o.text.control && !memchr(s, '\\', n))
		out_write(s, n);
	else
		out_escaped(s, n);
}

static void
emit(struct norm *nm, unsigned long lineno, int flags, const char *s, size_t n,
    bool chrome)
{
	if (chrome) {
		nm->st.chrome++;
		if (!nm->o.keep_chrome)
			return;
		flags |= F_CHROME;
	}
	if (nm->zc) {
		size_t c;

		buf_clear(&nm->conv);
		c = zhconv_run(nm->zc, s, n, &nm->conv);
		if (c) {
			flags |= F_CONVERTED;
			nm->st.converted += c;
		}
		s = nm->conv.s;
		n = nm->conv.len;
	}
	out_write(nm->doc.s, nm->doc.len);
	out_tab();
	out_ulong(lineno);
	out_tab();
	/* Letters in alphabetical order. */
	if (flags & F_CHROME)
		out_char('c');
	if (flags & F_DAMAGED)
		out_char('l');
	if (flags & F_REPAIRED)
		out_char('r');
	if (flags & F_CONVERTED)
		out_char('t');
	if (flags & F_INVALID)
		out_char('u');
	out_tab();
	out_text(nm, s, n);
	out_nl();
	nm->st.lines_out++;
}

static struct held *
qat(struct norm *nm, int i)
{
	return &nm->q[(nm->qfirst + i) % NORM_HOLD];
}

static void
push(struct norm *nm, unsigned long lineno, int flags, int cls)
{
	struct held *h = qat(nm, nm->qlen++);

	h->lineno = lineno;
	h->flags = flags;
	h->cls = cls;
	buf_clear(&h->text);
	buf_add(&h->text, nm->text.s, nm->text.len);
}

/* Emits the oldest held line, as chrome or not. */
static void
pop(struct norm *nm, bool chrome)
{
	struct held *h = qat(nm, 0);

	chrome = chrome || (h->cls & CLS_FORCED);
	if (chrome && (h->cls & CH_META))
		chrome_meta(nm->ch, h->text.s, h->text.len, &nm->source, &nm->date);
	emit(nm, h->lineno, h->flags, h->text.s, h->text.len, chrome);
	nm->qfirst = (nm->qfirst + 1) % NORM_HOLD;
	nm->qlen--;
}

static bool
starts_with(const struct buf *b, const char *p)
{
	size_t n = strlen(p);

	return b->len >= n && memcmp(b->s, p, n) == 0;
}

/* The head ends: everything held is decided with the whole head in view. */
static void
close_head(struct norm *nm)
{
	int i = 0;

	while (nm->qlen > 0) {
		struct held *h = qat(nm, 0);
		bool chrome = (h->cls & (CH_CHROME | CLS_FORCED)) != 0;

		/* A site name on the first line is the page header, unless
		 * it begins a two-line title ("…人民政府 / 关于…"). */
		if (!chrome && (h->cls & CH_SITE) && i == 0)
			chrome = !(nm->qlen > 1 && (starts_with(&qat(nm, 1)->text, "关于") ||
			    starts_with(&qat(nm, 1)->text, "關於")));
		pop(nm, chrome);
		i++;
	}
	nm->head = false;
}

static void
count_script(struct norm *nm, const char *s, size_t n)
{
	/* Evidence is counted in U+3000..U+9FFF only: the compatibility
	 * ideographs above are no sign of either script. */
	for (size_t i = 0; i < n; ) {
		uint32_t cp = utf8_next_fast(s, n, &i);

		switch (cp < 0xA000 ? zhconv_script_of(cp) : 0) {
		case 1: nm->st.trad++; break;
		case 2: nm->st.simp++; break;
		}
	}
}

static bool
has_full_stop(const char *s, size_t n)
{
	const char *p = s, *e = s + n;

	while ((p = memchr(p, 0xE3, (size_t)(e - p))) != NULL) {
		if (e - p >= 3 && p[1] == '\x80' && p[2] == '\x82')
			return true;
		p++;
	}
	return false;
}

/* Sanitises, repairs and rewrites one line into nm->text; returns its
 * flags, or -1 when it comes out blank. */
static int
prepare(struct norm *nm, unsigned long lineno, const char *s, size_t len)
{
	int flags = 0;

	nm->st.lines_in++;
	if (nm->decoded ? memchr(s, 0xFF, len) != NULL :
	    utf8_valid_prefix(s, len) != len) {
		size_t bad = utf8_count_invalid(s, len);

		buf_clear(&nm->san);
		if (nm->san.cap < 3 * len + 1)
			buf_grow(&nm->san, 3 * len + 1);
		nm->san.len = utf8_sanitize(s, len, nm->san.s);
		nm->san.s[nm->san.len] = '\0';
		s = nm->san.s;
		len = nm->san.len;
		flags |= F_INVALID;
		nm->st.invalid += bad;
		zwarn(nm->file, lineno, "%zu invalid byte%s replaced by U+FFFD", bad,
		    bad == 1 ? "" : "s");
	}
	if (nm->rp) {
		int r;

		s = repair_text(nm->rp, s, &len, &nm->line, &nm->st.rep, &r);
		if (r & REPAIR_FIXED)
			flags |= F_REPAIRED;
		if (r & REPAIR_DAMAGED)
			flags |= F_DAMAGED;
	}
	text_normalize(&nm->o.text, s, len, &nm->text, &nm->st.controls);
	if (nm->text.len == 0 || (!nm->o.text.space &&
	    strspn(nm->text.s, " \t") == nm->text.len)) {
		nm->st.blank++;
		return -1;
	}
	if (nm->o.script)
		count_script(nm, nm->text.s, nm->text.len);
	return flags;
}

/* Body or chrome, for the line in nm->text. */
static void
decide(struct norm *nm, unsigned long lineno, int flags)
{
	int cls = 0;

	if (!nm->ch) {
		emit(nm, lineno, flags, nm->text.s, nm->text.len, false);
		return;
	}
	/* In the body, a sentence (it has a full stop) is never chrome:
	 * that spares the patterns nearly every body line. */
	if (nm->head || !has_full_stop(nm->text.s, nm->text.len))
		cls = chrome_class(nm->ch, nm->text.s, nm->text.len);
	if (nm->head) {
		nm->head_lines++;
		if (cls) {
			push(nm, lineno, flags, cls);
			if (nm->qlen == NORM_HOLD || nm->head_lines >= NORM_HEAD)
				close_head(nm);
			return;
		}
		if (!nm->title_seen &&
		    zh_title_like(nm->text.s, nm->text.len) != ZH_TITLE_NO) {
			nm->title_seen = true;
			buf_add(&nm->title, nm->text.s, nm->text.len);
			push(nm, lineno, flags, 0);
			if (nm->head_lines >= NORM_HEAD)
				close_head(nm);
			return;
		}
		close_head(nm);
	}
	/* Body: chrome-like lines wait until it is clear whether the body
	 * goes on after them. */
	if (cls & CH_CHROME) {
		if (nm->qlen == NORM_HOLD)
			pop(nm, false);
		push(nm, lineno, flags, cls);
		return;
	}
	while (nm->qlen > 0)
		pop(nm, false);
	emit(nm, lineno, flags, nm->text.s, nm->text.len, false);
}

void
norm_line(struct norm *nm, unsigned long lineno, const char *s, size_t len)
{
	int flags = prepare(nm, lineno, s, len);

	if (flags >= 0)
		decide(nm, lineno, flags);
}

/* Ends the article's part of a page: what is still held is its tail. */
static void
end_article(struct norm *nm)
{
	if (nm->head)
		close_head(nm);
	while (nm->qlen > 0)
		pop(nm, true);
	nm->head = false;
}

/* One text line of a page, in the role the article pass gave it. */
static void
html_row(struct norm *nm, const struct hline *l, const char *s, size_t n, int role)
{
	int flags = prepare(nm, l->lineno, s, n);

	if (flags < 0)
		return;
	/* The parser turned invalid input into U+FFFD. */
	if (nm->st.invalid && hmeta_find(nm->text.s, nm->text.len, "\xEF\xBF\xBD", 3))
		flags |= F_INVALID;
	switch (role) {
	case AR_BODY:
		decide(nm, l->lineno, flags);
		break;
	case AR_TITLE:
		buf_clear(&nm->title);
		buf_add(&nm->title, nm->text.s, nm->text.len);
		nm->head_lines++;
		push(nm, l->lineno, flags, 0);
		if (nm->qlen == NORM_HOLD)
			close_head(nm);
		break;
	default:
		if (nm->qlen == 0) {
			emit(nm, l->lineno, flags, nm->text.s, nm->text.len, true);
			break;
		}
		if (nm->qlen == NORM_HOLD)
			pop(nm, false);
		push(nm, l->lineno, flags, CLS_FORCED);
		break;
	}
}

static void
set_field(struct buf *b, const struct buf *v)
{
	buf_clear(b);
	if (v->len)
		buf_add(b, v->s, v->len);
}

void
norm_html(struct norm *nm, const char *p, size_t n)
{
	struct hpage *pg = &nm->page;
	struct article *a = &nm->art;
	size_t last = 0, bad;

	/* Count what the parser will quietly replace. */
	bad = nm->decoded ? (size_t)0 : utf8_count_invalid(p, n);
	if (nm->decoded)
		for (const char *q = p; (q = memchr(q, 0xFF, (size_t)(p + n - q))); q++)
			bad++;
	if (bad) {
		nm->st.invalid += bad;
		zwarn(nm->file, 0, "%zu invalid byte%s replaced by U+FFFD", bad,
		    bad == 1 ? "" : "s");
	}
	html_parse(pg, p, n);
	if (nm->ch) {
		article_select(a, pg, nm->ch);
		if (!a->found)
			zwarn(nm->file, 0, "no article text in this page: every line is page chrome");
	} else {
		if (a->cap < pg->nlines + 1) {
			a->cap = pg->nlines + 1;
			a->role = xrealloc(a->role, a->cap);
		}
		memset(a->role, AR_BODY, pg->nlines);
		a->found = pg->nlines > 0;
	}
	set_field(&nm->date, &pg->meta.f[HM_DATE]);
	set_field(&nm->source, &pg->meta.f[HM_SOURCE]);
	set_field(&nm->docno, &pg->meta.f[HM_DOCNO]);
	set_field(&nm->url, &pg->meta.f[HM_URL]);
	nm->title_seen = nm->ch != NULL;
	for (size_t i = 0; i < pg->nlines; i++)
		if (a->role[i] != AR_OUT)
			last = i + 1;
	for (size_t i = 0; i < pg->nlines; i++) {
		const struct hline *l = &pg->lines[i];

		if (i == last)
			end_article(nm);
		switch (a->role[i]) {
		case AR_JOINED:
			break;
		case AR_TITLE:
			html_row(nm, l, a->title_text.s, a->title_text.len, AR_TITLE);
			break;
		default:
			html_row(nm, l, hline_text(pg, l), l->len, a->role[i]);
			break;
		}
	}
	/* No title row: the head's title, cleaned like a row. */
	if (nm->ch && nm->title.len == 0 && a->title_text.len) {
		text_normalize(&nm->o.text, a->title_text.s, a->title_text.len, &nm->text,
		    &nm->st.controls);
		buf_add(&nm->title, nm->text.s, nm->text.len);
	}
}
void
norm_doc_end(struct norm *nm)
{
	if (nm->head) {
		close_head(nm);
		return;
	}
	while (nm->qlen > 0)
		pop(nm, true);
}

const struct doc_stats *
norm_stats(const struct norm *nm)
{
	return &nm->st;
}

const char *
norm_title(const struct norm *nm)
{
	return nm->title.len ? nm->title.s : "";
}

const char *
norm_date(const struct norm *nm)
{
	return nm->date.len ? nm->date.s : "";
}

const char *
norm_source(const struct norm *nm)
{
	return nm->source.len ? nm->source.s : "";
}

const char *
norm_docno(const struct norm *nm)
{
	return nm->docno.len ? nm->docno.s : "";
}

const char *
norm_url(const struct norm *nm)
{
	return nm->url.len ? nm->url.s : "";
}

const char *
norm_script(const struct norm *nm)
{
	unsigned long t = nm->st.trad, s = nm->st.simp;

	if (t + s == 0)
		return "none";
	if (s * 10 <= t)
		return "traditional";
	if (t * 10 <= s)
		return "simplified";
	return "mixed";
}
