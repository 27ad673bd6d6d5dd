/*
 * marker: the numbering that opens a heading (一、 (一) 1. (1) ① 第一章
 * 第一条) and the inline enumeration markers of a paragraph (一是 第一,
 * 其一, and (1) ① 1. inside a line).
 *
 * Only the shape of a marker is read here; whether it really opens a
 * heading is the tree's decision (numbering continuity, tree.c).
 */
#ifndef SS_MARKER_H
#define SS_MARKER_H

#include <stdbool.h>
#include <stddef.h>

/* Heading marker types, in GB/T 9704 rank order: a lower value is a
 * higher level when a document does not say otherwise. */
enum ss_mtype {
	MT_PART,        /* 第一部分, 第一章, 壹、 */
	MT_SEC,         /* 第一节 */
	MT_ART,         /* 第一条, the articles of a regulation */
	MT_CN,          /* 一、 一, 一. */
	MT_CNP,         /* (一) (一) */
	MT_AR,          /* 1. 1、 1. 1, */
	MT_ARP,         /* (1) (1) ⑴ */
	MT_ARH,         /* 1) */
	MT_CIR,         /* ① ❶ */
	MT_DEC,         /* 1 总则, 1.1 编制目的, 2.3.1: the parts give the depth */
	MT_BARE,        /* 存在的问题: a part named with no number, above all */
	MT_COUNT
};

/* Marker numbers above this are not numbering but text (a year, a sum). */
#define SS_MARKER_MAX 999
/* Parts of a decimal outline number (5.1.2.3) at most. */
#define SS_DEC_MAX 6

struct ss_marker {
	enum ss_mtype type;
	unsigned num;
	size_t len;             /* bytes of the marker, trailing spaces included */
	bool overlong;          /* numbering-shaped but too long: kept as text */
	bool tight;             /* 第一条 run into its text with no space */
	/* MT_DEC: the parts of 2.3.1 (num is the last one); glued: a
	 * plain number run into its words (1总则), a heading only where an
	 * outline already stands */
	unsigned char nparts;
	bool glued;
	unsigned short parts[SS_DEC_MAX];
};

/* Whether m numbers the first of its level: 一、, (1), 1.1, 1.1.1. */
bool ss_marker_first(const struct ss_marker *m);

/* Parses a heading marker at the start of s.  Returns false when there is
 * none (m->overlong may still be set, for a warning). */
bool ss_marker_heading(const char *s, size_t n, struct ss_marker *m);

/* Inline enumeration styles: the words (一是 …) and the numbered lists
 * written inside a line ((1)…;(2)…). */
enum ss_istyle {
	IS_SHI,         /* 一是 */
	IS_YAO,         /* 一要 */
	IS_DI,          /* 第一, */
	IS_QI,          /* 其一, */
	IS_LIST         /* (1) ① 1. inside a line: style IS_LIST + marker type */
};

struct ss_imark {
	size_t pos;             /* byte offset of the marker */
	size_t end;             /* byte offset just after it */
	unsigned num;
	unsigned char style;
	bool acc;               /* accepted as an item */
	bool glued;             /* 一是 right after a character, no stop */
};

/* Parses an inline enumeration marker at s (which must be at the start of
 * the text or just after a clause boundary).  Returns its length or 0. */
size_t ss_marker_item(const char *s, size_t n, unsigned *num,
    unsigned char *style);

/* Quick test of the first character (three bytes must be there): false
 * when s cannot start an enumeration marker. */
bool ss_marker_item_lead(const char *s);

/* Length of a clause boundary character at s (。,;:!? in full or half
 * width), or 0: inline enumeration markers only count right after one. */
size_t ss_marker_boundary(const char *s, size_t n);

/* Whether a clause boundary ends just before t[q]: one of the above, or
 * an ASCII full stop (zh-normalize --punct=ascii) not after a digit. */
bool ss_boundary_before(const char *t, size_t q);

/* Parses a Chinese numeral (一 … 九十九, 〇/零 forms, 壹 … 拾) at s.
 * Returns its value, 0 when there is none, or -1 when it is longer than
 * 九十九; *used gets its length in bytes. */
long ss_cn_number(const char *s, size_t n, size_t *used);

/* The numeral of marker number v as written in a marker of type t
 * (2, 二, 十一, ②) into buf (16 bytes), or 0 when it has no plain form. */
size_t ss_marker_numeral(enum ss_mtype t, unsigned v, char *buf);

#endif
