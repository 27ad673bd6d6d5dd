/*
 * input: byte sources (a path or "-" for stdin) with transparent gzip,
 * and a line reader with no length limit.
 *
 * gzip is recognised by its magic number, never by the file name, so a
 * report saved as .txt that is really compressed still reads right.
 * Concatenated gzip members are decoded as one stream.  A truncated or
 * corrupt stream delivers everything decoded before the damage, then
 * zin_read() returns -1 and a diagnostic naming the file is printed.
 */
#ifndef ZH_INPUT_H
#define ZH_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct zin;

/* Opens path ("-" is stdin).  On failure prints "zh-x: path: reason"
 * and returns NULL.  Directories are refused here, not at first read. */
struct zin *zin_open(const char *path);

/* Reads up to cap decoded bytes.  Returns the count, 0 at end, -1 on a
 * read or decompression error (already reported). */
ssize_t zin_read(struct zin *in, void *buf, size_t cap);

/* Name used in diagnostics: the path, or "-" for stdin. */
const char *zin_name(const struct zin *in);
bool zin_is_gzip(const struct zin *in);
/* Compressed bytes consumed so far (equals decoded bytes when plain). */
unsigned long long zin_raw_bytes(const struct zin *in);
/* True once any read error has been reported for this input. */
bool zin_failed(const struct zin *in);

/*
 * Files that are not text at all (PDF, Office documents, archives,
 * images, executables) are known by the signature of their first bytes,
 * after gzip: the first zin_read() of such a file prints "zh-x: path:
 * PDF document, not text: convert it first: pdftotext -layout ..." and
 * fails.  zin_refused() then names the format ("PDF document" ...).
 */
const char *zin_refused(const struct zin *in);
/* The format whose signature starts p[0..n), or NULL; *advice (when not
 * NULL) gets what to do with such a file. */
const char *zin_signature(const unsigned char *p, size_t n, const char **advice);

/* Closes; stdin is left open.  Returns -1 if the input had an error. */
int zin_close(struct zin *in);

/*
 * Line reader.  Lines end at LF; a CR right before the LF is removed.
 * With ZL_CR_EOL a lone CR also ends a line (old Mac files, some HTML
 * exports).  A last line without newline is returned like any other.
 * NUL bytes are data: always use len, never strlen().
 */
enum { ZL_CR_EOL = 1 };

typedef ssize_t (*zl_read_fn)(void *ctx, void *buf, size_t cap);

struct zline {
	char *s;                /* NUL-terminated for convenience; len is the truth */
	size_t len;
	unsigned long lineno;   /* 1-based, counting every line ending seen */
	bool had_cr;            /* ended in CR or CRLF */
	bool had_eol;           /* false only for a final line without newline */
};

struct zlines;

struct zlines *zlines_new(struct zin *in, unsigned flags);
/* Same, over any byte source (used after a decoding step). */
struct zlines *zlines_new_fn(zl_read_fn fn, void *ctx, unsigned flags);

/* Returns 1 with *out filled, 0 at end of input, -1 on read error.
 * out->s stays valid until the next call. */
int zlines_next(struct zlines *lr, struct zline *out);
void zlines_free(struct zlines *lr);

#endif
