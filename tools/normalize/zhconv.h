/*
 * zhconv: phrase-aware script conversion of text, table-driven from
 * OpenCC's dictionaries (data/zhconv_tables.inc), giving the same output
 * as `opencc -c tw2s` (ZC_TO_SIMPLIFIED) and `opencc -c s2tw`
 * (ZC_TO_TRADITIONAL) at a small fraction of their cost.
 *
 * OpenCC's algorithm is reproduced exactly: the text is segmented by
 * longest match against the segmentation dictionary (characters matched
 * by nothing accumulate into one segment), then each conversion stage
 * rewrites each segment by longest match, where a stage is a group of
 * dictionaries and the first dictionary that matches at a position wins.
 */
#ifndef ZH_ZHCONV_H
#define ZH_ZHCONV_H

#include <stddef.h>

#include "buf.h"

enum zc_dir { ZC_TO_SIMPLIFIED = 1, ZC_TO_TRADITIONAL = 2 };

struct zhconv;

/* A converter of one direction; its tables are constant data. */
struct zhconv *zhconv_new(enum zc_dir dir);
void zhconv_free(struct zhconv *zc);

/* Appends the conversion of the valid UTF-8 text s[0..n) to out and
 * returns the number of characters that changed. */
size_t zhconv_run(struct zhconv *zc, const char *s, size_t n, struct buf *out);

/* Script evidence of one character: 1 if only traditional text uses it
 * (tw2s would change it), 2 if only simplified text does (s2tw would
 * change it and tw2s would not), 0 otherwise. */
int zhconv_script_of(unsigned cp);

#endif
