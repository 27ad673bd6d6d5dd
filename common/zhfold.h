/*
 * zhfold: character-level folding used to build matching keys, so that
 * traditional and simplified text, and full-width and ASCII forms, meet
 * the same rules and dictionaries.  Output text is never folded: only
 * keys are.  (Phrase-aware script conversion of text is zh-normalize's.)
 *
 * The BMP part is a constant two-level table made at build time
 * (data/gen-fold-table.py): every key of every row goes through it, and
 * a table built at start-up would cost each process more than a short
 * document does.
 */
#ifndef ZH_ZHFOLD_H
#define ZH_ZHFOLD_H

#include <stddef.h>
#include <stdint.h>

extern const uint8_t zh_fold_index[256];
extern const uint16_t zh_fold_pages[][256];

/* Traditional -> simplified beyond the BMP (binary search). */
uint32_t zh_fold_astral(uint32_t cp);

/* Width fold then traditional -> simplified, one character. */
static inline uint32_t
zh_fold(uint32_t cp)
{
	unsigned page;

	if (cp >= 0x10000)
		return zh_fold_astral(cp);
	page = zh_fold_index[cp >> 8];
	return page ? zh_fold_pages[page][cp & 0xFF] : cp;
}

/* Full-width ASCII (U+FF01..FF5E) -> ASCII, ideographic space -> space. */
static inline uint32_t
zh_fold_width(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp == 0x3000)
		return ' ';
	return cp;
}

/* Traditional -> simplified, one character (OpenCC tw2s characters).
 * The width fold's sources have no simplified form, so the table serves
 * both. */
static inline uint32_t
zh_t2s_char(uint32_t cp)
{
	return zh_fold_width(cp) != cp ? cp : zh_fold(cp);
}

#endif
