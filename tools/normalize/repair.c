/*
 * repair: undoes the damage that GBK-level traditional-script converters
 * leave on government sites.  A byte pre-scan decides whether a line can
 * hold any damage at all; clean lines (nearly all) cost one pass over
 * their bytes and a copy into the document's evidence.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "repair_int.h"
#include "utf8.h"

struct repair {
	struct docmodel dm;
	struct buf tmp;
	unsigned long u8lines;  /* lines left to check for UTF-8 read as GBK */
	int wide;               /* AVX2 is there */
};

/* UTF-8 read as GBK garbles whole pages, so a document's head tells:
 * only its first lines are checked, keeping clean text cheap. */
#define U8_HEAD_LINES 2
#define U8_HEAD_BYTES 384
#ifndef EVID_SKIP
#define EVID_SKIP 1
#endif

enum {
	P_PINYIN = 1,           /* '(' then a Latin letter */
	P_QMARK = 2,            /* '?' then a letter or non-ASCII */
	P_LATIN1 = 4,           /* two U+0080..U+00FF in a row */
	P_UTF8GBK = 8,          /* a possible first character of UTF-8 read as GBK */
	P_BOPOMOFO = 16,        /* ㄅ..ㄩ: GBK's symbol rows read out of step */
};

/* Bytes that can start a candidate; everything else is skipped in a
 * tight loop.  Lead bytes of CJK (E4..E9) are hot only in a document's
 * head (hot8). */
static const unsigned char hot[256] = {
	['('] = 1, ['?'] = 1, [0xC2] = 1, [0xC3] = 1, [0xE3] = 1,
};
static const unsigned char hot8[256] = {
	['('] = 1, ['?'] = 1, [0xC2] = 1, [0xC3] = 1, [0xE3] = 1,
	[0xE4] = 1, [0xE5] = 1, [0xE6] = 1, [0xE7] = 1, [0xE8] = 1, [0xE9] = 1,
};

static int
letter_at(const unsigned char *s, size_t i, size_t n)
{
	return i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 0xC3 && s[i] <= 0xC7));
}

#define ONES 0x0101010101010101ull
#define HAS0(v) (((v) - ONES) & ~(v) & (ONES * 0x80))

#ifdef __SSE2__
#include <emmintrin.h>
#define BLOCK 16
/* Whether the 16 bytes at s may hold '(', '?', 0xC2, 0xC3 or the start
 * of a bopomofo letter (E3 84); reads s[0..16]. */
static int
block_hot(const unsigned char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(s + 1));
	__m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('(')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('?')));

	m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)),
	    _mm_set1_epi8((char)0xC2)));
	m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3)),
	    _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x84))));
	return _mm_movemask_epi8(m) != 0;
}
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_WIDE 1
/* The same on 32 bytes (reads s[0..32]), for CPUs with AVX2: clean text
 * then costs half as many instructions. */
__attribute__((target("avx2"))) static int
block_hot_wide(const unsigned char *s)
{
	__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)s);
	__m256i v1 = _mm256_loadu_si256((const __m256i *)(const void *)(s + 1));
	__m256i m = _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('(')),
	    _mm256_cmpeq_epi8(v, _mm256_set1_epi8('?')));

	m = _mm256_or_si256(m, _mm256_cmpeq_epi8(_mm256_and_si256(v,
	    _mm256_set1_epi8((char)0xFE)), _mm256_set1_epi8((char)0xC2)));
	m = _mm256_or_si256(m, _mm256_and_si256(_mm256_cmpeq_epi8(v,
	    _mm256_set1_epi8((char)0xE3)), _mm256_cmpeq_epi8(v1,
	    _mm256_set1_epi8((char)0x84))));
	return _mm256_movemask_epi8(m) != 0;
}

/* Skips 32-byte blocks of clean text from i; returns the new i. */
__attribute__((target("avx2"))) static size_t
skip_wide(const unsigned char *s, size_t i, size_t n)
{
	while (i + 32 < n && !block_hot_wide(s + i))
		i += 32;
	return i;
}
#endif
#else
#define BLOCK 8
static int
block_hot(const unsigned char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	return (HAS0(w ^ (ONES * '(')) | HAS0(w ^ (ONES * '?')) |
	    HAS0((w & (ONES * 0xFE)) ^ (ONES * 0xC2)) | HAS0(w ^ (ONES * 0xE3))) != 0;
}
#endif

static int
prescan(const char *str, size_t n, const unsigned char *h, int wide)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i, blk = 0;
	int found = 0;
	uint32_t cp;

	(void)wide;
	for (i = 0; i < n; i++) {
		unsigned c;

		/* Clean text is skipped a block at a time; a hit is looked
		 * at byte by byte to the end of its block. */
		if (h == hot && i >= blk) {
#ifdef HAVE_WIDE
			if (wide)
				i = skip_wide(s, i, n);
#endif
			while (i + BLOCK < n && !block_hot(s + i))
				i += BLOCK;
			/* The last bytes: one more block, overlapping the
			 * ones before, rather than byte by byte. */
			if (i + BLOCK >= n && n > BLOCK && !block_hot(s + n - BLOCK - 1))
				break;
			blk = i + BLOCK;
			if (i >= n)
				break;
		}
		c = s[i];
		if (!h[c])
			continue;
		if (c == '(') {
			if (letter_at(s, i + 1, n))
				found |= P_PINYIN;
		} else if (c == '?') {
			if (i + 1 < n && (s[i + 1] >= 0x80 || letter_at(s, i + 1, n) ||
			    (i == 0 && s[i + 1] >= 0x30 && s[i + 1] < 0x7F)))
				found |= P_QMARK;
		} else if (c < 0xE0) {
			/* GB bytes shown as Latin-1 come in pairs: one such
			 * character alone (·, ×, é) is ordinary text */
			if (i + 3 < n && (s[i + 2] == 0xC2 || s[i + 2] == 0xC3))
				found |= P_LATIN1;
			i++;
		} else if (i + 2 < n) {
			cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 |
			    (s[i + 2] & 0x3F);
			if (cp >= 0x3105 && cp <= 0x3129)
				found |= P_BOPOMOFO;
			else if (c != 0xE3 && (rtab_u8lead[cp >> 3] >> (cp & 7) & 1))
				found |= P_UTF8GBK;
			i += 2;
		}
	}
	return found;
}

struct repair *
repair_new(void)
{
	struct repair *rp;

	rp = xcalloc(1, sizeof(struct repair));
	rp->u8lines = U8_HEAD_LINES;
#ifdef HAVE_WIDE
	rp->wide = __builtin_cpu_supports("avx2");
#endif
	return rp;
}

void
repair_free(struct repair *rp)
{
	if (rp == NULL)
		return;
	doc_free(&rp->dm);
	buf_free(&rp->tmp);
	free(rp);
}

void
repair_doc_begin(struct repair *rp)
{
	doc_reset(&rp->dm);
	rp->u8lines = U8_HEAD_LINES;
}

/* A bopomofo letter next to a Han character is GBK read out of step
 * (ㄒ is A8D2, half of （ and half of 一): damage, even without a run. */
static int
stray_bopomofo(const struct buf *line)
{
	size_t pos = 0;
	uint32_t prev = 0, cur, next;

	if (line->len == 0)
		return 0;
	cur = utf8_next(line->s, line->len, &pos);
	while (cur) {
		next = pos < line->len ? utf8_next(line->s, line->len, &pos) : 0;
		if (cur >= 0x3105 && cur <= 0x3129 && (utf8_is_han(prev) || utf8_is_han(next)))
			return 1;
		prev = cur;
		cur = next;
	}
	return 0;
}

/* A reading glued to a non-Han character (W(xué)) is what a misaligned
 * run leaves after its resync byte: damage, even when no run was found. */
static int
stray_reading(const struct buf *line)
{
	const char *s = line->s;
	size_t i;
	int syl;

	for (i = 1; i < line->len; i++) {
		unsigned char c = (unsigned char)s[i - 1];

		if (s[i] == '(' && c >= 0x21 && c < 0x7F && c != ')' &&
		    !(c >= 'a' && c <= 'z') && pinyin_paren(s + i, line->len - i, &syl))
			return 1;
	}
	return 0;
}

/* The forms of damage the line may hold (P_*), 0 for most lines. */
static int
scan(struct repair *rp, const char *s, size_t len)
{
	int found;

	if (len == 0)
		return 0;
	if (rp->u8lines && rp->u8lines <= U8_HEAD_LINES) {
		found = prescan(s, len < U8_HEAD_BYTES ? len : U8_HEAD_BYTES, hot8, rp->wide);
		if (len > U8_HEAD_BYTES)
			found |= prescan(s + U8_HEAD_BYTES, len - U8_HEAD_BYTES, hot, rp->wide);
	} else
		found = prescan(s, len, rp->u8lines ? hot8 : hot, rp->wide);
	if (rp->u8lines)
		rp->u8lines--;
	return found;
}

static int fix(struct repair *, struct buf *, int, struct repair_stats *);

int
repair_line(struct repair *rp, struct buf *line, struct repair_stats *st)
{
	if (line->len == 0)
		return 0;
	return fix(rp, line, scan(rp, line->s, line->len), st);
}

const char *
repair_text(struct repair *rp, const char *s, size_t *len, struct buf *tmp,
    struct repair_stats *st, int *flags)
{
	int found;

	*flags = 0;
	if (*len == 0)
		return s;
	if (!(found = scan(rp, s, *len))) {
		doc_add_text(&rp->dm, s, *len);
		return s;
	}
	buf_clear(tmp);
	buf_add(tmp, s, *len);
	*flags = fix(rp, tmp, found, st);
	*len = tmp->len;
	return tmp->s;
}

static int
fix(struct repair *rp, struct buf *line, int found, struct repair_stats *st)
{
	int flags = 0;

	if (found) {
		if (found & P_LATIN1)
			flags |= moji_latin1(&rp->dm, line, &rp->tmp, st);
		if (found & P_UTF8GBK) {
			int f = moji_utf8_as_gbk(&rp->dm, line, &rp->tmp, st);

			if (f & REPAIR_FIXED)   /* a garbled page: check it all */
				rp->u8lines = (unsigned long)-1;
			flags |= f;
		}
		if (found & P_QMARK) {
			int f = moji_misaligned(&rp->dm, line, &rp->tmp, st);

			if (f & REPAIR_BUDGET) {
				st->lines_unchecked++;
				f &= ~REPAIR_BUDGET;
			}
			flags |= f;
			flags |= moji_split_pair(&rp->dm, line, &rp->tmp, st);
		}
		if ((found & P_BOPOMOFO) && !(flags & REPAIR_DAMAGED) &&
		    stray_bopomofo(line)) {
			flags |= REPAIR_DAMAGED;
			st->runs_damaged++;
		}
		if (found & P_PINYIN) {
			flags |= pinyin_strip(line, &rp->tmp, st);
			if (stray_reading(line))
				flags |= REPAIR_DAMAGED;
		}
	}
	/* A line left damaged or repaired on a close call would teach the
	 * document model its own mistakes. */
	if (!(flags & REPAIR_DAMAGED) || !EVID_SKIP)
		doc_add_text(&rp->dm, line->s, line->len);
	return flags;
}
