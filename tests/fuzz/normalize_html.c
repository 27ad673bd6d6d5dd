/*
 * Fuzzes zh-normalize's HTML reader: charset choice, decoding, the
 * gumbo tree walk, the article pass and the rows, on one page held in
 * memory.
 *
 * Byte 0 picks the options: bit 0 --keep-chrome, bit 1 --no-chrome,
 * bit 2 --punct=ascii, bit 3 --to-simplified.  Properties: every line of
 * the page is accounted for (lines in = rows out + blank + chrome
 * dropped), and the title for --meta is valid UTF-8 without tabs or
 * newlines.  Bit 4 also parses the bytes in pieces of 32 to 256 bytes
 * (bits 5-7), as a page over HTML_CHUNK is, and checks the shape of the
 * elements and lines.
 */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "article.h"
#include "cli.h"
#include "html.h"
#include "normalize.h"
#include "out.h"
#include "utf8.h"
#include "zhconv.h"
#include "fuzzmem.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	static struct norm *nm[16];
	static struct buf page;
	struct norm_opts o = {
		.text = { .width = true, .space = true, .cjk_space = true,
		    .control = true, .punct = PUNCT_KEEP },
		.repair = true, .chrome = true, .script = true,
	};
	const struct doc_stats *st;
	const char *t;
	int opt, k;

	if (size < 1)
		return 0;
	opt = data[0];
	data++;
	size--;
	o.keep_chrome = (opt & 1) != 0;
	o.chrome = (opt & 2) == 0;
	if (opt & 4)
		o.text.punct = PUNCT_ASCII;
	o.conv = (opt & 8) ? ZC_TO_SIMPLIFIED : 0;
	k = opt & 15;
	if (!nm[k])
		nm[k] = norm_new(&o);
	norm_html_buffer(nm[k], "fuzz", data, size, &page);
	st = norm_stats(nm[k]);
	if (o.keep_chrome)
		FUZZ_ASSERT(st->lines_in == st->lines_out + st->blank);
	else
		FUZZ_ASSERT(st->lines_in == st->lines_out + st->blank + st->chrome);
	t = norm_title(nm[k]);
	FUZZ_ASSERT(utf8_valid(t, strlen(t)));
	FUZZ_ASSERT(!strchr(t, '\t') && !strchr(t, '\n'));
	if (opt & 16) {
		static struct hpage pg;
		static struct article a;

		pg.piece = 32u << ((opt >> 5) % 4);
		html_parse(&pg, (const char *)data, size);
		FUZZ_ASSERT(html_well_formed(&pg));
		article_select(&a, &pg, NULL);
		pg.piece = 0;
	}
	out_len = 0;
	return 0;
}
