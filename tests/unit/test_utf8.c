#include <string.h>

#include "buf.h"
#include "test.h"
#include "utf8.h"
#include "zhfold.h"

int main(void);

struct pieces { size_t n, bases[4], lens[4]; };

static void
note_piece(void *ctx, const char *piece, size_t n, size_t base)
{
	struct pieces *pc = ctx;

	(void)piece;
	if (pc->n < 4) {
		pc->bases[pc->n] = base;
		pc->lens[pc->n] = n;
	}
	pc->n++;
}

int
main(void)
{
	char enc[4];
	uint32_t cp;
	size_t pos;

	CHECK(utf8_count("中文ab", 8) == 4, "utf8: count mixed");
	CHECK(utf8_valid("\xe4\xb8\xad", 3), "utf8: valid 3-byte");
	CHECK(!utf8_valid("\xc0\xaf", 2), "utf8: overlong rejected");
	CHECK(!utf8_valid("\xed\xa0\x80", 3), "utf8: surrogate rejected");
	CHECK(!utf8_valid("\xf4\x90\x80\x80", 4), "utf8: above U+10FFFF rejected");
	CHECK(!utf8_valid("\xe4\xb8", 2), "utf8: truncated rejected");
	CHECK(utf8_count_invalid("a\xff" "b\xe4\xb8", 5) == 3, "utf8: invalid bytes counted one each");
	CHECK(utf8_count("a\xff" "b", 3) == 3, "utf8: invalid byte counts as one code point");
	pos = 1;
	cp = utf8_next("a\xff" "b", 3, &pos);
	CHECK(cp == UTF8_REPLACEMENT && pos == 2, "utf8: next on invalid gives U+FFFD, advances 1");
	CHECK(utf8_encode(0x1F600, enc) == 4 && memcmp(enc, "\xf0\x9f\x98\x80", 4) == 0, "utf8: encode 4-byte");
	CHECK(utf8_encode(0xD800, enc) == 3 && memcmp(enc, "\xef\xbf\xbd", 3) == 0, "utf8: encode surrogate as U+FFFD");
	for (uint32_t c = 0; c < 0x110000; c += 7) {
		int n = utf8_encode(c, enc);
		uint32_t back;

		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		if (utf8_decode((unsigned char *)enc, (size_t)n, &back) != n || back != c) {
			CHECK(0, "utf8: encode/decode round trip");
			break;
		}
		if (c + 7 >= 0x110000)
			CHECK(1, "utf8: encode/decode round trip");
	}
	{
		char out[32];
		size_t n = utf8_sanitize("a\xff\xfe" "b", 4, out);

		CHECK(n == 8 && memcmp(out, "a\xef\xbf\xbd\xef\xbf\xbd" "b", 8) == 0, "utf8: sanitize");
	}
	{
		struct utf8_cursor c = { 0, 0 };
		const char *s = "一二三abc";

		CHECK(utf8_cursor_advance(&c, s, 6) == 2, "utf8: cursor forward");
		CHECK(utf8_cursor_advance(&c, s, 10) == 4, "utf8: cursor forward again");
		CHECK(utf8_cursor_advance(&c, s, 3) == 1, "utf8: cursor back");
	}
	{
		struct buf b = { 0 };

		buf_add_utf8(&b, 0x4E2D);
		buf_adds(&b, "x");
		CHECK(b.len == 4 && strcmp(b.s, "中x") == 0, "buf: add utf8");
		buf_free(&b);
	}
	CHECK(zh_t2s_char(0x570B) == 0x56FD, "zhfold: 國 -> 国");
	CHECK(zh_t2s_char(0x4E2D) == 0x4E2D, "zhfold: 中 unchanged");
	CHECK(zh_fold(0xFF21) == 'A', "zhfold: full-width A");
	CHECK(utf8_is_han(0x4E00) && !utf8_is_han(0x3105), "utf8: is_han");
	{
		/* The window is the second half of max: (max / 2, max]. */
		const char *s = "一二。三四五", *t = "一二三四五六七八";

		CHECK(utf8_piece(s, 18, 64) == 18, "utf8: piece: all when it fits");
		CHECK(utf8_piece(s, 18, 12) == 9, "utf8: piece: cut after 。");
		CHECK(utf8_piece(t, 24, 16) == 15, "utf8: piece: no stop in the window: last boundary");
		CHECK(utf8_piece(t, 24, 14) == 12, "utf8: piece: never inside a character");
		CHECK(utf8_piece("ab\ncdefgh", 10, 4) == 3, "utf8: piece: cut after a newline");
		CHECK(utf8_piece("ab\ncdefgh", 10, 6) == 6, "utf8: piece: a stop before the window is not used");
	}
	CHECK(utf8_contains("马以a线", 0x7EBF) && utf8_contains("马以a线", 'a'),
	    "utf8: contains a Han character and an ASCII one");
	CHECK(!utf8_contains("马以a线", 0x4E0A) && !utf8_contains("马以a线", 0),
	    "utf8: contains neither an absent character nor NUL");
	{
		struct pieces pc = { 0 };
		const char *t = "一二三。四五六七八";   /* 27 bytes, 9 characters */

		utf8_pieces(t, strlen(t), note_piece, &pc);
		CHECK(pc.n == 1 && pc.bases[0] == 0 && pc.lens[0] == 27,
		    "utf8: pieces: a short row is one piece");
	}
	return test_failed;
}
