#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>

#include "cli.h"
#include "dbcs.h"
#include "utf8.h"

uint32_t *dbcs_gb2, *dbcs_gb4, *dbcs_big5;
uint32_t *dbcs_gb2u8, *dbcs_big5u8;

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

	dbcs_gb2 = build_dbcs("GB18030");
	dbcs_gb4 = xcalloc(GB4_SIZE, sizeof *dbcs_gb4);
	if ((cd = iconv_open("UTF-32LE", "GB18030")) == (iconv_t)-1)
		zdie("iconv cannot convert from GB18030");
	for (unsigned i = 0; i < GB4_SIZE; i++) {
		c[0] = (unsigned char)(0x81 + i / 12600);
		c[1] = (unsigned char)(0x30 + i / 1260 % 10);
		c[2] = (unsigned char)(0x81 + i / 10 % 126);
		c[3] = (unsigned char)(0x30 + i % 10);
		dbcs_gb4[i] = iconv_one(cd, c, 4);
	}
	iconv_close(cd);
}

void
dbcs_need(enum enc e)
{
	if (e == ENC_GB18030 && !dbcs_gb2) {
		build_gb();
		dbcs_gb2u8 = packed_utf8(dbcs_gb2);
	}
	if (e == ENC_BIG5 && !dbcs_big5) {
		dbcs_big5 = build_dbcs("CP950");
		dbcs_big5u8 = packed_utf8(dbcs_big5);
	}
}
