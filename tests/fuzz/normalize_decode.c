/*
 * Fuzzes zh-normalize's encoding detection and decoding, then the whole
 * per-document pipeline (repair, text rewriting, chrome window), on one
 * document held in memory.
 *
 * Byte 0 picks the options: bits 0-3 force an encoding (0: detect),
 * bit 4 --keep-chrome, bit 5 --punct=ascii, bits 6-7 --to-simplified /
 * --to-traditional.  Properties: a decoder that is not UTF-8 writes valid
 * UTF-8 apart from its 0xFF markers; every line is accounted for (lines
 * in = rows out + blank + chrome dropped).
 */
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "decode.h"
#include "input.h"
#include "normalize.h"
#include "out.h"
#include "utf8.h"
#include "zhconv.h"
#include "fuzzmem.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int forced_enc[16] = { -1, ENC_UTF8, ENC_UTF8_BOM, ENC_UTF16LE,
    ENC_UTF16BE, ENC_UTF16LE_BOM, ENC_UTF16BE_BOM, ENC_GB18030, ENC_BIG5,
    -1, -1, -1, -1, -1, -1, -1 };

/* Valid UTF-8 once the decoder's 0xFF markers are skipped. */
static int
valid_but_markers(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		i += utf8_valid_prefix(s + i, n - i);
		if (i < n && (unsigned char)s[i] != 0xFF)
			return 0;
		if (i < n)
			i++;
	}
	return 1;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_stdout_null();
	cli_init("fuzz");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct norm *nm[8];
	struct norm_opts o = {
		.text = { .width = true, .space = true, .cjk_space = true,
		    .control = true, .punct = PUNCT_KEEP },
		.repair = true, .chrome = true, .script = true,
	};
	const struct doc_stats *st;
	struct zlines *lr;
	struct zline ln;
	struct dec *d;
	enum enc e;
	unsigned long lines = 0;
	int opt, k;

	if (size < 1)
		return 0;
	opt = data[0];
	data++;
	size--;
	o.keep_chrome = (opt & 0x10) != 0;
	if (opt & 0x20)
		o.text.punct = PUNCT_ASCII;
	o.conv = (opt >> 6) == 1 ? ZC_TO_SIMPLIFIED : (opt >> 6) == 2 ? ZC_TO_TRADITIONAL : 0;
	/* One pipeline per option set, kept: building one loads tables. */
	k = (opt >> 4) & 7;
	if (!nm[k])
		nm[k] = norm_new(&o);

	d = dec_open(NULL, data, size, forced_enc[opt & 15], NULL, &e);
	norm_doc_begin(nm[k], "fuzz", "fuzz");
	if (e != ENC_BINARY) {
		norm_doc_decoded(nm[k], e != ENC_UTF8 && e != ENC_UTF8_BOM);
		lr = zlines_new_fn(dec_read, d, ZL_CR_EOL);
		while (zlines_next(lr, &ln) == 1) {
			if (e != ENC_UTF8 && e != ENC_UTF8_BOM && e != ENC_EMPTY)
				FUZZ_ASSERT(valid_but_markers(ln.s, ln.len));
			norm_line(nm[k], ln.lineno, ln.s, ln.len);
			lines++;
		}
		zlines_free(lr);
	}
	norm_doc_end(nm[k]);
	st = norm_stats(nm[k]);
	FUZZ_ASSERT(st->lines_in == lines);
	if (o.keep_chrome)
		FUZZ_ASSERT(st->lines_in == st->lines_out + st->blank);
	else
		FUZZ_ASSERT(st->lines_in == st->lines_out + st->blank + st->chrome);
	dec_close(d);
	out_len = 0;
	return 0;
}
