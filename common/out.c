#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "out.h"

char out_buf[OUT_BUFSIZE];
size_t out_len;
static int out_err;

/* write(2) directly: stdio would copy the buffer a second time. */
static void
write_all(const char *p, size_t n)
{
	while (n && !out_err) {
		ssize_t w = write(STDOUT_FILENO, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			out_err = errno;
			break;
		}
		p += w;
		n -= (size_t)w;
	}
}

void
out_flush(void)
{
	write_all(out_buf, out_len);
	out_len = 0;
}

/*
 * A full buffer is written only up to its last newline; the partial row
 * after it stays for the next write.  So a program killed between two
 * writes (SIGINT, SIGTERM, a pipeline torn down) leaves whole rows
 * behind, never half of one.  Only a row longer than the buffer is
 * written in pieces.
 */
static void
flush_rows(void)
{
	size_t n = out_len;

	/* memrchr is a GNU extension; rows are short, so this stops soon. */
	while (n > 0 && out_buf[n - 1] != '\n')
		n--;
	if (n == 0) {
		out_flush();
		return;
	}
	write_all(out_buf, n);
	memmove(out_buf, out_buf + n, out_len - n);
	out_len -= n;
}

void
out_write_slow(const void *p, size_t n)
{
	flush_rows();
	if (n <= OUT_BUFSIZE - out_len) {
		memcpy(out_buf + out_len, p, n);
		out_len += n;
		return;
	}
	out_flush();
	if (n >= OUT_BUFSIZE) {
		write_all(p, n);
		return;
	}
	memcpy(out_buf, p, n);
	out_len = n;
}

void
out_ulong(unsigned long long v)
{
	char tmp[24];
	int i = sizeof tmp;

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	out_write(tmp + i, sizeof tmp - (size_t)i);
}

#define REP(c) (0x0101010101010101ull * (c))
#define HASZERO(v) (((v) - REP(0x01)) & ~(v) & REP(0x80))

void
out_escaped(const char *s, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i < n; i++) {
		char e;

		/* Skip 8 bytes at a time while none of them needs an
		 * escape (a zero byte of w ^ c marks a byte equal to c). */
		while (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			/* No byte below 0x60 (CJK text): nothing to escape. */
			if (((w - REP(0x60)) & ~w & REP(0x80)) != 0 &&
			    (HASZERO(w ^ REP(0x5C)) | HASZERO(w ^ REP(0x09)) |
			    HASZERO(w ^ REP(0x0A)) | HASZERO(w ^ REP(0x0D))))
				break;
			i += 8;
		}
		if (i >= n)
			break;
		switch (s[i]) {
		case '\\': e = '\\'; break;
		case '\t': e = 't'; break;
		case '\n': e = 'n'; break;
		case '\r': e = 'r'; break;
		default: continue;
		}
		out_write(s + start, i - start);
		out_char('\\');
		out_char(e);
		start = i + 1;
	}
	out_write(s + start, n - start);
}

int
out_close(void)
{
	out_flush();
	if (!out_err && (fflush(stdout) || ferror(stdout)))
		out_err = errno ? errno : EIO;
	if (fclose(stdout) && !out_err)
		out_err = errno ? errno : EIO;
	if (out_err) {
		fprintf(stderr, "%s: write error: %s\n", progname, strerror(out_err));
		return -1;
	}
	return 0;
}
