/*
 * article: which lines of a parsed page are the document — its title,
 * body and frame (发文字号, 主送机关, signature, date, 附件) — and which
 * are the page around it.
 *
 * Every block element is scored by the text it holds: characters of
 * lines that read as prose (punctuated, few links) count for it, link
 * text and lines the chrome patterns know count against it, and class
 * or id names of the CMS containers (TRS_Editor, zoom, UCAP-CONTENT,
 * content, article …) or of page furniture (nav, footer, share …)
 * weigh in.  The best element is the article; its title is looked for
 * before its first prose (an h1, a title class, the text of
 * ArticleTitle or <title>; further up, only a line that is the head's
 * title), the lines between the two are its head, and short frame
 * lines after it (signature, date, attachments) are kept.  Inside the
 * article, hidden text, link lists, furniture and widgets (a form
 * control with little prose around it) are dropped; short runs of link
 * lines between prose (a digest's items) stay.  At its edges, credits,
 * bylines, counters, notices and the title again go (artline.c reads
 * the lines).  The 索引号 table anywhere is read for its fields and
 * dropped; the lines under the title give the date and an unlabelled
 * source (2018年12月28日 19:55 新京报).
 */
#ifndef ZN_ARTICLE_H
#define ZN_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "chrome.h"
#include "html.h"

enum {
	AR_OUT,                 /* page around the article: chrome */
	AR_BODY,                /* the article (the chrome window still applies) */
	AR_DROP,                /* inside the article, but furniture: chrome */
	AR_TITLE,               /* the title row (its lines joined) */
	AR_JOINED,              /* a further line of the title, joined to it */
};

struct article {
	unsigned char *role;    /* per line */
	size_t cap;
	bool found;
	size_t title;           /* index of the AR_TITLE line, or (size_t)-1 */
	struct buf title_text;  /* the title, also when no line holds it */
	double *good, *bad;     /* per element, scratch */
	size_t capel;
};

void article_select(struct article *a, struct hpage *pg, struct chrome *ch);
void article_free(struct article *a);

#endif
