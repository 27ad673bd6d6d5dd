/* Unit tests of zh-normalize's pieces: encoding detection, the text
 * rewriting rules and the phrase-aware script converter. */
#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "decode.h"
#include "normalize.h"
#include "out.h"
#include "test.h"
#include "text.h"
#include "zhconv.h"

int main(void);

static enum enc
det(const char *s, size_t n)
{
	bool valid;

	return detect_encoding((const unsigned char *)s, n, true, &valid);
}

static int
norm_is(const struct text_opts *o, const char *in, const char *want)
{
	struct buf b = { 0 };
	unsigned long ctl = 0;
	int ok;

	text_normalize(o, in, strlen(in), &b, &ctl);
	ok = b.len == strlen(want) && memcmp(b.s, want, b.len) == 0;
	if (!ok)
		printf("  got '%s', want '%s'\n", b.s, want);
	buf_free(&b);
	return ok;
}

static int
conv_is(struct zhconv *zc, const char *in, const char *want)
{
	struct buf b = { 0 };
	int ok;

	zhconv_run(zc, in, strlen(in), &b);
	ok = b.len == strlen(want) && memcmp(b.s, want, b.len) == 0;
	if (!ok)
		printf("  got '%s', want '%s'\n", b.s, want);
	buf_free(&b);
	return ok;
}

int
main(void)
{
	struct text_opts o = { .width = true, .space = true, .cjk_space = true,
		.control = true, .punct = PUNCT_KEEP };
	/* 中文 in GB18030 and in Big5, repeated to 40+ characters. */
	static const char gb[] = "\xd6\xd0\xce\xc4\xb5\xc4\xd2\xbb\xca\xc7\xd4\xda"
	    "\xb2\xbb\xc1\xcb\xd3\xd0\xba\xcd\xc8\xcb\xd5\xe2\xd6\xd0\xb4\xf3"
	    "\xce\xaa\xc9\xcf\xb8\xf6\xb9\xfa\xce\xd2\xd2\xd4\xd2\xaa\xcb\xfb"
	    "\xca\xb1\xc0\xb4\xd3\xc3\xc3\xc7\xc9\xfa\xb5\xbd\xd7\xf7\xb5\xd8"
	    "\xd3\xda\xb3\xf6\xbe\xcd\xb7\xd6\xb6\xd4\xb3\xc9\xbb\xe1\xbf\xc9"
	    "\xd6\xf7\xb7\xa2\xc4\xea\xb6\xaf\xcd\xac\xb9\xa4\xd2\xb2\xc4\xdc\n";
	static const char big5[] = "\xa4\xa4\xa4\xe5\xaa\xba\xa4\x40\xac\x4f\xa6\x62"
	    "\xa4\xa3\xa4\x46\xa6\xb3\xa9\x4d\xa4\x48\xb3\x6f\xa4\xa4\xa4\x6a"
	    "\xac\xb0\xa4\x57\xad\xd3\xb0\xea\xa7\xda\xa5\x48\xad\x6e\xa5\x4c"
	    "\xae\xc9\xa8\xd3\xa5\xce\xad\xcc\xa5\xcd\xa8\xec\xa7\x40\xa6\x61"
	    "\xa9\xf3\xa5\x58\xb4\x4e\xa4\xc0\xb9\xef\xa6\xa8\xb7\x7c\xa5\x69"
	    "\xa5\x44\xb5\x6f\xa6\x7e\xb0\xca\xa6\x50\xa4\x75\xa4\x5d\xaf\xe0\n";
	static const char u16le[] = "\x2d\x4e\x87\x65\x0a\x00\x41\x00\x0a\x00";
	struct zhconv *t2s, *s2t;

	CHECK(det("", 0) == ENC_EMPTY, "detect: empty");
	CHECK(det("abc\n", 4) == ENC_UTF8, "detect: ASCII is UTF-8");
	CHECK(det("\xef\xbb\xbf" "a", 4) == ENC_UTF8_BOM, "detect: UTF-8 BOM");
	CHECK(det("\xff\xfe" "a\0", 4) == ENC_UTF16LE_BOM, "detect: UTF-16LE BOM");
	CHECK(det("\xfe\xff\0a", 4) == ENC_UTF16BE_BOM, "detect: UTF-16BE BOM");
	CHECK(det(u16le, sizeof u16le - 1) == ENC_UTF16LE, "detect: UTF-16LE by NULs");
	CHECK(det(gb, sizeof gb - 1) == ENC_GB18030, "detect: GB18030");
	CHECK(det(big5, sizeof big5 - 1) == ENC_BIG5, "detect: Big5");
	CHECK(det("a\0b\0\0\0\0\0\0\0\0\0\0\0", 14) == ENC_BINARY, "detect: mostly NUL");

	CHECK(norm_is(&o, "  2025 年　计划  ", "2025年计划"), "text: digit-CJK space, trim");
	CHECK(norm_is(&o, "报 告 书", "报告书"), "text: letter-spaced title");
	CHECK(norm_is(&o, "“甲乙丙丁 戊己庚辛”", "“甲乙丙丁 戊己庚辛”"), "text: slogan space kept");
	CHECK(norm_is(&o, "Open\xc2\xa0\xc2\xa0" "Data", "Open Data"), "text: NBSP run");
	CHECK(norm_is(&o, "ＡＢＣ１２３％", "ABC123％"), "text: width, punctuation kept");
	CHECK(norm_is(&o, "a\tb\x01" "c", "a b c"), "text: controls");
	o.punct = PUNCT_ASCII;
	CHECK(norm_is(&o, "是，否。", "是,否."), "text: --punct=ascii");
	o.punct = PUNCT_CJK;
	CHECK(norm_is(&o, "是,否 x,y", "是，否 x,y"), "text: --punct=cjk");

	t2s = zhconv_new(ZC_TO_SIMPLIFIED);
	s2t = zhconv_new(ZC_TO_TRADITIONAL);
	CHECK(conv_is(t2s, "著力推進，隨著發展，顯著提升", "着力推进，随着发展，显著提升"),
	    "zhconv: 著 by phrase");
	CHECK(conv_is(t2s, "程序", "程序"), "zhconv: no phrase localisation");
	CHECK(conv_is(s2t, "发展", "發展"), "zhconv: s2tw");
	CHECK(zhconv_script_of(0x5B78) == 1 && zhconv_script_of(0x5B66) == 2,
	    "zhconv: script evidence of 學 and 学");
	zhconv_free(t2s);
	zhconv_free(s2t);

	{
		/* The in-memory pipeline: head chrome, title, body, tail. */
		static const char doc[] = "当前位置：首页 > 工作动态\n示例单位工作报告\n"
		    "　　一、全年办理事项十二件，按期办结。\n分享到：\n";
		struct norm_opts no = { .text = o, .repair = true, .chrome = true };
		struct norm *nm;
		const struct doc_stats *st;

		no.text.punct = PUNCT_KEEP;
		nm = norm_new(&no);
		CHECK(norm_buffer_enc(nm, "d", (const unsigned char *)doc, sizeof doc - 1) ==
		    ENC_UTF8, "buffer: UTF-8 document");
		st = norm_stats(nm);
		CHECK(st->lines_in == 4 && st->lines_out == 2 && st->chrome == 2,
		    "buffer: chrome at head and tail dropped");
		CHECK(strcmp(norm_title(nm), "示例单位工作报告") == 0, "buffer: title");
		out_len = 0;    /* the rows are not this test's business */
		norm_free(nm);
	}
	return test_failed;
}
