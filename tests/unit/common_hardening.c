/*
 * Regression tests for bugs found by hardening common/, and a stand-in
 * program for the bad-input matrix (tests/t-hardening-badinput.sh) so
 * the common layer is exercised like a real tool, with its own build
 * (normal and ASan):
 *   common_hardening                   run the regression checks
 *   common_hardening --tsv [-H] [FILE...]   tsv_run: prefix, length, text
 *   common_hardening --lines [FILE...]      zin + zlines: number, line
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "cli.h"
#include "input.h"
#include "out.h"
#include "tsv.h"
#include "utf8.h"
#include "test.h"

int main(int argc, char **argv);

static int
cat_row(void *ctx, struct tsv_row *row)
{
	(void)ctx;
	tsv_out_prefix(row);
	out_ulong(utf8_count(row->text, row->text_len));
	out_tab();
	tsv_out_last(row->text, row->text_len);
	return 0;
}

static int
tsv_cat(int argc, char **argv)
{
	static const char *const cols[] = { "len", "text", NULL };
	struct tsv_job job = { .out_cols = cols, .row = cat_row };

	if (argc > 0 && strcmp(argv[0], "-H") == 0) {
		job.header = true;
		argc--;
		argv++;
	}
	tsv_run(&job, argc, argv);
	return cli_exit();
}

static int
lines_cat(int argc, char **argv)
{
	char *dash[] = { "-" };

	if (argc == 0) {
		argc = 1;
		argv = dash;
	}
	for (int i = 0; i < argc; i++) {
		struct zin *in = zin_open(argv[i]);
		struct zlines *lr;
		struct zline ln;

		if (!in)
			continue;
		lr = zlines_new(in, 0);
		while (zlines_next(lr, &ln) > 0) {
			out_ulong(ln.lineno);
			out_tab();
			out_escaped(ln.s, ln.len);
			out_nl();
		}
		zlines_free(lr);
		if (zin_close(in) < 0)
			zfail();
	}
	return cli_exit();
}

/* out.h must hand whole rows to write(2), so that a run killed between
 * two writes (SIGINT, SIGTERM) leaves no partial row behind. */
static void
test_out_whole_rows(void)
{
	char tmpl[] = "/tmp/zh-out-XXXXXX";
	char row[1000], *got;
	int fd = mkstemp(tmpl), saved = dup(STDOUT_FILENO);
	off_t size;

	if (fd < 0 || saved < 0) {
		CHECK(0, "out: whole rows (temp file)");
		return;
	}
	unlink(tmpl);
	fflush(stdout);
	dup2(fd, STDOUT_FILENO);
	memset(row, 'x', sizeof row);
	row[sizeof row - 1] = '\n';
	/* 70 rows of 1000 bytes, written in pieces as programs do (prefix,
	 * fields, escaped text): the 64 KiB buffer fills mid-row. */
	for (int i = 0; i < 70; i++) {
		out_write(row, 300);
		out_char('x');
		out_escaped(row, 698);
		out_nl();
	}
	size = lseek(fd, 0, SEEK_END);
	got = malloc(size > 0 ? (size_t)size : 1);
	if (size > 0 && pread(fd, got, (size_t)size, 0) != size)
		size = -1;
	/* Drop what is still buffered; the test owns stdout again. */
	out_len = 0;
	dup2(saved, STDOUT_FILENO);
	close(saved);
	close(fd);
	CHECK(size > 0, "out: a full buffer is written before close");
	CHECK(size > 0 && size % 1000 == 0 && got[size - 1] == '\n',
	    "out: only whole rows are written while running");
	free(got);
}

/* A gzip bomb of short lines (about 250:1, far under deflate's 1030:1
 * ceiling) must be refused early, not decoded to the end. */
static void
test_gzip_bomb(void)
{
	char tmpl[] = "/tmp/zh-bomb-XXXXXX";
	static char line[256], out[1 << 16];
	unsigned char *gz = malloc(1 << 20);
	unsigned long long total = 0;
	z_stream z;
	struct zin *in;
	ssize_t n;
	int fd = mkstemp(tmpl);

	memset(line, 'a', sizeof line - 1);
	line[sizeof line - 1] = '\n';
	memset(&z, 0, sizeof z);
	deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
	z.next_out = gz;
	z.avail_out = 1 << 20;
	/* 64 MB of text in about 256 KB. */
	for (int i = 0; i < (1 << 18) && z.avail_out; i++) {
		z.next_in = (unsigned char *)line;
		z.avail_in = sizeof line;
		deflate(&z, Z_NO_FLUSH);
	}
	deflate(&z, Z_FINISH);
	if (fd < 0 || write(fd, gz, (size_t)(z.next_out - gz)) < 0) {
		CHECK(0, "gzip bomb (temp file)");
		return;
	}
	deflateEnd(&z);
	close(fd);
	in = zin_open(tmpl);
	while (in && (n = zin_read(in, out, sizeof out)) > 0)
		total += (unsigned long long)n;
	CHECK(in && zin_failed(in), "gzip bomb of short lines refused");
	CHECK(total < (48ull << 20), "gzip bomb stopped well before its end");
	zin_close(in);
	unlink(tmpl);
	free(gz);
}

int
main(int argc, char **argv)
{
	cli_init("common_hardening");
	if (argc > 1 && strcmp(argv[1], "--tsv") == 0)
		return tsv_cat(argc - 2, argv + 2);
	if (argc > 1 && strcmp(argv[1], "--lines") == 0)
		return lines_cat(argc - 2, argv + 2);
	test_out_whole_rows();
	test_gzip_bomb();
	return test_failed;
}
