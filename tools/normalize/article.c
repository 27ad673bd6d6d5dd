#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "artline.h"
#include "cli.h"
#include "htmlmeta.h"
#include "utf8.h"

#define NONE ((size_t)-1)
/* How far before the article its title may be, in lines. */
#define TITLE_REACH 40
/* Frame lines kept after the article's element, at most. */
#define FRAME_AFTER 10
/* An element with a form control and less prose than this (characters)
 * is a widget. */
#define WIDGET_PROSE 100
/* Link lines between two lines of prose, at most, kept as the text's own
 * (a digest's "▶ 典型案例丨…" items); longer runs are link lists. */
#define LINK_RUN 8

static const char *
ltext(const struct hpage *pg, size_t i)
{
	return hline_text(pg, &pg->lines[i]);
}

static bool
link_dense(const struct hline *l)
{
	return l->link_chars * 2 > l->chars && !(l->flags & HL_ATTACH);
}

/* Prose: enough characters outside links, and punctuated or long. */
static bool
prose(const struct hline *l, int cls)
{
	unsigned own = l->chars - l->link_chars;

	return !(l->flags & HL_HIDDEN) && !(cls & CH_CHROME) && own >= 10 &&
	    l->link_chars * 4 < l->chars && (l->punct >= 1 || own >= 40);
}

/* A short line of a document's frame after its body: signature, date,
 * （此件公开发布）, attachments. */
static bool
frame_line(const struct hpage *pg, size_t i)
{
	static const char *const org[] = { "政府", "办公室", "办公厅", "委员会", "局",
		"厅", "委", "部", "中心", "院", "会", "处", "署", "所", "站", "队", NULL };
	const struct hline *l = &pg->lines[i];
	size_t n = l->len;
	const char *s = aline_lead(ltext(pg, i), &n);
	char iso[11];

	if (l->flags & HL_ATTACH)
		return true;
	if (l->chars > 60 || link_dense(l))
		return false;
	if (aline_starts(s, n, "附件") || aline_starts(s, n, "（此件") ||
	    aline_starts(s, n, "(此件"))
		return true;
	if (l->chars <= 16 && hmeta_iso_date(s, n, iso))
		return true;
	for (int k = 0; org[k]; k++)
		if (l->chars <= 30 && aline_ends(s, n, org[k]))
			return true;
	return false;
}

/* Text without spaces, for comparing titles. */
static size_t
squeeze(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;

	for (size_t i = 0; i < n && o + 4 < cap; ) {
		size_t k = hmeta_space_at(s, n, i);

		if (k)
			i += k;
		else
			out[o++] = s[i++];
	}
	out[o] = '\0';
	return o;
}

/* The document's title as the head gives it: ArticleTitle, or the
 * longest part of <title> (the rest is the site: _某某区人民政府). */
static void
ref_title(const struct hpage *pg, struct buf *out)
{
	static const char *const sep[] = { "_", "|", " - ", "--", "——", "－", "｜",
		" — ", NULL };
	const struct buf *t = &pg->meta.f[HM_TITLE];
	const char *s, *best = NULL;
	size_t n, bestn = 0;

	buf_clear(out);
	if (t->len) {
		buf_add(out, t->s, t->len);
		return;
	}
	s = pg->meta.title.s;
	n = pg->meta.title.len;
	while (n > 0) {
		size_t cut = n, skip = 0;

		for (int k = 0; sep[k]; k++) {
			const char *p = hmeta_find(s, n, sep[k], strlen(sep[k]));

			if (p && (size_t)(p - s) < cut) {
				cut = (size_t)(p - s);
				skip = strlen(sep[k]);
			}
		}
		if (cut > bestn) {
			best = s;
			bestn = cut;
		}
		if (cut == n)
			break;
		s += cut + skip;
		n -= cut + skip;
	}
	if (best) {
		while (bestn > 0 && (*best == ' ' || *best == '\n' || *best == '\t')) {
			best++;
			bestn--;
		}
		while (bestn > 0 && (best[bestn - 1] == ' ' || best[bestn - 1] == '\n' ||
		    best[bestn - 1] == '\t'))
			bestn--;
		for (size_t i = 0; i < bestn; i++)
			buf_addc(out, best[i] == '\n' || best[i] == '\t' || best[i] == '\r' ?
			    ' ' : best[i]);
	}
}

/* The lines of the title that starts at line i: all lines of a heading
 * or title element (a title set over lines with <br>), else one. */
static size_t
title_end(const struct hpage *pg, size_t i)
{
	const struct hline *l = &pg->lines[i];
	const struct hel *e = &pg->els[l->el];

	if (l->el >= 0 && (e->flags & (HE_TITLE | HE_HEADING | HE_CENTER)) && e->first == i &&
	    e->last - e->first <= 4)
		return e->last;
	return i + 1;
}

static void
join_lines(const struct hpage *pg, size_t a, size_t b, struct buf *out)
{
	buf_clear(out);
	for (size_t i = a; i < b; i++) {
		const char *s = ltext(pg, i);
		size_t n = pg->lines[i].len;

		if (out->len && !((unsigned char)out->s[out->len - 1] >= 0x80 &&
		    (unsigned char)s[0] >= 0x80))
			buf_addc(out, ' ');
		buf_add(out, s, n);
	}
}

static bool
titled(const struct hpage *pg, int el, unsigned flag)
{
	for (int d = 0; el >= 0 && d < 3; d++, el = pg->els[el].parent)
		if (pg->els[el].flags & flag)
			return true;
	return false;
}

/* The first line of prose in [start, end), or end. */
static size_t
first_prose(const struct hpage *pg, size_t start, size_t end)
{
	for (size_t i = start; i < end; i++)
		if (prose(&pg->lines[i], 0))
			return i;
	return end;
}

/* How a run of lines [i, j) reads as the title; 0 if it does not.  rs
 * is the head's title squeezed. */
static long
title_score(const struct hpage *pg, size_t i, size_t j, size_t start,
    const char *cs, size_t cn, const char *rs, size_t rn)
{
	const struct hline *l = &pg->lines[i];
	size_t te = title_end(pg, i);
	long s = 0;

	if (cn < 8 || cn > 400 || aline_breadcrumb(ltext(pg, i), l->len))
		return 0;
	if (rn >= 6 && cn == rn && memcmp(cs, rs, cn) == 0)
		s += 100;
	else if (rn >= 6 && cn * 2 >= rn && hmeta_find(rs, rn, cs, cn))
		s += 60;
	else if (rn >= 9 && hmeta_find(cs, cn, rs, rn) && cn < rn * 2)
		s += 60;
	else if (link_dense(l) || j != te)
		return 0;
	/* Lines of several elements are a title only as the head names it. */
	if (pg->lines[j - 1].el != l->el && s < 100)
		return 0;
	if (j == te && titled(pg, l->el, HE_HEADING))
		s += 25;
	if (j == te && titled(pg, l->el, HE_TITLE))
		s += 25;
	/* A centred first line of the article: a CMS export. */
	if (j == te && i == start && titled(pg, l->el, HE_CENTER))
		s += 25;
	if (l->punct > 2 || aline_ends(ltext(pg, j - 1), pg->lines[j - 1].len, "。"))
		s -= 40;
	s -= (long)(i < start ? start - i : i - start) / 8;
	return s;
}

/* Whether s[0..n) opens, after spaces, with the first three bytes of t
 * (a squeezed title). */
static bool
opens_with(const char *s, size_t n, const char *t)
{
	size_t i = 0, k;

	while (i < n && (k = hmeta_space_at(s, n, i)) > 0)
		i += k;
	return n - i >= 3 && memcmp(s + i, t, 3) == 0;
}

/* The last few lines squeezed: a title's lines are tried in runs of up
 * to four, each line in up to four runs. */
struct sqcache {
	size_t line[4], len[4];
	char s[4][1024];
};

/* Line k squeezed, appended to out (cap bytes): its length. */
static size_t
squeezed(const struct hpage *pg, size_t k, struct sqcache *c, char *out, size_t cap)
{
	size_t x = k % 4, n;

	if (c->line[x] != k) {
		c->len[x] = squeeze(ltext(pg, k), pg->lines[k].len, c->s[x], sizeof c->s[x]);
		c->line[x] = k;
	}
	n = c->len[x];
	if (n + 5 > cap)
		n = cap > 5 ? cap - 5 : 0;
	memcpy(out, c->s[x], n);
	out[n] = '\0';
	return n;
}

/* Picks the title: near the article's start and before its first
 * prose, one line or up to four lines of one element joined (a title
 * set over lines with <br>); further back, only a line that is the
 * head's title.  *endp gets the end of its lines.  NONE if nothing
 * reads as one. */
static size_t
find_title(struct article *a, const struct hpage *pg, size_t start, size_t end,
    const struct buf *ref, size_t *endp)
{
	char rs[1024], cs[1024];
	size_t rn = squeeze(ref->s ? ref->s : "", ref->len, rs, sizeof rs), cn;
	struct sqcache cache = { .line = { NONE, NONE, NONE, NONE } };
	size_t near = start > TITLE_REACH ? start - TITLE_REACH : 0;
	size_t to = first_prose(pg, start, end) + 1, best = NONE;
	long bscore = 24;

	if (to < start + 6)
		to = start + 6 < end ? start + 6 : end;
	if (to > end)
		to = end;
	/* A title shown far above the article (a banner row, a layout
	 * table's first cell) is the one the head gives, written alone. */
	for (size_t i = 0; rn >= 12 && i < near; i++) {
		const struct hline *l = &pg->lines[i];

		if ((l->flags & HL_HIDDEN) || a->role[i] == AR_DROP || l->len < rn ||
		    l->len > 2 * rn || !opens_with(ltext(pg, i), l->len, rs) ||
		    squeeze(ltext(pg, i), l->len, cs, sizeof cs) != rn ||
		    memcmp(cs, rs, rn) != 0)
			continue;
		{
			long s = title_score(pg, i, i + 1, start, cs, rn, rs, rn);

			if (s > bscore) {
				bscore = s;
				best = i;
				*endp = i + 1;
			}
		}
	}
	for (size_t i = near; i < to; i++) {
		const struct hline *l = &pg->lines[i];

		/* A heading stays a candidate in furniture (<header
		 * class="entry-header">: an article's own header). */
		if ((l->flags & HL_HIDDEN) || l->chars > 120 || (a->role[i] == AR_DROP &&
		    !titled(pg, l->el, HE_HEADING)))
			continue;
		/* The lines i..j-1 joined and squeezed: the squeezed lines one
		 * after another. */
		cn = 0;
		for (size_t j = i + 1; j <= i + 4 && j <= pg->nlines; j++) {
			long s;

			if (j > i + 1 && (a->role[j - 1] == AR_DROP ||
			    pg->lines[j - 1].chars > 60))
				break;
			cn += squeezed(pg, j - 1, &cache, cs + cn, sizeof cs - cn);
			s = title_score(pg, i, j, start, cs, cn, rs, rn);
			if (s > bscore) {
				bscore = s;
				best = i;
				*endp = j;
			}
		}
	}
	return best;
}

/* The 索引号 table (or list): the element around a line that has the
 * label, with a few lines at most. */
static void
meta_blocks(struct article *a, struct hpage *pg)
{
	for (size_t i = 0; i < pg->nlines; i++) {
		const struct hline *l = &pg->lines[i];
		int el = l->el, best = -1;

		char sq[1024];
		size_t sn;

		if (l->len > 900 || !hmeta_find(ltext(pg, i), l->len, "索", 3))
			continue;
		sn = squeeze(ltext(pg, i), l->len, sq, sizeof sq);
		if (!hmeta_find(sq, sn, "索引号", 9))
			continue;
		for (int d = 0; el >= 0 && d < 6; d++, el = pg->els[el].parent) {
			const struct hel *e = &pg->els[el];

			if (e->last - e->first > 30)
				break;
			best = el;
			if (e->flags & HE_TABLE)
				break;
		}
		/* Rows of the same table in another element (a nested table
		 * for the title): lines near it that open with a label. */
		for (size_t j = i > 12 ? i - 12 : 0; j < i + 12 && j < pg->nlines; j++) {
			size_t len0 = pg->lines[j].len;

			if (len0 > 600 || a->role[j] == AR_DROP)
				continue;
			if (hmeta_count_labels(ltext(pg, j), len0, true) > 0 &&
			    hmeta_label_first(ltext(pg, j), len0)) {
				hmeta_labels(&pg->meta, HM_RANK_TABLE, ltext(pg, j), len0);
				a->role[j] = AR_DROP;
			}
		}
		if (best < 0)
			continue;
		for (size_t j = pg->els[best].first; j < pg->els[best].last; j++) {
			hmeta_labels(&pg->meta, HM_RANK_TABLE, ltext(pg, j), pg->lines[j].len);
			a->role[j] = AR_DROP;
		}
		i = pg->els[best].last - 1;
	}
}

/* Furniture inside the article: an element with a furniture name, or
 * a widget (it holds a form control and hardly any prose: feedback,
 * comment and search boxes), between the line and the article's
 * element.  An element that holds half the article's prose is the text
 * whatever its name (id="font_area": the text the font buttons size). */
static bool
under_furniture(const struct article *a, const struct hpage *pg, int el, int top)
{
	for (int d = 0; el >= 0 && el != top && d < 64; d++, el = pg->els[el].parent) {
		if (top >= 0 && a->good[el] * 2 >= a->good[top])
			continue;
		if (pg->els[el].hint < 0 ||
		    ((pg->els[el].flags & HE_FORM) && a->good[el] < WIDGET_PROSE))
			return true;
	}
	return false;
}

static int
best_element(struct article *a, const struct hpage *pg, struct chrome *ch)
{
	int best = -1;
	double bs = 0;

	for (size_t k = 0; k < pg->nels; k++)
		a->good[k] = a->bad[k] = 0;
	for (size_t i = 0; i < pg->nlines; i++) {
		const struct hline *l = &pg->lines[i];
		int cls = 0;
		bool statement;

		if (l->el < 0 || (l->flags & HL_HIDDEN))
			continue;
		/* A list of links counts against its element whatever it says. */
		if (ch && l->len <= CHROME_MAXLEN && !link_dense(l))
			cls = chrome_class(ch, ltext(pg, i), l->len);
		/* A site's statement (免责声明：…) reads as prose, and is the
		 * footer's. */
		statement = l->chars <= 400 && aline_statement(ltext(pg, i), l->len);
		if (prose(l, cls) && !statement)
			a->good[l->el] += l->chars - l->link_chars;
		/* Lists of links and furniture count against an element; a
		 * link inside a sentence or to an attachment does not. */
		if ((cls & CH_CHROME) || link_dense(l) || statement)
			a->bad[l->el] += l->chars;
	}
	/* Children come after their parents: one pass from the end sums. */
	for (size_t k = pg->nels; k-- > 0; ) {
		int p = pg->els[k].parent;

		if (p >= 0) {
			a->good[p] += a->good[k];
			a->bad[p] += a->bad[k];
		}
	}
	for (size_t k = 0; k < pg->nels; k++) {
		const struct hel *e = &pg->els[k];
		double g = a->good[k], s;
		int h = e->hint;

		if (h > 2)
			h = 2;
		if (h < -2)
			h = -2;
		s = g * (1 + 0.15 * h) - a->bad[k];
		/* Parents come first: a child wins only by a better score, so
		 * of equals the outermost stays (a fragment's frame lines). */
		if (g >= 20 && (best < 0 || s > bs)) {
			best = (int)k;
			bs = s;
		}
	}
	/* A child that holds nearly all of the prose, without some of the
	 * links and furniture, is the text; the rest is the page around it
	 * that the container's name (main-content) let in. */
	while (best >= 0) {
		int c = -1;

		for (size_t k = (size_t)best + 1; k < pg->nels && pg->els[k].first <
		    pg->els[best].last; k++)
			if (pg->els[k].parent == best && (c < 0 || a->good[k] > a->good[c]))
				c = (int)k;
		if (c < 0 || a->good[c] < 0.95 * a->good[best] ||
		    a->bad[c] >= a->bad[best] || pg->els[c].hint < 0)
			break;
		best = c;
	}
	return best;
}

/* Widget labels and credit lines at the article's edges, before its
 * first and after its last line of prose: short lines of metadata
 * (日期 来源 作者 责编), a date alone under the title, and scraps of a
 * few characters (微博, +1) that are no heading.  inside: the line is
 * in the article's element. */
static bool
edge_scrap(struct hpage *pg, size_t i, bool head, bool inside)
{
	struct hline *l = &pg->lines[i];
	size_t n = l->len;
	const char *s = aline_lead(ltext(pg, i), &n);
	char iso[11];

	if ((l->flags & HL_ATTACH) || n == 0)
		return false;
	/* At the end of a Chinese text, a line with no Chinese in it: a
	 * notice's translation, a widget's English. */
	if (!head && aline_han_count(s, n, 1) == 0)
		return true;
	/* A platform's long notice at the end: 特别声明：以上内容… */
	if (l->chars > 80)
		return !head && l->chars <= 300 && aline_statement(s, n);
	if (aline_credit(l, s, n) || aline_related_heading(l, ltext(pg, i)))
		return true;
	/* 【文号】 晋医保发〔2021〕14号: a field, not the document's own line. */
	if (hmeta_count_labels(s, n, false) > 0)
		return true;
	if (hmeta_is_docno(s, n))
		return false;
	if (head && l->chars <= 25 && !aline_starts(s, n, "（") && s[0] != '(' &&
	    hmeta_iso_date(s, n, iso) && !(inside && aline_bare_doc_date(s, n)))
		return true;
	/* A scrap, unless it is a line of a heading (绥德县举行 / 庆…). */
	if (l->chars <= 5 && !aline_ends(s, n, "：") && !frame_line(pg, i) &&
	    !titled(pg, l->el, HE_HEADING))
		return true;
	return false;
}

/* The line a is the title b again, squeezed, perhaps with a note's
 * mark after it (…统计公报[1]). */
static bool
title_again(const char *a, size_t an, const char *b, size_t bn)
{
	char x[1024], y[1024];
	size_t xn, yn, i;

	if (an > 900 || bn > 900 || (xn = squeeze(a, an, x, sizeof x)) == 0)
		return false;
	yn = squeeze(b, bn, y, sizeof y);
	if (xn < yn || memcmp(x, y, yn) != 0)
		return false;
	if (xn == yn)
		return true;
	i = yn;
	if (x[i] == '[' || x[i] == '(')
		i++;
	else if (xn - i >= 3 && (memcmp(x + i, "［", 3) == 0 || memcmp(x + i, "（", 3) == 0))
		i += 3;
	else
		return false;
	if (i == xn || x[i] < '0' || x[i] > '9')
		return false;
	while (i < xn && x[i] >= '0' && x[i] <= '9')
		i++;
	return (i + 1 == xn && (x[i] == ']' || x[i] == ')')) || (i + 3 == xn &&
	    (memcmp(x + i, "］", 3) == 0 || memcmp(x + i, "）", 3) == 0));
}

/* An unlabelled source on a line under the title: what is left of the
 * line without its date [b, e) and time is one name of an agency; for
 * an element the page calls the source (named), one name of a few
 * characters. */
static void
source_token(struct hpage *pg, const char *s, size_t n, size_t b, size_t e, bool named)
{
	char rest[128];
	size_t r = 0, i;

	for (i = 0; i < n && r + 4 < sizeof rest; i++) {
		if (i == b && e > b) {
			i = e;
			/* and the time after it: 19:55, 08:49:02 */
			while (i < n && (s[i] == ' ' || s[i] == ':' || (s[i] >= '0' &&
			    s[i] <= '9')))
				i++;
			if (i >= n)
				break;
		}
		rest[r++] = s[i];
	}
	while (r > 0 && rest[r - 1] == ' ')
		r--;
	for (i = 0; i < r && rest[i] == ' '; i++)
		;
	/* 新京报作者：新京报: the name after a label */
	for (size_t k = r; k >= i + 3 && k > 3; k--)
		if (memcmp(rest + k - 3, "：", 3) == 0 || rest[k - 1] == ':') {
			i = k;
			break;
		}
	if (r <= i || memchr(rest + i, ' ', r - i))
		return;
	if (named && r - i <= 45 && aline_han_count(rest + i, r - i, 2) >= 2)
		hmeta_set(&pg->meta, HM_SOURCE, HM_RANK_LINE + 7, rest + i, r - i);
	else if (aline_org_name(rest + i, r - i))
		hmeta_set(&pg->meta, HM_SOURCE, HM_RANK_LINE + 9, rest + i, r - i);
}

/* The first element under the title that the page calls the source
 * (<span class="a_source">新浪财经</span>), unlabelled. */
static void
source_elements(struct hpage *pg, size_t from, size_t to)
{
	for (size_t k = 0; k < pg->nsrc; k++) {
		const struct hsource *h = &pg->src[k];
		const char *s = pg->srctext.s + h->off;
		size_t n = h->len, b = 0, e = 0;
		char iso[11];

		if (h->line < from || h->line >= to)
			continue;
		s = aline_lead(s, &n);
		if (n == 0 || hmeta_count_labels(s, n, true) > 0)
			continue;
		if (!hmeta_date_span(s, n, iso, &b, &e))
			b = e = 0;
		source_token(pg, s, n, b, e, true);
		return;
	}
}

static bool
in_element(const struct hpage *pg, size_t i, int el)
{
	return el >= 0 && i >= pg->els[el].first && i < pg->els[el].last;
}

static void
clean_edges(struct article *a, struct hpage *pg, size_t start, size_t end, int best)
{
	size_t i, prose_seen = 0;

	/* The related-links part ends the article. */
	for (i = start; i < end; i++) {
		if (a->role[i] != AR_BODY)
			continue;
		if (prose(&pg->lines[i], 0))
			prose_seen++;
		if (prose_seen && aline_related_heading(&pg->lines[i], ltext(pg, i))) {
			for (; i < end; i++)
				if (a->role[i] == AR_BODY)
					a->role[i] = AR_DROP;
			break;
		}
	}
	for (i = start; i < end; i++) {
		if (a->role[i] != AR_BODY)
			continue;
		/* The title again (a mobile header, the text's own first
		 * line): the title row has it. */
		if (a->title != NONE && title_again(ltext(pg, i), pg->lines[i].len,
		    a->title_text.s, a->title_text.len))
			a->role[i] = AR_DROP;
		else if (edge_scrap(pg, i, true, in_element(pg, i, best)))
			a->role[i] = AR_DROP;
		else if (prose(&pg->lines[i], 0))
			break;
	}
	/* A short credit just under the first prose (a lead's box, then
	 * 本文首发于某某公众号). */
	for (size_t k = 0; i < end && k < 3; i++) {
		const struct hline *l = &pg->lines[i];

		if (a->role[i] != AR_BODY)
			continue;
		k++;
		if (l->chars <= 40 && aline_credit(l, ltext(pg, i), l->len))
			a->role[i] = AR_DROP;
	}
	/* From the end, up to the last prose; lines that are neither a
	 * scrap nor prose (a contact line, an annex's item) stay. */
	for (i = end; i-- > start; ) {
		if (a->role[i] != AR_BODY)
			continue;
		if (edge_scrap(pg, i, false, in_element(pg, i, best)))
			a->role[i] = AR_DROP;
		else if (prose(&pg->lines[i], 0))
			break;
	}
}

/* The date and the source as the lines under the title give them,
 * whatever those lines' role: 2018年12月28日 19:55 新京报, or 新华社
 * alone on its line. */
static void
info_lines(struct article *a, struct hpage *pg, size_t from, size_t to)
{
	for (size_t i = from; i < to && i < from + 8 && i < pg->nlines; i++) {
		const struct hline *l = &pg->lines[i];
		size_t n = l->len;
		const char *s = aline_lead(ltext(pg, i), &n);
		char iso[11];
		size_t b = 0, e = 0;

		if ((l->flags & HL_HIDDEN) || l->chars > 40 || prose(l, 0) || n == 0 ||
		    a->role[i] == AR_TITLE || a->role[i] == AR_JOINED)
			continue;
		if (aline_starts(s, n, "（") || s[0] == '(')
			continue;
		if (hmeta_date_span(s, n, iso, &b, &e))
			hmeta_set(&pg->meta, HM_DATE, HM_RANK_LINE + 8, iso, 10);
		else
			b = e = 0;
		if (hmeta_count_labels(s, n, true) == 0)
			source_token(pg, s, n, b, e, false);
	}
}

/* Link lines inside the article, in short runs with prose before and
 * after them, are the text's own (the items of a digest: ▶ 典型案例丨…);
 * the rest of them were dropped as link lists, and pagers (【1】【2】)
 * are no text. */
static size_t
first_body_prose(const struct article *a, const struct hpage *pg, size_t from,
    size_t end)
{
	for (size_t i = from; i < end; i++)
		if (a->role[i] == AR_BODY && prose(&pg->lines[i], 0))
			return i;
	return end;
}

/* A short heading (关联稿件：, 相关链接：) whose lines were all dropped as
 * links or furniture goes with them. */
static void
drop_orphan_headings(struct article *a, const struct hpage *pg, size_t start,
    size_t end)
{
	for (size_t i = start; i < end; i++) {
		const struct hline *l = &pg->lines[i];
		const char *s = ltext(pg, i);
		size_t j;

		if (a->role[i] != AR_BODY || l->chars > 10 || !(aline_ends(s, l->len, "：") ||
		    aline_ends(s, l->len, ":")))
			continue;
		for (j = i + 1; j < end && a->role[j] == AR_OUT; j++)
			;
		if (j < end && a->role[j] == AR_DROP)
			a->role[i] = AR_DROP;
	}
}

static void
keep_inline_links(struct article *a, const struct hpage *pg, size_t start, size_t end,
    int best)
{
	size_t i = start, last_prose = NONE;

	while (i < end) {
		size_t j;

		if (a->role[i] == AR_BODY && prose(&pg->lines[i], 0)) {
			last_prose = i;
			i++;
			continue;
		}
		if (last_prose == NONE || a->role[i] != AR_DROP || !link_dense(&pg->lines[i])) {
			i++;
			continue;
		}
		/* A run of link lines, each dropped only for its links. */
		for (j = i; j < end && j < i + LINK_RUN + 1 && a->role[j] == AR_DROP &&
		    link_dense(&pg->lines[j]) && !(pg->lines[j].flags & HL_HIDDEN) &&
		    aline_han_count(ltext(pg, j), pg->lines[j].len, 6) >= 6 &&
		    !aline_related_label(ltext(pg, j), pg->lines[j].len) &&
		    !aline_ad(&pg->lines[j], ltext(pg, j), pg->lines[j].len) &&
		    !under_furniture(a, pg, pg->lines[j].el, best); j++)
			;
		/* Not an advertisement's item: after its 广告 mark, or with the
		 * × that closes its card. */
		if (j > i && j - i <= LINK_RUN && first_body_prose(a, pg, j, end) < end &&
		    !(aline_ad(&pg->lines[i - 1], ltext(pg, i - 1), pg->lines[i - 1].len)) &&
		    !(j < pg->nlines && aline_close_mark(ltext(pg, j), pg->lines[j].len)))
			for (size_t k = i; k < j; k++)
				a->role[k] = AR_BODY;
		i = j > i ? j : i + 1;
	}
}

void
article_select(struct article *a, struct hpage *pg, struct chrome *ch)
{
	size_t n = pg->nlines, start, el_start, end, t, te = 0;
	struct buf ref = { 0 };
	int best;

	if (a->cap < n + 1) {
		a->cap = n + 1;
		a->role = xrealloc(a->role, a->cap);
	}
	if (a->capel < pg->nels + 1) {
		a->capel = pg->nels + 1;
		a->good = xrealloc(a->good, a->capel * sizeof *a->good);
		a->bad = xrealloc(a->bad, a->capel * sizeof *a->bad);
	}
	memset(a->role, AR_OUT, n);
	a->found = false;
	a->title = NONE;
	buf_clear(&a->title_text);
	meta_blocks(a, pg);
	best = best_element(a, pg, ch);
	ref_title(pg, &ref);
	if (best < 0) {
		buf_add(&a->title_text, ref.s ? ref.s : "", ref.len);
		buf_free(&ref);
		return;
	}
	a->found = true;
	start = el_start = pg->els[best].first;
	end = pg->els[best].last;
	for (size_t i = start; i < end; i++) {
		const struct hline *l = &pg->lines[i];

		if (a->role[i] == AR_DROP)
			continue;
		a->role[i] = (l->flags & HL_HIDDEN) || link_dense(l) ||
		    under_furniture(a, pg, l->el, best) ||
		    aline_ad(l, ltext(pg, i), l->len) ? AR_DROP : AR_BODY;
	}
	/* Frame lines right after the element. */
	for (size_t i = end, k = 0; i < n && k < FRAME_AFTER; i++, k++) {
		if (!frame_line(pg, i) || (pg->lines[i].flags & HL_HIDDEN) ||
		    a->role[i] == AR_DROP)
			break;
		a->role[i] = AR_BODY;
		end = i + 1;
	}
	t = find_title(a, pg, start, end, &ref, &te);
	if (t != NONE) {
		join_lines(pg, t, te, &a->title_text);
		/* The head between title and body, as far as it is text. */
		for (size_t i = te; i < start; i++) {
			const struct hline *l = &pg->lines[i];

			if (a->role[i] != AR_DROP)
				a->role[i] = (l->flags & HL_HIDDEN) || link_dense(l) ||
				    l->chars > 60 || under_furniture(a, pg, l->el, -1) ?
				    AR_DROP : AR_BODY;
		}
		/* Before the title, only a document number stays. */
		for (size_t i = start; i < t; i++)
			if (a->role[i] == AR_BODY && !hmeta_is_docno(ltext(pg, i),
			    pg->lines[i].len))
				a->role[i] = AR_OUT;
		a->role[t] = AR_TITLE;
		for (size_t i = t + 1; i < te; i++)
			a->role[i] = AR_JOINED;
		a->title = t;
		hmeta_set(&pg->meta, HM_TITLE, 0, a->title_text.s, a->title_text.len);
		{
			/* Up to the first prose that is not the title again
			 * nor a widget's (语音播报文章，释放双眼). */
			size_t fp = te;

			while (fp < end && (!prose(&pg->lines[fp], 0) ||
			    title_again(ltext(pg, fp), pg->lines[fp].len, a->title_text.s,
			    a->title_text.len) || aline_credit(&pg->lines[fp], ltext(pg, fp),
			    pg->lines[fp].len)))
				fp++;
			info_lines(a, pg, te, fp);
			source_elements(pg, te, fp);
		}
		if (t < start)
			start = t;
	} else {
		buf_clear(&a->title_text);
		buf_add(&a->title_text, ref.s ? ref.s : "", ref.len);
	}
	clean_edges(a, pg, start, end, best);
	keep_inline_links(a, pg, start, end, best);
	drop_orphan_headings(a, pg, start, end);
	/* Labelled fields near the head and the tail; a document number
	 * alone on a line of the head. */
	for (size_t i = el_start > 15 ? el_start - 15 : 0, k = 0; i < end && k < 40; i++, k++) {
		const char *s = ltext(pg, i);
		size_t len = pg->lines[i].len;

		hmeta_labels(&pg->meta, HM_RANK_LINE, s, len);
		if (a->role[i] == AR_BODY && hmeta_is_docno(s, len) &&
		    hmeta_count_labels(s, len, true) == 0)
			hmeta_set(&pg->meta, HM_DOCNO, HM_RANK_LINE, s, len);
	}
	for (size_t i = end > 10 ? end - 10 : 0; i < end + 10 && i < n; i++)
		hmeta_labels(&pg->meta, HM_RANK_LINE + 5, ltext(pg, i), pg->lines[i].len);
	buf_free(&ref);
}

void
article_free(struct article *a)
{
	free(a->role);
	free(a->good);
	free(a->bad);
	buf_free(&a->title_text);
	memset(a, 0, sizeof *a);
}
