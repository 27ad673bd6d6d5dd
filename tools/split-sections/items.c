#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "items.h"
#include "runin.h"
#include "vec16.h"

void
ss_items_free(struct ss_items *it)
{
	free(it->marks);
	it->marks = NULL;
	it->n = it->cap = 0;
}

static struct ss_imark *
add_mark(struct ss_items *it, size_t pos, size_t len, unsigned num,
    unsigned char style)
{
	if (it->n == it->cap) {
		it->cap = it->cap ? 2 * it->cap : 64;
		it->marks = xrealloc(it->marks, it->cap * sizeof *it->marks);
	}
	it->marks[it->n] = (struct ss_imark){ .pos = pos, .end = pos + len,
	    .num = num, .style = style };
	return &it->marks[it->n++];
}

static void
try_mark(struct ss_items *it, const char *t, size_t n, size_t q,
    size_t must_end)
{
	unsigned num;
	unsigned char style;
	size_t ml;
	bool glued = !ss_after_boundary(t, q);

	/* A glued 一是 (机制一是…) counts only if 二是 follows (see
	 * ss_items_decide); never after another numeral (十一是). */
	if (glued && (!must_end || q < 3 || ss_marker_item_lead(t + q - 3) ||
	    must_end != q + 6 || memcmp(t + q, "一", 3) != 0))
		return;
	ml = ss_marker_item(t + q, n - q, &num, &style);
	/* must_end: the 是 found; a comma may follow it in the marker */
	if (ml == 0 || (must_end && (q + ml < must_end || q + ml > must_end + 3)))
		return;
	add_mark(it, q, ml, num, style)->glued = glued;
}

static const unsigned char mchars[4][3] = {
	{ 0xE6, 0x98, 0xAF },   /* 是 */
	{ 0xE8, 0xA6, 0x81 },   /* 要 */
	{ 0xE7, 0xAC, 0xAC },   /* 第 */
	{ 0xE5, 0x85, 0xB6 },   /* 其 */
};

/* The character mchars[c] stands at t[at]: look for a marker there. */
static void
found(struct ss_items *it, const char *t, size_t n, size_t at, int c)
{
	if (c >= 2) {
		try_mark(it, t, n, at, 0);
		return;
	}
	/* back over the numeral: up to three characters */
	for (size_t q = at, k = 0; k < 3 && q >= 3; k++) {
		q -= 3;
		if (!ss_marker_item_lead(t + q))
			break;
		try_mark(it, t, n, q, at + 3);
	}
}

static void
found_at(struct ss_items *it, const char *t, size_t n, size_t at)
{
	const unsigned char *u = (const unsigned char *)t + at;

	for (int c = 0; c < 4; c++)
		if (u[0] == mchars[c][0] && u[1] == mchars[c][1] &&
		    u[2] == mchars[c][2]) {
			found(it, t, n, at, c);
			return;
		}
}

static void
sort_marks(struct ss_items *it)
{
	/* by position; a row has few markers */
	for (size_t a = 1; a < it->n; a++) {
		struct ss_imark mk = it->marks[a];
		size_t j = a;

		while (j > 0 && it->marks[j - 1].pos > mk.pos) {
			it->marks[j] = it->marks[j - 1];
			j--;
		}
		it->marks[j] = mk;
	}
}

/* Markers at the start of the text and after every clause boundary.
 * The four characters that end or open one (是 要 after a numeral, 第 其
 * before one) are found 16 bytes at a time by their last two bytes, a
 * pair rare enough in other characters that most blocks are skipped. */
void
ss_items_scan(struct ss_items *it, const char *t, size_t n)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t i = 1;

	it->n = 0;
	/* v1: the middle bytes at i.., v2: the last bytes at i+1.. */
	for (; i + 17 <= n; i += 16) {
		v16 v1 = load16(u + i), v2 = load16(u + i + 1);
		v16 m = (v16)(((v1 == 0x98) & (v2 == 0xAF)) | ((v1 == 0xA6) & (v2 == 0x81)) |
		    ((v1 == 0xAC) & (v2 == 0xAC)) | ((v1 == 0x85) & (v2 == 0xB6)));

		if (!any16(m))
			continue;
		for (int k = 0; k < 16; k++)
			if (m[k])
				found_at(it, t, n, i + (size_t)k - 1);
	}
	for (; i + 2 <= n; i++)
		found_at(it, t, n, i - 1);
	sort_marks(it);
}

int
ss_items_decide(struct ss_items *it, int confirm, int *style, unsigned *last)
{
	for (size_t i = 0; i < it->n; i++) {
		struct ss_imark *m = &it->marks[i];
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
		for (j = i + 1; j < it->n; j++)
			if (it->marks[j].style == m->style && !it->marks[j].glued)
				break;
		if (j < it->n)
			m->acc = it->marks[j].num == 2;
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

bool
ss_items_continues(struct ss_items *it, const char *t, size_t n, int style)
{
	ss_items_scan(it, t, n);
	for (size_t i = 0; i < it->n; i++)
		if (it->marks[i].style == style && !it->marks[i].glued)
			return it->marks[i].num == 2;
	return false;
}

const struct ss_imark *
ss_items_first(const struct ss_items *it)
{
	for (size_t i = 0; i < it->n; i++)
		if (it->marks[i].acc)
			return &it->marks[i];
	return NULL;
}

/* ---- numbered lists inside a line ---- */

/* A list marker at t[q]: (1) (一) ① ⑴ anywhere, 1. 1、 only at the
 * start or after a clause boundary. */
static bool
list_mark(const char *t, size_t n, size_t q, struct ss_marker *m)
{
	if (!ss_marker_heading(t + q, n - q, m) || m->len == 0 ||
	    q + m->len >= n)
		return false;
	switch (m->type) {
	case MT_ARP:
	case MT_CNP:
	case MT_CIR:
		return true;
	case MT_AR:
		return ss_after_boundary(t, q);
	default:
		return false;
	}
}

/* A bracket or circled number opening a list marker at u[i]. */
static bool
list_lead(const unsigned char *u, size_t i, size_t n)
{
	if (u[i] == '(')
		return true;
	if (i + 3 > n)
		return false;
	if (u[i] == 0xEF && u[i + 1] == 0xBC && u[i + 2] == 0x88)
		return true;                    /* ( */
	return u[i] == 0xE2 && (u[i + 1] == 0x91 || u[i + 1] == 0x92 ||
	    (u[i + 1] == 0x9D && u[i + 2] >= 0xB6));      /* ① ⑴ ❶ */
}

static void
list_try(struct ss_items *it, const char *t, size_t n, size_t q, size_t *next)
{
	struct ss_marker m;

	if (q < n && list_mark(t, n, q, &m)) {
		add_mark(it, q, m.len, m.num, (unsigned char)(IS_LIST + m.type));
		*next = q + m.len;
	}
}

/* Whether a clause boundary (; : , or their full-width forms, 。) ends at
 * u[p] (its last byte). */
static bool
boundary_ends(const char *t, size_t p)
{
	return ss_boundary_before(t, p + 1);
}

/* Candidates: a bracket or circled number, or a digit at the start or
 * after a stop, semicolon or colon (full or half width; a list's 2.
 * never follows a comma), found 16 bytes at a time. */
static void
list_scan(struct ss_items *it, const char *t, size_t n)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t i = 0, next = 0;

	it->n = 0;
	if (n > 0 && u[0] >= '0' && u[0] <= '9')
		list_try(it, t, n, 0, &next);
	for (; i + 18 <= n; i += 16) {
		v16 v = load16(u + i), w = load16(u + i + 1), x = load16(u + i + 2);
		v16 lead = (v16)((v == '(') | ((v == 0xEF) & (w == 0xBC) & (x == 0x88)) |
		    ((v == 0xE2) & ((w == 0x91) | (w == 0x92) | (w == 0x9D))));
		v16 bound = (v16)(((v == ';') | (v == ':') | (v == '.') | (v == 0x82) |
		    (v == 0x9B) | (v == 0x9A)) & (w >= '0') & (w <= '9'));

		if (!any16((v16)(lead | bound)))
			continue;
		for (int k = 0; k < 16; k++) {
			size_t p = i + (size_t)k;

			if (p < next)
				continue;
			if (lead[k] && list_lead(u, p, n))
				list_try(it, t, n, p, &next);
			else if (bound[k] && boundary_ends(t, p))
				list_try(it, t, n, p + 1, &next);
		}
	}
	for (; i < n; i++) {
		if (i < next)
			continue;
		if (list_lead(u, i, n))
			list_try(it, t, n, i, &next);
		else if (i + 1 < n && u[i + 1] >= '0' && u[i + 1] <= '9' &&
		    u[i] != ',' && u[i] != 0x8C && boundary_ends(t, i))
			list_try(it, t, n, i + 1, &next);
	}
}

bool
ss_items_list(struct ss_items *it, const char *t, size_t n)
{
	size_t first = 0, k;
	unsigned char style;
	unsigned want;
	bool any = false;

	list_scan(it, t, n);
	/* the first run 1, 2, … of one kind, each after the last */
	for (first = 0; first < it->n; first++) {
		if (it->marks[first].num != 1)
			continue;
		style = it->marks[first].style;
		for (k = first + 1; k < it->n; k++)
			if (it->marks[k].style == style)
				break;
		if (k < it->n && it->marks[k].num == 2 &&
		    ss_after_boundary(t, it->marks[k].pos))
			break;
	}
	if (first == it->n)
		return it->n = 0, false;
	style = it->marks[first].style;
	want = 1;
	for (k = 0; k < it->n; k++) {
		struct ss_imark *m = &it->marks[k];

		m->acc = k >= first && m->style == style && m->num == want &&
		    (want == 1 || ss_after_boundary(t, m->pos));
		if (m->acc) {
			want++;
			any = true;
		}
	}
	return any;
}
