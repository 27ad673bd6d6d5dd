/*
 * Fuzzes the line reader and the gzip layer of common/input.
 *
 * Byte 0 picks the options (ZL_CR_EOL, read chunk sizes, gzip member
 * split and truncation point); the rest is the data.  Three properties:
 *   1. lines read through short, irregular reads reassemble to exactly
 *      the input (nothing lost or duplicated at chunk borders);
 *   2. the data gzipped (one or two members) decodes to the same lines
 *      through zin_open; cut short, it decodes to a prefix and fails;
 *   3. the raw bytes through zin_open (they may look like gzip) never
 *      crash or hang, and plain data reassembles exactly.
 */
#include <stdint.h>
#include <string.h>
#include <zlib.h>

#include "cli.h"
#include "input.h"
#include "fuzzmem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct memsrc {
	const uint8_t *p;
	size_t n, pos;
	uint32_t rng;
};

static ssize_t
mem_read(void *ctx, void *buf, size_t cap)
{
	struct memsrc *m = ctx;
	size_t k;

	m->rng = m->rng * 1103515245u + 12345u;
	k = (m->rng >> 16) % 9;
	k = k < 8 ? (size_t)1 << k : 65536;     /* 1..128 bytes or a big read */
	if (k > cap)
		k = cap;
	if (k > m->n - m->pos)
		k = m->n - m->pos;
	memcpy(buf, m->p + m->pos, k);
	m->pos += k;
	return (ssize_t)k;
}

/* Reads every line and checks they reassemble to a prefix of want (the
 * whole of it when complete).  Returns zlines_next's final status. */
static int
check_lines(struct zlines *lr, unsigned flags, const uint8_t *want, size_t n,
    int complete)
{
	struct zline ln;
	size_t pos = 0;
	unsigned long lineno = 0;
	int rc;

	while ((rc = zlines_next(lr, &ln)) > 0) {
		FUZZ_ASSERT(ln.lineno == ++lineno);
		FUZZ_ASSERT(ln.s[ln.len] == '\0');
		FUZZ_ASSERT(ln.len <= n - pos);
		FUZZ_ASSERT(memcmp(ln.s, want + pos, ln.len) == 0);
		pos += ln.len;
		if (!ln.had_eol) {
			/* Only the last line may lack an ending. */
			FUZZ_ASSERT(!ln.had_cr);
			continue;
		}
		FUZZ_ASSERT(pos < n);
		if (ln.had_cr) {
			FUZZ_ASSERT(want[pos] == '\r');
			pos++;
			if (flags & ZL_CR_EOL) {
				if (pos < n && want[pos] == '\n')
					pos++;
			} else {
				FUZZ_ASSERT(pos < n && want[pos] == '\n');
				pos++;
			}
		} else {
			FUZZ_ASSERT(want[pos] == '\n');
			pos++;
		}
		/* A lone CR must have ended the line only under ZL_CR_EOL. */
	}
	if (complete) {
		FUZZ_ASSERT(rc == 0);
		FUZZ_ASSERT(pos == n);
	}
	return rc;
}

/* gzip of data as one member, or two split at cut. */
static size_t
gzip_mem(const uint8_t *data, size_t n, size_t split, uint8_t *out, size_t cap,
    size_t *member1)
{
	size_t o = 0;

	for (int m = 0; m < 2; m++) {
		const uint8_t *p = m ? data + split : data;
		size_t len = m ? n - split : split;
		z_stream z;

		memset(&z, 0, sizeof z);
		if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
			abort();
		z.next_in = (Bytef *)(uintptr_t)p;
		z.avail_in = (uInt)len;
		z.next_out = out + o;
		z.avail_out = (uInt)(cap - o);
		FUZZ_ASSERT(deflate(&z, Z_FINISH) == Z_STREAM_END);
		o = cap - z.avail_out;
		deflateEnd(&z);
		if (m == 0)
			*member1 = o;
		if (split == n)
			break;
	}
	return o;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t *gz;
	static size_t gzcap;
	struct memsrc src;
	struct zlines *lr;
	struct zin *in;
	unsigned flags;
	uint8_t opt;
	size_t split, gzlen, member1, cut;

	if (size < 1)
		return 0;
	cli_init("fuzz");
	opt = data[0];
	data++;
	size--;
	/* A PDF, an executable ...: refused by zin, no lines to compare. */
	if (zin_signature(data, size, NULL))
		return 0;
	flags = opt & 1 ? ZL_CR_EOL : 0;

	/* 1. In memory, through irregular reads. */
	src = (struct memsrc){ data, size, 0, opt };
	lr = zlines_new_fn(mem_read, &src, flags);
	check_lines(lr, flags, data, size, 1);
	zlines_free(lr);

	/* 2. gzip round trip, maybe two members, maybe cut short. */
	split = (opt & 2) ? size / 2 + (opt >> 4) % (size / 2 + 1) : size;
	if (split > size)
		split = size;
	if (gzcap < size + size / 8 + 256) {
		gzcap = size + size / 8 + 256;
		gz = realloc(gz, gzcap);
	}
	gzlen = gzip_mem(data, size, split, gz, gzcap, &member1);
	cut = gzlen;
	if (opt & 4)
		cut = 2 + (size_t)(opt >> 3) * gzlen / 32 % (gzlen - 1);
	in = zin_open(fuzz_memfile(0, gz, cut));
	FUZZ_ASSERT(in != NULL);
	FUZZ_ASSERT(zin_is_gzip(in));
	lr = zlines_new(in, flags);
	if (cut == gzlen || cut == member1) {
		size_t n = cut == gzlen ? size : split;

		check_lines(lr, flags, data, n, 1);
		FUZZ_ASSERT(!zin_failed(in));
	} else {
		FUZZ_ASSERT(check_lines(lr, flags, data, size, 0) < 0);
		FUZZ_ASSERT(zin_failed(in));
	}
	zlines_free(lr);
	zin_close(in);

	/* 3. The raw bytes as a file: gzip or not, by magic number. */
	in = zin_open(fuzz_memfile(0, data, size));
	FUZZ_ASSERT(in != NULL);
	lr = zlines_new(in, flags);
	if (!zin_is_gzip(in)) {
		check_lines(lr, flags, data, size, 1);
	} else {
		struct zline ln;

		while (zlines_next(lr, &ln) > 0)
			;
	}
	zlines_free(lr);
	zin_close(in);
	return 0;
}
