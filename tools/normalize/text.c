#include <stdint.h>
#include <string.h>

#include "text.h"
#include "utf8.h"
#include "zhnum.h"

/* Character classes for the space rule. */
enum { C_NONE, C_CJK, C_DIGIT, C_OTHER };
/* A pending space: one ASCII space, or a wide one (U+3000, a tab, more
 * than one). */
enum { PEND_NONE, PEND_ONE, PEND_WIDE };

static int
is_space_cp(uint32_t cp)
{
	return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	    cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Invisible characters that carry nothing in Chinese text. */
static int
is_invisible(uint32_t cp)
{
	return cp == 0x200B || cp == 0xFEFF || cp == 0x2060 || cp == 0x00AD;
}

/* Full-width digits and Latin letters, folded to ASCII by width. */
static int
fw_alnum(uint32_t cp)
{
	return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	    (cp >= 0xFF41 && cp <= 0xFF5A);
}

static int
is_cjk(uint32_t cp)
{
	return utf8_is_han(cp) || (cp >= 0x2E80 && cp <= 0x303F) ||
	    (cp >= 0x3040 && cp <= 0x31FF) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
	    (cp >= 0x2018 && cp <= 0x201D) || cp == 0x2014 || cp == 0x2026 ||
	    cp == 0x00B7 || (cp >= 0xFE30 && cp <= 0xFE4F);
}

/* CJK punctuation folded by --punct=ascii (0 when none). */
static unsigned
punct_to_ascii(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E) {
		unsigned a = cp - 0xFEE0;

		/* Letters and digits are the width step's (--no-width). */
		if ((a >= '0' && a <= '9') || (a >= 'A' && a <= 'Z') ||
		    (a >= 'a' && a <= 'z'))
			return 0;
		return a;
	}
	switch (cp) {
	case 0x3001: return ',';
	case 0x3002: return '.';
	case 0x201C: case 0x201D: return '"';
	case 0x2018: case 0x2019: return '\'';
	case 0x3010: return '[';
	case 0x3011: return ']';
	}
	return 0;
}

/* ASCII punctuation folded by --punct=cjk next to CJK text (0 when none). */
static uint32_t
punct_to_cjk(unsigned c)
{
	switch (c) {
	case ',': case ';': case ':': case '?': case '!': case '(': case ')':
		return c + 0xFEE0;
	}
	return 0;
}

/* The character at s[i..n), or 0 past the end or for ASCII. */
static uint32_t
cp_at(const char *s, size_t i, size_t n)
{
	uint32_t cp;

	if (i >= n || (unsigned char)s[i] < 0x80)
		return 0;
	utf8_decode((const unsigned char *)s + i, n - i, &cp);
	return cp;
}

/* Whether the character at s[i..n) is CJK (for --punct=cjk look-ahead). */
static int
cjk_at(const char *s, size_t i, size_t n)
{
	uint32_t cp = cp_at(s, i, n);

	return cp && is_cjk(cp);
}

/* Whether the character at s[i..n) is Han: a padded column's next
 * character (尤　权　　国务院), not a letter-spaced one (人　口　　与　就). */
static int
han_at(const char *s, size_t i, size_t n)
{
	return utf8_is_han(cp_at(s, i, n));
}

/*
 * Whether a space between prev and a character of class cls is an
 * artefact.  Next to a digit it always is (2025 年, 第 3 条).  Between CJK
 * characters only when one side is a lone character (letter-spaced
 * titles, 报 告): spaces between longer phrases are deliberate (slogans
 * “甲乙丙丁 戊己庚辛”, fields of a metadata line).
 */
static inline int
drop_space(int prev, int cls, unsigned run, const char *s, size_t after, size_t n)
{
	if (prev == C_CJK && cls == C_DIGIT)
		return 1;
	if (prev == C_DIGIT && cls == C_CJK)
		return 1;
	if (prev == C_CJK && cls == C_CJK)
		return run == 1 || !cjk_at(s, after, n);
	return 0;
}

/*
 * "一 主要举措" is a section marker followed by its heading, not a
 * letter-spaced word: a lone Chinese numeral that opens the line keeps
 * its space so zh-split-sections can still see the marker.
 */
static inline int
marker_space(const char *start, const char *w)
{
	uint32_t cp;

	if (w - start != 3)
		return 0;
	utf8_decode((const unsigned char *)start, 3, &cp);
	/* 两 and 兩 count things; they number nothing. */
	if (cp == 0x4E24 || cp == 0x5169)
		return 0;
	return zhnum_digit(cp) > 0 || zhnum_unit(cp) == 10;
}

/*
 * "1　总则", "5.1.2 省级人民政府…": the decimal outline numbering of a
 * plan opens the line, and its space is the marker's end.  A dotted
 * number keeps any space; a plain one only a wide space (U+3000, a tab,
 * two spaces), since "2023 年…" opening a line is letter spacing.
 */
static inline int
outline_space(const char *start, const char *w, int pend)
{
	const char *p = start;
	int dots = 0, digits = 0;

	for (; p < w; p++) {
		if (*p >= '0' && *p <= '9') {
			if (++digits > 3)
				return 0;
		} else if (*p == '.' && digits > 0 && p + 1 < w) {
			dots++;
			digits = 0;
		} else {
			return 0;
		}
	}
	return digits > 0 && (dots > 0 || pend == PEND_WIDE);
}

void
text_normalize(const struct text_opts *o, const char *s, size_t n,
    struct buf *out, unsigned long *controls)
{
	const unsigned char *u = (const unsigned char *)s;
	char *w;
	size_t i = 0, need;
	int prev = C_NONE, pend = 0, cls;
	unsigned run = 0;       /* CJK characters since the last space */
	/* The pending run of spaces: how many, and whether one is wide.
	 * Two or more with a wide one are padding (a roster's 尤　权　　国务院
	 * 副秘书长): they keep the columns apart even between CJK. */
	unsigned pads = 0;
	int padwide = 0;

	buf_clear(out);
	/* Only --punct=cjk lengthens text (one ASCII byte becomes three);
	 * every other step keeps or shortens it. */
	need = o->punct == PUNCT_CJK ? 3 * n + 16 : n + 16;
	if (out->cap < need)
		buf_grow(out, need);
	w = out->s;

/* Writes the pending space, if the rules keep it, before a character of
 * class cls. */
#define FLUSH_AT(cls_, after_) do { \
	if (pend) { \
		if (prev != C_NONE && !(o->cjk_space && \
		    drop_space(prev, (cls_), run, s, (after_), n) && \
		    !(pads >= 2 && padwide && prev == C_CJK && (cls_) == C_CJK && \
		    han_at(s, (after_), n)) && \
		    !(run == 1 && marker_space(out->s, w)) && \
		    !(prev == C_DIGIT && outline_space(out->s, w, pend)))) \
			*w++ = ' '; \
		run = 0; \
		pend = 0; \
		pads = 0; \
		padwide = 0; \
	} \
	prev = (cls_); \
	run = prev == C_CJK ? run + 1 : 0; \
} while (0)
#define FLUSH(cls_) FLUSH_AT(cls_, i + 1)

	while (i < n) {
		unsigned c = u[i];
		uint32_t cp, f;
		int len;

		if (c > 0x20 && c < 0x7F) {
			cls = c >= '0' && c <= '9' ? C_DIGIT : C_OTHER;
			if (o->punct == PUNCT_CJK && (f = punct_to_cjk(c)) != 0 &&
			    (prev == C_CJK || cjk_at(s, i + 1, n))) {
				FLUSH(C_CJK);
				w += utf8_encode(f, w);
			} else {
				FLUSH(cls);
				*w++ = (char)c;
			}
			i++;
			continue;
		}
		if (c == ' ' || c < 0x20 || c == 0x7F) {
			if (c != ' ' && !o->control) {
				FLUSH(C_OTHER);
				*w++ = (char)c;
			} else {
				if (c != ' ')
					(*controls)++;
				if (o->space) {
					pend = pend || c != ' ' ? PEND_WIDE : PEND_ONE;
					pads++;
					padwide |= c != ' ';
				} else {
					FLUSH(C_OTHER);
					*w++ = ' ';
				}
			}
			i++;
			continue;
		}
		/* U+4000..U+9FFF: Han, copied as it is. */
		if (c >= 0xE4 && c <= 0xE9 && n - i >= 3) {
			FLUSH_AT(C_CJK, i + 3);
			w[0] = (char)c;
			w[1] = s[i + 1];
			w[2] = s[i + 2];
			w += 3;
			i += 3;
			/* The rest of a run of Han needs no decisions. */
			while (n - i >= 3 && (unsigned)(u[i] - 0xE4) <= 5) {
				memcpy(w, s + i, 3);
				w += 3;
				i += 3;
				run++;
			}
			continue;
		}
		{
			size_t j = i;

			cp = utf8_next_fast(s, n, &j);
			len = (int)(j - i);
		}
		/* CJK and full-width punctuation and extension A: copied, the
		 * common case after Han. */
		if (o->punct != PUNCT_ASCII && ((cp > 0x3000 && cp < 0x4000) ||
		    (cp >= 0xFF01 && cp <= 0xFF5E && !(o->width && fw_alnum(cp))))) {
			FLUSH_AT(is_cjk(cp) ? C_CJK : C_OTHER, i + 3);
			w[0] = (char)c;
			w[1] = s[i + 1];
			w[2] = s[i + 2];
			w += 3;
			i += 3;
			continue;
		}
		if (is_space_cp(cp) && o->space) {
			pend = pend || cp == 0x3000 ? PEND_WIDE : PEND_ONE;
			pads++;
			padwide |= cp == 0x3000;
		} else if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029) {
			if (o->control) {
				(*controls)++;
				if (o->space) {
					pend = PEND_ONE;
				} else {
					FLUSH(C_OTHER);
					*w++ = ' ';
				}
			} else {
				FLUSH(C_OTHER);
				for (int k = 0; k < len; k++)
					*w++ = s[i + k];
			}
		} else if (is_invisible(cp) && o->control) {
			(*controls)++;
		} else if (o->width && fw_alnum(cp)) {
			f = cp - 0xFEE0;
			FLUSH(f <= '9' ? C_DIGIT : C_OTHER);
			*w++ = (char)f;
		} else if (o->punct == PUNCT_ASCII && (f = punct_to_ascii(cp)) != 0) {
			FLUSH(C_OTHER);
			*w++ = (char)f;
		} else {
			FLUSH_AT(is_cjk(cp) ? C_CJK : C_OTHER, i + (size_t)len);
			for (int k = 0; k < len; k++)
				*w++ = s[i + k];
		}
		i += (size_t)len;
	}
#undef FLUSH
#undef FLUSH_AT
	out->len = (size_t)(w - out->s);
	out->s[out->len] = '\0';
}
