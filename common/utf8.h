/*
 * utf8: strict UTF-8 decoding (no overlongs, no surrogates, max U+10FFFF)
 * and the code-point offsets that every zhtsv offset column is counted in.
 *
 * An invalid byte decodes as U+FFFD and consumes exactly one byte, so an
 * offset computed here always matches what a reader of the text sees
 * after replacement, and scanning can never stall.
 */
#ifndef ZH_UTF8_H
#define ZH_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes one code point at s[0..len).  Returns the bytes used (1..4);
 * on an invalid sequence stores U+FFFD in *cp and returns -1 (one byte
 * should be skipped).  len must be > 0. */
int utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* Decodes at *pos and advances it (by 1 on invalid bytes, returning
 * U+FFFD).  Requires *pos < len. */
uint32_t utf8_next(const char *s, size_t len, size_t *pos);

/* The same as utf8_next, for hot loops: ASCII and the three-byte
 * sequences of CJK text (E1..EC, EE, EF leads, which can be neither
 * overlong nor surrogates) are decoded inline; anything else goes to
 * utf8_next, so invalid bytes still come back as U+FFFD one at a time.
 * Requires *pos < len. */
static inline uint32_t
utf8_next_fast(const char *s, size_t len, size_t *pos)
{
	const unsigned char *u = (const unsigned char *)s + *pos;

	if (u[0] < 0x80) {
		(*pos)++;
		return u[0];
	}
	if ((unsigned)(u[0] - 0xE1) < 0x0F && u[0] != 0xED && len - *pos >= 3 &&
	    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		*pos += 3;
		return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 |
		    (u[2] & 0x3F);
	}
	return utf8_next(s, len, pos);
}

/* Writes cp (invalid ones as U+FFFD) to out; returns 1..4. */
int utf8_encode(uint32_t cp, char out[4]);

/* Length in bytes of the longest valid prefix; equals len when valid. */
size_t utf8_valid_prefix(const char *s, size_t len);
static inline bool utf8_valid(const char *s, size_t len)
{
	return utf8_valid_prefix(s, len) == len;
}

/* Number of code points, invalid bytes counting one each. */
size_t utf8_count(const char *s, size_t len);

/* Number of invalid bytes (each would become one U+FFFD). */
size_t utf8_count_invalid(const char *s, size_t len);

/* Byte offset -> code-point offset, incrementally: a cursor lets a scan
 * that reports matches in text order convert each in O(distance). */
struct utf8_cursor {
	size_t byte;
	size_t cp;
};
size_t utf8_cursor_advance(struct utf8_cursor *c, const char *s, size_t byte);

/* Copies s to out replacing invalid bytes with U+FFFD.  out must hold
 * 3 * len bytes.  Returns the new length. */
size_t utf8_sanitize(const char *s, size_t len, char *out);

bool utf8_is_han(uint32_t cp);
/* The length of the first piece of s[0..len) for a program that works on
 * a row in pieces of at most max bytes (max >= 8): all of it when it
 * fits, else up to the last sentence end (。！？；, a newline) in the
 * second half of the window, else the last character boundary.  Keeps
 * memory bounded on a line of any length; quantities and names do not
 * cross a sentence end. */
size_t utf8_piece(const char *s, size_t len, size_t max);
/* Pieces of at most UTF8_PIECE_BYTES for a row's work: calls fn on each
 * with the number of code points before it in s. */
#define UTF8_PIECE_BYTES (1u << 20)
void utf8_pieces(const char *s, size_t len,
    void (*fn)(void *ctx, const char *piece, size_t n, size_t base), void *ctx);
/* Whether the UTF-8 string set (NUL-terminated) contains cp: for the
 * short character lists that rules test against. */
bool utf8_contains(const char *set, uint32_t cp);

#endif
