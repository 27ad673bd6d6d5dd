#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dbcs.h"
#include "decode.h"
#include "utf8.h"

#define BAD 0xFFu               /* the marker for an undecodable unit */

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

		/* Memory first (all of the input, or what the caller read
		 * ahead of in), then in. */
		if (d->mempos < d->memlen || !d->in) {
			size_t k = d->memlen - d->mempos;

			if (k > RB_CAP - d->rlen)
				k = RB_CAP - d->rlen;
			memcpy(d->rb + d->rlen, d->mem + d->mempos, k);
			d->mempos += k;
			d->rlen += k;
			if (d->mempos == d->memlen && !d->in)
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
	dbcs_need(d->enc);
	*encp = d->enc;
	return d;
}

/* The bytes ready at rpos, topped up first when fewer than a whole
 * character (4 bytes) may be left. */
static size_t
ready(struct dec *d)
{
	if (d->rlen - d->rpos < 4 && !d->eof)
		fill(d);
	return d->rlen - d->rpos;
}

static size_t
dec_mb(struct dec *d, unsigned char *o, size_t cap)
{
	unsigned char *o0 = o, *oe = o + cap - 8;
	const uint32_t *u8 = d->enc == ENC_GB18030 ? dbcs_gb2u8 : dbcs_big5u8;

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

		if ((avail = ready(d)) == 0)
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
		u = dbcs_unit(d->enc, p, avail, d->eof, &cp);
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

		if ((avail = ready(d)) == 0)
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

bool
dec_all(const unsigned char *p, size_t n, enum enc e, const char *iconv_name,
    struct buf *out)
{
	struct dec *d = dec_open(NULL, p, n, (int)e, iconv_name, &e);
	bool valid;
	ssize_t k;

	buf_clear(out);
	for (;;) {
		if (out->cap - out->len < 65536 + 1)
			buf_grow(out, 65536);
		if ((k = dec_read(d, out->s + out->len, 65536)) <= 0)
			break;
		out->len += (size_t)k;
	}
	out->s[out->len] = '\0';
	valid = dec_output_valid(d);
	dec_close(d);
	return valid;
}
