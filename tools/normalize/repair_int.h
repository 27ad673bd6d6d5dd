/*
 * Internals of the repair pass, shared by repair*.c and the unit test.
 * The tables are constant data made at build time.
 */
#ifndef ZH_REPAIR_INT_H
#define ZH_REPAIR_INT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "repair.h"

/* repair_tab.c: CP936, Unihan readings, the general bigram model, as
 * constant data made at build time (data/gen-repair-index.c). */
/* CP936 double-byte code -> code point, 0 when unassigned, by
 * (lead - 0x81) * 191 + trail - 0x40 (inline: the search decodes
 * millions of pairs). */
extern const uint16_t rtab_gbk_dec[126 * 191];

static inline uint32_t
gbk_decode(unsigned lead, unsigned trail)
{
	if (lead < 0x81 || lead > 0xFE || trail < 0x40 || trail > 0xFE)
		return 0;
	return rtab_gbk_dec[(lead - 0x81) * 191 + trail - 0x40];
}
/* The x that start an unassigned CP936 pair (x, y), both bytes
 * 0x81..0xFE: what a misaligned decoder drops (rtab_is_xd[x] set); per
 * x, the most frequent characters (y, x2) that can follow such a pair
 * and end before another (rtab_midfreq[(x - 0x80) * NMID], as codes). */
extern const int rtab_nxd;
extern const uint8_t rtab_xd[128], rtab_is_xd[256], rtab_nmidfreq[128];
extern const uint16_t rtab_midfreq[128 * 24];
#define RTAB_NMIDFREQ 24
/* Bit sets by code point: only in GB2312, only in Big5, the CP936 code
 * can start UTF-8 read as GBK. */
extern const uint8_t rtab_simp_only[0x2000], rtab_trad_only[0x2000], rtab_u8lead[0x2000];
/* 2^((k - 128) / 2) and 2^(-k / 8) (0 for 255), k = 0..255. */
extern const double rtab_half_pow[256], rtab_pow8[256];
/* Whether cp is a Han character of the first level of GB2312 or Big5. */
int gbk_common(uint32_t cp);
/* 1 when cp is in GB2312, 2 when in Big5 (CP950), 3 in both. */
int gbk_script(uint32_t cp);
/* Code point -> CP936 double-byte code (lead << 8 | trail), 0 when none. */
unsigned gbk_encode(uint32_t cp);
/* Syllable (NFC UTF-8) -> its index, -1 when no character reads so. */
int pinyin_syllable(const char *s, size_t n);
/* Whether syllable index syl is a reading of cp. */
int pinyin_reads(uint32_t cp, int syl);
/* How frequent a character is, 256 + 8 log2 P(c) (higher: more), -1
 * when the model does not know it. */
int bigram_uni(uint32_t folded);
/* The model's index of a character (-1: unknown) and the same by it. */
int bigram_index(uint32_t folded);
int bigram_uni_at(int index);
/* -8 log2 of the pair's own part of P(b | a) (data/repair_bigram.inc),
 * -1 when the model only backs off. */
int bigram_pair_at(int index_a, int index_b);
/* -8 log2 of P(c), of end(c) and of start(c). */
int bigram_logp_at(int i, int *uni8, int *start8, int *end8);
/* The CP936 codes of model character i's successors whose trail byte
 * is in lo..hi. */
int bigram_succ_codes(int i, unsigned lo, unsigned hi, const uint16_t **codes);
/* The same, all of them, the strongest pairs first. */
int bigram_succ_strongest(int i, const uint16_t **codes);
/* The CP936 codes of the characters that fold to model character i. */
int bigram_codes(int i, const uint16_t **codes);
/* Lead bytes that make a known Han character with trail, most frequent
 * first (at most 48). */
int gbk_leads_by_freq(unsigned trail, const unsigned char **leads);

/* Per-document model: counts of folded characters and pairs so far. */
struct docmodel {
	uint64_t *keys;         /* (a << 32 | b), b == 0 for unigrams */
	uint32_t *counts;
	uint32_t *link;         /* a unigram's first pair, a pair's next (+1) */
	uint32_t *slots;        /* the slots in use, to clear them */
	size_t used;
	unsigned long total;    /* Han characters counted */
	unsigned long trad, simp;       /* of them only in one script */
	struct buf text;        /* document text not yet counted */
	size_t added;           /* bytes of the document taken so far */
	size_t indexed;         /* of them counted */
	unsigned long long bytes;       /* bytes of the document seen */
	struct solver *solver;  /* repair_moji.c's work space */
	unsigned long runs_fixed;       /* misaligned runs repaired so far */
	struct lm_memo *memo;   /* scores since the model last changed */
	struct lm_char *chars;  /* per-character parts of those scores */
	uint32_t epoch;         /* bumped whenever the model changes */
};
void doc_reset(struct docmodel *dm);
void doc_add_text(struct docmodel *dm, const char *s, size_t n);
void doc_free(struct docmodel *dm);
/* The folded characters seen after folded character fa in the document
 * (at most cap, latest first); their count. */
int doc_succ(struct docmodel *dm, uint32_t fa, uint32_t *out, int cap);
/* The end of the line, as a right context. */
#define LM_END 0xFFFFu
/* log2 P(b | a), both unfolded, mixing document and general models. */
double lm_score(struct docmodel *dm, uint32_t a, uint32_t b);
int lm_known(struct docmodel *dm, uint32_t c);

/* repair_moji.c: the mojibake forms.  Each works in place on line and
 * returns REPAIR_* flags. */
int moji_misaligned(struct docmodel *dm, struct buf *line,
    struct buf *tmp, struct repair_stats *st);
void moji_free(struct docmodel *dm);
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
