/*
 * Pinyin insertions: a converter glued the reading after some characters,
 * 區(qū).  Only a parenthesis holding one toned syllable that Unihan
 * gives as a reading of the character just before it is removed, so real
 * parentheticals such as 村(社区), (App) or 解(员) stay.
 */
#include "repair_int.h"
#include "utf8.h"

#define MAXSYL 16

/* Bytes of one lowercase pinyin letter at s (a-z, or a toned vowel
 * from Latin-1 or Latin Extended-A/B); *toned set for marked vowels. */
static size_t
pinyin_letter(const unsigned char *s, size_t n, int *toned)
{
	uint32_t cp;

	if (s[0] >= 'a' && s[0] <= 'z')
		return 1;
	if (n < 2 || s[0] < 0xC3 || s[0] > 0xC7 || (s[1] & 0xC0) != 0x80)
		return 0;
	cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	switch (cp) {
	case 0xFC:              /* ü has no tone by itself */
	case 0xEA:
		return 2;
	case 0xE0: case 0xE1: case 0xE8: case 0xE9: case 0xEC: case 0xED:
	case 0xF2: case 0xF3: case 0xF9: case 0xFA:
	case 0x101: case 0x113: case 0x11B: case 0x12B: case 0x14D:
	case 0x16B: case 0x144: case 0x148:
	case 0x1CE: case 0x1D0: case 0x1D2: case 0x1D4: case 0x1D6:
	case 0x1D8: case 0x1DA: case 0x1DC: case 0x1F9:
		*toned = 1;
		return 2;
	}
	return 0;
}

size_t
pinyin_paren(const char *str, size_t n, int *syl)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 1, k, start;
	int toned = 0;

	if (n < 4 || s[0] != '(')
		return 0;
	start = i;
	while (i < n && i - start <= MAXSYL && (k = pinyin_letter(s + i, n - i, &toned)) > 0)
		i += k;
	if (i == start || !toned || i - start > MAXSYL)
		return 0;
	k = i;
	while (i < n && s[i] == ' ')
		i++;
	if (i >= n || s[i] != ')')
		return 0;
	*syl = pinyin_syllable(str + start, k - start);
	return *syl < 0 ? 0 : i + 1;
}

/* The code point ending just before byte i, 0 when none. */
static uint32_t
char_before(const char *s, size_t i)
{
	size_t j = i, pos;

	while (j > 0 && i - j < 4) {
		j--;
		if (((unsigned char)s[j] & 0xC0) != 0x80)
			break;
	}
	if (j == i)
		return 0;
	pos = j;
	return utf8_next(s, i, &pos);
}

int
pinyin_strip(struct buf *line, struct buf *tmp, struct repair_stats *st)
{
	const char *s = line->s;
	size_t n = line->len, i, done = 0, k;
	uint32_t prev;
	int syl, changed = 0;

	buf_clear(tmp);
	for (i = 0; i < n; i++) {
		if (s[i] != '(' || (k = pinyin_paren(s + i, n - i, &syl)) == 0)
			continue;
		prev = char_before(s, i);
		if (!utf8_is_han(prev) || !pinyin_reads(prev, syl))
			continue;
		buf_add(tmp, s + done, i - done);
		done = i + k;
		i += k - 1;
		st->pinyin_removed++;
		changed = 1;
	}
	if (!changed)
		return 0;
	buf_add(tmp, s + done, n - done);
	buf_clear(line);
	buf_add(line, tmp->s, tmp->len);
	return REPAIR_FIXED;
}
