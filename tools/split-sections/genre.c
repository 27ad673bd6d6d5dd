#include <stdbool.h>
#include <string.h>

#include "genre.h"
#include "part.h"
#include "utf8.h"

/* A heading longer than this is a run-in sentence, not the name of a
 * part ("坚持以人民为中心的发展思想…"). */
#define PART_NAME_CPS 16

static bool
ends_with(const char *k, size_t kl, const char *w)
{
	size_t l = strlen(w);

	return kl >= l && memcmp(k + kl - l, w, l) == 0;
}

/* The end of a title's words: spaces and a last bracket ((试行),
 * (2021—2025年)) aside. */
static size_t
title_end(const char *k)
{
	size_t kl = strlen(k);

	while (kl > 0 && k[kl - 1] == ' ')
		kl--;
	if (kl > 2 && k[kl - 1] == ')') {
		const char *o = strrchr(k, '(');

		if (o && o > k)
			kl = (size_t)(o - k);
	}
	return kl;
}

bool
ss_genre_issues(const char *k)
{
	return strstr(k, "印发") || strstr(k, "转发") || strstr(k, "批转");
}

bool
ss_genre_wrapper_end(const char *k)
{
	static const char *const ends[] = {
		"通知", "函", "决定", "意见", "批复", "批覆", "通报", "请示", NULL
	};
	size_t kl = title_end(k);

	for (const char *const *w = ends; *w; w++)
		if (ends_with(k, kl, *w))
			return true;
	return false;
}

bool
ss_genre_articles(const char *k)
{
	static const char *const rules[] = {
		"办法", "规定", "条例", "细则", "规则", "章程", "准则", NULL
	};
	size_t kl = title_end(k);

	for (const char *const *w = rules; *w; w++)
		if (ends_with(k, kl, *w))
			return true;
	return false;
}

/* The words of a yearly report's title: a year, 法治, 依法, 年度,
 * 工作报告, 工作总结 (its work of the year). */
static bool
yearly_report(const char *k, bool about)
{
	static const char *const words[] = {
		"法治", "依法", "年度", "工作报告", "工作总结", "工作情况",
		"建设情况", NULL
	};

	if (!about && strstr(k, "关于") == NULL)
		return true;
	for (const char *const *w = words; *w; w++)
		if (strstr(k, *w))
			return true;
	for (const char *p = k; *p; p++)
		if ((p[0] == '1' || p[0] == '2') && (p[1] == '9' || p[1] == '0') &&
		    p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9')
			return true;
	return false;
}

int
ss_genre_of_title(const char *k, bool about)
{
	static const char *const plan[] = {
		"方案", "规划", "计划", "纲要", "要点", "意见", "通知", "通报",
		"决定", "措施", "预案", NULL
	};
	static const char *const other[] = {
		"批复", "批覆", "复函", "函", "办法", "规定", "细则", "条例", "规则",
		"公告", "通告", "决议", "请示", "纪要", "指南", "指引", "清单",
		"名单", "目录", "答复", NULL
	};
	size_t kl = title_end(k);

	/* …意见的报告, …工作情况报告: the last word decides; a report on a
	 * question (关于…问题的报告, to the State Council) is no yearly
	 * report, which names its year or its rule-of-law work */
	if (ends_with(k, kl, "报告") || ends_with(k, kl, "总结") ||
	    ends_with(k, kl, "情况"))
		return yearly_report(k, about) ? G_REPORT : G_OTHER;
	for (const char *const *w = plan; *w; w++)
		if (ends_with(k, kl, *w))
			return G_PLAN;
	for (const char *const *w = other; *w; w++)
		if (ends_with(k, kl, *w))
			return G_OTHER;
	if (strstr(k, "报告") || strstr(k, "总结"))
		return G_REPORT;
	return G_UNKNOWN;
}

int
ss_genre_part(const char *k)
{
	static const char *const aims[] = {
		"总体要求", "指导思想", "基本原则", "工作原则", "主要目标",
		"工作目标", "发展目标", "总体目标", "目标任务", "目标要求",
		"总体思路", "基本思路", "工作思路", NULL
	};
	static const char *const safeguards[] = {
		"保障措施", "保障机制", "组织实施", "组织领导", "组织保障",
		"实施保障", "工作保障", "政策保障", "工作要求", "有关要求",
		"相关要求", "实施要求", NULL
	};
	static const char *const tasks[] = {
		"主要任务", "重点任务", "工作任务", "重点工作", "主要措施",
		"具体措施", "政策措施", "工作措施", "主要内容", NULL
	};

	if (utf8_count(k, strlen(k)) > PART_NAME_CPS)
		return P_NONE;
	for (const char *const *w = aims; *w; w++)
		if (strstr(k, *w))
			return P_AIMS;
	for (const char *const *w = safeguards; *w; w++)
		if (strstr(k, *w))
			return P_SAFEGUARDS;
	for (const char *const *w = tasks; *w; w++)
		if (strstr(k, *w))
			return P_TASKS;
	return P_NONE;
}
