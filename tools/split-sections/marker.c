/* Marker shapes: heading numbering at the start of a line, enumeration
 * words and clause boundaries inside it. */
#include <stdint.h>
#include <string.h>

#include "marker.h"
#include "utf8.h"
#include "zhnum.h"

/* Decodes at s[i] (U+FFFD for an invalid byte, one byte long). */
static uint32_t
peek(const char *s, size_t n, size_t i, size_t *len)
{
	size_t j = i;
	uint32_t cp;

	if (i >= n) {
		*len = 0;
		return 0;
	}
	cp = utf8_next_fast(s, n, &j);
	*len = j - i;
	return cp;
}

/* 两 and 廿 are numerals but never number a list. */
static bool
marker_numeral(uint32_t cp)
{
	return zhnum_is_numeral(cp) && cp != 0x4E24 && cp != 0x5169 &&
	    cp != 0x5EFF;
}

/* Up to 8 characters of a numeral are read: a longer one is no marker. */
#define NUMERAL_CHARS 8

long
ss_cn_number(const char *s, size_t n, size_t *used)
{
	uint32_t cp[NUMERAL_CHARS + 1];
	size_t off[NUMERAL_CHARS + 2], k = 0, pos = 0, l;
	struct zhnum z;

	*used = 0;
	while (k <= NUMERAL_CHARS) {
		uint32_t c = peek(s, n, pos, &l);

		if (l == 0 || !marker_numeral(c))
			break;
		off[k] = pos;
		cp[k++] = c;
		pos += l;
	}
	off[k] = pos;
	if (k == 0)
		return 0;
	if (k > NUMERAL_CHARS)
		return *used = off[k], -1;
	if (!zhnum_read(cp, 0, k, &z)) {
		/* 壹、 貳、: a lone financial form numbers the level above 一、 */
		if (k == 1 && zhnum_financial(cp[0]) && zhnum_digit(cp[0]) > 0)
			return *used = off[1], zhnum_digit(cp[0]);
		return 0;
	}
	*used = off[z.end];
	/* 三四 is "three or four"; 一〇, 二〇 are ten and twenty */
	if (z.positional && z.nchars == 2 && zhnum_digit(cp[1]) != 0)
		return *used = 0, 0;
	if (z.value > 99 || (z.positional && z.nchars > 2) || z.end < k)
		return -1;
	if (z.value == 0)
		return *used = 0, 0;
	return (long)z.value;
}

static size_t
skip_spaces(const char *s, size_t n, size_t i)
{
	for (;;) {
		if (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else if (i + 3 <= n && (unsigned char)s[i] == 0xE3 &&
		    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80)
			i += 3;         /* U+3000 */
		else
			return i;
	}
}

/* Arabic digits, ASCII or full width.  Returns the value (capped) and
 * sets *used and *ndig. */
static unsigned long
ar_number(const char *s, size_t n, size_t *used, size_t *ndig)
{
	unsigned long v = 0;
	size_t i = 0;

	*ndig = 0;
	for (;;) {
		unsigned dg;

		if (i < n && s[i] >= '0' && s[i] <= '9') {
			dg = (unsigned)(s[i] - '0');
			i++;
		} else if (i + 3 <= n && (unsigned char)s[i] == 0xEF &&
		    (unsigned char)s[i + 1] == 0xBC &&
		    (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99) {
			dg = (unsigned)((unsigned char)s[i + 2] - 0x90);
			i += 3;
		} else {
			break;
		}
		if (v < 100000000UL)
			v = v * 10 + dg;
		(*ndig)++;
	}
	*used = i;
	return v;
}

static bool
is_digit_at(const char *s, size_t n, size_t i)
{
	size_t u, nd;

	(void)ar_number(s + i, n - i, &u, &nd);
	return nd > 0;
}

/* 2024年 */
static bool
year_at(const char *s, size_t n, size_t i)
{
	size_t u, nd;

	(void)ar_number(s + i, n - i, &u, &nd);
	return nd == 4 && i + u + 3 <= n && memcmp(s + i + u, "年", 3) == 0;
}

static bool
is_open(uint32_t cp)
{
	return cp == '(' || cp == 0xFF08 || cp == 0x3014;       /* ( ( 〔 */
}

static bool
is_close(uint32_t cp)
{
	return cp == ')' || cp == 0xFF09 || cp == 0x3015;       /* ) ) 〕 */
}

/* 、 , , . . after 一 or 1 */
static size_t
list_punct(const char *s, size_t n, size_t i, bool *dot)
{
	size_t l;
	uint32_t cp = peek(s, n, i, &l);

	*dot = cp == '.' || cp == 0xFF0E;
	if (cp == 0x3001 || cp == ',' || cp == 0xFF0C || cp == '.' || cp == 0xFF0E)
		return l;
	return 0;
}

/* "一、二季度", "三、四月份", "一、二、三等奖": numerals listed, not a
 * marker.  The next numeral must be the following number and be followed
 * by a unit of time or rank or by another list comma, so that a heading
 * "二、三项制度全面落实" stays one. */
static bool
numeral_run(const char *s, size_t n, size_t i, long cv)
{
	static const char *const units[] = {
		"季", "月", "年", "级", "类", "等", "批", "档", "期", "轮", "号",
		"、", NULL
	};
	size_t u;

	if (ss_cn_number(s + i, n - i, &u) != cv + 1)
		return false;
	i += u;
	for (const char *const *w = units; *w; w++)
		if (i + 3 <= n && memcmp(s + i, *w, 3) == 0)
			return true;
	return false;
}

static bool
finish(const char *s, size_t n, size_t i, struct ss_marker *m, enum ss_mtype t,
    unsigned long num)
{
	if (num == 0 || num > SS_MARKER_MAX)
		return false;
	m->type = t;
	m->num = (unsigned)num;
	m->len = skip_spaces(s, n, i);
	m->tight = false;
	return true;
}

/* The words that follow a number that counts or measures (3家, 2型,
 * 10余): after a plain number they make it a quantity.  After 1.5 only
 * the measures do (1.5亿元, 2.5倍, 3.2公里), as 2.1人员 and 1.3分级 are
 * headings. */
static const char units[] =
    "年月日时分秒周天季号期届次批版级等类型项件个名人户家所座台辆套份条"
    "张本册倍元角万亿千百十米吨斤克升度岁余多层段栋间处起宗场轮笔";
static const char measures[] = "万亿千百倍元角米吨斤克升亩余多岁";
static const char *const measures2[] = {
	"公里", "公斤", "公顷", "平方", "立方", "小时", "分钟", "个百", NULL
};

static bool
measure_at(const char *s, size_t n, size_t i, uint32_t cp)
{
	if (utf8_contains(measures, cp))
		return true;
	for (const char *const *w = measures2; *w; w++)
		if (i + 6 <= n && memcmp(s + i, *w, 6) == 0)
			return true;
	return false;
}

/* A full stop inside an outline number: . or the full-width one */
static size_t
dec_point(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '.')
		return 1;
	if (i + 3 <= n && memcmp(s + i, "\xef\xbc\x8e", 3) == 0)
		return 3;
	return 0;
}

/* A decimal outline number at s[i] (its first part read: v, u bytes):
 * 2.3.1 followed by its words, a space or the end of the line; or a plain
 * number followed by a space, or glued to its words (1总则), and then a
 * character that does not make it a quantity. */
static bool
dec_marker(const char *s, size_t n, size_t i, unsigned long v, size_t u,
    struct ss_marker *m)
{
	size_t j = i + u, l, nd, pl, e;
	uint32_t cp;

	m->nparts = 0;
	if (v == 0 || v > 99)
		return false;
	m->parts[m->nparts++] = (unsigned short)v;
	while ((pl = dec_point(s, n, j)) != 0) {
		unsigned long w = ar_number(s + j + pl, n - j - pl, &u, &nd);

		if (nd == 0)
			break;
		if (nd > 3 || w == 0 || m->nparts == SS_DEC_MAX)
			return false;
		m->parts[m->nparts++] = (unsigned short)w;
		j += pl + u;
	}
	if (m->nparts == 1 && dec_point(s, n, j))
		return false;           /* 1. is the arabic marker */
	if (m->nparts > 1 && (pl = dec_point(s, n, j)) != 0)
		j += pl;                /* 1.1. */
	e = skip_spaces(s, n, j);
	cp = peek(s, n, e, &l);
	if (l == 0)
		return m->nparts > 1 && finish(s, n, e, m, MT_DEC, m->parts[m->nparts - 1]);
	if (cp < 0x80 ? cp != '(' : measure_at(s, n, e, cp) ||
	    cp == 0x3001 || cp == 0xFF0C || cp == 0xFF05 || cp == 0xFF09 ||
	    cp == 0xFF0E)
		return false;
	/* a plain number counts only before words (3 总则), not before
	 * more digits, a bracket or a measure word (3家) */
	if (m->nparts == 1 && (!utf8_is_han(cp) || zhnum_is_numeral(cp) ||
	    utf8_contains(units, cp)))
		return false;
	if (!finish(s, n, e, m, MT_DEC, m->parts[m->nparts - 1]))
		return false;
	m->glued = m->nparts == 1 && e == j;
	return true;
}

bool
ss_marker_first(const struct ss_marker *m)
{
	if (m->num != 1)
		return false;
	for (int i = 0; i < m->nparts; i++)
		if (m->parts[i] != 1)
			return false;
	return true;
}

bool
ss_marker_heading(const char *s, size_t n, struct ss_marker *m)
{
	size_t i = skip_spaces(s, n, 0), l, u, nd;
	uint32_t cp = peek(s, n, i, &l);
	long cv;
	bool dot;

	m->overlong = false;
	m->tight = false;
	m->nparts = 0;
	m->glued = false;
	if (l == 0)
		return false;
	if (cp >= 0x2460 && cp <= 0x2473)
		return finish(s, n, i + l, m, MT_CIR, cp - 0x2460 + 1);
	if (cp >= 0x2776 && cp <= 0x277F)
		return finish(s, n, i + l, m, MT_CIR, cp - 0x2776 + 1);
	if (cp >= 0x3251 && cp <= 0x325F)
		return finish(s, n, i + l, m, MT_CIR, cp - 0x3251 + 21);
	if (cp >= 0x2474 && cp <= 0x2487)
		return finish(s, n, i + l, m, MT_ARP, cp - 0x2474 + 1);
	if (cp >= 0x2488 && cp <= 0x249B)
		return finish(s, n, i + l, m, MT_AR, cp - 0x2488 + 1);

	if (is_open(cp)) {
		size_t j = skip_spaces(s, n, i + l), e;
		unsigned long v;
		enum ss_mtype t;

		if ((cv = ss_cn_number(s + j, n - j, &u)) != 0) {
			if (cv < 0) {
				m->overlong = true;
				return false;
			}
			v = (unsigned long)cv;
			t = MT_CNP;
		} else {
			v = ar_number(s + j, n - j, &u, &nd);
			if (nd == 0)
				return false;
			if (nd > 3) {
				m->overlong = nd > 4;
				return false;
			}
			t = MT_ARP;
		}
		e = skip_spaces(s, n, j + u);
		cp = peek(s, n, e, &l);
		if (!is_close(cp))
			return false;
		e += l;
		/* (一)、 happens: the comma belongs to the marker. */
		cp = peek(s, n, e, &l);
		if (cp == 0x3001 || cp == 0xFF0C)
			e += l;
		return finish(s, n, e, m, t, v);
	}

	if (cp == 0x7B2C) {                     /* 第一部分 第一节 第一条 */
		size_t j = i + l;

		if ((cv = ss_cn_number(s + j, n - j, &u)) > 0) {
			uint32_t c2 = peek(s, n, j + u, &l);
			size_t l2, e;
			uint32_t c3 = peek(s, n, j + u + l, &l2);

			if (c2 == 0x7AE0 || c2 == 0x7BC7 || c2 == 0x7F16) /* 章 篇 编 */
				return finish(s, n, j + u + l, m, MT_PART, (unsigned long)cv);
			if (c2 == 0x90E8 && (c3 == 0x5206 || c3 == 0x4EFD)) /* 部分 部份 */
				return finish(s, n, j + u + l + l2, m, MT_PART,
				    (unsigned long)cv);
			if (c2 == 0x8282 || c2 == 0x7BC0)       /* 节 節 */
				return finish(s, n, j + u + l, m, MT_SEC, (unsigned long)cv);
			if (c2 == 0x6761 || c2 == 0x689D) {     /* 条 條 */
				e = j + u + l;
				if (!finish(s, n, e, m, MT_ART, (unsigned long)cv))
					return false;
				/* 第三条规定: prose unless articles are known */
				m->tight = m->len == e && e < n;
				return true;
			}
		}
		return false;
	}

	if ((cv = ss_cn_number(s + i, n - i, &u)) != 0) {
		size_t j = skip_spaces(s, n, i + u), pl = list_punct(s, n, j, &dot);

		/* 一) : the opening bracket left out */
		if (pl == 0 && cv > 0) {
			uint32_t c2 = peek(s, n, j, &l);

			if (c2 == ')' || c2 == 0xFF09)
				return finish(s, n, j + l, m, MT_CNP, (unsigned long)cv);
		}
		/* "一 主要举措": a space alone after a short numeral, when
		 * text follows. */
		if (pl == 0 && cv > 0 && j > i + u && j < n && u <= 6)
			return finish(s, n, j, m, MT_CN, (unsigned long)cv);
		if (pl == 0)
			return false;
		if (cv < 0) {
			m->overlong = true;
			return false;
		}
		if (numeral_run(s, n, j + pl, cv))
			return false;
		/* 壹、 貳、: the financial forms number the level above 一、 */
		return finish(s, n, j + pl, m, zhnum_financial(cp) ? MT_PART : MT_CN,
		    (unsigned long)cv);
	}

	{
		unsigned long v = ar_number(s + i, n - i, &u, &nd);
		size_t j, pl;

		if (nd == 0)
			return false;
		if (nd <= 2 && dec_marker(s, n, i, v, u, m))
			return true;
		m->nparts = 0;
		j = skip_spaces(s, n, i + u);
		cp = peek(s, n, j, &l);
		if (cp == ')' || cp == 0xFF09) {
			if (nd > 3) {
				m->overlong = nd > 4;
				return false;
			}
			return finish(s, n, j + l, m, MT_ARH, v);
		}
		pl = list_punct(s, n, j, &dot);
		if (pl == 0)
			return false;
		/* 1.5亿, 1、2月: a number, not a marker (but 1.2024年 is one). */
		if (is_digit_at(s, n, j + pl) && !year_at(s, n, j + pl))
			return false;
		if (nd > 3) {
			m->overlong = nd > 4;
			return false;
		}
		return finish(s, n, j + pl, m, MT_AR, v);
	}
}

size_t
ss_marker_boundary(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n == 0)
		return 0;
	switch (u[0]) {
	case ',': case ';': case ':': case '!': case '?':
		return 1;
	case 0xE3:
		return n >= 3 && u[1] == 0x80 && u[2] == 0x82 ? 3 : 0;  /* 。 */
	case 0xEF:
		if (n >= 3 && u[1] == 0xBC && (u[2] == 0x8C || u[2] == 0x9B ||
		    u[2] == 0x9A || u[2] == 0x81 || u[2] == 0x9F))
			return 3;                       /* , ; : ! ? */
		return 0;
	}
	return 0;
}

bool
ss_boundary_before(const char *t, size_t q)
{
	if (q >= 1 && ss_marker_boundary(t + q - 1, 1) == 1)
		return true;
	/* an ASCII full stop (--punct=ascii), not the point of 1.5 */
	if (q >= 1 && t[q - 1] == '.')
		return q == 1 || t[q - 2] < '0' || t[q - 2] > '9';
	return q >= 3 && ss_marker_boundary(t + q - 3, 3) == 3;
}

/* , , 、 : : after 第一 or 其一 */
static size_t
item_punct(const char *s, size_t n, size_t i)
{
	size_t l;
	uint32_t cp = peek(s, n, i, &l);

	if (cp == ',' || cp == 0xFF0C || cp == 0x3001 || cp == ':' || cp == 0xFF1A)
		return l;
	return 0;
}

bool
ss_marker_item_lead(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;

	if ((u[0] & 0xF0) != 0xE0)
		return false;
	cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 |
	    (u[2] & 0x3F);
	return cp == 0x7B2C || cp == 0x5176 ||
	    (zhnum_digit(cp) > 0 && marker_numeral(cp));
}

size_t
ss_marker_item(const char *s, size_t n, unsigned *num, unsigned char *style)
{
	size_t l, u, pl;
	uint32_t cp = peek(s, n, 0, &l);
	long v;

	if (l == 0)
		return 0;
	if (cp == 0x7B2C || cp == 0x5176) {             /* 第 其 */
		v = ss_cn_number(s + l, n - l, &u);
		if (v <= 0 || v > 30)
			return 0;
		pl = item_punct(s, n, l + u);
		if (pl == 0)
			return 0;
		*num = (unsigned)v;
		*style = cp == 0x7B2C ? IS_DI : IS_QI;
		return l + u + pl;
	}
	v = ss_cn_number(s, n, &u);
	if (v <= 0 || v > 30)
		return 0;
	cp = peek(s, n, u, &l);
	if (cp == 0x662F)                               /* 是 */
		*style = IS_SHI;
	else if (cp == 0x8981)                          /* 要 */
		*style = IS_YAO;
	else
		return 0;
	*num = (unsigned)v;
	/* 一是,加强… : the comma goes with the marker */
	return u + l + item_punct(s, n, u + l);
}

size_t
ss_marker_numeral(enum ss_mtype t, unsigned v, char *buf)
{
	static const char *const cn[] = {
		"", "一", "二", "三", "四", "五", "六", "七", "八", "九"
	};
	size_t o = 0;

	switch (t) {
	case MT_AR:
	case MT_ARP:
	case MT_ARH:
		if (v >= 100)
			buf[o++] = (char)('0' + v / 100);
		if (v >= 10)
			buf[o++] = (char)('0' + v / 10 % 10);
		buf[o++] = (char)('0' + v % 10);
		return o;
	case MT_CN:
	case MT_CNP:
		if (v >= 100)
			return 0;
		if (v >= 20)
			o += (size_t)(stpcpy(buf + o, cn[v / 10]) - (buf + o));
		if (v >= 10)
			o += (size_t)(stpcpy(buf + o, "十") - (buf + o));
		if (v % 10)
			o += (size_t)(stpcpy(buf + o, cn[v % 10]) - (buf + o));
		return o;
	case MT_CIR:
		return v <= 20 ? (size_t)utf8_encode(0x2460 + v - 1, buf) : 0;
	default:
		return 0;
	}
}
