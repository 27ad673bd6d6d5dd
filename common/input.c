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
	bool gzip, failed, eof, gz_end, sniffed;
	const char *refused;            /* format named by its signature */
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

/*
 * Signatures of the files a crawl brings that are not text.  ZIP files
 * are told apart by the names of their first members: Office writes
 * [Content_Types].xml or word/... first, OpenDocument "mimetype".
 */
static const char ADVICE_PDF[] = "convert it first: pdftotext -layout FILE FILE.txt "
    "(poppler-utils)";
static const char ADVICE_OFFICE[] = "convert it first: libreoffice --headless "
    "--convert-to txt:Text FILE, or pandoc -t plain FILE";
static const char ADVICE_ARCHIVE[] = "unpack it first and give the files inside";
static const char ADVICE_NONE[] = "not a report: leave it out";

static const struct signature {
	size_t off, len;
	const char *sig, *name, *advice;
} signatures[] = {
	{ 0, 5, "%PDF-", "PDF document", ADVICE_PDF },
	{ 0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Office 97-2003 document (DOC/XLS/PPT)",
	    ADVICE_OFFICE },
	{ 0, 5, "{\\rtf", "RTF document", ADVICE_OFFICE },
	{ 0, 4, "\x7F" "ELF", "ELF executable", ADVICE_NONE },
	{ 0, 8, "\x89PNG\r\n\x1A\n", "PNG image", ADVICE_NONE },
	{ 0, 3, "\xFF\xD8\xFF", "JPEG image", ADVICE_NONE },
	{ 0, 6, "GIF87a", "GIF image", ADVICE_NONE },
	{ 0, 6, "GIF89a", "GIF image", ADVICE_NONE },
	{ 0, 6, "7z\xBC\xAF\x27\x1C", "7-Zip archive", ADVICE_ARCHIVE },
	{ 0, 6, "Rar!\x1A\x07", "RAR archive", ADVICE_ARCHIVE },
	{ 0, 6, "\xFD" "7zXZ\0", "xz-compressed file", ADVICE_ARCHIVE },
	{ 0, 4, "\x28\xB5\x2F\xFD", "zstd-compressed file", ADVICE_ARCHIVE },
	{ 0, 10, "BZh91AY&SY", "bzip2-compressed file", ADVICE_ARCHIVE },
	{ 257, 5, "ustar", "tar archive", ADVICE_ARCHIVE },
	{ 0, 4, "\xCA\xFE\xBA\xBE", "Mach-O or Java class file", ADVICE_NONE },
	{ 0, 4, "\xCF\xFA\xED\xFE", "Mach-O executable", ADVICE_NONE },
	{ 0, 4, "\0asm", "WebAssembly module", ADVICE_NONE },
	{ 0, 16, "SQLite format 3\0", "SQLite database", ADVICE_NONE },
};

static bool
has_at(const unsigned char *p, size_t n, size_t off, const char *sig, size_t len)
{
	return n >= off + len && memcmp(p + off, sig, len) == 0;
}

/* A ZIP member name among the first bytes (local headers hold it at 30). */
static bool
zip_names(const unsigned char *p, size_t n, const char *name)
{
	size_t l = strlen(name);

	for (size_t i = 30; i + l <= n && i < 4096; i++)
		if (memcmp(p + i, name, l) == 0)
			return true;
	return false;
}

const char *
zin_signature(const unsigned char *p, size_t n, const char **advice)
{
	static const struct { const char *member, *name; } zips[] = {
		{ "word/", "Word document (DOCX)" }, { "xl/", "Excel workbook (XLSX)" },
		{ "ppt/", "PowerPoint file (PPTX)" },
		{ "application/vnd.oasis.opendocument", "OpenDocument file (ODT/ODS/ODP)" },
		{ "application/epub+zip", "EPUB book" },
		{ "[Content_Types].xml", "Office document (DOCX/XLSX/PPTX)" },
	};
	const char *dummy;

	if (!advice)
		advice = &dummy;
	for (size_t i = 0; i < sizeof signatures / sizeof signatures[0]; i++) {
		const struct signature *s = &signatures[i];

		/* bzip2 levels 1-9 */
		if (s->len == 10 && n >= 10 && p[3] >= '1' && p[3] <= '9' &&
		    memcmp(p, s->sig, 3) == 0 && memcmp(p + 4, s->sig + 4, 6) == 0) {
			*advice = s->advice;
			return s->name;
		}
		if (has_at(p, n, s->off, s->sig, s->len)) {
			*advice = s->advice;
			return s->name;
		}
	}
	if (has_at(p, n, 0, "PK\3\4", 4)) {
		*advice = ADVICE_OFFICE;
		for (size_t i = 0; i < sizeof zips / sizeof zips[0]; i++)
			if (zip_names(p, n, zips[i].member))
				return zips[i].name;
		*advice = ADVICE_ARCHIVE;
		return "ZIP archive";
	}
	/* A Windows executable: MZ, and the PE header where it points. */
	if (has_at(p, n, 0, "MZ", 2) && n >= 64) {
		size_t pe = (size_t)p[60] | (size_t)p[61] << 8;

		if (has_at(p, n, pe, "PE\0\0", 4)) {
			*advice = ADVICE_NONE;
			return "Windows executable";
		}
	}
	return NULL;
}

/* Refuses the input when its first decoded bytes are a known binary
 * format.  Returns true when refused (reported). */
static bool
sniff(struct zin *in, const unsigned char *p, size_t n)
{
	const char *advice;

	in->sniffed = true;
	if ((in->refused = zin_signature(p, n, &advice)) == NULL)
		return false;
	zerror(in->name, 0, "%s%s, not text: %s", in->refused,
	    in->gzip ? ", gzip-compressed" : "", advice);
	in->failed = true;
	return true;
}

const char *
zin_refused(const struct zin *in)
{
	return in->refused;
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
		ssize_t n;

		if (in->failed)
			return -1;
		n = gz_read(in, buf, cap);
		if (n > 0 && !in->sniffed && sniff(in, buf, (size_t)n))
			return -1;
		return n;
	}
	if (!in->sniffed && sniff(in, in->raw + in->raw_pos, in->raw_len - in->raw_pos))
		return -1;
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
