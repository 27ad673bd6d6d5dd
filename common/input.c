#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "cli.h"
#include "input.h"

#define RAW_BUFSIZE (1u << 16)

/*
 * A gzip "bomb" is refused once output passes ZIN_BOMB_MIN bytes at more
 * than ZIN_BOMB_RATIO times the compressed bytes consumed.  Real text
 * compresses about 3-10:1 (very repetitive text 20-50:1); deflate's
 * ceiling is about 1030:1, so a ratio near that would let any bomb made
 * of short lines through, and a high minimum lets a bomb without
 * newlines fill the line buffer first.
 */
#define ZIN_BOMB_MIN (32ull << 20)
#define ZIN_BOMB_RATIO 100ull

struct zin {
	int fd;
	char *name;
	bool gzip, failed, eof, gz_end;
	z_stream z;
	unsigned char *raw;
	size_t raw_len, raw_pos;        /* plain: bytes pushed back by the sniff */
	unsigned long long raw_total, out_total;
};

static ssize_t
raw_fill(struct zin *in)
{
	ssize_t n;

	do
		n = read(in->fd, in->raw, RAW_BUFSIZE);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		zerror(in->name, 0, "read error: %s", strerror(errno));
		in->failed = true;
		return -1;
	}
	in->raw_len = (size_t)n;
	in->raw_pos = 0;
	in->raw_total += (unsigned long long)n;
	if (n == 0)
		in->eof = true;
	return n;
}

struct zin *
zin_open(const char *path)
{
	struct zin *in;
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else {
		do
			fd = open(path, O_RDONLY | O_CLOEXEC);
		while (fd < 0 && errno == EINTR);
		if (fd < 0) {
			zerror(path, 0, "%s", strerror(errno));
			return NULL;
		}
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		zerror(path, 0, "is a directory");
		if (fd != STDIN_FILENO)
			close(fd);
		return NULL;
	}
	in = xcalloc(1, sizeof *in);
	in->fd = fd;
	in->name = xstrdup(path);
	in->raw = xmalloc(RAW_BUFSIZE);
	if (raw_fill(in) < 0)
		return in;
	/* Sniff the gzip magic; a short first read of one byte is rare
	 * enough (pipes) that we top it up once. */
	if (in->raw_len == 1 && in->raw[0] == 0x1f) {
		ssize_t n;

		do
			n = read(fd, in->raw + 1, RAW_BUFSIZE - 1);
		while (n < 0 && errno == EINTR);
		if (n > 0) {
			in->raw_len += (size_t)n;
			in->raw_total += (unsigned long long)n;
		}
	}
	if (in->raw_len >= 2 && in->raw[0] == 0x1f && in->raw[1] == 0x8b) {
		in->gzip = true;
		if (inflateInit2(&in->z, 15 + 16) != Z_OK)
			zdie("zlib initialisation failed");
		in->z.next_in = in->raw;
		in->z.avail_in = (uInt)in->raw_len;
	}
	return in;
}

static ssize_t
gz_read(struct zin *in, void *buf, size_t cap)
{
	size_t got;

	if (cap > (1u << 30))
		cap = 1u << 30;
	in->z.next_out = buf;
	in->z.avail_out = (uInt)cap;
	while (in->z.avail_out == cap) {
		int rc;

		if (in->gz_end) {
			/* Another member may follow: gzip(1) decodes them as one. */
			if (in->z.avail_in == 0) {
				if (raw_fill(in) < 0)
					return -1;
				if (in->raw_len == 0)
					return 0;
				in->z.next_in = in->raw;
				in->z.avail_in = (uInt)in->raw_len;
			}
			if (in->z.next_in[0] != 0x1f) {
				zerror(in->name, 0, "trailing garbage after gzip data");
				in->failed = true;
				return -1;
			}
			inflateReset(&in->z);
			in->gz_end = false;
		}
		if (in->z.avail_in == 0) {
			if (in->eof)
				goto truncated;
			if (raw_fill(in) < 0)
				return -1;
			if (in->raw_len == 0)
				goto truncated;
			in->z.next_in = in->raw;
			in->z.avail_in = (uInt)in->raw_len;
		}
		rc = inflate(&in->z, Z_NO_FLUSH);
		if (rc == Z_STREAM_END) {
			in->gz_end = true;
		} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			zerror(in->name, 0, "corrupt gzip data: %s",
			    in->z.msg ? in->z.msg : "inflate error");
			in->failed = true;
			break;
		}
	}
	got = cap - in->z.avail_out;
	in->out_total += got;
	/* Bytes read ahead but not yet inflated do not count. */
	if (in->out_total > ZIN_BOMB_MIN && in->out_total /
	    (in->raw_total - in->z.avail_in + 1) > ZIN_BOMB_RATIO) {
		zerror(in->name, 0, "gzip data expands more than %llu:1 beyond %llu MB; "
		    "refusing it as a possible gzip bomb",
		    ZIN_BOMB_RATIO, ZIN_BOMB_MIN >> 20);
		in->failed = true;
		return -1;
	}
	if (got)
		return (ssize_t)got;
	return in->failed ? -1 : 0;
truncated:
	/* Everything decoded so far has been returned by earlier calls. */
	zerror(in->name, 0, "truncated gzip stream");
	in->failed = true;
	return -1;
}

ssize_t
zin_read(struct zin *in, void *buf, size_t cap)
{
	if (in->failed && !in->gzip)
		return -1;
	if (cap == 0)
		return 0;
	if (in->gzip) {
		if (in->failed)
			return -1;
		return gz_read(in, buf, cap);
	}
	if (in->raw_pos == in->raw_len) {
		ssize_t n;

		if (in->eof)
			return 0;
		/* Large reads go straight into the caller's buffer. */
		if (cap >= RAW_BUFSIZE) {
			do
				n = read(in->fd, buf, cap);
			while (n < 0 && errno == EINTR);
			if (n < 0) {
				zerror(in->name, 0, "read error: %s", strerror(errno));
				in->failed = true;
				return -1;
			}
			if (n == 0)
				in->eof = true;
			in->raw_total += (unsigned long long)n;
			in->out_total += (unsigned long long)n;
			return n;
		}
		if (raw_fill(in) <= 0)
			return in->failed ? -1 : 0;
	}
	{
		size_t n = in->raw_len - in->raw_pos;

		if (n > cap)
			n = cap;
		memcpy(buf, in->raw + in->raw_pos, n);
		in->raw_pos += n;
		in->out_total += n;
		return (ssize_t)n;
	}
}

const char *
zin_name(const struct zin *in)
{
	return in->name;
}

bool
zin_is_gzip(const struct zin *in)
{
	return in->gzip;
}

unsigned long long
zin_raw_bytes(const struct zin *in)
{
	return in->raw_total;
}

bool
zin_failed(const struct zin *in)
{
	return in->failed;
}

int
zin_close(struct zin *in)
{
	int rc;

	if (!in)
		return -1;
	rc = in->failed ? -1 : 0;
	if (in->gzip)
		inflateEnd(&in->z);
	if (in->fd != STDIN_FILENO)
		close(in->fd);
	free(in->raw);
	free(in->name);
	free(in);
	return rc;
}
