#include "bytes.h"
#include "utf8.h"
#include <string.h>

int
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned c = s[0];
	uint32_t v, min;
	int n;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2)
		goto bad;               /* continuation byte or overlong lead */
	if (c < 0xE0) {
		n = 2;
		v = c & 0x1F;
		min = 0x80;
	} else if (c < 0xF0) {
		n = 3;
		v = c & 0x0F;
		min = 0x800;
	} else if (c < 0xF5) {
		n = 4;
		v = c & 0x07;
		min = 0x10000;
	} else {
		goto bad;
	}
	if (len < (size_t)n)
		goto bad;
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		goto bad;
	*cp = v;
	return n;
bad:
	*cp = UTF8_REPLACEMENT;
	return -1;
}

uint32_t
utf8_next(const char *s, size_t len, size_t *pos)
{
	uint32_t cp;
	int n = utf8_decode((const unsigned char *)s + *pos, len - *pos, &cp);

	*pos += n > 0 ? (size_t)n : 1;
	return cp;
}

int
utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
utf8_valid_prefix(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];

		if (c < 0x80) {
			/* Only ASCII text is worth scanning eight bytes at a
			 * time, not a comma between Han characters. */
			i++;
			while (i + 8 <= n && s[i] < 0x80) {
				uint64_t w;

				__builtin_memcpy(&w, s + i, 8);
				if (w & 0x8080808080808080ull)
					break;
				i += 8;
			}
		} else if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) &&
		    n - i >= 3 && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			i += 3;
			/* Runs of three-byte characters, four at a time: leads
			 * 1110xxxx other than E0 and ED (which need a range
			 * check), each followed by two 10xxxxxx bytes. */
			while (n - i >= 12) {
				uint64_t a;
				uint32_t b, nib;

				a = load_le64(s + i);
				b = load_le32(s + i + 8);
				if ((a & 0xC0F0C0C0F0C0C0F0ull) != 0x80E08080E08080E0ull ||
				    (b & 0xC0C0F0C0u) != 0x8080E080u)
					break;
				nib = 1u << (a & 0x0F) | 1u << (a >> 24 & 0x0F) |
				    1u << (a >> 48 & 0x0F) | 1u << (b >> 8 & 0x0F);
				if (nib & 0x2001)
					break;
				i += 12;
			}
			while (n - i >= 3) {
				uint32_t w = (uint32_t)s[i] | (uint32_t)s[i + 1] << 8 |
				    (uint32_t)s[i + 2] << 16;

				if ((w & 0xC0C0F0) != 0x8080E0 || ((1u << (w & 0x0F)) & 0x2001))
					break;
				i += 3;
			}
		} else if (c >= 0xC2 && c <= 0xDF && n - i >= 2 &&
		    (s[i + 1] & 0xC0) == 0x80) {
			i += 2;
		} else {
			uint32_t cp;
			int l = utf8_decode(s + i, n - i, &cp);

			if (l < 0)
				return i;
			i += (size_t)l;
		}
	}
	return n;
}

size_t
utf8_count(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t count = 0, i = 0;

	while (i < len) {
		uint32_t cp;
		int n;

		if (u[i] < 0x80) {
			i++;
			count++;
			continue;
		}
		n = utf8_decode(u + i, len - i, &cp);
		i += n > 0 ? (size_t)n : 1;
		count++;
	}
	return count;
}

size_t
utf8_count_invalid(const char *s, size_t len)
{
	size_t bad = 0, i = 0;

	while (i < len) {
		size_t ok = utf8_valid_prefix(s + i, len - i);

		i += ok;
		if (i < len) {
			bad++;
			i++;
		}
	}
	return bad;
}

size_t
utf8_cursor_advance(struct utf8_cursor *c, const char *s, size_t byte)
{
	if (byte < c->byte) {           /* moving back: restart */
		c->byte = 0;
		c->cp = 0;
	}
	c->cp += utf8_count(s + c->byte, byte - c->byte);
	c->byte = byte;
	return c->cp;
}

size_t
utf8_sanitize(const char *s, size_t len, char *out)
{
	size_t i = 0, o = 0;

	while (i < len) {
		size_t ok = utf8_valid_prefix(s + i, len - i);

		__builtin_memcpy(out + o, s + i, ok);
		o += ok;
		i += ok;
		if (i < len) {
			out[o++] = (char)0xEF;
			out[o++] = (char)0xBF;
			out[o++] = (char)0xBD;
			i++;
		}
	}
	return o;
}

bool
utf8_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* URO */
	    (cp >= 0x3400 && cp <= 0x4DBF) ||       /* Ext A */
	    (cp >= 0xF900 && cp <= 0xFAFF) ||       /* compatibility */
	    (cp >= 0x20000 && cp <= 0x323AF) ||     /* Ext B-H */
	    cp == 0x3007;                           /* 〇 */
}

size_t
utf8_piece(const char *s, size_t len, size_t max)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	if (len <= max)
		return len;
	for (i = max; i > max / 2; i--) {
		/* i is a candidate end: the byte before it ends a stop */
		if (u[i - 1] == '\n')
			return i;
		if (i >= 3 && ((u[i - 3] == 0xE3 && u[i - 2] == 0x80 && u[i - 1] == 0x82) ||
		    (u[i - 3] == 0xEF && u[i - 2] == 0xBC &&
		    (u[i - 1] == 0x81 || u[i - 1] == 0x9F || u[i - 1] == 0x9B))))
			return i;
	}
	/* No sentence end: cut before a character's lead byte. */
	for (i = max; i > 0 && (u[i] & 0xC0) == 0x80; i--)
		;
	return i ? i : max;
}

void
utf8_pieces(const char *s, size_t len,
    void (*fn)(void *ctx, const char *piece, size_t n, size_t base), void *ctx)
{
	size_t base = 0;

	do {
		size_t n = utf8_piece(s, len, UTF8_PIECE_BYTES);

		fn(ctx, s, n, base);
		if (n < len)
			base += utf8_count(s, n);
		s += n;
		len -= n;
	} while (len > 0);
}

bool
utf8_contains(const char *set, uint32_t cp)
{
	char enc[5];

	/* UTF-8 is self-synchronising: a character's bytes occur in a
	 * string only where that character is. */
	if (cp == 0)
		return false;
	enc[utf8_encode(cp, enc)] = '\0';
	return strstr(set, enc) != NULL;
}
