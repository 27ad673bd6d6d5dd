/*
 * Fuzzes the TSV reader of common/tsv: tsv_run over a memory file (one
 * or two inputs, with or without -H), the escapes and field splitting.
 *
 * Byte 0 picks the options; the rest is the file.  Properties: every
 * line becomes exactly one row (or the header), rows carry valid UTF-8
 * text and a prefix with the column count they claim, escaping round
 * trips (tsv_escape and out_escaped alike), and the fields tsv_field()
 * returns rebuild the line.
 */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "input.h"
#include "out.h"
#include "tsv.h"
#include "utf8.h"
#include "fuzzmem.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct ctx {
	unsigned long rows, last_lineno;
	struct buf esc;
};

static int
on_row(void *vctx, struct tsv_row *row)
{
	struct ctx *c = vctx;
	size_t n;

	c->rows++;
	FUZZ_ASSERT(row->lineno > c->last_lineno);
	c->last_lineno = row->lineno;
	FUZZ_ASSERT(utf8_valid(row->text, row->text_len));
	if (row->ncols)
		FUZZ_ASSERT(tsv_nfields(row->prefix, row->prefix_len) == row->ncols);
	FUZZ_ASSERT(memchr(row->prefix, '\n', row->prefix_len) == NULL);

	buf_clear(&c->esc);
	buf_grow(&c->esc, 2 * row->text_len);
	n = tsv_escape(row->text, row->text_len, c->esc.s);
	FUZZ_ASSERT(memchr(c->esc.s, '\t', n) == NULL && memchr(c->esc.s, '\n', n) == NULL);
	FUZZ_ASSERT(tsv_unescape(c->esc.s, n) == row->text_len);
	FUZZ_ASSERT(memcmp(c->esc.s, row->text, row->text_len) == 0);
	n = tsv_escape(row->text, row->text_len, c->esc.s);

	/* out_escaped (the buffered writer's fast path) must agree with
	 * tsv_escape; checked in the buffer, before anything is flushed. */
	if (2 * row->text_len < OUT_BUFSIZE) {
		out_flush();
		out_escaped(row->text, row->text_len);
		FUZZ_ASSERT(out_len == n && memcmp(out_buf, c->esc.s, n) == 0);
		out_len = 0;
	}
	tsv_out_prefix(row);
	tsv_out_field("x", 1);
	tsv_out_last(row->text, row->text_len);
	return 0;
}

static void
on_end(void *vctx, const char *file)
{
	struct ctx *c = vctx;

	(void)file;
	c->last_lineno = 0;
}

static size_t
count_lines(const uint8_t *p, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += p[i] == '\n';
	return k + (n && p[n - 1] != '\n');
}

static void
check_fields(const uint8_t *p, size_t n)
{
	const char *s = (const char *)p;
	size_t nf = tsv_nfields(s, n), start, len, pos = 0;

	for (size_t i = 0; i < nf; i++) {
		FUZZ_ASSERT(tsv_field(s, n, i, &start, &len));
		FUZZ_ASSERT(start == pos && start + len <= n);
		FUZZ_ASSERT(memchr(s + start, '\t', len) == NULL);
		pos = start + len + 1;
	}
	FUZZ_ASSERT(pos == n + 1);
	FUZZ_ASSERT(!tsv_field(s, n, nf, &start, &len));
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
	static const char *const cols[] = { "x", "text", NULL };
	static struct ctx c;
	struct tsv_job job = { .out_cols = cols, .row = on_row,
	    .end_input = on_end, .ctx = &c };
	char *files[2];
	size_t lines;
	int nfiles;
	uint8_t opt;

	if (size < 1)
		return 0;
	opt = data[0];
	data++;
	size--;
	job.header = opt & 1;
	nfiles = opt & 2 ? 2 : 1;

	check_fields(data, size);
	/* A PDF, an executable ...: refused whole, no rows to count. */
	if (zin_signature(data, size, NULL))
		return 0;
	files[0] = files[1] = (char *)fuzz_memfile(0, data, size);
	c.rows = c.last_lineno = 0;
	tsv_run(&job, nfiles, files);
	lines = count_lines(data, size);
	if (job.header && lines)
		lines--;
	/* gzip input decodes to other lines: only plain input is counted. */
	if (size < 2 || data[0] != 0x1f || data[1] != 0x8b)
		FUZZ_ASSERT(c.rows == lines * (size_t)nfiles);
	/* Output is not examined here; keep the buffer from growing stale. */
	out_flush();
	return 0;
}
