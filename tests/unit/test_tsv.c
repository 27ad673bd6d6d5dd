/* zhtsv escapes, fields, and tsv_run's header and column handling. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out.h"
#include "test.h"
#include "tsv.h"

int main(void);

static char dir[] = "/tmp/zhtsv-tsv-XXXXXX";

static const char *
mkfile(const char *name, const char *content)
{
	static char p[8][256];
	static int k;
	char *path = p[k++ % 8];
	FILE *f;

	snprintf(path, 256, "%s/%s", dir, name);
	f = fopen(path, "wb");
	fputs(content, f);
	fclose(f);
	return path;
}

/* Echoes each row as prefix, ncols, text length, text. */
static int
echo_row(void *ctx, struct tsv_row *row)
{
	char n[32];

	(void)ctx;
	tsv_out_prefix(row);
	snprintf(n, sizeof n, "%zu", row->ncols);
	tsv_out_field(n, strlen(n));
	tsv_out_last(row->text, row->text_len);
	return 0;
}

/* Runs tsv_run on the files and returns what it wrote to stdout. */
static char *
run(bool header, int n, const char **files, int *status)
{
	static const char *const cols[] = { "ncols", "text", NULL };
	struct tsv_job job = { .out_cols = cols, .header = header, .row = echo_row };
	char outpath[256];
	static char got[4096];
	int fd, saved = dup(1);
	ssize_t r;

	snprintf(outpath, sizeof outpath, "%s/out", dir);
	fd = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 1);
	close(fd);
	*status = tsv_run(&job, n, (char **)files);
	out_flush();
	dup2(saved, 1);
	close(saved);
	fd = open(outpath, O_RDONLY);
	r = read(fd, got, sizeof got - 1);
	close(fd);
	got[r > 0 ? r : 0] = '\0';
	return got;
}

int
main(void)
{
	char s[64], esc[128];
	size_t n, k, start, len;
	int status;
	const char *f[2];

	if (!mkdtemp(dir))
		return 1;

	strcpy(s, "a\\tb\\\\c\\nd\\re\\x\\");
	n = tsv_unescape(s, strlen(s));
	CHECK(n == 12 && memcmp(s, "a\tb\\c\nd\re\\x\\", 12) == 0, "tsv: unescape, other backslashes literal");
	k = tsv_escape(s, n, esc);
	esc[k] = '\0';
	CHECK(strcmp(esc, "a\\tb\\\\c\\nd\\re\\\\x\\\\") == 0, "tsv: escape");
	k = tsv_unescape(esc, k);
	CHECK(k == n && memcmp(esc, s, n) == 0, "tsv: escape/unescape round trip");
	CHECK(tsv_nfields("a\tb\t\tc", 6) == 4, "tsv: field count");
	CHECK(tsv_field("a\tbb\t\tc", 7, 1, &start, &len) && start == 2 && len == 2, "tsv: field 1");
	CHECK(tsv_field("a\tbb\t\tc", 7, 2, &start, &len) && len == 0, "tsv: empty field");
	CHECK(!tsv_field("a\tb", 3, 2, &start, &len), "tsv: missing field");

	f[0] = mkfile("a.tsv", "d1\t1\tx\\ty\nd1\t2\tz\n");
	CHECK(strcmp(run(false, 1, f, &status), "d1\t1\t2\tx\\ty\nd1\t2\t2\tz\n") == 0 && status == 0,
	    "tsv_run: prefix passed through, text unescaped");

	f[0] = mkfile("h1.tsv", "doc\tline\ttext\nd1\t1\tx\n");
	f[1] = mkfile("h2.tsv", "doc\tline\ttext\nd2\t1\ty\n");
	CHECK(strcmp(run(true, 2, f, &status), "doc\tline\tncols\ttext\nd1\t1\t2\tx\nd2\t1\t2\ty\n") == 0,
	    "tsv_run: -H reads a header per input and writes one");

	f[0] = mkfile("e.tsv", "");
	CHECK(strcmp(run(true, 1, f, &status), "ncols\ttext\n") == 0, "tsv_run: -H on empty input names the columns");

	f[0] = mkfile("short.tsv", "d\t1\tx\nonly text\n");
	fprintf(stderr, "(expected diagnostic follows)\n");
	CHECK(strcmp(run(false, 1, f, &status), "d\t1\t2\tx\n\t\t2\tonly text\n") == 0,
	    "tsv_run: short row padded before the text");

	f[0] = mkfile("bad.tsv", "d\t\xff" "ok\n");
	fprintf(stderr, "(expected diagnostic follows)\n");
	CHECK(strcmp(run(false, 1, f, &status), "d\t1\t\xef\xbf\xbdok\n") == 0, "tsv_run: invalid UTF-8 replaced");

	f[0] = mkfile("nocr.tsv", "d\tx\r\n");
	CHECK(strcmp(run(false, 1, f, &status), "d\t1\tx\n") == 0, "tsv_run: CRLF input");

	f[0] = "/nonexistent/zhtsv.tsv";
	fprintf(stderr, "(expected diagnostic follows)\n");
	run(false, 1, f, &status);
	CHECK(status == 1, "tsv_run: unreadable input gives status 1");
	return test_failed;
}
