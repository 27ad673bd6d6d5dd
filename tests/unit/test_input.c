/* The line reader and gzip input, on files made here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "input.h"
#include "test.h"

int main(void);

static char tmpl[] = "/tmp/zhtsv-unit-XXXXXX";
static char path[256];

static void
write_file(const void *data, size_t n)
{
	FILE *f;

	snprintf(path, sizeof path, "%s/f", tmpl);
	f = fopen(path, "wb");
	fwrite(data, 1, n, f);
	fclose(f);
}

static void
write_gzip(const char *s, size_t n, int members, size_t truncate_by)
{
	unsigned char *all = NULL;
	size_t len = 0;

	for (int m = 0; m < members; m++) {
		z_stream z;
		unsigned char out[4096];

		memset(&z, 0, sizeof z);
		deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
		z.next_in = (unsigned char *)s;
		z.avail_in = (uInt)n;
		z.next_out = out;
		z.avail_out = sizeof out;
		deflate(&z, Z_FINISH);
		all = realloc(all, len + (sizeof out - z.avail_out));
		memcpy(all + len, out, sizeof out - z.avail_out);
		len += sizeof out - z.avail_out;
		deflateEnd(&z);
	}
	write_file(all, len - truncate_by);
	free(all);
}

/* Reads every line of path, joined with '|', into out. */
static int
read_lines(char *out, size_t cap, unsigned flags, unsigned long *last_lineno)
{
	struct zin *in = zin_open(path);
	struct zlines *lr;
	struct zline ln;
	size_t o = 0;
	int rc;

	if (!in)
		return -2;
	lr = zlines_new(in, flags);
	while ((rc = zlines_next(lr, &ln)) > 0) {
		if (o + ln.len + 2 < cap) {
			memcpy(out + o, ln.s, ln.len);
			o += ln.len;
			out[o++] = '|';
		}
		*last_lineno = ln.lineno;
	}
	out[o] = '\0';
	zlines_free(lr);
	zin_close(in);
	return rc;
}

int
main(void)
{
	char got[256];
	unsigned long last = 0;
	int rc;

	if (!mkdtemp(tmpl))
		return 1;

	write_file("a\nb\r\nc", 6);
	rc = read_lines(got, sizeof got, 0, &last);
	CHECK(rc == 0 && strcmp(got, "a|b|c|") == 0 && last == 3, "lines: LF, CRLF, no final newline");

	write_file("a\rb\r\nc\n\n", 8);
	rc = read_lines(got, sizeof got, ZL_CR_EOL, &last);
	CHECK(rc == 0 && strcmp(got, "a|b|c||") == 0 && last == 4, "lines: lone CR ends a line with ZL_CR_EOL");
	rc = read_lines(got, sizeof got, 0, &last);
	CHECK(rc == 0 && memcmp(got, "a\rb|c||", 7) == 0, "lines: lone CR is data by default");

	write_file("x\0y\nz", 5);
	{
		struct zin *in = zin_open(path);
		struct zlines *lr = zlines_new(in, 0);
		struct zline ln;

		rc = zlines_next(lr, &ln);
		CHECK(rc == 1 && ln.len == 3 && memcmp(ln.s, "x\0y", 3) == 0, "lines: NUL byte kept with length");
		zlines_free(lr);
		zin_close(in);
	}

	write_file("", 0);
	rc = read_lines(got, sizeof got, 0, &last);
	CHECK(rc == 0 && got[0] == '\0', "lines: empty file gives no line");

	{
		size_t big = 5u << 20;
		char *s = malloc(big + 3);
		struct zin *in;
		struct zlines *lr;
		struct zline ln;

		memset(s, 'a', big);
		s[big] = '\n';
		s[big + 1] = 'b';
		write_file(s, big + 2);
		in = zin_open(path);
		lr = zlines_new(in, 0);
		rc = zlines_next(lr, &ln);
		CHECK(rc == 1 && ln.len == big && ln.s[big - 1] == 'a', "lines: 5 MB line read whole");
		rc = zlines_next(lr, &ln);
		CHECK(rc == 1 && ln.len == 1 && ln.s[0] == 'b' && ln.lineno == 2, "lines: line after the 5 MB line");
		CHECK(zlines_next(lr, &ln) == 0, "lines: end after 5 MB line");
		zlines_free(lr);
		zin_close(in);
		free(s);
	}

	/* CR split across a read boundary must still pair with its LF. */
	{
		size_t n = (1u << 16) * 2 + 10;
		char *s = malloc(n);
		struct zin *in;
		struct zlines *lr;
		struct zline ln;
		int lines = 0, bad = 0;

		for (size_t i = 0; i < n; i++)
			s[i] = (i % 7 == 5) ? '\r' : (i % 7 == 6) ? '\n' : 'q';
		write_file(s, n);
		in = zin_open(path);
		lr = zlines_new(in, ZL_CR_EOL);
		while (zlines_next(lr, &ln) > 0) {
			lines++;
			if (ln.len != 5 && ln.had_eol)
				bad++;
		}
		CHECK(bad == 0 && lines == (int)((n + 6) / 7), "lines: CRLF across buffer boundaries");
		zlines_free(lr);
		zin_close(in);
		free(s);
	}

	write_gzip("one\ntwo\n", 8, 1, 0);
	rc = read_lines(got, sizeof got, 0, &last);
	CHECK(rc == 0 && strcmp(got, "one|two|") == 0, "gzip: plain member");

	write_gzip("one\ntwo\n", 8, 3, 0);
	rc = read_lines(got, sizeof got, 0, &last);
	CHECK(rc == 0 && strcmp(got, "one|two|one|two|one|two|") == 0, "gzip: concatenated members");

	{
		static char text[20000];

		for (size_t i = 0; i < sizeof text; i++)
			text[i] = (i % 50 == 49) ? '\n' : (char)('a' + (i * 7919) % 26);
		write_gzip(text, sizeof text, 1, 30);
		fprintf(stderr, "(expected diagnostic follows)\n");
		rc = read_lines(got, sizeof got, 0, &last);
		CHECK(rc == -1 && last > 10, "gzip: truncated stream is an error after delivering decoded lines");
	}

	write_file("\x1f\x8b", 2);
	fprintf(stderr, "(expected diagnostic follows)\n");
	rc = read_lines(got, sizeof got, 0, &last);
	CHECK(rc == -1, "gzip: header only is truncated");

	{
		struct zin *in = zin_open("/nonexistent/zhtsv");

		CHECK(in == NULL, "input: nonexistent path fails");
		in = zin_open(tmpl);
		CHECK(in == NULL, "input: directory refused");
	}

	unlink(path);
	rmdir(tmpl);
	return test_failed;
}
