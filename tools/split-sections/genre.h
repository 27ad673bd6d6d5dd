/*
 * genre: what kind of document a title names, and the standard parts of
 * plans, opinions and notices.
 *
 * A yearly report (…年度报告, …工作情况, …总结; with 关于, only when it
 * names a year or its rule-of-law work) has the parts of part.h; a plan,
 * opinion or notice (方案 规划 计划 纲要 要点 意见 通知 通报 决定 措施
 * 预案) has aims, tasks and safeguards; a reply, a letter, a report on a
 * question and any other kind (批复 复函 函 答复 办法 规定 条例 公告 …,
 * and 批覆 as traditional text often writes it) has no parts: other.
 * A document whose title is not known is read as a report.
 */
#ifndef SS_GENRE_H
#define SS_GENRE_H

#include <stdbool.h>

enum ss_genre {
	G_UNKNOWN,      /* no title seen: read as a report */
	G_REPORT,
	G_PLAN,         /* plans, opinions, notices */
	G_OTHER
};

/* The genre a title line names at its end (or by its report words), or
 * G_UNKNOWN when this line does not say.  about: an earlier line of the
 * title had 关于 (a report 关于…问题的报告 is no yearly report). */
int ss_genre_of_title(const char *key, bool about);

/* Whether a title line issues or forwards a document (印发, 转发, 批转),
 * and whether it ends as such a title does (…的通知, …的函): until then
 * the title goes on (…关于印发某某规划 / 实施方案的通知). */
bool ss_genre_issues(const char *key);
bool ss_genre_wrapper_end(const char *key);

/* Whether a title names rules written in articles (办法, 规定, 条例,
 * 细则 …): their 第一条 may run into its text with no space. */
bool ss_genre_articles(const char *key);

/* The part a heading of a plan, opinion or notice names: P_AIMS
 * (总体要求, 指导思想, 基本原则, 主要目标 …), P_TASKS (主要任务, 重点任务
 * …), P_SAFEGUARDS (保障措施, 组织实施, 组织领导, 工作要求 …), or
 * P_NONE.  key: the heading's text up to its first stop. */
int ss_genre_part(const char *key);

#endif
