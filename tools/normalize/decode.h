/*
 * decode: encoding detection and streaming conversion to UTF-8.
 *
 * Detection looks only at a bounded prefix of each document, so memory
 * stays constant; the decoders then stream.  An input unit that does not
 * decode becomes the byte 0xFF in the output, which is never valid UTF-8,
 * so the line stage finds, counts and replaces it exactly like an invalid
 * byte of a UTF-8 document, with the line number known there.
 */
#ifndef ZN_DECODE_H
#define ZN_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "buf.h"
#include "input.h"

enum enc {
	ENC_EMPTY,
	ENC_UTF8,
	ENC_UTF8_BOM,
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_UTF16LE_BOM,
	ENC_UTF16BE_BOM,
	ENC_GB18030,
	ENC_BIG5,
	ENC_ICONV,              /* any other, by name (--from) */
	ENC_BINARY,
};

/* How much of a document detection reads before deciding. */
#define DETECT_PREFIX (128u * 1024)

/* Detects the encoding of p[0..n); at_eof says whether p is the whole
 * document.  *valid says p was checked to be entirely valid UTF-8.
 * Pure: used by the decoder and by unit tests. */
enum enc detect_encoding(const unsigned char *p, size_t n, bool at_eof,
    bool *valid);
const char *enc_name(enum enc e);
/* The first markup of the document (after a BOM, white space and
 * comments) is an HTML tag: <!DOCTYPE html, <html, <head, <meta, <div,
 * <p and the like, so article fragments count too. */
bool html_sniff(const unsigned char *p, size_t n);
/* The encoding of a whole HTML page: a BOM, else UTF-8 if its bytes are
 * (whatever it declares), else the charset its <meta> declares (name
 * gets it, for ENC_ICONV), else detection from its first non-ASCII byte.
 * GB2312 and GBK labels mean GB18030. */
enum enc html_encoding(const unsigned char *p, size_t n, char *name, size_t cap);
/* Maps a --from name to a decoder; ENC_ICONV when only iconv has it.
 * Returns -1 (and prints nothing) if iconv does not know the name. */
int enc_from_name(const char *name, enum enc *e);

struct dec;

/* Reads the prefix of in, detects (unless forced >= 0: an enum enc, with
 * iconv_name for ENC_ICONV) and returns a decoder; *encp says what was
 * chosen.  Byte sources are either a zin or, when in is NULL, the memory
 * p[0..n) (fuzzing and tests). */
struct dec *dec_open(struct zin *in, const unsigned char *mem, size_t memlen,
    int forced, const char *iconv_name, enum enc *encp);
/* Decodes all of p[0..n) as e into out (UTF-8 with 0xFF markers, NUL
 * terminated); returns dec_output_valid. */
bool dec_all(const unsigned char *p, size_t n, enum enc e, const char *iconv_name,
    struct buf *out);
/* zl_read_fn: decoded UTF-8, 0 at end, -1 on a read error. */
ssize_t dec_read(void *ctx, void *buf, size_t cap);
/* True when the output is valid UTF-8 apart from 0xFF markers (always
 * for converted input, for UTF-8 when detection saw all of it valid). */
bool dec_output_valid(const struct dec *d);
void dec_close(struct dec *d);

#endif
