/*
 * report: the parts of a yearly rule-of-law report as a document goes
 * on.  The part of a row comes from the wording of its top-level heading
 * (part.c), refined by lower headings and by paragraphs that open
 * another part ("…取得了成效,但仍存在…不足", "下一步,…").
 */
#ifndef SS_REPORT_H
#define SS_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "key.h"
#include "part.h"
#include "tree.h"

struct ss_report {
	signed char top[PART_MAX];      /* parts the top heading names */
	int ntop, topi;
	int cue, cue_depth;             /* part a paragraph switched to */
	int year;                       /* the year reported on, 0 unknown */
};

void ss_report_reset(struct ss_report *rp);

/* The heading just opened in t (key: its folded words) names its part. */
void ss_report_heading(struct ss_report *rp, struct ss_tree *t,
    const char *key);

/* The part of a row in the current section. */
int ss_report_part(const struct ss_report *rp, const struct ss_tree *t);

/* A paragraph that may open another part. */
void ss_report_cue(struct ss_report *rp, const struct ss_tree *t,
    struct ss_key *k, const char *text, size_t n);

/* A line that only names a part of the report ("主要举措和成效",
 * "存在的问题"): short, no stop inside, no title.  first: no such
 * heading yet. */
bool ss_report_bare_heading(struct ss_key *k, const char *t, size_t n,
    bool first);

#endif
