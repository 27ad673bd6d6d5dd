/*
 * htmlmeta: what a page says about its document — the head's <title>,
 * the meta tags of the CMSs Chinese government sites use (TRS, Hanweb:
 * ArticleTitle, PubDate, ContentSource; Open Graph), the canonical link,
 * and the labelled fields of the 索引号 table and of visible lines
 * (发布日期：…, 发文字号：…, 来源：…).  Each field keeps the value of the
 * best-ranked place it was found in (lower rank wins).
 */
#ifndef ZN_HTMLMETA_H
#define ZN_HTMLMETA_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

enum { HM_TITLE, HM_DATE, HM_SOURCE, HM_DOCNO, HM_URL, HM_N };

/* Ranks: meta tags, then the metadata table, then visible lines. */
enum { HM_RANK_TAG = 10, HM_RANK_TABLE = 20, HM_RANK_LINE = 30, HM_RANK_NONE = 1000 };

struct hmeta {
	struct buf title;               /* <title> as written */
	unsigned long title_line;
	struct buf f[HM_N];
	int rank[HM_N];
};

void hmeta_clear(struct hmeta *m);
void hmeta_free(struct hmeta *m);
/* A <meta>, <link> or <title> element (a GumboElement); base is the
 * number of source lines before the parsed piece. */
void hmeta_element(struct hmeta *m, const void *gumbo_element, unsigned long base);
/* Sets field k from s[0..n) if rank r beats what it has (dates are
 * normalised first and ignored when they do not parse). */
void hmeta_set(struct hmeta *m, int k, int r, const char *s, size_t n);
/* Reads the labelled fields of one line or table row; rank r (a table's
 * date labels rank apart: 发布日期 before 成文日期).  Returns how many
 * labels the line has (metadata labels such as 索引号 included). */
int hmeta_labels(struct hmeta *m, int r, const char *s, size_t n);
/* How many labels s[0..n) has, title labels (名称：) only if titles. */
int hmeta_count_labels(const char *s, size_t n, bool titles);
/* The line opens with a field label (名称：, 发文字号 |). */
bool hmeta_label_first(const char *s, size_t n);
/* The first date in s as YYYY-MM-DD (2023-1-5, 2023/01/05, 2023年1月5日,
 * 2023-01-05T10:00+08:00); false if there is none. */
bool hmeta_iso_date(const char *s, size_t n, char out[11]);
/* The same, with where the date is written: s[*from, *to). */
bool hmeta_date_span(const char *s, size_t n, char out[11], size_t *from, size_t *to);
/* The first n2 bytes of needle in hay[0..n), like memmem (which C11
 * and POSIX lack). */
const void *hmeta_find(const void *hay, size_t n, const void *needle, size_t n2);
size_t hmeta_wide_space_at(const char *s, size_t n, size_t i);
/* A document number alone on a line: 某府办发〔2023〕12号. */
bool hmeta_is_docno(const char *s, size_t n);


/* The width in bytes of a space at s[i] (ASCII, U+00A0, U+2000..U+200A,
 * U+202F, U+205F, U+3000), or 0.  Inline: the scans call it per byte. */
static inline size_t
hmeta_space_at(const char *s, size_t n, size_t i)
{
	unsigned char c;

	if (i >= n)
		return 0;
	c = (unsigned char)s[i];
	if (c == ' ' || c == '\t')
		return 1;
	if (c != 0xC2 && c != 0xE2 && c != 0xE3)
		return 0;
	return hmeta_wide_space_at(s, n, i);
}

#endif
