/*
 * repair: undoes the damage that GBK-level traditional-script converters
 * leave on government sites (pinyin glued after characters, misaligned
 * GBK mojibake).  Works on one decoded UTF-8 line at a time, before any
 * width folding, because folding destroys the byte evidence.
 */
#ifndef ZH_REPAIR_H
#define ZH_REPAIR_H

#include "buf.h"

enum {
	REPAIR_FIXED = 1,       /* the line was changed: flag r */
	REPAIR_DAMAGED = 2,     /* damage found and left as it was: flag l */
	REPAIR_BUDGET = 4,      /* over the work guard, left unchecked */
};

struct repair_stats {
	unsigned long pinyin_removed;
	unsigned long runs_repaired;
	unsigned long runs_damaged;
	unsigned long lines_unchecked;  /* over the work budget: flag l */
	unsigned long chars_recovered;  /* lost last characters read back */
};

struct repair;

struct repair *repair_new(void);
void repair_free(struct repair *rp);
/* Starts a new document (resets any per-document evidence). */
void repair_doc_begin(struct repair *rp);
/* Repairs line in place; adds to *st; returns REPAIR_* flags. */
int repair_line(struct repair *rp, struct buf *line, struct repair_stats *st);
/* The same for the len bytes at s, copied to tmp only when they need
 * repair: returns the text to use (s or tmp's), its length in *len and
 * the REPAIR_* flags in *flags. */
const char *repair_text(struct repair *rp, const char *s, size_t *len,
    struct buf *tmp, struct repair_stats *st, int *flags);

#endif
