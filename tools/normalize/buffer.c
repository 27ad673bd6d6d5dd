/*
 * One document held in memory, through detection, decoding and the line
 * pipeline: the entry point for fuzzers and unit tests, which have bytes
 * rather than files.
 */
#include "decode.h"
#include "input.h"
#include "normalize.h"

int
norm_buffer_enc(struct norm *nm, const char *doc, const unsigned char *p, size_t n)
{
	enum enc e;
	struct dec *d = dec_open(NULL, p, n, -1, NULL, &e);
	struct zlines *lr;
	struct zline ln;

	norm_doc_begin(nm, doc, doc);
	if (e != ENC_BINARY) {
		norm_doc_decoded(nm, dec_output_valid(d));
		lr = zlines_new_fn(dec_read, d, ZL_CR_EOL);
		while (zlines_next(lr, &ln) == 1)
			norm_line(nm, ln.lineno, ln.s, ln.len);
		zlines_free(lr);
	}
	norm_doc_end(nm);
	dec_close(d);
	return (int)e;
}

int
norm_html_buffer(struct norm *nm, const char *doc, const unsigned char *p, size_t n,
    struct buf *page)
{
	char charset[64];
	enum enc e = html_encoding(p, n, charset, sizeof charset);

	norm_doc_begin(nm, doc, doc);
	if (e != ENC_BINARY) {
		norm_doc_decoded(nm, dec_all(p, n, e, charset, page));
		norm_html(nm, page->s, page->len);
	}
	norm_doc_end(nm);
	return (int)e;
}
