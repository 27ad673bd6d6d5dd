#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "decode.h"
#include "text.h"
#include "utf8.h"

#include "../../data/charfreq.inc"

#define BAD 0xFFu               /* the marker for an undecodable unit */
#define DBCS_SIZE (126 * 191)   /* lead 0x81..0xFE, trail 0x40..0xFE */
#define GB4_SIZE (4 * 10 * 126 * 10)    /* four-byte codes 0x81308130..0x8439FE39 */

/*
 * Double-byte tables are filled from iconv itself, one code at a time, the
 * first time a document needs them: the decoding is iconv's, the speed is
 * that of a table lookup (glibc's GB18030 converter runs at about a third
 * of the speed this program needs).
 */
static uint32_t *gb2, *gb4, *big5;
/* The double-byte tables again as ready UTF-8, indexed by the two bytes:
 * the bytes from the low end up, the length in the top byte, 0 if the
 * pair is not a valid code. */
static uint32_t *gb2u8, *big5u8;

static uint32_t *
packed_utf8(const uint32_t *t)
{
	uint32_t *u = xcalloc(0x10000, sizeof *u);

	for (size_t i = 0; i < DBCS_SIZE; i++) {
		char b[4];
		int n;

		if (t[i] < 0x80 || t[i] > 0xFFFF)
			continue;       /* left to the general path */
		n = utf8_encode(t[i], b);
		u[(0x81 + i / 191) << 8 | (0x40 + i % 191)] = (uint32_t)(unsigned char)b[0] |
		    (uint32_t)(unsigned char)b[1] << 8 |
		    (n > 2 ? (uint32_t)(unsigned char)b[2] << 16 : 0) | (uint32_t)n << 24;
	}
	return u;
}

static uint32_t
iconv_one(iconv_t cd, const unsigned char *code, size_t n)
{
	unsigned char ob[16];
	char *ip = (char *)code, *op = (char *)ob;
	size_t il = n, ol = sizeof ob;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0 ||
	    sizeof ob - ol != 4)
		return 0;
	return (uint32_t)ob[0] | (uint32_t)ob[1] << 8 | (uint32_t)ob[2] << 16 |
	    (uint32_t)ob[3] << 24;
}

static uint32_t *
build_dbcs(const char *enc)
{
	uint32_t *t = xcalloc(DBCS_SIZE, sizeof *t);
	iconv_t cd = iconv_open("UTF-32LE", enc);
	unsigned char c[2];

	if (cd == (iconv_t)-1)
		zdie("iconv cannot convert from %s", enc);
	for (unsigned l = 0x81; l <= 0xFE; l++)
		for (unsigned r = 0x40; r <= 0xFE; r++) {
			if (r == 0x7F)
				continue;
			c[0] = (unsigned char)l;
			c[1] = (unsigned char)r;
			t[(l - 0x81) * 191 + (r - 0x40)] = iconv_one(cd, c, 2);
		}
	iconv_close(cd);
	return t;
}

static void
build_gb(void)
{
	iconv_t cd;
	unsigned char c[4];

	gb2 = build_dbcs("GB18030");
	gb4 = xcalloc(GB4_SIZE, sizeof *gb4);
	if ((cd = iconv_open("UTF-32LE", "GB18030")) == (iconv_t)-1)
		zdie("iconv cannot convert from GB18030");
	for (unsigned i = 0; i < GB4_SIZE; i++) {
		c[0] = (unsigned char)(0x81 + i / 12600);
		c[1] = (unsigned char)(0x30 + i / 1260 % 10);
		c[2] = (unsigned char)(0x81 + i / 10 % 126);
		c[3] = (unsigned char)(0x30 + i % 10);
		gb4[i] = iconv_one(cd, c, 4);
	}
	iconv_close(cd);
}

static void
need_tables(enum enc e)
{
	if (e == ENC_GB18030 && !gb2) {
		build_gb();
		gb2u8 = packed_utf8(gb2);
	}
	if (e == ENC_BIG5 && !big5) {
		big5 = build_dbcs("CP950");
		big5u8 = packed_utf8(big5);
	}
}

static inline unsigned char *
put_utf8(unsigned char *o, uint32_t cp)
{
	if (cp < 0x80) {
		*o++ = (unsigned char)cp;
	} else if (cp < 0x800) {
		*o++ = (unsigned char)(0xC0 | (cp >> 6));
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (unsigned char)(0xE0 | (cp >> 12));
		*o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else {
		o += utf8_encode(cp, (char *)o);
	}
	return o;
}

/*
 * One unit of GB18030 or Big5 at p[0..n) (p[0] >= 0x80).  Returns the
 * bytes consumed and the code point in *cp (0 for an invalid unit, which
 * consumes one byte), or 0 when the unit may continue past n.
 */
static inline size_t
mb_unit(enum enc e, const unsigned char *p, size_t n, int eof, uint32_t *cp)
{
	unsigned l = p[0], r;

	*cp = 0;
	if (l == 0x80 || l == 0xFF)
		return 1;
	if (n < 2)
		return eof ? 1 : 0;
	r = p[1];
	if (r >= 0x40 && r <= 0xFE && r != 0x7F) {
		*cp = (e == ENC_GB18030 ? gb2 : big5)[(l - 0x81) * 191 + (r - 0x40)];
		return *cp ? 2 : 1;
	}
	if (e != ENC_GB18030 || r < 0x30 || r > 0x39)
		return 1;
	if (n < 4)
		return eof ? 1 : 0;
	if (p[2] < 0x81 || p[2] > 0xFE || p[3] < 0x30 || p[3] > 0x39)
		return 1;
	{
		unsigned long idx = ((unsigned long)(l - 0x81) * 10 + (r - 0x30)) * 1260 +
		    (unsigned long)(p[2] - 0x81) * 10 + (p[3] - 0x30);

		if (l <= 0x84) {
			*cp = gb4[idx];
		} else if (l >= 0x90) {
			/* Beyond the BMP the mapping is linear from 0x90308130. */
			unsigned long sup = idx - (unsigned long)(0x90 - 0x81) * 12600;

			if (sup <= 0x10FFFF - 0x10000)
				*cp = (uint32_t)(0x10000 + sup);
		}
	}
	return *cp ? 4 : 1;
}

/* Counts decoding errors and the weight of common characters. */
struct evidence {
	unsigned long errors, chars, weight;
};

static uint8_t freq[0x10000];
static int freq_ready;

static void
freq_init(void)
{
	for (size_t i = 0; i < sizeof charfreq / sizeof charfreq[0]; i++)
		freq[charfreq[i][0]] = (uint8_t)charfreq[i][1];
	freq_ready = 1;
}

static void
note(struct evidence *ev, uint32_t cp)
{
	ev->chars++;
	if (cp < 0x10000)
		ev->weight += freq[cp];
}

/* Characters enough to decide: far more than the 40 the detector must
 * handle, and reached in well under a kilobyte of Chinese text. */
#define EVIDENCE_CHARS 400

static void
score_mb(enum enc e, const unsigned char *p, size_t n, bool eof, struct evidence *ev)
{
	size_t i = 0;

	need_tables(e);
	while (i < n && ev->chars + ev->errors < EVIDENCE_CHARS) {
		uint32_t cp;
		size_t u;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		u = mb_unit(e, p + i, n - i, eof, &cp);
		if (u == 0)
			break;
		if (cp)
			note(ev, cp);
		else
			ev->errors++;
		i += u;
	}
}

static void
score_utf8(const unsigned char *p, size_t n, struct evidence *ev)
{
	size_t i = 0;

	while (i < n && ev->chars + ev->errors < EVIDENCE_CHARS) {
		uint32_t cp;
		int u;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		u = utf8_decode(p + i, n - i, &cp);
		if (u < 0) {
			/* A sequence cut by the end of the prefix is no error. */
			if (n - i < 4)
				break;
			/* Clearly not UTF-8: the count is high enough to lose. */
			if (++ev->errors > 64 && ev->errors > 4 * ev->chars)
				break;
			i++;
			continue;
		}
		note(ev, cp);
		i += (size_t)u;
	}
}

/* UTF-16 text has NULs at one parity only (every ASCII character and
 * line end), and its units are mostly CJK, ASCII or CJK punctuation. */
static int
utf16_guess(const unsigned char *p, size_t n)
{
	size_t z[2] = { 0, 0 }, good[2] = { 0, 0 }, units = n / 2;

	if (units < 2)
		return 0;
	for (size_t i = 0; i + 1 < n; i += 2) {
		z[0] += p[i] == 0;
		z[1] += p[i + 1] == 0;
		for (int be = 0; be < 2; be++) {
			unsigned u = be ? (unsigned)p[i] << 8 | p[i + 1] :
			    (unsigned)p[i + 1] << 8 | p[i];

			good[be] += (u >= 0x20 && u < 0x7F) || u == '\n' || u == '\r' ||
			    u == '\t' || (u >= 0x3000 && u <= 0x303F) ||
			    (u >= 0x3400 && u <= 0x9FFF) || (u >= 0xFF00 && u <= 0xFFEF) ||
			    (u >= 0x2000 && u <= 0x206F) || u == 0xA0;
		}
	}
	/* Little-endian ASCII has its NUL in the odd byte. */
	if (z[1] * 20 >= units && z[0] * 3 <= z[1] && good[0] * 10 >= units * 8)
		return ENC_UTF16LE;
	if (z[0] * 20 >= units && z[1] * 3 <= z[0] && good[1] * 10 >= units * 8)
		return ENC_UTF16BE;
	return 0;
}

enum enc
detect_encoding(const unsigned char *p, size_t n, bool at_eof, bool *valid)
{
	struct evidence ev[3];
	size_t ctl = 0, nul = 0, v, lim;
	int u16, best;

	*valid = false;
	if (n == 0)
		return ENC_EMPTY;
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		return ENC_UTF8_BOM;
	if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE)
		return ENC_UTF16LE_BOM;
	if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF)
		return ENC_UTF16BE_BOM;
	v = text_valid_prefix((const char *)p, n);
	if (v == n || (!at_eof && n - v < 4 && utf8_count_invalid((const char *)p + v,
	    n - v) == n - v && p[v] >= 0xC2 && p[v] <= 0xF4 && v + 4 > n)) {
		/* ASCII in UTF-16 is valid UTF-8 too, but then about every
		 * other byte is NUL; a few NULs in text are just bad bytes. */
		*valid = v == n;
		if (memchr(p, 0, n) == NULL)
			return ENC_UTF8;
		for (size_t i = 0; i < n; i++)
			nul += p[i] == 0;
		if (nul * 4 >= n && (u16 = utf16_guess(p, n)) != 0)
			return (enum enc)u16;
		return nul * 3 > n ? ENC_BINARY : ENC_UTF8;
	}
	lim = n < 4096 ? n : 4096;
	for (size_t i = 0; i < lim; i++)
		if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' &&
		    p[i] != '\f' && p[i] != '\v' && p[i] != 0x1B)
			ctl++, nul += p[i] == 0;
	/* UTF-16 text always has NULs (at least its line ends). */
	if (nul && (u16 = utf16_guess(p, n)) != 0)
		return (enum enc)u16;
	if (ctl * 12 > lim)
		return ENC_BINARY;
	/* A few kilobytes are thousands of characters: evidence enough,
	 * unless the start is mostly ASCII. */
	if (!freq_ready)
		freq_init();
	lim = n < 65536 ? n : 65536;
	memset(ev, 0, sizeof ev);
	score_mb(ENC_GB18030, p, lim, at_eof && lim == n, &ev[0]);
	/* Clean GB18030 made mostly of common characters: Big5 bytes read
	 * as GB18030 give rare ones, so nothing can beat it. */
	if (ev[0].errors == 0 && ev[0].chars >= 20 && ev[0].weight >= 2 * ev[0].chars)
		return ENC_GB18030;
	score_mb(ENC_BIG5, p, lim, at_eof && lim == n, &ev[1]);
	score_utf8(p, lim, &ev[2]);
	/* Fewest errors first, within a small tolerance; then the decoding
	 * that yields the most common characters. */
	{
		unsigned long emin = ev[0].errors, tol;

		for (int i = 1; i < 3; i++)
			if (ev[i].errors < emin)
				emin = ev[i].errors;
		tol = 2 + ev[0].chars / 50;
		best = -1;
		for (int i = 0; i < 3; i++) {
			if (ev[i].errors > emin + tol)
				continue;
			if (best < 0 || ev[i].weight > ev[best].weight)
				best = i;
		}
	}
	if (ev[best].errors * 5 > ev[best].chars + 10 && ev[best].weight * 2 < ev[best].chars)
		return ENC_BINARY;
	return best == 0 ? ENC_GB18030 : best == 1 ? ENC_BIG5 : ENC_UTF8;
}

const char *
enc_name(enum enc e)
{
	switch (e) {
	case ENC_EMPTY: return "empty";
	case ENC_UTF8: return "UTF-8";
	case ENC_UTF8_BOM: return "UTF-8-BOM";
	case ENC_UTF16LE: return "UTF-16LE";
	case ENC_UTF16BE: return "UTF-16BE";
	case ENC_UTF16LE_BOM: return "UTF-16LE-BOM";
	case ENC_UTF16BE_BOM: return "UTF-16BE-BOM";
	case ENC_GB18030: return "GB18030";
	case ENC_BIG5: return "BIG5";
	case ENC_ICONV: return "iconv";
	case ENC_BINARY: return "binary";
	}
	return "?";
}

int
enc_from_name(const char *name, enum enc *e)
{
	static const struct { const char *name; enum enc e; } alias[] = {
		{ "UTF-8", ENC_UTF8 }, { "UTF8", ENC_UTF8 },
		{ "UTF-16LE", ENC_UTF16LE }, { "UTF-16BE", ENC_UTF16BE },
		{ "UTF-16", ENC_UTF16LE_BOM },
		/* GB text is always decoded as GB18030, the superset: GBK lacks
		 * the NBSP and the four-byte forms pages use. */
		{ "GB18030", ENC_GB18030 }, { "GBK", ENC_GB18030 },
		{ "GB2312", ENC_GB18030 }, { "CP936", ENC_GB18030 },
		{ "EUC-CN", ENC_GB18030 },
		{ "BIG5", ENC_BIG5 }, { "BIG-5", ENC_BIG5 }, { "CP950", ENC_BIG5 },
	};
	iconv_t cd;

	for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
		if (strcasecmp(name, alias[i].name) == 0) {
			*e = alias[i].e;
			return 0;
		}
	if ((cd = iconv_open("UTF-8", name)) == (iconv_t)-1)
		return -1;
	iconv_close(cd);
	*e = ENC_ICONV;
	return 0;
}

/* ---- streaming ---- */

#define RB_CAP (DETECT_PREFIX + 65536)

struct dec {
	struct zin *in;
	const unsigned char *mem;
	size_t memlen, mempos;
	enum enc enc;
	unsigned char *rb;
	size_t rlen, rpos;
	bool eof, err;
	bool all_valid;         /* the whole document is in the prefix and valid */
	iconv_t cd;
};

/* Moves what is left to the front and reads until full or at end. */
static void
fill(struct dec *d)
{
	if (d->rpos > 0) {
		memmove(d->rb, d->rb + d->rpos, d->rlen - d->rpos);
		d->rlen -= d->rpos;
		d->rpos = 0;
	}
	while (!d->eof && d->rlen < RB_CAP) {
		ssize_t n;

		if (!d->in) {
			size_t k = d->memlen - d->mempos;

			if (k > RB_CAP - d->rlen)
				k = RB_CAP - d->rlen;
			memcpy(d->rb + d->rlen, d->mem + d->mempos, k);
			d->mempos += k;
			d->rlen += k;
			if (d->mempos == d->memlen)
				d->eof = true;
			continue;
		}
		n = zin_read(d->in, d->rb + d->rlen, RB_CAP - d->rlen);
		if (n < 0) {
			d->err = d->eof = true;
		} else if (n == 0) {
			d->eof = true;
		} else {
			d->rlen += (size_t)n;
			/* One read per call once past detection keeps
			 * latency low on pipes. */
			if (d->rlen >= DETECT_PREFIX / 2)
				break;
		}
	}
}

struct dec *
dec_open(struct zin *in, const unsigned char *mem, size_t memlen, int forced,
    const char *iconv_name, enum enc *encp)
{
	struct dec *d = xcalloc(1, sizeof *d);

	d->in = in;
	d->mem = mem;
	d->memlen = memlen;
	d->rb = xmalloc(RB_CAP);
	d->cd = (iconv_t)-1;
	if (!in && memlen == 0)
		d->eof = true;
	while (!d->eof && d->rlen < DETECT_PREFIX)
		fill(d);
	if (forced >= 0) {
		d->enc = (enum enc)forced;
		if (d->enc == ENC_UTF16LE_BOM) {
			/* "UTF-16": the BOM decides, little-endian without one. */
			if (d->rlen >= 2 && d->rb[0] == 0xFE && d->rb[1] == 0xFF)
				d->enc = ENC_UTF16BE_BOM;
			else if (!(d->rlen >= 2 && d->rb[0] == 0xFF && d->rb[1] == 0xFE))
				d->enc = ENC_UTF16LE;
		}
		if (d->rlen == 0)
			d->enc = ENC_EMPTY;
	} else {
		bool valid;

		d->enc = detect_encoding(d->rb, d->rlen, d->eof, &valid);
		/* Detection checked every byte of a short UTF-8 document. */
		d->all_valid = d->eof && d->enc == ENC_UTF8 && valid;
	}
	if (d->enc == ENC_UTF8_BOM && d->rlen >= 3 && d->rb[0] == 0xEF)
		d->rpos = 3;
	if ((d->enc == ENC_UTF16LE_BOM || d->enc == ENC_UTF16BE_BOM) && d->rlen >= 2)
		d->rpos = 2;
	if (d->enc == ENC_ICONV) {
		d->cd = iconv_open("UTF-8", iconv_name);
		if (d->cd == (iconv_t)-1)
			zdie("iconv cannot convert from %s", iconv_name);
	}
	need_tables(d->enc);
	*encp = d->enc;
	return d;
}

static size_t
dec_mb(struct dec *d, unsigned char *o, size_t cap)
{
	unsigned char *o0 = o, *oe = o + cap - 8;
	const uint32_t *u8 = d->enc == ENC_GB18030 ? gb2u8 : big5u8;

	while (o < oe) {
		/* The common case, with four bytes of input in reach: ASCII or
		 * a double-byte code copied from the ready UTF-8 table. */
		const unsigned char *q = d->rb + d->rpos;
		const unsigned char *qe = d->rb + (d->rlen >= 4 ? d->rlen - 4 : 0);

		while (q < qe && o < oe) {
			unsigned c = q[0];
			uint32_t v;

			if (c < 0x80) {
				*o++ = (unsigned char)c;
				q++;
				continue;
			}
			/* Indexed by both bytes: invalid pairs hold 0. */
			v = u8[c << 8 | q[1]];
			if (!v)
				break;
			o[0] = (unsigned char)v;
			o[1] = (unsigned char)(v >> 8);
			o[2] = (unsigned char)(v >> 16);
			o += v >> 24;
			q += 2;
		}
		d->rpos = (size_t)(q - d->rb);
		if (o >= oe)
			break;
		const unsigned char *p;
		size_t avail;
		uint32_t cp;
		size_t u;

		if (d->rlen - d->rpos < 4 && !d->eof)
			fill(d);
		avail = d->rlen - d->rpos;
		if (avail == 0)
			break;
		p = d->rb + d->rpos;
		if (p[0] < 0x80) {
			/* ASCII runs are copied without per-byte decisions. */
			size_t k = 0, lim = (size_t)(oe - o) < avail ? (size_t)(oe - o) : avail;

			while (k < lim && p[k] < 0x80)
				k++;
			memcpy(o, p, k);
			o += k;
			d->rpos += k;
			continue;
		}
		u = mb_unit(d->enc, p, avail, d->eof, &cp);
		if (u == 0) {           /* the unit goes past the buffer */
			fill(d);
			continue;
		}
		if (cp)
			o = put_utf8(o, cp);
		else
			*o++ = BAD;
		d->rpos += u;
	}
	return (size_t)(o - o0);
}

static size_t
dec_utf16(struct dec *d, unsigned char *o, size_t cap)
{
	unsigned char *o0 = o, *oe = o + cap - 8;
	bool be = d->enc == ENC_UTF16BE || d->enc == ENC_UTF16BE_BOM;

	while (o < oe) {
		const unsigned char *p;
		size_t avail;
		unsigned u;

		if (d->rlen - d->rpos < 4 && !d->eof)
			fill(d);
		avail = d->rlen - d->rpos;
		if (avail == 0)
			break;
		p = d->rb + d->rpos;
		if (avail < 2) {
			*o++ = BAD;
			d->rpos++;
			continue;
		}
		u = be ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
		if (u < 0x80) {
			*o++ = (unsigned char)u;
		} else if (u >= 0xD800 && u <= 0xDBFF && avail >= 4) {
			unsigned lo = be ? (unsigned)p[2] << 8 | p[3] :
			    (unsigned)p[3] << 8 | p[2];

			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				o = put_utf8(o, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
				d->rpos += 4;
				continue;
			}
			*o++ = BAD;
		} else if (u >= 0xD800 && u <= 0xDFFF) {
			*o++ = BAD;
		} else {
			o = put_utf8(o, u);
		}
		d->rpos += 2;
	}
	return (size_t)(o - o0);
}

static size_t
dec_iconv(struct dec *d, unsigned char *o, size_t cap)
{
	char *op = (char *)o;
	size_t ol = cap - 8;

	while (ol > 16) {
		char *ip;
		size_t il, before;

		if (d->rlen - d->rpos < 16 && !d->eof)
			fill(d);
		if (d->rpos == d->rlen)
			break;
		ip = (char *)d->rb + d->rpos;
		il = d->rlen - d->rpos;
		before = il;
		if (iconv(d->cd, &ip, &il, &op, &ol) == (size_t)-1) {
			d->rpos += before - il;
			if (errno == E2BIG)
				break;
			if (errno == EINVAL && !d->eof) {
				fill(d);
				continue;
			}
			*op++ = (char)BAD;
			ol--;
			d->rpos++;
			iconv(d->cd, NULL, NULL, NULL, NULL);
			continue;
		}
		d->rpos += before - il;
	}
	return (size_t)(op - (char *)o);
}

ssize_t
dec_read(void *ctx, void *buf, size_t cap)
{
	struct dec *d = ctx;
	size_t n = 0;

	if (cap < 64)
		return 0;
	switch (d->enc) {
	case ENC_EMPTY:
	case ENC_BINARY:
		break;
	case ENC_UTF8:
	case ENC_UTF8_BOM:
		if (d->rpos == d->rlen && !d->eof)
			fill(d);
		n = d->rlen - d->rpos;
		if (n > cap)
			n = cap;
		memcpy(buf, d->rb + d->rpos, n);
		d->rpos += n;
		break;
	case ENC_GB18030:
	case ENC_BIG5:
		n = dec_mb(d, buf, cap);
		break;
	case ENC_UTF16LE:
	case ENC_UTF16BE:
	case ENC_UTF16LE_BOM:
	case ENC_UTF16BE_BOM:
		n = dec_utf16(d, buf, cap);
		break;
	case ENC_ICONV:
		n = dec_iconv(d, buf, cap);
		break;
	}
	if (n == 0 && d->err)
		return -1;
	return (ssize_t)n;
}

bool
dec_output_valid(const struct dec *d)
{
	return d->enc != ENC_UTF8 && d->enc != ENC_UTF8_BOM ? true : d->all_valid;
}

void
dec_close(struct dec *d)
{
	if (!d)
		return;
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	free(d->rb);
	free(d);
}
