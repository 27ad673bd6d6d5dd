#include <stdint.h>
#include <string.h>

#include "runin.h"
#include "sentence.h"

/* A colon this close to the marker ends the heading proper. */
#define COLON_CPS 30

size_t
ss_cp_count(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

bool
ss_runin_plain(const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ss_marker_boundary(t + i, n - i))
			return false;
	return true;
}

bool
ss_after_boundary(const char *t, size_t q)
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
	return ss_boundary_before(t, q);
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

/* "(五)健全调解机制一是深入推进…。二是…": a heading run into the first
 * item of its body with no stop between.  When 一是 (or 一要) stands
 * inside the heading right after a character, and 二是 follows later in
 * the line, the heading ends before 一是. */
static size_t
glued_items(const char *t, size_t from, size_t hend, size_t n)
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
				if (found && !ss_after_boundary(t, at))
					return at;
			}
			p++;
		}
	}
	return hend;
}

size_t
ss_runin_end(const char *t, size_t n, size_t from, size_t *proper,
    size_t *cps)
{
	const char *h = t + from;
	size_t hn = n - from, e = ss_sentence_end(h, hn, 0, false), label = e;

	for (size_t i = 0, k = 0; i < e && k < COLON_CPS; k++) {
		size_t l = (h[i] & 0x80) == 0 ? 1 : ((unsigned char)h[i] & 0xF0) == 0xE0 ? 3 : 1;

		/* "(一)加强制度建设:修订…": the heading proper ends at its
		 * colon (: or U+FF1A); the text to the stop stays its text */
		if (label == e && (h[i] == ':' || (l == 3 && i + 3 <= hn &&
		    memcmp(h + i, "\xef\xbc\x9a", 3) == 0)) && i + l < e)
			label = i + l;
		/* "一、总体情况2024年,我局…": the body run into a heading
		 * with no stop, opening with the year. */
		if (l == 1 && i >= 6 && h[i] == '2' && year_comma(h, e, i) &&
		    ((unsigned char)h[i - 1] & 0x80)) {
			e = i;
			if (label > e)
				label = e;
			break;
		}
		i += l;
	}
	e = glued_items(t, from, from + e, n);
	if (label > e - from)
		label = e - from;
	*cps = ss_cp_count(h, label);
	*proper = from + label;
	return e;
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

/* The next numeral is looked for first, so that a heading with a long
 * body costs one find(). */
bool
ss_runin_list(const char *t, size_t n, const struct ss_marker *m)
{
	struct ss_marker m2;
	char num[16];
	size_t nl = ss_marker_numeral(m->type, m->num + 1, num), i = m->len;
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
		if (!ss_boundary_before(t, q))
			continue;
		if (ss_marker_heading(t + q, n - q, &m2) && m2.type == m->type &&
		    m2.num == m->num + 1)
			return true;
	}
	return false;
}
