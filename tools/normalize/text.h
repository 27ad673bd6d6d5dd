/*
 * text: the per-line rewriting of zh-normalize (width, spaces, control
 * characters, punctuation).  Each step can be switched off.
 */
#ifndef ZN_TEXT_H
#define ZN_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

enum punct_mode { PUNCT_KEEP, PUNCT_ASCII, PUNCT_CJK };

struct text_opts {
	bool width;             /* full-width ASCII letters and digits -> ASCII */
	bool space;             /* Unicode spaces -> ' ', trim, collapse */
	bool cjk_space;         /* drop spaces between CJK (and CJK and digits) */
	bool control;           /* tabs and control characters -> space */
	enum punct_mode punct;
};

/* Rewrites the valid UTF-8 line s[0..n) into out (cleared first).
 * Adds the control characters replaced to *controls. */
void text_normalize(const struct text_opts *o, const char *s, size_t n,
    struct buf *out, unsigned long *controls);

#endif
