/*
 * runin: the line of a marker.  Where its heading ends when the body runs
 * on in the same line ((一)加强制度建设。全年…), and whether the line is
 * a list written as a paragraph (1.成立登记38件;2.变更登记102件;…).
 */
#ifndef SS_RUNIN_H
#define SS_RUNIN_H

#include <stdbool.h>
#include <stddef.h>

#include "marker.h"

/* A heading longer than this (up to its colon, if any) reads as a
 * paragraph when the numbering alone cannot decide. */
#define SS_HEAD_LIKE_CPS 60

/* The end of the heading text of line t, which starts at byte from
 * (after the marker): the end of the first sentence, or the start of a
 * body run in with no stop (一、总体情况2024年,我局…; 健全调解机制一是…
 * when 二是 follows).  *proper: the end of the heading proper, at its
 * colon (制度建设:修订…), whose words name its part; *cps: its code
 * points, the measure of whether it reads as a heading. */
size_t ss_runin_end(const char *t, size_t n, size_t from, size_t *proper,
    size_t *cps);

/* Whether the next number of marker m's kind follows a clause boundary
 * later in the line: a list written as a paragraph. */
bool ss_runin_list(const char *t, size_t n, const struct ss_marker *m);

/* Whether t has no clause boundary (。,;:!? full or half width). */
bool ss_runin_plain(const char *t, size_t n);

/* Whether position q of t is at the start of the text or after a clause
 * boundary (spaces between allowed). */
bool ss_after_boundary(const char *t, size_t q);

/* Code points in s: bytes that do not continue a UTF-8 sequence (off from
 * utf8_count only on invalid text, where it needs no precision). */
size_t ss_cp_count(const char *s, size_t n);

#endif
