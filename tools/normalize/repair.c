/*
 * repair: undoes the damage that GBK-level traditional-script converters
 * leave on government sites.  A byte pre-scan decides whether a line can
 * hold any damage at all; clean lines (nearly all) cost one pass over
 * their bytes and a copy into the document's evidence.
 */
#include <stdlib.h>

#include "cli.h"
#include "repair_int.h"
#include "utf8.h"

struct repair {
	struct docmodel dm;
	struct buf tmp;
};

enum {
	P_PINYIN = 1,           /* '(' then a Latin letter */
	P_QMARK = 2,            /* '?' then a letter or non-ASCII */
	P_SYMBOL = 4,           /* bopomofo, box drawing, PUA, small forms */
	P_LATIN1 = 8,           /* U+0080..U+00FF */
	P_UTF8GBK = 16,         /* a possible first character of UTF-8 read as GBK */
};

/* Bytes that can start a candidate; everything else is skipped in a
 * tight loop. */
static unsigned char hot[256];
static unsigned char u8lead[0x10000 / 8];
static int hot_ready;

static void
hot_init(void)
{
	int c;

	hot['('] = hot['?'] = 1;
	for (c = 0xC2; c <= 0xC7; c++)
		hot[c] = 1;
	for (c = 0xE2; c <= 0xEF; c++)
		hot[c] = 1;
	rtab_init_gbk();
	for (c = 0x3000; c < 0x10000; c++)
		if (moji_utf8_lead((uint32_t)c))
			u8lead[c >> 3] |= (unsigned char)(1u << (c & 7));
	hot_ready = 1;
}

static int
letter_at(const unsigned char *s, size_t i, size_t n)
{
	return i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 0xC3 && s[i] <= 0xC7));
}

static int
prescan(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i;
	int found = 0;
	uint32_t cp;

	for (i = 0; i < n; i++) {
		unsigned c = s[i];

		if (!hot[c])
			continue;
		if (c == '(') {
			if (letter_at(s, i + 1, n))
				found |= P_PINYIN;
		} else if (c == '?') {
			if (i + 1 < n && (s[i + 1] >= 0x80 || letter_at(s, i + 1, n)))
				found |= P_QMARK;
		} else if (c < 0xE0) {
			if (i + 1 < n)
				found |= c <= 0xC3 ? P_LATIN1 : P_SYMBOL;
		} else if (i + 2 < n) {
			cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 |
			    (s[i + 2] & 0x3F);
			if ((cp >= 0x2500 && cp <= 0x257F) || (cp >= 0x3100 && cp <= 0x312F) ||
			    (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE30 && cp <= 0xFE6F))
				found |= P_SYMBOL;
			else if (c >= 0xE4 && c <= 0xE9 && (u8lead[cp >> 3] >> (cp & 7) & 1))
				found |= P_UTF8GBK;
			i += 2;
		}
	}
	return found;
}

struct repair *
repair_new(void)
{
	if (!hot_ready)
		hot_init();
	return xcalloc(1, sizeof(struct repair));
}

void
repair_free(struct repair *rp)
{
	if (rp == NULL)
		return;
	doc_free(&rp->dm);
	buf_free(&rp->tmp);
	free(rp);
}

void
repair_doc_begin(struct repair *rp)
{
	doc_reset(&rp->dm);
}

/* A reading glued to a non-Han character (W(xué)) is what a misaligned
 * run leaves after its resync byte: damage, even when no run was found. */
static int
stray_reading(const struct buf *line)
{
	const char *s = line->s;
	size_t i;
	int syl;

	for (i = 1; i < line->len; i++) {
		unsigned char c = (unsigned char)s[i - 1];

		if (s[i] == '(' && c >= 0x21 && c < 0x7F && c != ')' &&
		    !(c >= 'a' && c <= 'z') && pinyin_paren(s + i, line->len - i, &syl))
			return 1;
	}
	return 0;
}

int
repair_line(struct repair *rp, struct buf *line, struct repair_stats *st)
{
	int found, flags = 0;

	if (line->len == 0)
		return 0;
	found = prescan(line->s, line->len);
	if (found) {
		rtab_init();
		if (found & P_LATIN1)
			flags |= moji_latin1(&rp->dm, line, &rp->tmp, st);
		if (found & P_UTF8GBK)
			flags |= moji_utf8_as_gbk(&rp->dm, line, &rp->tmp, st);
		if (found & P_QMARK) {
			flags |= moji_misaligned(&rp->dm, line, &rp->tmp, st);
			flags |= moji_split_pair(&rp->dm, line, &rp->tmp, st);
		}
		if (found & P_PINYIN) {
			flags |= pinyin_strip(line, &rp->tmp, st);
			if (stray_reading(line))
				flags |= REPAIR_DAMAGED;
		}
	}
	doc_add_text(&rp->dm, line->s, line->len);
	return flags;
}
