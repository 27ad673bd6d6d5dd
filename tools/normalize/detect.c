#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dbcs.h"
#include "decode.h"
#include "text.h"
#include "htmlmeta.h"
#include "utf8.h"

#include "../../data/charfreq.inc"

/* Counts decoding errors and the weight of common characters. */
struct evidence {
	unsigned long errors, chars, weight;
};

/* The weight of a character in the sorted table; 0 when absent.  A
 * search, not a 64K table filled at start-up: detection looks at a few
 * hundred characters a document. */
static unsigned
freq(uint32_t cp)
{
	size_t lo = 0, hi = sizeof charfreq / sizeof charfreq[0];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (charfreq[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sizeof charfreq / sizeof charfreq[0] && charfreq[lo][0] == cp ?
	    charfreq[lo][1] : 0;
}

static void
note(struct evidence *ev, uint32_t cp)
{
	ev->chars++;
	if (cp < 0x10000)
		ev->weight += freq(cp);
}

/* Characters enough to decide: far more than the 40 the detector must
 * handle, and reached in well under a kilobyte of Chinese text. */
#define EVIDENCE_CHARS 400

static void
score_mb(enum enc e, const unsigned char *p, size_t n, bool eof, struct evidence *ev)
{
	size_t i = 0;

	dbcs_need(e);
	while (i < n && ev->chars + ev->errors < EVIDENCE_CHARS) {
		uint32_t cp;
		size_t u;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		u = dbcs_unit(e, p + i, n - i, eof, &cp);
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
	v = utf8_valid_prefix((const char *)p, n);
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

/* ---- HTML ---- */

static bool
ascii_ieq(const unsigned char *p, size_t n, const char *w)
{
	size_t l = strlen(w);

	return n >= l && strncasecmp((const char *)p, w, l) == 0;
}

static bool
html_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool
html_sniff(const unsigned char *p, size_t n)
{
	static const char *const tags[] = { "!doctype html", "html", "head", "body",
		"meta", "title", "link", "script", "style", "div", "p", "table",
		"span", "h1", "h2", "h3", "h4", "h5", "h6", "br", "article", "section",
		"center", "font", "strong", "b", "a", "img", "ul", "ol", "form",
		"base", "main", "header", "nav", "blockquote", "pre", "tr", "td", NULL };
	size_t i = 0;

	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		i = 3;
	for (int comments = 0; comments < 16; comments++) {
		while (i < n && html_space(p[i]))
			i++;
		if (i >= n || p[i] != '<')
			return false;
		if (ascii_ieq(p + i, n - i, "<!--")) {
			const unsigned char *e = hmeta_find(p + i + 4, n - i - 4, "-->", 3);

			if (!e)
				return false;
			i = (size_t)(e - p) + 3;
			continue;
		}
		if (ascii_ieq(p + i, n - i, "<?xml")) {
			const unsigned char *e = memchr(p + i, '>', n - i);

			if (!e)
				return false;
			i = (size_t)(e - p) + 1;
			continue;
		}
		for (int k = 0; tags[k]; k++) {
			size_t l = strlen(tags[k]);

			if (ascii_ieq(p + i + 1, n - i - 1, tags[k]) && i + 1 + l < n &&
			    (html_space(p[i + 1 + l]) || p[i + 1 + l] == '>' ||
			    p[i + 1 + l] == '/'))
				return true;
		}
		return false;
	}
	return false;
}

/* The charset a <meta> declares in the first 64 KiB (<meta charset=…> or
 * http-equiv Content-Type with charset=…), into name[cap]. */
static bool
declared_charset(const unsigned char *p, size_t n, char *name, size_t cap)
{
	size_t lim = n < 65536 ? n : 65536;

	for (size_t i = 0; i + 5 < lim; i++) {
		size_t j, k = 0;

		if (p[i] != '<' || !ascii_ieq(p + i, lim - i, "<meta"))
			continue;
		for (j = i + 5; j < lim && p[j] != '>'; j++) {
			if (!ascii_ieq(p + j, lim - j, "charset"))
				continue;
			j += 7;
			while (j < lim && html_space(p[j]))
				j++;
			if (j >= lim || p[j] != '=')
				continue;
			j++;
			while (j < lim && (html_space(p[j]) || p[j] == '"' || p[j] == '\''))
				j++;
			while (j < lim && k + 1 < cap && ((p[j] >= 'a' && p[j] <= 'z') ||
			    (p[j] >= 'A' && p[j] <= 'Z') || (p[j] >= '0' && p[j] <= '9') ||
			    p[j] == '-' || p[j] == '_' || p[j] == '.' || p[j] == ':'))
				name[k++] = (char)p[j++];
			name[k] = '\0';
			return k > 0;
		}
	}
	return false;
}

enum enc
html_encoding(const unsigned char *p, size_t n, char *name, size_t cap)
{
	static const char *const latin[] = { "iso-8859-1", "iso8859-1", "latin1",
		"windows-1252", "cp1252", "us-ascii", "ascii", NULL };
	size_t hi = 0;
	bool valid;
	enum enc e;

	name[0] = '\0';
	if (n == 0)
		return ENC_EMPTY;
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		return ENC_UTF8_BOM;
	if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE)
		return ENC_UTF16LE_BOM;
	if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF)
		return ENC_UTF16BE_BOM;
	while (hi < n && p[hi] < 0x80)
		hi++;
	/* Bytes that are UTF-8 are UTF-8, whatever the page declares:
	 * browsers save pages as UTF-8 and keep the old charset. */
	if (hi == n || utf8_valid_prefix((const char *)p + hi, n - hi) == n - hi)
		return ENC_UTF8;
	if (declared_charset(p, n, name, cap)) {
		bool untrusted = false;

		for (int k = 0; latin[k]; k++)
			untrusted |= strcasecmp(name, latin[k]) == 0;
		if (!untrusted && enc_from_name(name, &e) == 0 && e != ENC_UTF8 &&
		    e != ENC_UTF16LE_BOM && e != ENC_UTF16LE && e != ENC_UTF16BE)
			return e;
	}
	name[0] = '\0';
	/* Detection, from the first non-ASCII byte: a page can open with
	 * more than the detector's prefix of markup and script. */
	e = detect_encoding(p + hi, n - hi, true, &valid);
	return e == ENC_UTF8_BOM || e == ENC_EMPTY ? ENC_UTF8 : e;
}
