#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "marker.h"
#include "part.h"
#include "sect.h"
#include "sectint.h"
#include "sentence.h"
#include "tsv.h"
#include "utf8.h"

static const char *const kinds[] = { "title", "heading", "para", "item", "sentence" };

static const unsigned char rank[MT_COUNT] = { 1, 2, 3, 4, 5, 6, 7, 0 };

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

const char *
sect_path(struct sect *s, const struct doc *d, unsigned item)
{
	if (!item)
		return d->path;
	memcpy(s->sectbuf, d->path, d->pathlen);
	s->sectbuf[d->pathlen + put_num(s->sectbuf + d->pathlen, item, true)] = '\0';
	return s->sectbuf;
}

int
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

void
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
void
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
size_t
cp_count(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* "2024年," at t[i] (the comma full or half width). */
static bool
year_comma(const char *t, size_t n, size_t i)
{
	if (i + 8 > n || t[i + 1] != '0' || t[i + 2] < '0' || t[i + 2] > '9' ||
	    t[i + 3] < '0' || t[i + 3] > '9' || memcmp(t + i + 4, "年", 3) != 0)
		return false;
	return t[i + 7] == ',' || (i + 10 <= n &&
	    memcmp(t + i + 7, "\xef\xbc\x8c", 3) == 0);
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
		/* "一、总体情况2024年,我局…": the body run into a heading
		 * with no stop, opening with the year. */
		if (l == 1 && i >= 6 && t[i] == '2' && year_comma(t, e, i) &&
		    ((unsigned char)t[i - 1] & 0x80)) {
			e = i;
			break;
		}
		i += l;
	}
	*cps = cp_count(t, e);
	return e;
}

/* "1.建筑领域案件268件;": one sentence ending in ; , or 、 is a
 * member of a list running through the text, not a heading. */
static bool
list_item(const char *t, size_t n, size_t mlen, size_t hend)
{
	static const char *const ends[] = { "\xef\xbc\x9b", "\xef\xbc\x8c",
	    "\xe3\x80\x81", NULL };      /* ; , 、 */

	while (n > 0 && t[n - 1] == ' ')
		n--;
	if (hend < n || n <= mlen)
		return false;
	if (t[n - 1] == ';' || t[n - 1] == ',')
		return true;
	for (const char *const *e = ends; *e; e++)
		if (n >= 3 && memcmp(t + n - 3, *e, 3) == 0)
			return true;
	return false;
}

/* memmem, which C11 and POSIX lack. */
static const char *
find(const char *h, size_t hn, const char *w, size_t wn)
{
	const char *p = h, *e = h + hn;

	while (wn <= (size_t)(e - p) &&
	    (p = memchr(p, w[0], (size_t)(e - p) - wn + 1)) != NULL) {
		if (memcmp(p, w, wn) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* The numeral of marker number v as written in a marker of type t
 * (2, 二, 十一, ②), or 0 bytes when it has no plain form. */
static size_t
numeral_of(enum mtype t, unsigned v, char *buf)
{
	static const char *const cn[] = {
		"", "一", "二", "三", "四", "五", "六", "七", "八", "九"
	};
	size_t o = 0;

	switch (t) {
	case MT_AR:
	case MT_ARP:
	case MT_ARH:
		if (v >= 100)
			buf[o++] = (char)('0' + v / 100);
		if (v >= 10)
			buf[o++] = (char)('0' + v / 10 % 10);
		buf[o++] = (char)('0' + v % 10);
		return o;
	case MT_CN:
	case MT_CNP:
		if (v >= 100)
			return 0;
		if (v >= 20)
			o += (size_t)(stpcpy(buf + o, cn[v / 10]) - (buf + o));
		if (v >= 10)
			o += (size_t)(stpcpy(buf + o, "十") - (buf + o));
		if (v % 10)
			o += (size_t)(stpcpy(buf + o, cn[v % 10]) - (buf + o));
		return o;
	case MT_CIR:
		return v <= 20 ? (size_t)utf8_encode(0x2460 + v - 1, buf) : 0;
	default:
		return 0;
	}
}

/* "1.成立登记38件;2.变更登记102件;…": the next number of the same
 * kind after a clause boundary in the same line makes the line a list
 * written as a paragraph.  The next numeral is looked for first, so
 * that a heading with a long body costs one find(). */
static bool
inline_list(const char *t, size_t n, const struct marker *m)
{
	struct marker m2;
	char num[16];
	size_t nl = numeral_of(m->type, m->num + 1, num), i = m->len;
	const char *p;

	/* The next item comes within eighty characters or so. */
	if (n > m->len + 240)
		n = m->len + 240;
	while (nl && i < n && (p = find(t + i, n - i, num, nl)) != NULL) {
		size_t q = (size_t)(p - t);

		i = q + nl;
		/* back over the opening bracket of (2) (二) */
		if (q > 0 && t[q - 1] == '(')
			q--;
		else if (q >= 3 && (memcmp(t + q - 3, "\xef\xbc\x88", 3) == 0 ||
		    memcmp(t + q - 3, "\xe3\x80\x94", 3) == 0))
			q -= 3;         /* ( 〔 */
		if (!(q >= 1 && marker_boundary(t + q - 1, 1) == 1) &&
		    !(q >= 3 && marker_boundary(t + q - 3, 3) == 3))
			continue;
		if (marker_heading(t + q, n - q, &m2) && m2.type == m->type &&
		    m2.num == m->num + 1)
			return true;
	}
	return false;
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

static void name_level(struct sect *s, struct doc *d, const char *h,
    size_t hn);

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
	d->bare_marker = hn == 0;
	name_level(s, d, h, hn);
}

/* The part the wording of the current heading names. */
static void
name_level(struct sect *s, struct doc *d, const char *h, size_t hn)
{
	struct level *lv = &d->lv[d->depth - 1];

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
	if (hn == 0 && hend == n) {
		hold(s, r, s->opt.keep_markers ? t : h, s->opt.keep_markers ? n : 0,
		    0);
		s->pend = false;
		s->phead = true;
		return;
	}
	if (s->opt.keep_markers)
		emit1(s, r, K_HEADING, sect_path(s, d, 0), part_now(d), t, hend);
	else
		emit1(s, r, K_HEADING, sect_path(s, d, 0), part_now(d), h, hn);
	rest = hend;
	if (rest < n)
		body(s, d, r, t + rest, n - rest, -1);
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
	size_t hend = n, htext = 0, hcps;
	int sig;

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
		acc = !(m.type >= MT_AR && m.type <= MT_CIR &&
		    list_item(text, n, m.len, hend)) &&
		    !inline_list(text, n, &m) &&
		    accept(d, &m, head_like, hend == n);
	}
	/* After the signature only the next top-level heading, if the
	 * date was not the end after all, goes on with the report. */
	if (d->closed) {
		if (acc && m.type == d->lv[0].type && d->depth > 0 &&
		    m.num == d->lv[0].num + 1 && head_like) {
			d->closed = false;
		} else {
			flush_pending(s, 0);
			d->rows++;
			emit_body(s, &r, K_PARA, sect_path(s, d, 0), P_OTHER, text, n);
			return;
		}
	}
	if (d->bare_marker && !mk) {
		htext = first_sentence(text, n, &hcps);
		if (hcps == 0 || hcps > HEAD_LIKE_CPS)
			htext = 0;
	}
	if (s->phead && !htext)
		flush_pending(s, 0);
	if (s->pend)
		flush_pending(s, acc ? 0 : continues(s, text, n));
	d->rows++;
	if (acc) {
		heading(s, d, &r, &m, text, n, hend);
		return;
	}
	if (mk)
		reject(d, &m, head_like);
	/* "二、" alone, its words on the next line (markup split them):
	 * that line is the heading's text. */
	d->bare_marker = false;
	if (htext) {
		name_level(s, d, text, htext);
		flush_pending(s, 0);
		emit1(s, &r, K_HEADING, sect_path(s, d, 0), part_now(d), text,
		    htext);
		if (htext < n)
			body(s, d, &r, text + htext, n - htext, -1);
		return;
	}
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
	/* "存在的问题" alone on its line in a report whose parts carry no
	 * number: a top-level heading, numbered by counting. */
	if (!mk && (d->depth == 0 || d->lv[0].type == MT_BARE) &&
	    bare_heading(s, text, n, d->depth == 0)) {
		m.type = MT_BARE;
		m.num = d->depth ? d->lv[0].num + 1 : 1;
		m.len = 0;
		heading(s, d, &r, &m, text, n, n);
		return;
	}
	if (d->heading_seen && (sig = signature(s, text, n)) != SIG_NONE) {
		d->closed = sig == SIG_END;
		emit_body(s, &r, K_PARA, sect_path(s, d, 0), P_OTHER, text, n);
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
