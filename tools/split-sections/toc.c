#include <string.h>

#include "runin.h"
#include "toc.h"
#include "utf8.h"
#include "zhnum.h"

/* An entry longer than this is prose. */
#define ENTRY_MAX_CPS 80
/* A table of contents has at most this many lines. */
#define TOC_MAX_ROWS 400

static bool
is_space(const char *t, size_t n, size_t i, size_t *l)
{
	if (t[i] == ' ' || t[i] == '\t') {
		*l = 1;
		return true;
	}
	if (i + 3 <= n && memcmp(t + i, "\xe3\x80\x80", 3) == 0) {
		*l = 3;
		return true;
	}
	if (i + 2 <= n && memcmp(t + i, "\xc2\xa0", 2) == 0) {
		*l = 2;
		return true;
	}
	return false;
}

/* A line ending in 目录 (目錄): its length without trailing spaces. */
static size_t
ends_label(const char *t, size_t n)
{
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (n < 6 || memcmp(t + n - 6, "\xe7\x9b\xae", 3) != 0 ||
	    (memcmp(t + n - 3, "\xe5\xbd\x95", 3) != 0 &&
	    memcmp(t + n - 3, "\xe9\x8c\x84", 3) != 0))
		return 0;
	return n;
}

bool
ss_toc_label(struct ss_key *k, const char *t, size_t n)
{
	static const char *const kinds[] = {
		"预案", "规划", "方案", "办法", "规定", "条例", "细则", "规则",
		"纲要", "计划", NULL
	};
	size_t e = ends_label(t, n), o = 0, l;
	char w[6];

	if (e == 0)
		return false;
	/* 目录, 目 录 alone */
	for (size_t i = 0; i < e && o <= sizeof w; i += l) {
		if (is_space(t, e, i, &l))
			continue;
		l = 1;
		if (o < sizeof w)
			w[o] = t[i];
		o++;
	}
	if (o == 6)
		return true;
	/* 某某应急预案目录 */
	if (e > 240)
		return false;
	ss_key_fold(k, t, e, e);
	while (k->len > 0 && k->s[k->len - 1] == ' ')
		k->len--;
	for (const char *const *p = kinds; *p; p++)
		if (k->len >= 12 && memcmp(k->s + k->len - 12, *p, 6) == 0)
			return true;
	return false;
}

/* The leaders before a page number: …… .... ···· —— */
static bool
leaders_before(const char *t, size_t i)
{
	if (i >= 3 && memcmp(t + i - 3, "\xe2\x80\xa6", 3) == 0)
		return true;                    /* … */
	if (i >= 2 && memcmp(t + i - 2, "..", 2) == 0)
		return true;
	if (i >= 4 && memcmp(t + i - 4, "\xc2\xb7\xc2\xb7", 4) == 0)
		return true;                    /* ·· */
	return i >= 3 && (memcmp(t + i - 3, "\xe2\x80\x94", 3) == 0 ||
	    memcmp(t + i - 3, "\xef\xbc\x8e", 3) == 0);     /* — . */
}

bool
ss_toc_paged(const char *t, size_t n)
{
	size_t i = n, d;

	while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t'))
		i--;
	for (d = 0; i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9'; d++)
		i--;
	if (d == 0 || d > 3)
		return false;
	while (i > 0 && t[i - 1] == ' ')
		i--;
	return leaders_before(t, i);
}

/* Characters of an entry's number: digits, points, brackets, 、, the
 * numerals and 第…章 节 条 编 篇 部分. */
static bool
number_char(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || cp == '.' || cp == '(' ||
	    cp == ')' || cp == ' ' || cp == 0x3001 || cp == 0x7B2C ||
	    cp == 0x7AE0 || cp == 0x8282 || cp == 0x6761 || cp == 0x7F16 ||
	    cp == 0x7BC7 || zhnum_is_numeral(cp);
}

/* The trailing characters of an entry: leaders and its page number. */
static bool
leader_char(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || cp == '.' || cp == ' ' ||
	    cp == '-' || cp == '_' || cp == 0x2026 || cp == 0x00B7 ||
	    cp == 0x2014 || cp == 0x22EF;
}

size_t
ss_toc_key(struct ss_key *k, const char *t, size_t n, char *buf)
{
	size_t i = 0, o = 0, words = 0;

	ss_key_fold(k, t, n, 4 * SS_TOC_KEY);
	/* the number: as much as reads as one (第一章, 1.1, (一), 一、) */
	while (i < k->len) {
		size_t j = i;

		if (!number_char(utf8_next_fast(k->s, k->len, &j)))
			break;
		i = j;
	}
	/* the words without spaces; the leaders and the page number after
	 * the last of them are left out */
	while (i < k->len) {
		size_t j = i;
		uint32_t cp = utf8_next_fast(k->s, k->len, &j);

		if (cp != ' ') {
			if (o + (j - i) > SS_TOC_KEY)
				break;
			memcpy(buf + o, k->s + i, j - i);
			o += j - i;
			if (!leader_char(cp))
				words = o;
		}
		i = j;
	}
	return words;
}

void
ss_toc_start(struct ss_toc *c)
{
	c->on = true;
	c->rows = 0;
	c->parts = 0;
	c->keylen = 0;
}

void
ss_toc_resume(struct ss_toc *c, const char *key, size_t keylen, int nparts)
{
	ss_toc_start(c);
	memcpy(c->key, key, keylen);
	c->keylen = keylen;
	c->parts = (unsigned char)nparts;
}

int
ss_toc_entry(struct ss_toc *c, struct ss_key *k, const char *t, size_t n,
    int nparts, bool first)
{
	char buf[SS_TOC_KEY];
	size_t kl;

	if (++c->rows > TOC_MAX_ROWS || ss_cp_count(t, n) > ENTRY_MAX_CPS) {
		c->on = false;
		return TOC_PROSE;
	}
	kl = ss_toc_key(k, t, n, buf);
	if (strstr(k->s, "\xe3\x80\x82") || strpbrk(k->s, ",;")) {
		c->on = false;
		return TOC_PROSE;
	}
	if (c->keylen == 0) {
		memcpy(c->key, buf, kl);
		c->keylen = kl;
		c->parts = (unsigned char)nparts;
		return TOC_ENTRY;
	}
	if ((kl > 0 && kl == c->keylen && memcmp(buf, c->key, kl) == 0) ||
	    (first && nparts > 0 && c->parts > nparts)) {
		c->on = false;
		return TOC_AGAIN;
	}
	return TOC_ENTRY;
}
