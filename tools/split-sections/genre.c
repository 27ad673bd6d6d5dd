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

int
ss_genre_of_title(const char *k)
{
	static const char *const plan[] = {
		"方案", "规划", "计划", "纲要", "要点", "意见", "通知", "通报",
		"决定", "措施", NULL
	};
	static const char *const other[] = {
		"批复", "批覆", "复函", "函", "办法", "规定", "细则", "条例", "规则",
		"公告", "通告", "决议", "请示", "纪要", "指南", "指引", "清单",
		"名单", "目录", NULL
	};
	size_t kl = title_end(k);

	/* …意见的报告, …工作情况报告: the last word decides */
	if (ends_with(k, kl, "报告") || ends_with(k, kl, "总结") ||
	    ends_with(k, kl, "情况"))
		return G_REPORT;
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
