/*
 * items: the enumerations inside a paragraph.  The words 一是…二是…
 * (also 一要, 第一, 其一) at the start or after a clause boundary, which
 * may go on in the next paragraphs; and numbered lists written inside a
 * line ((1)…;(2)…, ①…②…, 1.…;2.…), which stay within it.  An
 * enumeration counts only when its 一 is followed by 二.
 */
#ifndef SS_ITEMS_H
#define SS_ITEMS_H

#include <stdbool.h>
#include <stddef.h>

#include "marker.h"

struct ss_items {
	struct ss_imark *marks;         /* by position */
	size_t n, cap;
};

void ss_items_free(struct ss_items *it);

/* Finds the enumeration words of t (一是 …). */
void ss_items_scan(struct ss_items *it, const char *t, size_t n);

/* Decides which words enumerate.  *style, *last: the enumeration left
 * open by earlier paragraphs (-1 none), updated.  confirm: whether the
 * next paragraph goes on with the last 一是 of this one (-1: not known
 * yet).  Returns the style of an undecided last 一是, or -1 when all is
 * decided. */
int ss_items_decide(struct ss_items *it, int confirm, int *style,
    unsigned *last);

/* Whether t goes on with an enumeration of style (its first marker of
 * that style is 二). */
bool ss_items_continues(struct ss_items *it, const char *t, size_t n,
    int style);

/* Replaces the marks by the numbered list written inside t, if there is
 * one (at least 1 and 2); returns whether there is. */
bool ss_items_list(struct ss_items *it, const char *t, size_t n);

/* The first accepted mark, or NULL. */
const struct ss_imark *ss_items_first(const struct ss_items *it);

#endif
