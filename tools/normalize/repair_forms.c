/*
 * The smaller mojibake forms:
 *  - a reading inserted between the two bytes of a character by a byte-
 *    level annotator (面向?qū)W校 for 面向學校): the lead byte is gone
 *    with the parenthesis, the trail byte shows as ASCII;
 *  - GB text decoded as Latin-1 / CP1252 (¡¡ÍÅ...);
 *  - UTF-8 decoded as GBK (鍙戝竷, 锟斤拷).
 * Each is reversed only when the reversal decodes cleanly and the
 * language model prefers it by a wide margin.
 */
#include <string.h>

#include "repair_int.h"
#include "utf8.h"

#define SPLIT_MARGIN 2.0        /* log2: best lead byte over the next best */
#define SPLIT_FLOOR (-34.0)     /* the best reading must itself be plausible */
#define RECODE_PER_CHAR 4.0     /* log2 gain per character to accept */
#define MAXREGION 512           /* bytes of one re-encoded region */
#define MAXSPLICE 64            /* regions reversed per line */

static uint32_t
char_at(const char *s, size_t n, size_t i)
{
	size_t pos = i;

	return i < n ? utf8_next(s, n, &pos) : 0;
}

static uint32_t
char_before(const char *s, size_t i)
{
	size_t b = i, pos;

	while (b > 0 && ((unsigned char)s[b - 1] & 0xC0) == 0x80)
		b--;
	if (b == 0)
		return 0;
	pos = b - 1;
	return utf8_next(s, i, &pos);
}

static int
cjk_punct(uint32_t c)
{
	return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF1B || c == 0xFF1A ||
	    c == 0x201C || c == 0x201D || c == 0x300A || c == 0x300B;
}

/* Best lead byte for trail t between characters prev and next. */
static uint32_t
best_lead(struct docmodel *dm, uint32_t prev, uint32_t next, unsigned t,
    double *margin, double *score)
{
	unsigned x;
	uint32_t c, best = 0;
	double s, b1 = -1e18, b2 = -1e18;

	for (x = 0x81; x <= 0xFE; x++) {
		if ((c = gbk_decode(x, t)) == 0 || !utf8_is_han(c))
			continue;
		s = lm_score(dm, prev, c) + lm_score(dm, c, next);
		if (s > b1) {
			b2 = b1;
			b1 = s;
			best = c;
		} else if (s > b2)
			b2 = s;
	}
	*margin = b1 - b2;
	*score = b1;
	return best;
}

int
moji_split_pair(struct docmodel *dm, struct buf *line, struct buf *tmp,
    struct repair_stats *st)
{
	const char *s = line->s;
	size_t n = line->len, i, k, start, done = 0;
	uint32_t prev, next, c;
	double margin, score;
	int syl, flags = 0, q;
	unsigned t;

	buf_clear(tmp);
	for (i = 1; i + 3 < n; i++) {
		/* "?qū)W" (the lost lead byte took the parenthesis with it) or
		 * "向(qū)W" when the reading does not belong to 向. */
		q = s[i] == '?';
		if (!q && s[i] != '(')
			continue;
		prev = char_before(s, i);
		if (!utf8_is_han(prev) && !(q && cjk_punct(prev)))
			continue;
		start = i;
		if (q) {
			char paren[32];
			size_t m = 0;

			paren[m++] = '(';
			while (m < sizeof(paren) - 1 && i + m < n && s[i + m] != ')' &&
			    s[i + m] != '(')
				m++;
			if (i + m >= n || s[i + m] != ')' || m >= sizeof(paren) - 1)
				continue;
			memcpy(paren + 1, s + i + 1, m);
			k = pinyin_paren(paren, m + 1, &syl);
			if (k != m + 1)
				continue;
		} else {
			if ((k = pinyin_paren(s + i, n - i, &syl)) == 0 ||
			    pinyin_reads(prev, syl))
				continue;
		}
		if (i + k >= n)
			continue;
		t = (unsigned char)s[i + k];
		if (t < 0x40 || t >= 0x7F || t == '(' || t == '?')
			continue;
		next = char_at(s, n, i + k + 1);
		if (!utf8_is_han(next) && !cjk_punct(next))
			continue;
		c = best_lead(dm, prev, next, t, &margin, &score);
		if (c == 0 || margin < SPLIT_MARGIN || score < SPLIT_FLOOR) {
			flags |= REPAIR_DAMAGED;
			st->runs_damaged++;
			continue;
		}
		buf_add(tmp, s + done, start - done);
		buf_add_utf8(tmp, c);
		done = i + k + 1;
		i = done - 1;
		st->pinyin_removed++;
		st->runs_repaired++;
		flags |= REPAIR_FIXED;
	}
	if (!(flags & REPAIR_FIXED))
		return flags;
	buf_add(tmp, s + done, n - done);
	buf_clear(line);
	buf_add(line, tmp->s, tmp->len);
	return flags;
}

/* CP1252's characters for 0x80..0x9F (0 where it has none). */
static const uint16_t cp1252_hi[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The byte a Latin-1 or CP1252 reading of GB text shows as cp; -1 if none. */
static int
latin1_byte(uint32_t cp)
{
	int i;

	if (cp >= 0x80 && cp <= 0xFF)
		return (int)cp;
	if (cp < 0x152 || cp > 0x2122)
		return -1;
	for (i = 0; i < 32; i++)
		if (cp1252_hi[i] == cp)
			return 0x80 + i;
	return -1;
}

/* Decodes GBK bytes b[0..n) into out; -1 unless every byte is used by an
 * assigned code or is ASCII. */
static int
gbk_bytes(const unsigned char *b, size_t n, uint32_t *out, int cap, int *han)
{
	size_t i = 0;
	int k = 0;
	uint32_t c;

	*han = 0;
	while (i < n) {
		if (k >= cap)
			return -1;
		if (b[i] < 0x80) {
			out[k++] = b[i++];
			continue;
		}
		if (i + 1 >= n || (c = gbk_decode(b[i], b[i + 1])) == 0)
			return -1;
		*han += utf8_is_han(c);
		out[k++] = c;
		i += 2;
	}
	return k;
}

static double
seq_score(struct docmodel *dm, uint32_t before, const uint32_t *c, int n, uint32_t after)
{
	double s = 0;
	uint32_t p = before;
	int i;

	for (i = 0; i < n; i++) {
		if (p)
			s += lm_score(dm, p, c[i]);
		p = c[i];
	}
	if (after && p)
		s += lm_score(dm, p, after);
	return s;
}

/* Replaces the region [a, b) of line by the n characters c, through tmp;
 * returns the end of the new region. */
static size_t
splice(struct buf *line, struct buf *tmp, size_t a, size_t b, const uint32_t *c, int n)
{
	size_t end;
	int i;

	buf_clear(tmp);
	buf_add(tmp, line->s, a);
	for (i = 0; i < n; i++)
		buf_add_utf8(tmp, c[i]);
	end = tmp->len;
	buf_add(tmp, line->s + b, line->len - b);
	buf_clear(line);
	buf_add(line, tmp->s, tmp->len);
	return end;
}

/* Whether reading [start, end) as dec instead of orig gains enough. */
static int
recode_pays(struct docmodel *dm, const struct buf *line, size_t start, size_t end,
    const uint32_t *orig, int no, const uint32_t *dec, int nd)
{
	uint32_t before = char_before(line->s, start);
	uint32_t after = char_at(line->s, line->len, end);

	return seq_score(dm, before, dec, nd, after) -
	    seq_score(dm, before, orig, no, after) >= RECODE_PER_CHAR * no;
}

int
moji_latin1(struct docmodel *dm, struct buf *line, struct buf *tmp,
    struct repair_stats *st)
{
	unsigned char bytes[MAXREGION];
	uint32_t orig[MAXREGION], dec[MAXREGION], cp;
	size_t i, pos, start, end;
	int nb, no, nd, hi, han, flags = 0, v, need, nsplice = 0;

	for (i = 0; i < line->len; i = end) {
		start = i;
		pos = i;
		cp = utf8_next(line->s, line->len, &pos);
		end = pos;
		if (latin1_byte(cp) < 0x80)
			continue;
		nb = no = hi = need = 0;
		pos = start;
		while (pos < line->len && nb < MAXREGION) {
			size_t save = pos;

			cp = utf8_next(line->s, line->len, &pos);
			v = latin1_byte(cp);
			/* ASCII belongs to the region only as a trail byte. */
			if (v < 0 && cp >= 0x40 && cp < 0x7F && need)
				v = (int)cp;
			if (v < 0) {
				pos = save;
				break;
			}
			need = !need && v >= 0x81;
			hi += v >= 0x80;
			bytes[nb++] = (unsigned char)v;
			orig[no++] = cp;
		}
		end = pos;
		if (hi < 4)
			continue;
		nd = gbk_bytes(bytes, (size_t)nb, dec, MAXREGION, &han);
		if (nd < 0 || han < 2 || han * 2 < nd) {
			if (hi >= 8 && nd < 0) {
				flags |= REPAIR_DAMAGED;
				st->runs_damaged++;
			}
			continue;
		}
		if (!recode_pays(dm, line, start, end, orig, no, dec, nd))
			continue;
		/* each splice copies the line: bound them on a huge one */
		if (++nsplice > MAXSPLICE) {
			flags |= REPAIR_DAMAGED;
			st->runs_damaged++;
			continue;
		}
		end = pos = splice(line, tmp, start, end, dec, nd);
		st->runs_repaired++;
		flags |= REPAIR_FIXED;
	}
	return flags;
}

int
moji_utf8_lead(uint32_t cp)
{
	unsigned code = gbk_encode(cp);

	if (cp == 0x951F)       /* 锟: the lead of 锟斤拷, U+FFFD read as GBK */
		return 1;
	return code >= 0xE400 && code < 0xEA00 && (code & 0xC0) == 0x80;
}

int
moji_utf8_as_gbk(struct docmodel *dm, struct buf *line, struct buf *tmp,
    struct repair_stats *st)
{
	unsigned char bytes[MAXREGION];
	uint32_t orig[MAXREGION], dec[MAXREGION], cp;
	size_t i, pos, start, end, k;
	int nb, no, nd, flags = 0, len, cjk, lost, nsplice = 0;
	unsigned code;

	for (i = 0; i < line->len; i = end) {
		start = i;
		pos = i;
		cp = utf8_next(line->s, line->len, &pos);
		end = pos;
		if (!moji_utf8_lead(cp))
			continue;
		nb = no = 0;
		pos = start;
		while (pos < line->len && nb + 2 <= MAXREGION) {
			size_t save = pos;

			cp = utf8_next(line->s, line->len, &pos);
			code = gbk_encode(cp);
			if (code == 0) {
				pos = save;
				break;
			}
			bytes[nb++] = (unsigned char)(code >> 8);
			bytes[nb++] = (unsigned char)code;
			orig[no++] = cp;
		}
		end = pos;
		/* The longest prefix that is whole UTF-8 characters. */
		k = 0;
		nd = cjk = lost = 0;
		while (k < (size_t)nb) {
			len = utf8_decode(bytes + k, (size_t)nb - k, &cp);
			if (len < 3)
				break;
			dec[nd++] = cp;
			cjk += utf8_is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) ||
			    (cp >= 0x2010 && cp <= 0x2027) ||
			    (cp >= 0xFF00 && cp <= 0xFFEF);
			lost += cp == 0xFFFD;
			cjk += cp == 0xFFFD;
			k += (size_t)len;
		}
		/* Whole GBK characters only: an odd count of UTF-8 characters
		 * leaves half a pair, so its last one stays as it is. */
		if (nd % 2) {
			nd--;
			k -= 3;
			cjk -= cjk > nd;
		}
		if (nd < 2 || cjk < nd)
			continue;
		no = (int)(k / 2);
		pos = start;
		for (len = 0; len < no; len++)
			(void)utf8_next(line->s, line->len, &pos);
		end = pos;
		if (!lost && !recode_pays(dm, line, start, end, orig, no, dec, nd))
			continue;
		/* each splice copies the line: bound them on a huge one */
		if (++nsplice > MAXSPLICE) {
			flags |= REPAIR_DAMAGED;
			st->runs_damaged++;
			continue;
		}
		end = pos = splice(line, tmp, start, end, dec, nd);
		st->runs_repaired++;
		flags |= REPAIR_FIXED;
		if (lost) {
			st->runs_damaged++;
			flags |= REPAIR_DAMAGED;
		}
	}
	return flags;
}
