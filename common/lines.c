#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "input.h"

#define LINES_CHUNK (1u << 16)

struct zlines {
	zl_read_fn fn;
	void *ctx;
	unsigned flags;
	char *buf;
	size_t cap, start, end;  /* unconsumed bytes are buf[start..end) */
	bool eof, error;
	unsigned long lineno;
};

static ssize_t
zin_fn(void *ctx, void *buf, size_t cap)
{
	return zin_read(ctx, buf, cap);
}

struct zlines *
zlines_new_fn(zl_read_fn fn, void *ctx, unsigned flags)
{
	struct zlines *lr = xcalloc(1, sizeof *lr);

	lr->fn = fn;
	lr->ctx = ctx;
	lr->flags = flags;
	lr->cap = LINES_CHUNK * 2;
	lr->buf = xmalloc(lr->cap + 1);
	return lr;
}

struct zlines *
zlines_new(struct zin *in, unsigned flags)
{
	return zlines_new_fn(zin_fn, in, flags);
}

/* Reads more input after buf[end], compacting or growing first.  The
 * buffer grows only while a single line is longer than it. */
static void
fill(struct zlines *lr)
{
	ssize_t n;

	if (lr->start > 0 && lr->end == lr->cap) {
		memmove(lr->buf, lr->buf + lr->start, lr->end - lr->start);
		lr->end -= lr->start;
		lr->start = 0;
	}
	if (lr->cap - lr->end < LINES_CHUNK / 2) {
		if (lr->start > 0) {
			memmove(lr->buf, lr->buf + lr->start, lr->end - lr->start);
			lr->end -= lr->start;
			lr->start = 0;
		} else {
			lr->cap *= 2;
			lr->buf = xrealloc(lr->buf, lr->cap + 1);
		}
	}
	n = lr->fn(lr->ctx, lr->buf + lr->end, lr->cap - lr->end);
	if (n < 0) {
		lr->error = true;
		lr->eof = true;
	} else if (n == 0) {
		lr->eof = true;
	} else {
		lr->end += (size_t)n;
	}
}

static char *
find_eol(struct zlines *lr, size_t from)
{
	char *p = lr->buf + from, *e = lr->buf + lr->end;
	char *nl = memchr(p, '\n', (size_t)(e - p));

	if (lr->flags & ZL_CR_EOL) {
		char *cr = memchr(p, '\r', (size_t)((nl ? nl : e) - p));

		if (cr)
			return cr;
	}
	return nl;
}

int
zlines_next(struct zlines *lr, struct zline *out)
{
	size_t scanned = lr->start;
	char *eol;

	for (;;) {
		eol = find_eol(lr, scanned);
		/* A CR at the very end may be the first half of CRLF. */
		if (eol && *eol == '\r' && eol + 1 == lr->buf + lr->end && !lr->eof) {
			scanned = (size_t)(eol - lr->buf) - lr->start;
			eol = NULL;
		} else if (eol || lr->eof) {
			break;
		} else {
			scanned = lr->end - lr->start;
		}
		fill(lr);
		scanned += lr->start;
	}
	if (!eol && lr->start == lr->end)
		return lr->error ? -1 : 0;

	out->s = lr->buf + lr->start;
	out->lineno = ++lr->lineno;
	if (eol) {
		size_t len = (size_t)(eol - out->s);

		out->had_eol = true;
		out->had_cr = *eol == '\r';
		lr->start += len + 1;
		if (*eol == '\r' && lr->start < lr->end && lr->buf[lr->start] == '\n')
			lr->start++;
		else if (*eol == '\n' && len > 0 && out->s[len - 1] == '\r') {
			len--;
			out->had_cr = true;
		}
		out->len = len;
	} else {
		out->len = lr->end - lr->start;
		out->had_eol = false;
		out->had_cr = false;
		lr->start = lr->end;
	}
	out->s[out->len] = '\0';
	return 1;
}

void
zlines_free(struct zlines *lr)
{
	if (!lr)
		return;
	free(lr->buf);
	free(lr);
}
