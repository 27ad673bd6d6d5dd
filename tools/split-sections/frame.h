/*
 * frame: the parts of an official document around its body, after
 * GB/T 9704-2012 (党政机关公文格式): the document number (发文字号,
 * 国发〔2018〕12号), the addressee line (主送机关, 各省、自治区、直辖市人民
 * 政府，国务院各部委、各直属机构：), the signature (发文机关署名) and the
 * date (成文日期) after the body, the closing formula (特此通知), the notes
 * ((此件公开发布)), the list of annexes (附件：1.…) and the label that
 * opens each annex (附件1).  The same lines close a yearly report.
 *
 * Each test reads one row alone; where the row stands (head, body,
 * closing) is the engine's to weigh.
 */
#ifndef SS_FRAME_H
#define SS_FRAME_H

#include <stdbool.h>
#include <stddef.h>

#include "key.h"

/* Bytes of a line of the frame at most (signature, date, note, padded
 * with spaces): longer lines need not be read. */
#define SS_FRAME_LINE_MAX 200

/* 国发〔2018〕12号, 国办发明电〔2018〕15号: the whole line. */
bool ss_frame_docnum(const struct ss_key *k);

/* 国家经贸委、冶金部： — a list of bodies ending in a colon. */
bool ss_frame_addressee(const struct ss_key *k);

/* In this order: a value above SIG_NAME ends a body. */
enum ss_sig {
	SIG_NONE,
	SIG_NAME,               /* the issuing body alone on its line */
	SIG_DATE,               /* the date alone */
	SIG_NAME_DATE,          /* the issuing body and the date */
	SIG_CLOSING             /* 特此报告 / 特此通知 / 此复 */
};

/* The lines that end a document's body. */
int ss_frame_end(const struct ss_key *k);

/* (2025年1月) under a title, or a date alone: the date of the document
 * in its head. */
bool ss_frame_head_date(const struct ss_key *k);

/* (此件公开发布), (本文有删减): a note in brackets. */
bool ss_frame_note(const struct ss_key *k);

/* A note that can be nothing else: (此件…), (本件…), (本文…). */
bool ss_frame_note_words(const struct ss_key *k);

enum ss_annex {
	AX_NONE,
	AX_LABEL,               /* 附件, 附件2, 附件：, alone */
	AX_TEXT                 /* 附件：1.… or 附件1：… with text after */
};

/* A line opening with 附件 (or 附表): the list of annexes or an annex's
 * label.  *num: the annex number written (0 none); *rest: the byte
 * offset in the raw text t where the text after the label starts. */
int ss_frame_annex(const char *t, size_t n, unsigned *num, size_t *rest);

/* The issuing body alone (青川市滨江区人民政府): a signature, or the first
 * line of a title set as body / 关于…的报告. */
bool ss_frame_body_name(const struct ss_key *k);

#endif
