/*
 * buf: a growable byte buffer.  Reused across lines so that hot loops
 * allocate only when a line is longer than any before it.
 */
#ifndef ZH_BUF_H
#define ZH_BUF_H

#include <stddef.h>
#include <string.h>

struct buf {
	char *s;
	size_t len;
	size_t cap;
};

/* Ensures cap >= len + need + 1; allocates only when it must, so callers
 * need no guard of their own. */
void buf_grow(struct buf *b, size_t need);

static inline void buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->cap - b->len < n + 1)
		buf_grow(b, n);
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void buf_addc(struct buf *b, char c)
{
	if (b->cap - b->len < 2)
		buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

static inline void buf_adds(struct buf *b, const char *s) { buf_add(b, s, strlen(s)); }
static inline void buf_clear(struct buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}
void buf_add_utf8(struct buf *b, unsigned cp);
void buf_free(struct buf *b);

#endif
