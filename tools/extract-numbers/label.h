/*
 * label: what a quantity counts, in the words of the text — the noun
 * phrase of its clause before it (共调解劳动争议案件36436宗 ->
 * 调解劳动争议案件), without filler words, or the words after it when
 * nothing precedes (45个党政工作部门 -> 党政工作部门).
 */
#ifndef XN_LABEL_H
#define XN_LABEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* f/off/text/n: the folded code points of text and their byte offsets;
 * [start, end) the quantity; floor the end of the previous one, which
 * is a count (not a date or year) when floor_count; when back_only,
 * never looks after the quantity (dates, ordinals). */
void xn_label(const uint32_t *f, const uint32_t *off, const char *text,
    size_t n, size_t start, size_t end, size_t floor, bool floor_count,
    bool back_only, struct buf *out);

#endif
