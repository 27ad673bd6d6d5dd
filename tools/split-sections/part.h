/*
 * part: which part of its document a row belongs to, by the wording of
 * its headings: the canonical parts of a yearly rule-of-law report
 * (this file), the standard parts of plans, opinions and notices
 * (genre.c), the annexes.  All matching is done on a folded key
 * (key.h), so traditional reports meet the same word lists.
 */
#ifndef SS_PART_H
#define SS_PART_H

enum ss_part {
	P_NONE = -1,
	P_MEASURES,
	P_SHORTFALLS,
	P_RECT,
	P_PLANS,
	P_DUTY,
	P_AIMS,
	P_TASKS,
	P_SAFEGUARDS,
	P_ANNEX,
	P_OTHER
};

#define PART_MAX 4

const char *ss_part_name(int p);

/* The parts a top-level heading names, in the order it names them
 * ("存在不足及下一年度主要安排" gives shortfalls, plans).  year: the year
 * the report is about, when known, so that a later year means plans.
 * Returns how many (0: the heading is silent, e.g. a thematic one). */
int ss_part_top(const char *key, int year, signed char out[PART_MAX]);

/* The first year (20XX) named in key, or 0. */
int ss_part_year(const char *key);

/* The part a lower heading names unambiguously, or P_NONE. */
int ss_part_strict(const char *key);

/* Whether a heading speaks of a shortcoming (有待加强, 不够深入 …). */
int ss_part_shortfall_words(const char *key);

/* The part an unmarked paragraph opens ("…取得了成效,但仍存在…不足"
 * starts the shortfalls, "下一步,…" the plans), or P_NONE.  year: also
 * take "2025年,我区将…" as plans (not in a work section, where 将 is
 * as often 把). */
int ss_part_cue(const char *key, int year);

#endif
