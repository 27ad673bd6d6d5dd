/* Sentence ends in body text, full-width or ASCII punctuation. */
#include <stdint.h>

#include "sentence.h"
#include "vec16.h"
#include "utf8.h"

/* An opener left unclosed this many characters later was a typo, not a
 * quotation: sentences split again after it. */
#define OPEN_SPAN 200
#define MAX_DEPTH 64

static bool
is_opener(uint32_t cp)
{
	switch (cp) {
	case 0x300A: case 0x3008: case 0x201C: case 0x2018: case 0x300C:
	case 0x300E: case 0xFF08: case '(': case 0x3010: case 0x3014:
		return true;
	}
	return false;
}

static bool
is_closer(uint32_t cp)
{
	switch (cp) {
	case 0x300B: case 0x3009: case 0x201D: case 0x2019: case 0x300D:
	case 0x300F: case 0xFF09: case ')': case 0x3011: case 0x3015:
		return true;
	}
	return false;
}

static bool
ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* The '.' at s[d] ends the digits of a list marker (21. at the start of
 * the text or of a clause, not the end of 99.55). */
static bool
marker_point(const char *s, size_t d)
{
	size_t b = d;

	while (b > 0 && s[b - 1] >= '0' && s[b - 1] <= '9')
		b--;
	if (b == d || d - b > 3)
		return false;
	if (b == 0)
		return true;
	switch ((unsigned char)s[b - 1]) {
	case ' ': case ',': case ';': case ':': case '(': case ')':
		return true;
	case 0x80: case 0x82: case 0x8C: case 0x9B: case 0x9A: case 0x81:
	case 0x89:
		/* after an ideographic space or 。，；：、）: full width */
		return b >= 3 && ((unsigned char)s[b - 3] == 0xE3 ||
		    (unsigned char)s[b - 3] == 0xEF);
	}
	return false;
}

/* s[i] is just after cp.  An ASCII full stop (zh-normalize --punct=ascii)
 * ends a sentence unless it is a decimal point (1.5亿), a list marker's
 * (21.) or inside a word (gov.cn, No.1). */
static bool
is_term(uint32_t cp, bool semicolon, const char *s, size_t n, size_t i)
{
	switch (cp) {
	case 0x3002: case 0xFF01: case 0xFF1F: case '!': case '?':
		return true;
	case '.':
		if (i < n && ascii_alnum((unsigned char)s[i]) && i >= 2 &&
		    ascii_alnum((unsigned char)s[i - 2]))
			return false;
		return !marker_point(s, i - 1);
	case 0xFF1B: case ';':
		return semicolon;
	}
	return false;
}

/* Takes the closers, further terminators and spaces after an end. */
static size_t
tail(const char *s, size_t n, size_t i, bool semicolon)
{
	while (i < n) {
		size_t j = i;
		uint32_t cp = utf8_next_fast(s, n, &j);

		if (!is_closer(cp) && !is_term(cp, semicolon, s, n, j) &&
		    cp != ' ' && cp != 0x3000)
			break;
		i = j;
	}
	return i;
}

size_t
ss_sentence_end(const char *s, size_t n, size_t start, bool semicolon)
{
	size_t i = start, cps = 0, open_at = 0;
	unsigned depth = 0;
	bool prev_term = false, dquote = false;

	while (i < n) {
		unsigned char c;
		uint32_t cp;

		/* Outside brackets, skip 16 bytes at a time while none can
		 * start a stop, bracket or quote (leads E2 E3 EF, ASCII
		 * !?;.()"); landing inside a character is harmless, its
		 * continuation bytes read as U+FFFD. */
		if (depth == 0) {
			while (i + 16 <= n) {
				v16 v = load16(s + i);
				v16 m = (v16)((v == 0xE2) | (v == 0xE3) | (v == 0xEF) |
				    (v == '!') | (v == '?') | (v == ';') | (v == '(') |
				    (v == ')') | (v == '.') | (v == '"'));

				if (any16(m))
					break;
				i += 16;
				prev_term = false;
			}
			if (i >= n)
				break;
		}
		c = (unsigned char)s[i];

		/* Ideographs (lead bytes E4-E9) are never punctuation. */
		if (c >= 0xE4 && c <= 0xE9 && i + 3 <= n) {
			i += 3;
			cps++;
			prev_term = false;
			if (depth > 0 && cps - open_at > OPEN_SPAN)
				depth = 0, dquote = false;
			continue;
		}
		cp = utf8_next_fast(s, n, &i);
		cps++;
		/* the ASCII double quote (--punct=ascii) opens and closes */
		if (cp == '"') {
			if (!dquote && depth < MAX_DEPTH) {
				if (depth == 0)
					open_at = cps;
				depth++;
				dquote = true;
				prev_term = false;
				continue;
			}
			if (dquote) {
				dquote = false;
				if (depth > 0 && --depth == 0 && prev_term)
					return tail(s, n, i, semicolon);
				prev_term = false;
				continue;
			}
		}
		if (is_opener(cp)) {
			if (depth == 0)
				open_at = cps;
			if (depth < MAX_DEPTH)
				depth++;
			prev_term = false;
			continue;
		}
		if (is_closer(cp)) {
			if (depth > 0 && --depth == 0 && prev_term)
				return tail(s, n, i, semicolon);
			prev_term = false;
			continue;
		}
		if (is_term(cp, semicolon, s, n, i)) {
			if (depth == 0)
				return tail(s, n, i, semicolon);
			prev_term = true;
			continue;
		}
		prev_term = false;
		if (depth > 0 && cps - open_at > OPEN_SPAN)
			depth = 0, dquote = false;
	}
	return n;
}
