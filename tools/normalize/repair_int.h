/*
 * Internals of the repair pass, shared by repair*.c and the unit test.
 * The tables are decoded on first use, so that a run over clean text
 * never pays for them.
 */
#ifndef ZH_REPAIR_INT_H
#define ZH_REPAIR_INT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "repair.h"

/* repair_tab.c: CP936, Unihan readings, the general bigram model. */
void rtab_init(void);
void rtab_init_gbk(void);        /* the CP936 part only */
/* CP936 double-byte code -> code point, 0 when unassigned. */
uint32_t gbk_decode(unsigned lead, unsigned trail);
/* Code point -> CP936 double-byte code (lead << 8 | trail), 0 when none. */
unsigned gbk_encode(uint32_t cp);
/* Syllable (NFC UTF-8) -> its index, -1 when no character reads so. */
int pinyin_syllable(const char *s, size_t n);
/* Whether syllable index syl is a reading of cp. */
int pinyin_reads(uint32_t cp, int syl);
/* log2 of the model's counts: -1 when the character or pair is unknown. */
int bigram_uni(uint32_t folded);
int bigram_pair(uint32_t folded_a, uint32_t folded_b);
/* The same by the characters' indexes in the model (-1: unknown). */
int bigram_index(uint32_t folded);
int bigram_uni_at(int index);
int bigram_pair_at(int index_a, int index_b);
#define BIGRAM_TOTAL_LOG2 27

/* Per-document model: counts of folded characters and pairs so far. */
struct docmodel {
	uint64_t *keys;         /* (a << 32 | b), b == 0 for unigrams */
	uint32_t *counts;
	size_t used;
	unsigned long total;    /* Han characters counted */
	unsigned long trad, simp;       /* of them only in one script */
	struct buf text;        /* document text not yet counted */
	size_t added;           /* bytes of the document taken so far */
	unsigned long bounds;   /* mojibake boundaries solved so far */
	unsigned long long bytes;       /* bytes of the document seen */
	struct lm_memo *memo;   /* scores since the model last changed */
	struct lm_char *chars;  /* per-character parts of those scores */
	uint32_t epoch;         /* bumped whenever the model changes */
};
/* Solving a run costs about a millisecond per observed character (each
 * boundary tries every dropped GBK pair): a document gets BOUND_FREE
 * boundaries, then one per BOUND_BYTES of its text, so that text made
 * of mojibake (or of garbage that looks like it) still streams at
 * megabytes a second.  Seed 004 uses 43 boundaries in 14 KB. */
#define BOUND_FREE 64
#define BOUND_BYTES 8192
/* Whether a run of m observed pairs may still be solved; counts it. */
int doc_may_solve(struct docmodel *dm, int m);
void doc_reset(struct docmodel *dm);
void doc_add_text(struct docmodel *dm, const char *s, size_t n);
void doc_free(struct docmodel *dm);
/* log2 P(b | a), both unfolded, mixing document and general models. */
double lm_score(struct docmodel *dm, uint32_t a, uint32_t b);
int lm_known(struct docmodel *dm, uint32_t c);

/* repair_moji.c: the mojibake forms.  Each works in place on line and
 * returns REPAIR_* flags. */
int moji_misaligned(struct docmodel *dm, struct buf *line,
    struct buf *tmp, struct repair_stats *st);
int moji_split_pair(struct docmodel *dm, struct buf *line,
    struct buf *tmp, struct repair_stats *st);
int moji_latin1(struct docmodel *dm, struct buf *line,
    struct buf *tmp, struct repair_stats *st);
int moji_utf8_as_gbk(struct docmodel *dm, struct buf *line,
    struct buf *tmp, struct repair_stats *st);
/* Characters whose CP936 code could start UTF-8 read as GBK. */
int moji_utf8_lead(uint32_t cp);

/* repair_pinyin.c */
/* Length in bytes of a "(syllable)" at s (also "(syllable )"), storing the
 * syllable index; 0 when s does not start with one. */
size_t pinyin_paren(const char *s, size_t n, int *syl);
int pinyin_strip(struct buf *line, struct buf *tmp, struct repair_stats *st);

#endif
