/*
 * The damage model of the repair pass, as code: takes clean text and
 * produces each form of damage the way the converters on government
 * sites do, using glibc's iconv CP936 (independent of the repair's own
 * table).  Used by tests/unit/normalize_repair.c.
 */
#ifndef ZH_REPAIR_SIM_H
#define ZH_REPAIR_SIM_H

#include <iconv.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

static iconv_t sim_to936 = (iconv_t)-1, sim_from936 = (iconv_t)-1;

static int
sim_init(void)
{
	sim_to936 = iconv_open("CP936", "UTF-8");
	sim_from936 = iconv_open("UTF-8", "CP936");
	return sim_to936 != (iconv_t)-1 && sim_from936 != (iconv_t)-1;
}

/* UTF-8 -> CP936 bytes; -1 when a character has no CP936 code. */
static int
sim_encode(const char *u, size_t n, unsigned char *out, size_t cap)
{
	char *in = (char *)u, *o = (char *)out;
	size_t il = n, ol = cap;

	iconv(sim_to936, NULL, NULL, NULL, NULL);
	if (iconv(sim_to936, &in, &il, &o, &ol) == (size_t)-1)
		return -1;
	return (int)(cap - ol);
}

/* Decodes CP936 bytes b[0..n) into out, appending; -1 on any error. */
static int
sim_decode(const unsigned char *b, size_t n, struct buf *out)
{
	char tmp[4096], *in = (char *)b, *o = tmp;
	size_t il = n, ol = sizeof(tmp);

	iconv(sim_from936, NULL, NULL, NULL, NULL);
	if (iconv(sim_from936, &in, &il, &o, &ol) == (size_t)-1)
		return -1;
	buf_add(out, tmp, sizeof(tmp) - ol);
	return 0;
}

/* A well-formed pair unassigned in CP936 decodes to nothing. */
static int
sim_pair(unsigned a, unsigned b, struct buf *out)
{
	unsigned char p[2] = { (unsigned char)a, (unsigned char)b };

	return sim_decode(p, 2, out) == 0;
}

/*
 * Misaligned decoding: the first byte shows as '?', pairs are read one
 * byte late, unassigned pairs vanish (counted in *drops), a lead byte
 * before a byte below 0x40 vanishes alone, and the first ASCII byte puts
 * the decoder back in step.  *lost is 1 when no ASCII byte came and the
 * last character was cut in half, 2 when the decoder got back in step on a
 * byte that no pair can hold (0x80, 0xFF), a case not modelled.
 */
static int
sim_misalign(const char *clean, struct buf *out, int *drops, int *lost)
{
	unsigned char b[4096];
	int n = sim_encode(clean, strlen(clean), b, sizeof(b)), p = 1;

	*drops = 0;
	*lost = 0;
	buf_clear(out);
	if (n < 2)
		return -1;
	buf_addc(out, '?');
	while (p < n) {
		unsigned c = b[p];

		if (c < 0x80)
			return sim_decode(b + p, (size_t)(n - p), out);
		if (c == 0x80 || c == 0xFF) {
			/* back in step without an ASCII byte: not modelled */
			*lost = 2;
			return 0;
		}
		if (p + 1 >= n) {
			*lost = 1;
			return 0;
		}
		if (b[p + 1] < 0x40 || b[p + 1] == 0x7F || b[p + 1] == 0xFF) {
			p++;
			continue;
		}
		if (!sim_pair(c, b[p + 1], out))
			(*drops)++;
		p += 2;
	}
	*lost = 1;
	return 0;
}

/*
 * A byte-level annotator's reading put between the two bytes of the
 * character at byte offset `at` of clean (whose CP936 trail byte is
 * ASCII): the decoder drops the lead with the '(' as one '?'.
 */
static int
sim_split(const char *clean, size_t at, size_t len, const char *syl, struct buf *out)
{
	unsigned char b[8];
	int n = sim_encode(clean + at, len, b, sizeof(b));

	if (n != 2 || b[1] < 0x40 || b[1] >= 0x7F)
		return -1;
	buf_clear(out);
	buf_add(out, clean, at);
	buf_addc(out, '?');
	buf_adds(out, syl);
	buf_addc(out, ')');
	buf_addc(out, (char)b[1]);
	buf_adds(out, clean + at + len);
	return 0;
}

/* GB bytes shown as Latin-1 (CP1252 gives the same bytes back). */
static int
sim_latin1(const char *clean, struct buf *out)
{
	unsigned char b[4096];
	int n = sim_encode(clean, strlen(clean), b, sizeof(b)), i;

	if (n < 0)
		return -1;
	buf_clear(out);
	for (i = 0; i < n; i++)
		buf_add_utf8(out, b[i]);
	return 0;
}

/* UTF-8 bytes read as CP936; -1 when a pair does not decode (then the
 * damage is not reversible and the case is not used). */
static int
sim_utf8_as_gbk(const char *clean, struct buf *out)
{
	const unsigned char *b = (const unsigned char *)clean;
	size_t n = strlen(clean), p = 0;

	buf_clear(out);
	while (p < n) {
		if (b[p] < 0x80) {
			buf_addc(out, (char)b[p++]);
			continue;
		}
		if (p + 1 >= n || !sim_pair(b[p], b[p + 1], out))
			return -1;
		p += 2;
	}
	return 0;
}

#endif
