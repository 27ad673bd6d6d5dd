#include <stdlib.h>

#include "buf.h"
#include "cli.h"
#include "utf8.h"

void
buf_grow(struct buf *b, size_t need)
{
	size_t cap = b->cap ? b->cap : 64;

	if (b->s && b->cap - b->len >= need + 1)
		return;
	while (cap - b->len < need + 1) {
		if (cap > ((size_t)-1) / 2)
			zdie("buffer too large");
		cap *= 2;
	}
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void
buf_add_utf8(struct buf *b, unsigned cp)
{
	char tmp[4];

	buf_add(b, tmp, (size_t)utf8_encode(cp, tmp));
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}
