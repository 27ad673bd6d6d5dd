/* Unit tests of common/zhnum (numerals), zhfold's table and
 * utf8_next_fast against the strict decoder. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "test.h"
#include "utf8.h"
#include "zhfold.h"
#include "zhnum.h"

int main(void);

/* Decodes a UTF-8 literal into code points. */
static size_t
cps(const char *s, uint32_t *out)
{
	size_t pos = 0, n = 0, len = strlen(s);

	while (pos < len)
		out[n++] = utf8_next(s, len, &pos);
	return n;
}

static int
reads(const char *s, uint64_t value, size_t nchars)
{
	uint32_t f[32];
	size_t n = cps(s, f);
	struct zhnum z;

	return zhnum_read(f, 0, n, &z) && z.value == value && z.nchars == nchars;
}

static int
reads_none(const char *s)
{
	uint32_t f[32];
	size_t n = cps(s, f);
	struct zhnum z;

	return !zhnum_read(f, 0, n, &z);
}

/* Every byte string of up to three bytes from a set that covers ASCII,
 * leads, continuations and the E0/ED/F0/F4 edges decodes the same. */
static int
fast_equals_strict(void)
{
	static const unsigned char b[] = { 0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0,
		0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xE4, 0xEC, 0xED, 0xEE, 0xEF,
		0xF0, 0xF4, 0xF5, 0xFF };
	size_t nb = sizeof b;

	for (size_t i = 0; i < nb; i++)
		for (size_t j = 0; j < nb; j++)
			for (size_t k = 0; k < nb; k++)
				for (size_t len = 1; len <= 3; len++) {
					char s[3] = { (char)b[i], (char)b[j], (char)b[k] };
					size_t p1 = 0, p2 = 0;

					while (p1 < len) {
						if (utf8_next_fast(s, len, &p1) !=
						    utf8_next(s, len, &p2) || p1 != p2)
							return 0;
					}
				}
	return 1;
}

int
main(void)
{
	struct buf b = { 0 };
	char *before;

	CHECK(reads("三千二百万", 32000000, 5), "zhnum: 三千二百万");
	CHECK(reads("二〇二四年", 2024, 4), "zhnum: positional 二〇二四");
	CHECK(reads("十四五", 14, 2), "zhnum: 十四五 reads 十四");
	CHECK(reads("廿五", 25, 2), "zhnum: 廿五");
	CHECK(reads("百余人", 100, 1), "zhnum: 百 alone before 余");
	CHECK(reads_none("百人"), "zhnum: 百 alone before a word is none");
	CHECK(reads("貳拾", 20, 2), "zhnum: traditional financial 貳拾");
	CHECK(reads("兩萬", 20000, 2), "zhnum: traditional 兩萬");
	CHECK(reads("三十零", 30, 2), "zhnum: a trailing 零 is not part of it");
	CHECK(reads("一亿二千万", 120000000, 5), "zhnum: 亿 then 万");
	CHECK(reads_none("百姓"), "zhnum: 百姓 is a word");
	CHECK(reads_none("千万"), "zhnum: 千万 is a word");
	CHECK(reads_none("零容忍"), "zhnum: a lone 零 is none");
	CHECK(reads_none("陆续"), "zhnum: a lone financial form is none");
	CHECK(zhnum_digit(0x5169) == 2 && zhnum_digit(0x4EBA) == -1, "zhnum: digit table");
	CHECK(zhnum_unit(0x842C) == 10000 && zhnum_unit(0x4E00) == 0, "zhnum: unit table");

	CHECK(zh_fold(0x570B) == 0x56FD && zh_fold(0xFF10) == '0' &&
	    zh_fold(0x3000) == ' ' && zh_fold(0x4E2D) == 0x4E2D, "zhfold: table");
	CHECK(zh_t2s_char(0xFF21) == 0xFF21 && zh_t2s_char(0x570B) == 0x56FD,
	    "zhfold: t2s leaves width alone");
	CHECK(fast_equals_strict(), "utf8: utf8_next_fast equals utf8_next on edge bytes");

	buf_add(&b, "abc", 3);
	before = b.s;
	buf_grow(&b, 8);
	CHECK(b.s == before, "buf: buf_grow within capacity keeps the buffer");
	buf_grow(&b, 4096);
	CHECK(b.cap >= b.len + 4097 && memcmp(b.s, "abc", 4) == 0, "buf: buf_grow beyond capacity");
	buf_free(&b);
	return test_failed;
}
