#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "cli.h"
#include "htmlmeta.h"
#include "utf8.h"

#define NONE ((size_t)-1)
/* How far before the article its title may be, in lines. */
#define TITLE_REACH 40
/* Frame lines kept after the article's element, at most. */
#define FRAME_AFTER 10

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

static bool
ends_with(const char *s, size_t n, const char *t)
{
	size_t l = strlen(t);

	return n >= l && memcmp(s + n - l, t, l) == 0;
}

static bool
starts_with(const char *s, size_t n, const char *t)
{
	size_t l = strlen(t);

	return n >= l && memcmp(s, t, l) == 0;
}

/* A short line of a document's frame after its body: signature, date,
 * （此件公开发布）, attachments. */
static bool
frame_line(const struct hpage *pg, size_t i)
{
	static const char *const org[] = { "政府", "办公室", "办公厅", "委员会", "局",
		"厅", "委", "部", "中心", "院", "会", "处", "署", "所", "站", "队", NULL };
	const struct hline *l = &pg->lines[i];
	const char *s = ltext(pg, i);
	char iso[11];

	if (l->flags & HL_ATTACH)
		return true;
	if (l->chars > 60 || link_dense(l))
		return false;
	if (starts_with(s, l->len, "附件") || starts_with(s, l->len, "（此件") ||
	    starts_with(s, l->len, "(此件"))
		return true;
	if (l->chars <= 16 && hmeta_iso_date(s, l->len, iso))
		return true;
	for (int k = 0; org[k]; k++)
		if (l->chars <= 30 && ends_with(s, l->len, org[k]))
			return true;
	return false;
}

/* Text without spaces, for comparing titles. */
static size_t
squeeze(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;

	for (size_t i = 0; i < n && o + 4 < cap; ) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t') {
			i++;
		} else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			i += 2;
		} else if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x80) {
			i += 3;
		} else {
			out[o++] = s[i++];
		}
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

/* Picks the title near the article's start: one line, or up to four
 * lines of one element joined (a title set over lines with <br>);
 * *endp gets the end of its lines.  NONE if nothing reads as one. */
static size_t
find_title(struct article *a, const struct hpage *pg, size_t start, size_t end,
    const struct buf *ref, size_t *endp)
{
	char rs[1024], cs[1024];
	size_t rn = squeeze(ref->s ? ref->s : "", ref->len, rs, sizeof rs);
	size_t from = start > TITLE_REACH ? start - TITLE_REACH : 0;
	size_t to = start + 6 < end ? start + 6 : end, best = NONE;
	long bscore = 24;

	for (size_t i = from; i < to; i++) {
		const struct hline *l = &pg->lines[i];
		size_t te = title_end(pg, i);

		if ((l->flags & HL_HIDDEN) || l->chars > 120 || a->role[i] == AR_DROP)
			continue;
		for (size_t j = i + 1; j <= i + 4 && j <= pg->nlines; j++) {
			size_t cn;
			long s = 0;

			bool one_el;

			if (j > i + 1 && (a->role[j - 1] == AR_DROP ||
			    pg->lines[j - 1].chars > 60))
				break;
			one_el = pg->lines[j - 1].el == l->el;
			join_lines(pg, i, j, &a->title_text);
			cn = squeeze(a->title_text.s, a->title_text.len, cs, sizeof cs);
			if (cn < 8 || cn > 400)
				continue;
			if (rn >= 6 && cn == rn && memcmp(cs, rs, cn) == 0)
				s += 100;
			else if (rn >= 6 && cn * 2 >= rn && hmeta_find(rs, rn, cs, cn))
				s += 60;
			else if (rn >= 9 && hmeta_find(cs, cn, rs, rn) && cn < rn * 2)
				s += 60;
			else if (link_dense(l) || j != te)
				continue;
			/* Lines of several elements are a title only as the
			 * head names it. */
			if (!one_el && s < 100)
				continue;
			if (j == te && titled(pg, l->el, HE_HEADING))
				s += 25;
			if (j == te && titled(pg, l->el, HE_TITLE))
				s += 25;
			/* A centred first line of the article: a CMS export. */
			if (j == te && i == start && titled(pg, l->el, HE_CENTER))
				s += 25;
			if (l->punct > 2 || ends_with(ltext(pg, j - 1), pg->lines[j - 1].len, "。"))
				s -= 40;
			s -= (long)(i < start ? start - i : i - start) / 8;
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

		if (l->len > 900)
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
			struct hmeta scratch;
			size_t len0 = pg->lines[j].len;

			if (len0 > 600 || a->role[j] == AR_DROP)
				continue;
			memset(&scratch, 0, sizeof scratch);
			hmeta_clear(&scratch);
			if (hmeta_labels(&scratch, HM_RANK_LINE, ltext(pg, j), len0) > 0 &&
			    hmeta_label_first(ltext(pg, j), len0)) {
				hmeta_labels(&pg->meta, HM_RANK_TABLE, ltext(pg, j), len0);
				a->role[j] = AR_DROP;
			}
			hmeta_free(&scratch);
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

/* Furniture inside the article: an element with a furniture name
 * between the line and the article's element. */
static bool
under_furniture(const struct hpage *pg, int el, int top)
{
	for (int d = 0; el >= 0 && el != top && d < 64; d++, el = pg->els[el].parent)
		if (pg->els[el].hint < 0)
			return true;
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

		if (l->el < 0 || (l->flags & HL_HIDDEN))
			continue;
		if (ch && l->len <= CHROME_MAXLEN)
			cls = chrome_class(ch, ltext(pg, i), l->len);
		if (prose(l, cls))
			a->good[l->el] += l->chars - l->link_chars;
		/* Lists of links and furniture count against an element; a
		 * link inside a sentence or to an attachment does not. */
		if ((cls & CH_CHROME) || link_dense(l))
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
	return best;
}

/* Widget labels and credit lines at the article's edges, before its
 * first and after its last line of prose: short lines of metadata
 * (日期 来源 作者 责编), and scraps of a few characters (微博, +1) that
 * are no heading. */
/* A line that starts the page's related-links part: 推荐阅读, 相关新闻,
 * 延伸阅读, 猜你喜欢 … alone on its line. */
static bool
related_heading(const struct hpage *pg, size_t i)
{
	static const char *const head[] = { "推荐", "延伸", "相关", "热门", "精彩",
		"扩展", "拓展", "热点", "更多", "今日", "编辑", "往期", NULL };
	static const char *const tail[] = { "阅读", "新闻", "文章", "推荐", "链接",
		"资讯", "专题", "视频", "图片", "图集", "回顾", "稿件", "报道", NULL };
	const struct hline *l = &pg->lines[i];
	const char *s = ltext(pg, i);
	size_t n = l->len;

	if (l->chars > 10)
		return false;
	if (ends_with(s, n, "：") || ends_with(s, n, ":"))
		n -= s[n - 1] == ':' ? 1 : 3;
	if (starts_with(s, n, "猜你喜欢") || starts_with(s, n, "为你推荐") ||
	    starts_with(s, n, "大家都在看"))
		return true;
	for (int h = 0; head[h]; h++) {
		if (!starts_with(s, n, head[h]))
			continue;
		for (int t = 0; tail[t]; t++)
			if (ends_with(s, n, tail[t]) && n <= strlen(head[h]) + strlen(tail[t]) + 6)
				return true;
	}
	return false;
}

/* Credit and copyright lines: 本文来自…, 未经授权不得转载 … */
static bool
credit_line(const char *s, size_t n)
{
	static const char *const cue[] = { "本文来自", "本文来源", "未经授权", "不得转载",
		"转载请注明", "版权声明", "原文链接", "责任编辑", NULL };

	for (int k = 0; cue[k]; k++)
		if (hmeta_find(s, n, cue[k], strlen(cue[k])))
			return true;
	return false;
}

/* Widget labels and credit lines at the article's edges, before its
 * first and after its last line of prose: short lines of metadata
 * (日期 来源 作者 责编), a date alone under the title, and scraps of a
 * few characters (微博, +1) that are no heading. */
static bool
edge_scrap(struct hpage *pg, size_t i, bool head)
{
	struct hline *l = &pg->lines[i];
	const char *s = ltext(pg, i);
	struct hmeta scratch;
	char iso[11];
	int labels;

	if (l->chars > 80 || (l->flags & HL_ATTACH) || hmeta_is_docno(s, l->len))
		return false;
	if (credit_line(s, l->len))
		return true;
	/* 2019-12-10 07:57 来源：… under a news title. */
	if (head && hmeta_iso_date(s, l->len, iso))
		hmeta_set(&pg->meta, HM_DATE, HM_RANK_LINE + 8, iso, 10);
	memset(&scratch, 0, sizeof scratch);
	hmeta_clear(&scratch);
	labels = hmeta_labels(&scratch, HM_RANK_LINE, s, l->len);
	hmeta_free(&scratch);
	if (labels > 0)
		return true;
	if (head && l->chars <= 25 && !starts_with(s, l->len, "（") && s[0] != '(' &&
	    hmeta_iso_date(s, l->len, iso)) {
		hmeta_set(&pg->meta, HM_DATE, HM_RANK_LINE + 8, iso, 10);
		return true;
	}
	if (l->chars <= 5 && !ends_with(s, l->len, "：") && !frame_line(pg, i))
		return true;
	return false;
}

static void
clean_edges(struct article *a, struct hpage *pg, size_t start, size_t end)
{
	size_t i, prose_seen = 0;

	/* The related-links part ends the article. */
	for (i = start; i < end; i++) {
		if (a->role[i] != AR_BODY)
			continue;
		if (prose(&pg->lines[i], 0))
			prose_seen++;
		if (prose_seen && related_heading(pg, i)) {
			for (; i < end; i++)
				if (a->role[i] == AR_BODY)
					a->role[i] = AR_DROP;
			break;
		}
	}
	for (i = start; i < end; i++) {
		if (a->role[i] != AR_BODY)
			continue;
		if (edge_scrap(pg, i, true))
			a->role[i] = AR_DROP;
		else if (prose(&pg->lines[i], 0))
			break;
	}
	for (i = end; i-- > start; ) {
		if (a->role[i] != AR_BODY)
			continue;
		if (prose(&pg->lines[i], 0) && !edge_scrap(pg, i, false))
			break;
		if (edge_scrap(pg, i, false))
			a->role[i] = AR_DROP;
	}
}

void
article_select(struct article *a, struct hpage *pg, struct chrome *ch)
{
	size_t n = pg->nlines, start, end, t, te = 0;
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
	start = pg->els[best].first;
	end = pg->els[best].last;
	for (size_t i = start; i < end; i++) {
		const struct hline *l = &pg->lines[i];

		if (a->role[i] == AR_DROP)
			continue;
		a->role[i] = (l->flags & HL_HIDDEN) || link_dense(l) ||
		    under_furniture(pg, l->el, best) ? AR_DROP : AR_BODY;
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
				    l->chars > 60 || under_furniture(pg, l->el, -1) ?
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
		if (t < start)
			start = t;
	} else {
		buf_clear(&a->title_text);
		buf_add(&a->title_text, ref.s ? ref.s : "", ref.len);
	}
	clean_edges(a, pg, start, end);
	/* Labelled fields near the head and the tail; a document number
	 * alone on a line of the head. */
	for (size_t i = start > 15 ? start - 15 : 0, k = 0; i < end && k < 40; i++, k++) {
		hmeta_labels(&pg->meta, HM_RANK_LINE, ltext(pg, i), pg->lines[i].len);
		if (a->role[i] == AR_BODY && hmeta_is_docno(ltext(pg, i), pg->lines[i].len))
			hmeta_set(&pg->meta, HM_DOCNO, HM_RANK_LINE, ltext(pg, i),
			    pg->lines[i].len);
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
