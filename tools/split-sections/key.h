/*
 * key: text folded for matching (simplified script, ASCII width), in a
 * buffer of fixed size so that folding a row never allocates.  Word
 * lists (parts, cues, frame words) are matched against keys, so that
 * traditional and full-width text meets the same lists.
 */
#ifndef SS_KEY_H
#define SS_KEY_H

#include <stddef.h>

/* Bytes of text folded at most: words are looked for near the start. */
#define SS_KEY_MAX 600

struct ss_key {
	/* a folded character is at most 3 bytes, an invalid byte 3 (U+FFFD) */
	char s[3 * SS_KEY_MAX + 1];
	size_t len;
};

/* Folds the first max bytes (at most SS_KEY_MAX) of s into k. */
void ss_key_fold(struct ss_key *k, const char *s, size_t n, size_t max);

#endif
