/*
 * Fuzzes zh-split-sections' engine: the heading recogniser, the section
 * tree, enumerations, parts and sentences, fed a buffer of zhtsv lines
 * through ss_feed_buffer (no files, no main.c).
 *
 * Byte 0 picks the options (bit 0 --keep-markers, bit 1 --sentences);
 * the rest is the input.  Properties: every output row has a well-formed
 * sect path (digits and single dots), a known kind and part; with
 * --keep-markers the texts of the rows of one input line rebuild that
 * line's text; marker parsing never reads past its input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "marker.h"
#include "engine.h"
#include "tsv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) abort(); } while (0)

struct ctx {
	struct ss_opts o;
	struct buf joined;      /* texts of the current input line, joined */
	unsigned long rows;
};

/* 3.2.1, 0, or an annex's A2.0, A2.1.3 */
static void
check_path(const char *p)
{
	int digits = 0;

	CHECK(*p);
	if (*p == 'A') {
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
		CHECK(digits > 0 && *p == '.');
		p++;
		digits = 0;
	}
	for (; *p; p++) {
		if (*p == '.') {
			CHECK(digits > 0);
			digits = 0;
		} else {
			CHECK(*p >= '0' && *p <= '9');
			digits++;
		}
	}
	CHECK(digits > 0);
}

static void
on_emit(void *arg, const struct ss_row_out *e)
{
	static const char *const kinds[] = {
		"title", "heading", "para", "item", "sentence", "docnum",
		"addressee", "signature", "date", "note", "annexlist", "annex",
		NULL
	};
	static const char *const parts[] = {
		"measures", "shortfalls", "rectification", "plans", "duty",
		"aims", "tasks", "safeguards", "annex", "other", NULL
	};
	struct ctx *c = arg;
	const char *const *k;

	c->rows++;
	check_path(e->sect);
	for (k = kinds; *k && strcmp(*k, e->kind) != 0; k++)
		;
	CHECK(*k);
	for (k = parts; *k && strcmp(*k, e->part) != 0; k++)
		;
	CHECK(*k);
	if (!c->o.sentences)
		CHECK(strcmp(e->kind, "sentence") != 0);
	if (c->o.keep_markers)
		buf_add(&c->joined, e->text, e->text_len);
}

/* One line at a time, so that the joined texts can be compared with it
 * (the engine holds a row back at most until the next one). */
static void
run_lines(struct ctx *c, const char *in, size_t n)
{
	struct ss *s = ss_new(&c->o, on_emit, c);
	struct buf want = { 0 };
	size_t pos = 0;

	buf_clear(&c->joined);
	while (pos < n) {
		const char *nl = memchr(in + pos, '\n', n - pos);
		size_t ll = nl ? (size_t)(nl - in - pos) : n - pos;
		const char *tab = NULL;

		for (size_t i = ll; i > 0; i--)
			if (in[pos + i - 1] == '\t') {
				tab = in + pos + i - 1;
				break;
			}
		{
			size_t ts = tab ? (size_t)(tab - in) + 1 : pos;
			size_t tl = pos + ll - ts;

			buf_add(&want, in + ts, tl);
			want.len = (want.len - tl) + tsv_unescape(want.s + want.len - tl, tl);
		}
		pos += ll + 1;
	}
	ss_feed_buffer(s, "fuzz", in, n);
	ss_free(s);
	/* Invalid UTF-8 is replaced by tsv_run, not here: compare only when
	 * the texts were valid; ss_feed_buffer passes them as they are. */
	if (c->o.keep_markers)
		CHECK(c->joined.len == want.len &&
		    (want.len == 0 || memcmp(c->joined.s, want.s, want.len) == 0));
	buf_free(&want);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ctx c;
	struct ss_marker m;
	char *in;

	if (size == 0)
		return 0;
	c.o.keep_markers = data[0] & 1;
	c.o.sentences = (data[0] & 2) != 0;
	c.rows = 0;
	data++;
	size--;

	/* exact-size copy, so ASan sees any read past the end */
	in = malloc(size ? size : 1);
	memcpy(in, data, size);
	(void)ss_marker_heading(in, size, &m);
	for (size_t i = 0; i < size && i < 64; i++) {
		unsigned num;
		unsigned char style;

		(void)ss_marker_item(in + i, size - i, &num, &style);
		(void)ss_marker_boundary(in + i, size - i);
	}
	run_lines(&c, in, size);
	free(in);
	return 0;
}
