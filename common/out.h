/*
 * out: the buffered writer for stdout.  All programs write through it so
 * that output is one big write per buffer, never a syscall per field,
 * and so that a write error is caught and reported once.
 */
#ifndef ZH_OUT_H
#define ZH_OUT_H

#include <stddef.h>
#include <string.h>

#define OUT_BUFSIZE (1u << 16)

extern char out_buf[OUT_BUFSIZE];
extern size_t out_len;

void out_flush(void);
void out_write_slow(const void *p, size_t n);

static inline void out_write(const void *p, size_t n)
{
	if (n <= OUT_BUFSIZE - out_len) {
		memcpy(out_buf + out_len, p, n);
		out_len += n;
	} else {
		out_write_slow(p, n);
	}
}

static inline void out_char(char c)
{
	if (out_len == OUT_BUFSIZE)
		out_write_slow(&c, 1);
	else
		out_buf[out_len++] = c;
}

static inline void out_str(const char *s) { out_write(s, strlen(s)); }
static inline void out_tab(void) { out_char('\t'); }
static inline void out_nl(void) { out_char('\n'); }

void out_ulong(unsigned long long v);

/* Writes s with the zhtsv escapes (\\ \t \n \r). */
void out_escaped(const char *s, size_t n);

/* Flushes, then checks fflush/ferror/fclose of stdout; -1 on error (reported). */
int out_close(void);

#endif
