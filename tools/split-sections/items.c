/* Inline enumerations (一是…二是…) and the row held back to decide them. */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "marker.h"
#include "sectint.h"
#include "u8.h"

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

static const unsigned char mchars[4][3] = {
	{ 0xE6, 0x98, 0xAF },   /* 是 */
	{ 0xE8, 0xA6, 0x81 },   /* 要 */
	{ 0xE7, 0xAC, 0xAC },   /* 第 */
	{ 0xE5, 0x85, 0xB6 },   /* 其 */
};

/* The character mchars[c] stands at t[at]: look for a marker there. */
static void
found(struct sect *s, const char *t, size_t n, size_t at, int c)
{
	if (c >= 2) {
		try_mark(s, t, n, at, 0);
		return;
	}
	/* back over the numeral: up to three characters */
	for (size_t q = at, k = 0; k < 3 && q >= 3; k++) {
		q -= 3;
		if (!marker_item_lead(t + q))
			break;
		try_mark(s, t, n, q, at + 3);
	}
}

static void
found_at(struct sect *s, const char *t, size_t n, size_t at)
{
	const unsigned char *u = (const unsigned char *)t + at;

	for (int c = 0; c < 4; c++)
		if (u[0] == mchars[c][0] && u[1] == mchars[c][1] &&
		    u[2] == mchars[c][2]) {
			found(s, t, n, at, c);
			return;
		}
}

/* Markers at the start of the text and after every clause boundary.
 * The four characters that end or open one (是 要 after a numeral, 第 其
 * before one) are found 16 bytes at a time by their last two bytes, a
 * pair rare enough in other characters that most blocks are skipped. */
static void
scan_marks(struct sect *s, const char *t, size_t n)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t i = 1;

	s->nmarks = 0;
	/* v1: the middle bytes at i.., v2: the last bytes at i+1.. */
	for (; i + 17 <= n; i += 16) {
		v16 v1 = load16(u + i), v2 = load16(u + i + 1);
		v16 m = (v16)(((v1 == 0x98) & (v2 == 0xAF)) | ((v1 == 0xA6) & (v2 == 0x81)) |
		    ((v1 == 0xAC) & (v2 == 0xAC)) | ((v1 == 0x85) & (v2 == 0xB6)));

		if (!any16(m))
			continue;
		for (int k = 0; k < 16; k++)
			if (m[k])
				found_at(s, t, n, i + (size_t)k - 1);
	}
	for (; i + 2 <= n; i++)
		found_at(s, t, n, i - 1);
	/* by position; a row has few markers */
	for (size_t a = 1; a < s->nmarks; a++) {
		struct imark mk = s->marks[a];
		size_t j = a;

		while (j > 0 && s->marks[j - 1].pos > mk.pos) {
			s->marks[j] = s->marks[j - 1];
			j--;
		}
		s->marks[j] = mk;
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

void
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
void
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
int
continues(struct sect *s, const char *t, size_t n)
{
	scan_marks(s, t, n);
	for (size_t i = 0; i < s->nmarks; i++)
		if (s->marks[i].style == s->pstyle && !s->marks[i].glued)
			return s->marks[i].num == 2;
	return 0;
}

void
flush_pending(struct sect *s, int confirm)
{
	/* A marker alone on its line, held until its words (or their
	 * absence) decide the part. */
	if (s->phead) {
		s->phead = false;
		emit1(s, &s->pref, K_HEADING, sect_path(s, s->cur, 0),
		    part_now(s->cur), s->ptext.s, s->ptext.len);
		return;
	}
	if (!s->pend)
		return;
	s->pend = false;
	body(s, s->cur, &s->pref, s->ptext.s, s->ptext.len, confirm);
}

/* "(五)健全调解机制一是深入推进…。二是…": a heading run into the first
 * item of its body with no stop between.  When 一是 (or 一要) stands
 * inside the first sentence right after a character, and 二是 follows
 * later in the line, the heading ends before 一是.  Returns the new end
 * of the heading (and its length in *cps) or hend unchanged. */
size_t
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

