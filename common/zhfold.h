/*
 * zhfold: character-level folding used to build matching keys, so that
 * traditional and simplified text, and full-width and ASCII forms, meet
 * the same rules and dictionaries.  Output text is never folded: only
 * keys are.  (Phrase-aware script conversion of text is zh-normalize's.)
 */
#ifndef ZH_ZHFOLD_H
#define ZH_ZHFOLD_H

#include <stddef.h>
#include <stdint.h>

/* Traditional -> simplified, one character (OpenCC tw2s characters). */
uint32_t zh_t2s_char(uint32_t cp);

/* Full-width ASCII (U+FF01..FF5E) -> ASCII, ideographic space -> space. */
uint32_t zh_fold_width(uint32_t cp);

/* Both of the above. */
static inline uint32_t zh_fold(uint32_t cp)
{
	return zh_t2s_char(zh_fold_width(cp));
}

#endif
