/*
 * part: which canonical part of a yearly rule-of-law government report a heading or
 * a paragraph speaks of, from its wording.  All matching is done on a key
 * folded to simplified script and ASCII width, so traditional reports meet
 * the same word lists.
 */
#ifndef SECT_PART_H
#define SECT_PART_H

#include <stddef.h>

#include "buf.h"

enum part {
	P_NONE = -1,
	P_MEASURES,
	P_SHORTFALLS,
	P_RECT,
	P_PLANS,
	P_DUTY,
	P_OTHER
};

#define PART_MAX 4

const char *part_name(int p);

/* Folds s (at most max bytes of it) into key: simplified, ASCII width. */
void part_key(struct buf *key, const char *s, size_t n, size_t max);

/* The parts a top-level heading names, in the order it names them
 * ("存在不足及下一年度主要安排" gives shortfalls, plans).  year: the year
 * the report is about, when known, so that a later year means plans.
 * Returns how many (0: the heading is silent, e.g. a thematic one). */
int part_top(const char *key, int year, signed char out[PART_MAX]);

/* The first year (20XX) named in key, or 0. */
int part_year(const char *key);

/* The part a lower heading names unambiguously, or P_NONE. */
int part_strict(const char *key);

/* Whether a heading speaks of a shortcoming (有待加强, 不够深入 …). */
int part_has_shortfall_words(const char *key);

/* The part an unmarked paragraph opens ("…取得了成效,但仍存在…不足"
 * starts the shortfalls, "下一步,…" the plans), or P_NONE.  year: also
 * take "2025年,我区将…" as plans (not in a work section, where 将 is
 * as often 把). */
int part_cue(const char *key, int year);

#endif
