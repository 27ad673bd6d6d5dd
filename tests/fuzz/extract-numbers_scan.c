/*
 * libFuzzer harness for zh-extract-numbers' scanner: any bytes as one
 * text.  Checks what must hold for every input: offsets in range and in
 * order, and raw equal to the bytes between them.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fz {
	const char *text;
	size_t len, ncp, prev_end;
};

static void
check(void *p, const struct xn_match *m)
{
	struct fz *f = p;

	if (m->start >= m->end || m->end > f->ncp || m->start < f->prev_end)
		abort();
	if (m->raw < f->text || m->raw + m->raw_len > f->text + f->len)
		abort();
	if (utf8_count(m->raw, m->raw_len) != m->end - m->start)
		abort();
	if (m->value_len == 0)
		abort();
	f->prev_end = m->end;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct xn *x;
	struct fz f;

	if (!x)
		x = xn_new();
	/* The first byte picks a document year, so anchoring is fuzzed too. */
	xn_set_year(x, size && data[0] < 16 ? 2000 + data[0] : 0);
	f.text = (const char *)data;
	f.len = size;
	f.ncp = utf8_count(f.text, size);
	f.prev_end = 0;
	xn_scan(x, f.text, size, check, &f);
	return 0;
}
