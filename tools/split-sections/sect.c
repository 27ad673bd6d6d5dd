#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "marker.h"
#include "part.h"
#include "sect.h"
#include "sentence.h"
#include "tsv.h"
#include "utf8.h"

/* Documents whose state is kept for interleaved input, and ids
 * remembered to warn when an evicted one comes back. */
#define NDOCS 32
#define NSEEN 8192              /* a power of two */
/* A heading's first sentence longer than this reads as a paragraph when
 * the numbering alone cannot decide. */
#define HEAD_LIKE_CPS 60
/* A colon this close to the marker ends the heading. */
#define COLON_CPS 30
/* Rows at the head of a document in which the title may stand. */
#define TITLE_ROWS 6
#define TITLE_MAX_CPS 80
/* Heading and cue text folded for matching (bytes). */
#define KEY_MAX 600
/* A cue is in the first sentence of a paragraph. */
#define CUE_MAX 300

struct level {
	unsigned char type;
	signed char strict;     /* part its own wording names, P_NONE */
	unsigned num;
};

struct doc {
	struct buf id;
	bool used;
	unsigned long last_use;
	int depth;
	struct level lv[MT_COUNT];
	unsigned shadow[MT_COUNT];      /* last number of a rejected list */
	bool shadow_hl[MT_COUNT];       /* that list looked like headings */
	int en_style;                   /* open enumeration, -1 none */
	unsigned en_last;
	signed char top[PART_MAX];      /* parts the top heading names */
	int ntop, topi;
	int cue, cue_depth;             /* part a paragraph switched to */
	unsigned rows;
	int year;                       /* the year reported on, 0 unknown */
	bool title_done, heading_seen;
	char path[96];                  /* sect of the current section */
	size_t pathlen;
};

struct rowref {
	const char *file;
	unsigned long lineno;
	const char *prefix;
	size_t prefix_len;
	bool has_prefix;
};

struct sect {
	struct sect_opts opt;
	sect_emit_fn emit;
	void *arg;
	struct doc docs[NDOCS];
	struct doc *cur;
	unsigned long clock;
	uint64_t seen[NSEEN];
	size_t nseen;

	/* The held-back row. */
	bool pend;
	struct buf pprefix, ptext;
	struct rowref pref;
	int pstyle;

	struct buf key, line;
	struct imark *marks;
	size_t nmarks, capmarks;
	char sectbuf[96];
};

static const char *const kinds[] = { "title", "heading", "para", "item", "sentence" };
enum { K_TITLE, K_HEADING, K_PARA, K_ITEM, K_SENTENCE };

static const unsigned char rank[MT_COUNT] = { 0, 1, 2, 3, 4, 5, 6 };

struct sect *
sect_new(const struct sect_opts *opts, sect_emit_fn emit, void *arg)
{
	struct sect *s = xcalloc(1, sizeof *s);

	s->opt = *opts;
	s->emit = emit;
	s->arg = arg;
	return s;
}

void
sect_free(struct sect *s)
{
	if (!s)
		return;
	for (int i = 0; i < NDOCS; i++)
		buf_free(&s->docs[i].id);
	buf_free(&s->pprefix);
	buf_free(&s->ptext);
	buf_free(&s->key);
	buf_free(&s->line);
	free(s->marks);
	free(s);
}

static void set_path(struct doc *d);

static void
doc_reset(struct doc *d)
{
	struct buf id = d->id;

	memset(d, 0, sizeof *d);
	d->id = id;
	buf_clear(&d->id);
	d->en_style = -1;
	d->cue = P_NONE;
	set_path(d);
}

/* ---- output ---- */

/* Appends ".n" (or "n" first) without printf: paths are rebuilt at
 * every heading. */
static size_t
put_num(char *p, unsigned v, bool dot)
{
	char tmp[12];
	size_t k = 0, o = 0;

	do
		tmp[k++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (dot)
		p[o++] = '.';
	while (k)
		p[o++] = tmp[--k];
	return o;
}

static void
set_path(struct doc *d)
{
	size_t o = 0;

	if (d->depth == 0)
		d->path[o++] = '0';
	for (int i = 0; i < d->depth; i++)
		o += put_num(d->path + o, d->lv[i].num, i > 0);
	d->path[o] = '\0';
	d->pathlen = o;
}

static const char *
sect_path(struct sect *s, const struct doc *d, unsigned item)
{
	if (!item)
		return d->path;
	memcpy(s->sectbuf, d->path, d->pathlen);
	s->sectbuf[d->pathlen + put_num(s->sectbuf + d->pathlen, item, true)] = '\0';
	return s->sectbuf;
}

static int
part_now(const struct doc *d)
{
	if (d->cue != P_NONE)
		return d->cue;
	if (d->depth == 0)
		return P_OTHER;
	if (d->ntop == 0) {
		for (int i = d->depth - 1; i >= 1; i--)
			if (d->lv[i].strict != P_NONE)
				return d->lv[i].strict;
		return P_MEASURES;
	}
	if (d->ntop == 1) {
		if (d->top[0] == P_MEASURES)
			for (int i = d->depth - 1; i >= 1; i--) {
				int p = d->lv[i].strict;

				if (p == P_SHORTFALLS || p == P_RECT || p == P_PLANS)
					return p;
			}
		return d->top[0];
	}
	return d->top[d->topi];
}

static void
emit1(struct sect *s, const struct rowref *r, int kind, const char *sect,
    int part, const char *text, size_t len)
{
	struct sect_emit e = {
		.prefix = r->prefix, .prefix_len = r->prefix_len,
		.has_prefix = r->has_prefix, .sect = sect, .kind = kinds[kind],
		.part = part_name(part), .text = text, .text_len = len
	};

	s->emit(s->arg, &e);
}

/* Body text: one row, or one per sentence with --sentences. */
static void
emit_body(struct sect *s, const struct rowref *r, int kind, const char *sect,
    int part, const char *text, size_t len)
{
	size_t i = 0;

	if (!s->opt.sentences || len == 0) {
		emit1(s, r, kind, sect, part, text, len);
		return;
	}
	while (i < len) {
		size_t e = sentence_end(text, len, i, true);

		emit1(s, r, K_SENTENCE, sect, part, text + i, e - i);
		i = e;
	}
}

/* ---- inline enumerations ---- */

static struct imark *
add_mark(struct sect *s, size_t pos, size_t len, unsigned num, unsigned char style)
{
	if (s->nmarks == s->capmarks) {
		s->capmarks = s->capmarks ? 2 * s->capmarks : 64;
		s->marks = xrealloc(s->marks, s->capmarks * sizeof *s->marks);
	}
	s->marks[s->nmarks] = (struct imark){ .pos = pos, .end = pos + len,
	    .num = num, .style = style };
	return &s->marks[s->nmarks++];
}

/* Whether a marker may start at q: at the start of the text or after a
 * clause boundary, spaces between allowed. */
static bool
after_boundary(const char *t, size_t q)
{
	const unsigned char *u = (const unsigned char *)t;

	for (;;) {
		if (q == 0)
			return true;
		if (u[q - 1] == ' ') {
			q--;
			continue;
		}
		if (q >= 3 && u[q - 3] == 0xE3 && u[q - 2] == 0x80 && u[q - 1] == 0x80) {
			q -= 3;
			continue;
		}
		break;
	}
	if (marker_boundary(t + q - 1, 1) == 1)
		return true;
	return q >= 3 && marker_boundary(t + q - 3, 3) == 3;
}

static void
try_mark(struct sect *s, const char *t, size_t n, size_t q, size_t must_end)
{
	unsigned num;
	unsigned char style;
	size_t ml;

	bool glued = !after_boundary(t, q);

	/* A glued 一是 (机制一是…) counts only if 二是 follows (see
	 * decide_marks); never after another numeral (十一是). */
	if (glued && (!must_end || q < 3 || marker_item_lead(t + q - 3) ||
	    must_end != q + 6 || memcmp(t + q, "一", 3) != 0))
		return;
	ml = marker_item(t + q, n - q, &num, &style);
	/* must_end: the 是 found; a comma may follow it in the marker */
	if (ml == 0 || (must_end && (q + ml < must_end || q + ml > must_end + 3)))
		return;
	add_mark(s, q, ml, num, style)->glued = glued;
}

/* Markers at the start of the text and after every clause boundary.
 * Searched from their rare last characters (是 要 after a numeral, 第 其
 * before one) with memchr rather than by walking every character. */
static void
scan_marks(struct sect *s, const char *t, size_t n)
{
	static const unsigned char chars[4][3] = {
		{ 0xE6, 0x98, 0xAF },   /* 是 */
		{ 0xE8, 0xA6, 0x81 },   /* 要 */
		{ 0xE7, 0xAC, 0xAC },   /* 第 */
		{ 0xE5, 0x85, 0xB6 },   /* 其 */
	};
	const unsigned char *u = (const unsigned char *)t;

	s->nmarks = 0;
	for (int c = 0; c < 4; c++) {
		const unsigned char *p = u + 2, *e = u + n;

		while (p < e && (p = memchr(p, chars[c][2], (size_t)(e - p))) != NULL) {
			size_t at = (size_t)(p - u) - 2;

			p++;
			if (u[at] != chars[c][0] || u[at + 1] != chars[c][1])
				continue;
			if (c >= 2) {
				try_mark(s, t, n, at, 0);
				continue;
			}
			/* back over the numeral: up to three characters */
			for (size_t q = at, k = 0; k < 3 && q >= 3; k++) {
				q -= 3;
				if (!marker_item_lead(t + q))
					break;
				try_mark(s, t, n, q, at + 3);
			}
		}
	}
	/* by position; a row has few markers */
	for (size_t i = 1; i < s->nmarks; i++) {
		struct imark m = s->marks[i];
		size_t j = i;

		while (j > 0 && s->marks[j - 1].pos > m.pos) {
			s->marks[j] = s->marks[j - 1];
			j--;
		}
		s->marks[j] = m;
	}
}

/* Decides which markers enumerate.  confirm: whether the next paragraph
 * goes on with the last 一是 of this one (-1: not known yet).  Returns
 * the style of an undecided last 一是, or -1 when all is decided. */
static int
decide_marks(struct sect *s, const struct doc *d, int confirm, int *style,
    unsigned *last)
{
	*style = d->en_style;
	*last = d->en_last;
	for (size_t i = 0; i < s->nmarks; i++) {
		struct imark *m = &s->marks[i];
		size_t j;

		m->acc = false;
		if (!m->glued && *style == m->style && m->num == *last + 1) {
			m->acc = true;
			*last = m->num;
			continue;
		}
		/* A glued 一是 never cuts short an open enumeration. */
		if (m->num != 1 || (m->glued && *style == m->style))
			continue;
		for (j = i + 1; j < s->nmarks; j++)
			if (s->marks[j].style == m->style && !s->marks[j].glued)
				break;
		if (j < s->nmarks)
			m->acc = s->marks[j].num == 2;
		else if (m->glued)
			m->acc = false;
		else if (confirm < 0)
			return m->style;
		else
			m->acc = confirm > 0;
		if (m->acc) {
			*style = m->style;
			*last = 1;
		}
	}
	return -1;
}

static void
hold(struct sect *s, const struct rowref *r, const char *t, size_t n, int style)
{
	buf_clear(&s->pprefix);
	buf_add(&s->pprefix, r->prefix, r->prefix_len);
	buf_clear(&s->ptext);
	buf_add(&s->ptext, t, n);
	s->pref = *r;
	s->pref.prefix = s->pprefix.s;
	s->pstyle = style;
	s->pend = true;
}

/* A paragraph: para text and the items of the enumerations in it. */
static void
body(struct sect *s, struct doc *d, const struct rowref *r, const char *t,
    size_t n, int confirm)
{
	int style, part;
	unsigned last;
	size_t first = n;

	scan_marks(s, t, n);
	if (s->nmarks && confirm < 0) {
		int u = decide_marks(s, d, -1, &style, &last);

		if (u >= 0) {
			hold(s, r, t, n, u);
			return;
		}
	} else if (s->nmarks) {
		(void)decide_marks(s, d, confirm, &style, &last);
	}
	for (size_t i = 0; i < s->nmarks; i++)
		if (s->marks[i].acc) {
			first = s->marks[i].pos;
			break;
		}
	part = part_now(d);
	if (first > 0 || n == 0)
		emit_body(s, r, K_PARA, sect_path(s, d, 0), part, t, first);
	if (first == n)
		return;
	for (size_t i = 0; i < s->nmarks; i++) {
		struct imark *m = &s->marks[i];
		size_t end = n, from;

		if (!m->acc)
			continue;
		for (size_t j = i + 1; j < s->nmarks; j++)
			if (s->marks[j].acc) {
				end = s->marks[j].pos;
				break;
			}
		from = s->opt.keep_markers ? m->pos : m->end;
		emit_body(s, r, K_ITEM, sect_path(s, d, m->num), part, t + from,
		    end - from);
	}
	d->en_style = style;
	d->en_last = last;
}

/* Whether row t goes on with the enumeration of the held-back row. */
static int
continues(struct sect *s, const char *t, size_t n)
{
	scan_marks(s, t, n);
	for (size_t i = 0; i < s->nmarks; i++)
		if (s->marks[i].style == s->pstyle && !s->marks[i].glued)
			return s->marks[i].num == 2;
	return 0;
}

static void
flush_pending(struct sect *s, int confirm)
{
	if (!s->pend)
		return;
	s->pend = false;
	body(s, s->cur, &s->pref, s->ptext.s, s->ptext.len, confirm);
}

/* ---- headings ---- */

static int
stack_find(const struct doc *d, unsigned type)
{
	for (int i = 0; i < d->depth; i++)
		if (d->lv[i].type == type)
			return i;
	return -1;
}

/* Characters in s: bytes that do not continue a UTF-8 sequence.  (Off
 * from utf8_count only on invalid text, where it needs no precision.) */
static size_t
cp_count(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* Code points of the first sentence of a heading line. */
static size_t
first_sentence(const char *t, size_t n, size_t *cps)
{
	size_t e = sentence_end(t, n, 0, false), c;

	/* "(一)加强制度建设:修订…": a short heading ends at its colon. */
	for (size_t i = 0, k = 0; i < e && k < COLON_CPS; k++) {
		size_t l = (t[i] & 0x80) == 0 ? 1 : ((unsigned char)t[i] & 0xF0) == 0xE0 ? 3 : 1;

		/* : or U+FF1A */
		if (t[i] == ':' || (l == 3 && i + 3 <= n &&
		    memcmp(t + i, "\xef\xbc\x9a", 3) == 0)) {
			c = i + l;
			while (c < n && t[c] == ' ')
				c++;
			if (c < e) {
				e = c;
				break;
			}
		}
		i += l;
	}
	*cps = cp_count(t, e);
	return e;
}

/* "(五)健全调解机制一是深入推进…。二是…": a heading run into the first
 * item of its body with no stop between.  When 一是 (or 一要) stands
 * inside the first sentence right after a character, and 二是 follows
 * later in the line, the heading ends before 一是.  Returns the new end
 * of the heading (and its length in *cps) or hend unchanged. */
static size_t
glued_items(const char *t, size_t from, size_t hend, size_t n, size_t *cps)
{
	static const char *const one[] = { "一是", "一要" };
	static const char *const two[] = { "二是", "二要" };

	for (int k = 0; k < 2; k++) {
		const char *p = t + from, *e = t + hend;

		while ((p = memchr(p, 0xE4, (size_t)(e - p))) != NULL) {
			size_t at = (size_t)(p - t);

			if (at + 6 <= hend && memcmp(p, one[k], 6) == 0 && at > from) {
				const char *q = t + at + 6;
				bool found = false;

				while ((q = memchr(q, 0xE4, (size_t)(t + n - q))) != NULL) {
					if ((size_t)(q - t) + 6 <= n && memcmp(q, two[k], 6) == 0) {
						found = true;
						break;
					}
					q++;
				}
				if (found && !after_boundary(t, at)) {
					*cps = cp_count(t + from, at - from);
					return at;
				}
			}
			p++;
		}
	}
	return hend;
}

/* Whether the marker continues the numbering of the document. */
static bool
accept(const struct doc *d, const struct marker *m, bool head_like,
    bool alone)
{
	int at = stack_find(d, m->type);
	unsigned sh = d->shadow[m->type];
	bool in_list = sh && m->num == sh + 1 &&
	    !(head_like && !d->shadow_hl[m->type]);

	/* A new level starts at 1; a short heading alone on its line may
	 * start later when the lines before it were lost or damaged. */
	if (at < 0)
		return m->num == 1 || (alone && head_like && !in_list &&
		    m->num <= 5);
	if (in_list)
		return false;
	if (m->num == d->lv[at].num + 1)
		return true;
	/* A number left out by the writer, not a list. */
	return head_like && m->num > d->lv[at].num + 1 &&
	    m->num <= d->lv[at].num + 3;
}

static void
reject(struct doc *d, const struct marker *m, bool head_like)
{
	unsigned t = m->type;

	if (d->shadow[t] && m->num == d->shadow[t] + 1) {
		d->shadow[t] = m->num;
		d->shadow_hl[t] = d->shadow_hl[t] && head_like;
	} else {
		d->shadow[t] = m->num;
		d->shadow_hl[t] = head_like;
	}
}

static void
set_level(struct sect *s, struct doc *d, const struct marker *m,
    const char *h, size_t hn)
{
	int at = stack_find(d, m->type);
	struct level *lv;

	if (at >= 0) {
		d->depth = at + 1;
	} else {
		while (d->depth > 0 && rank[d->lv[d->depth - 1].type] > rank[m->type])
			d->depth--;
		d->depth++;
	}
	lv = &d->lv[d->depth - 1];
	lv->type = (unsigned char)m->type;
	lv->num = m->num;
	set_path(d);
	memset(d->shadow, 0, sizeof d->shadow);
	d->en_style = -1;
	d->en_last = 0;
	d->heading_seen = true;
	if (d->cue != P_NONE && d->depth <= d->cue_depth)
		d->cue = P_NONE;

	part_key(&s->key, h, hn, KEY_MAX);
	lv->strict = (signed char)part_strict(s->key.s);
	if (d->depth == 1) {
		if (!d->year)
			d->year = part_year(s->key.s);
		d->ntop = part_top(s->key.s, d->year, d->top);
		d->topi = 0;
		d->cue = P_NONE;
	} else if (d->depth == 2 && d->ntop >= 2) {
		int p = lv->strict, cur = d->top[d->topi];

		for (int i = d->topi + 1; i < d->ntop; i++)
			if (d->top[i] == p)
				d->topi = i;
		/* "存在不足及下一年度安排": the problems are told in prose,
		 * the plans under numbered headings. */
		if (p == P_NONE && cur == P_SHORTFALLS && d->topi + 1 < d->ntop &&
		    d->top[d->topi + 1] == P_PLANS &&
		    !part_has_shortfall_words(s->key.s))
			d->topi++;
	}
}

static void
heading(struct sect *s, struct doc *d, const struct rowref *r,
    const struct marker *m, const char *t, size_t n, size_t hend)
{
	const char *h = t + m->len;
	size_t hn = hend - m->len, rest;

	set_level(s, d, m, h, hn);
	if (s->opt.keep_markers)
		emit1(s, r, K_HEADING, sect_path(s, d, 0), part_now(d), t, hend);
	else
		emit1(s, r, K_HEADING, sect_path(s, d, 0), part_now(d), h, hn);
	rest = hend;
	if (rest < n)
		body(s, d, r, t + rest, n - rest, -1);
}

/* ---- titles and cues ---- */

static bool
title_like(struct sect *s, const char *t, size_t n)
{
	static const char *const words[] = {
		"报告", "总结", "工作情况", "建设情况", "工作要点", NULL
	};
	size_t cps;
	const char *k;

	if (n > 4 * TITLE_MAX_CPS)
		return false;
	cps = cp_count(t, n);
	if (cps < 6 || cps > TITLE_MAX_CPS)
		return false;
	part_key(&s->key, t, n, KEY_MAX);
	k = s->key.s;
	/* Breadcrumbs and source lines are chrome, not the title. */
	if (strchr(k, '>') || strstr(k, "»") || strchr(k, ':') ||
	    strstr(k, "。") || strstr(k, "来源") || strstr(k, "如下"))
		return false;
	for (const char *const *w = words; *w; w++)
		if (strstr(k, *w))
			return true;
	/* "滨江区2024年度依法治区情况" */
	return part_year(k) != 0 && strstr(k, "情况") != NULL;
}

static bool
has_term(const char *t, size_t n)
{
	size_t e = sentence_end(t, n, 0, false);

	return e < n || (n >= 3 && (memcmp(t + n - 3, "。", 3) == 0));
}

/* Cheap test on the raw text before folding: a cue has 存在 early on or
 * opens with one of a few characters (下一步 明年 今后 存在的问题 2025年…). */
static bool
may_cue(const char *t, size_t n)
{
	static const char *const firsts[] = {
		"下", "明", "今", "新", "展", "存", "主", "不", "问", "問", NULL
	};
	size_t m = n < CUE_MAX ? n : CUE_MAX;

	if (n > 0 && t[0] == '2')
		return true;
	for (const char *const *f = firsts; *f; f++)
		if (n >= 3 && memcmp(t, *f, 3) == 0)
			return true;
	for (const char *p = t; (p = memchr(p, 0xE5, m - (size_t)(p - t))) != NULL;
	    p++)
		if ((size_t)(p - t) + 6 <= m && memcmp(p, "存在", 6) == 0)
			return true;
	return false;
}

/* Bytes up to and with the first 。 (a cue is in the first sentence). */
static size_t
first_stop(const char *t, size_t n)
{
	size_t m = n < CUE_MAX ? n : CUE_MAX;

	for (const char *p = t; (p = memchr(p, 0xE3, m - (size_t)(p - t))) != NULL;
	    p++)
		if ((size_t)(p - t) + 3 <= m && p[1] == (char)0x80 && p[2] == (char)0x82)
			return (size_t)(p - t) + 3;
	return m;
}

/* A paragraph that opens another part: "…取得了成效,但仍存在…不足",
 * "下一步,…", or a short unnumbered heading "存在的问题". */
static void
apply_cue(struct sect *s, struct doc *d, const char *t, size_t n)
{
	int c, cur;
	bool short_head;

	if (d->depth == 0)
		return;
	cur = part_now(d);
	if (cur != P_MEASURES && cur != P_SHORTFALLS && cur != P_RECT &&
	    d->ntop < 2)
		return;
	short_head = n <= 90 && cp_count(t, n) <= 30 && !has_term(t, n);
	if (!short_head && !may_cue(t, n))
		return;
	part_key(&s->key, t, short_head ? n : first_stop(t, n), CUE_MAX);
	c = short_head ? part_strict(s->key.s) : P_NONE;
	if (c == P_NONE)
		c = part_cue(s->key.s, cur == P_SHORTFALLS || d->ntop >= 2);
	if (c == P_NONE || c == cur)
		return;
	if (d->ntop >= 2) {
		for (int i = d->topi + 1; i < d->ntop; i++)
			if (d->top[i] == c) {
				d->topi = i;
				return;
			}
		return;
	}
	if (short_head || (cur == P_MEASURES && c == P_SHORTFALLS) ||
	    (cur == P_RECT && c == P_SHORTFALLS) ||
	    (cur == P_SHORTFALLS && c == P_PLANS)) {
		d->cue = c;
		d->cue_depth = d->depth;
	}
}

/* "20XX年" at k: its length (7) or 0. */
static size_t
year_len(const char *k)
{
	return k[0] == '2' && k[1] == '0' && k[2] >= '0' && k[2] <= '9' &&
	    k[3] >= '0' && k[3] <= '9' && strncmp(k + 4, "年", 3) == 0 ? 7 : 0;
}

/* The signature block after the last section: the issuing body alone
 * on its line, or the date.  It belongs to no part. */
static bool
signature(struct sect *s, const char *t, size_t n)
{
	static const char *const ends[] = {
		"政府", "局", "委员会", "办公室", "办事处", "管委会", "工委", "司法所",
		NULL
	};
	const char *k;
	size_t kl, i = 0;

	if (n > 75 || n < 6 || cp_count(t, n) > 25)
		return false;
	part_key(&s->key, t, n, KEY_MAX);
	k = s->key.s;
	kl = s->key.len;
	while (kl > 0 && k[kl - 1] == ' ')
		kl--;
	/* 2025年1月20日 */
	if (year_len(k) && kl > 7) {
		i = 7;
		while (i < kl && k[i] >= '0' && k[i] <= '9')
			i++;
		if (i < kl && strncmp(k + i, "月", 3) == 0) {
			i += 3;
			while (i < kl && k[i] >= '0' && k[i] <= '9')
				i++;
			if (i + 3 == kl && strncmp(k + i, "日", 3) == 0)
				return true;
		}
		return false;
	}
	for (i = 0; i < kl; i++)
		if (strchr(",.;:!?()", k[i]) || strncmp(k + i, "。", 3) == 0 ||
		    strncmp(k + i, "、", 3) == 0)
			return false;
	for (const char *const *e = ends; *e; e++) {
		size_t el = strlen(*e);

		if (kl >= el && memcmp(k + kl - el, *e, el) == 0)
			return true;
	}
	return false;
}

/* ---- documents ---- */

static uint64_t
hash_id(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n--) {
		h ^= (unsigned char)*p++;
		h *= 1099511628211ULL;
	}
	return h;
}

/* Remembers h; returns whether it was there.  An open-addressing set
 * that forgets everything when half full, so that it stays small and
 * each look-up is short whatever the number of documents. */
static bool
seen_add(struct sect *s, uint64_t h)
{
	size_t i;

	h |= 1;                                 /* 0 marks an empty slot */
	for (i = h & (NSEEN - 1); s->seen[i]; i = (i + 1) & (NSEEN - 1))
		if (s->seen[i] == h)
			return true;
	if (s->nseen >= NSEEN / 2) {
		memset(s->seen, 0, sizeof s->seen);
		s->nseen = 0;
		i = h & (NSEEN - 1);
	}
	s->seen[i] = h;
	s->nseen++;
	return false;
}

static struct doc *
doc_switch(struct sect *s, const struct rowref *r, const char *id, size_t idn)
{
	struct doc *d = s->cur, *free_d = NULL, *old = NULL;

	if (d && d->id.len == idn && memcmp(d->id.s ? d->id.s : "", id, idn) == 0)
		return d;
	flush_pending(s, 0);
	for (int i = 0; i < NDOCS; i++) {
		struct doc *e = &s->docs[i];

		if (!e->used) {
			if (!free_d)
				free_d = e;
			continue;
		}
		if (e->id.len == idn && (idn == 0 || memcmp(e->id.s, id, idn) == 0)) {
			zwarn(r->file, r->lineno, "document %.*s resumes after "
			    "another document: its rows are not contiguous",
			    (int)(idn > 200 ? 200 : idn), id);
			e->last_use = ++s->clock;
			return s->cur = e;
		}
		if (!old || e->last_use < old->last_use)
			old = e;
	}
	d = free_d ? free_d : old;
	doc_reset(d);
	d->used = true;
	buf_add(&d->id, id, idn);
	d->last_use = ++s->clock;
	if (idn > 0) {
		uint64_t h = hash_id(id, idn);

		if (seen_add(s, h))
			zwarn(r->file, r->lineno, "document %.*s resumes after "
			    "other documents: its rows are not contiguous and "
			    "its numbering starts again",
			    (int)(idn > 200 ? 200 : idn), id);
	}
	return s->cur = d;
}

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

void
sect_row(struct sect *s, const char *file, unsigned long lineno,
    const char *prefix, size_t prefix_len, size_t ncols,
    const char *text, size_t n)
{
	struct rowref r = { file, lineno, prefix, prefix_len, ncols > 0 };
	struct doc *d;
	struct marker m;
	bool mk, head_like = false, acc = false;
	size_t hend = n;

	if (ncols > 0) {
		const char *tab = memchr(prefix, '\t', prefix_len);
		size_t idn = tab ? (size_t)(tab - prefix) : prefix_len;

		/* A row padded by tsv_run has no id: it stays where it is. */
		if (idn > 0 || !s->cur)
			doc_switch(s, &r, prefix, idn);
	} else if (!s->cur) {
		doc_switch(s, &r, "", 0);
	}
	d = s->cur;

	if (is_chrome(prefix, prefix_len, ncols)) {
		flush_pending(s, 0);
		emit1(s, &r, K_PARA, sect_path(s, d, 0), P_OTHER, text, n);
		return;
	}

	mk = marker_heading(text, n, &m);
	if (!mk && m.overlong)
		zwarn(file, lineno, "numbering too long for a heading; kept as text");
	if (mk) {
		size_t cps;

		hend = m.len + first_sentence(text + m.len, n - m.len, &cps);
		hend = glued_items(text, m.len, hend, n, &cps);
		head_like = cps <= HEAD_LIKE_CPS;
		acc = accept(d, &m, head_like, hend == n);
	}
	if (s->pend)
		flush_pending(s, acc ? 0 : continues(s, text, n));
	d->rows++;
	if (acc) {
		heading(s, d, &r, &m, text, n, hend);
		return;
	}
	if (mk)
		reject(d, &m, head_like);
	if (!d->heading_seen && !d->title_done && d->rows <= TITLE_ROWS &&
	    !mk && title_like(s, text, n)) {
		d->title_done = true;
		d->year = part_year(s->key.s);         /* key: from title_like */
		emit1(s, &r, K_TITLE, "0", P_OTHER, text, n);
		return;
	}
	/* "2024年,我区…" opening the preamble */
	if (!d->heading_seen && !d->year && n >= 7 && text[0] == '2' &&
	    text[1] == '0' && text[2] >= '0' && text[2] <= '9' &&
	    text[3] >= '0' && text[3] <= '9' && memcmp(text + 4, "年", 3) == 0)
		d->year = 2000 + (text[2] - '0') * 10 + (text[3] - '0');
	if (d->heading_seen && signature(s, text, n)) {
		emit1(s, &r, K_PARA, sect_path(s, d, 0), P_OTHER, text, n);
		return;
	}
	apply_cue(s, d, text, n);
	body(s, d, &r, text, n, -1);
}

void
sect_end_input(struct sect *s)
{
	flush_pending(s, 0);
	/* Without ids, each input is one document. */
	if (s->cur && s->cur->id.len == 0) {
		doc_reset(s->cur);
		s->cur->used = false;
		s->cur = NULL;
	}
}

void
sect_feed_buffer(struct sect *s, const char *file, const char *buf, size_t len)
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
		sect_row(s, file, lineno, ln, plen, ncols, tab ? tab + 1 : ln, tl);
		pos += ll + 1;
	}
	sect_end_input(s);
}
