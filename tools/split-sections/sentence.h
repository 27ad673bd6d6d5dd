/*
 * sentence: where a sentence of body text ends.  Ends at 。!? (and ; for
 * --sentences) with the closing quotes and brackets that follow, never
 * inside 《》, “” or parentheses.
 */
#ifndef SECT_SENTENCE_H
#define SECT_SENTENCE_H

#include <stdbool.h>
#include <stddef.h>

/* Byte offset just after the sentence that starts at s[start], spaces
 * after it included; n when the text ends first.  semicolon: whether ;
 * ends a sentence too. */
size_t ss_sentence_end(const char *s, size_t n, size_t start, bool semicolon);

#endif
