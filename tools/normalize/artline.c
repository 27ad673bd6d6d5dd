#include <stdint.h>
#include <string.h>

#include "artline.h"
#include "htmlmeta.h"
#include "utf8.h"

/* The text without the spaces it starts with (an indent of U+3000). */
const char *
aline_lead(const char *s, size_t *n)
{
	size_t k;

	while (*n > 0 && (k = hmeta_space_at(s, *n, 0)) > 0) {
		s += k;
		*n -= k;
	}
	return s;
}

/* Han characters in s[0..n), up to max. */
unsigned
aline_han_count(const char *s, size_t n, unsigned max)
{
	unsigned c = 0;

	for (size_t i = 0; i < n && c < max; ) {
		uint32_t cp = utf8_next(s, n, &i);

		c += cp >= 0x3400 && cp <= 0x9FFF;
	}
	return c;
}

/* A line that starts the page's related-links part: 推荐阅读, 相关新闻,
 * 延伸阅读, 猜你喜欢 … alone on its line. */
bool
aline_related_heading(const struct hline *l, const char *text)
{
	static const char *const head[] = { "推荐", "延伸", "相关", "关联", "热门", "精彩",
		"精选", "扩展", "拓展", "热点", "更多", "今日", "编辑", "往期", "作者", NULL };
	static const char *const tail[] = { "阅读", "新闻", "文章", "推荐", "链接",
		"资讯", "专题", "视频", "图片", "图集", "回顾", "稿件", "报道", NULL };
	size_t n = l->len;
	const char *s = aline_lead(text, &n);

	if (l->chars > 10)
		return false;
	if (aline_ends(s, n, "：") || aline_ends(s, n, ":"))
		n -= s[n - 1] == ':' ? 1 : 3;
	if (aline_starts(s, n, "猜你喜欢") || aline_starts(s, n, "为你推荐") ||
	    aline_starts(s, n, "大家都在看"))
		return true;
	for (int h = 0; head[h]; h++) {
		if (!aline_starts(s, n, head[h]))
			continue;
		for (int t = 0; tail[t]; t++)
			if (aline_ends(s, n, tail[t]) && n <= strlen(head[h]) + strlen(tail[t]) + 6)
				return true;
	}
	return false;
}

/* 免责声明：… 特别声明：… 【免责声明】… (a platform's, at the end). */
bool
aline_statement(const char *s, size_t n)
{
	const char *p = hmeta_find(s, n < 21 ? n : 21, "声明", 6);

	return p && (size_t)(p - s) + 8 < n && (memcmp(p + 6, "：", 3) == 0 ||
	    p[6] == ':' || memcmp(p + 6, "】", 3) == 0);
}

/* Credit, copyright and widget lines: 本文来自…, 未经授权不得转载,
 * 责编：…, 某某办供稿, 关注公众号…, 阅读全文 …, and a call to action (…火热进行中！
 * 【点击投票】) */
static bool
credit_cue(const char *s, size_t n)
{
	static const char *const cue[] = { "本文来自", "本文来源", "未经授权", "不得转载",
		"转载请注明", "版权声明", "原文链接", "责任编辑", "责编", "公众号",
		"阅读全文", "展开全文", "阅读剩余", "查看原文", "查看全文", "查看原图",
		"查看大图", "语音播报", "仅提供信息存储", "减少此类", "此类内容推荐",
		"此类推荐", "【点击", "供稿", NULL };

	for (int k = 0; cue[k]; k++)
		if (hmeta_find(s, n, cue[k], strlen(cue[k])))
			return true;
	if (aline_statement(s, n))
		return true;
	/* 首页 | 上一页 1 下一页 | 尾页 */
	return n < 90 && hmeta_find(s, n, "上一页", 9) && hmeta_find(s, n, "下一页", 9);
}

/* A credit line: a reporter's byline (本报记者 某某 某某, （总台央视记者
 * 某某）), the staff of a piece (文/某某, 编辑 某某｜排版 某某), or a
 * newspaper's edition note (《某某日报》（2024年05月10日 04 版）). */
static bool
byline(const struct hline *l, const char *s, size_t n)
{
	static const char *const who[] = { "文", "图", "编辑", "作者", "摄影", "摄像",
		"排版", "校对", "审核", "统筹", "监制", "策划", "记者", "通讯员", NULL };
	char iso[11];
	const char *p;

	if (l->chars > 40)
		return false;
	if (aline_starts(s, n, "《") && hmeta_find(s, n, "》", 3) &&
	    hmeta_iso_date(s, n, iso) && (aline_ends(s, n, "版）") || aline_ends(s, n, "版)")))
		return true;
	if (l->punct > 0 && !hmeta_find(s, n, "、", 3))
		return false;
	/* （…记者 某某 某某） */
	if ((aline_starts(s, n, "（") && aline_ends(s, n, "）")) || (n > 2 && s[0] == '(' &&
	    s[n - 1] == ')')) {
		size_t k = s[0] == '(' ? 1 : 3;

		s += k;
		n -= 2 * k;
	}
	/* 本报记者, 新华社记者, 总台央视记者: 记者 within the first words */
	p = hmeta_find(s, n < 24 ? n : 24, "记者", 6);
	if (p && (size_t)(p - s) + 6 < n && (p[6] == ' ' || (unsigned char)p[6] >= 0xE0))
		return true;
	for (int k = 0; who[k]; k++) {
		size_t w = strlen(who[k]);

		if (!aline_starts(s, n, who[k]) || n <= w)
			continue;
		if (s[w] == '/' || s[w] == ' ' || (n - w >= 3 &&
		    (memcmp(s + w, "／", 3) == 0 || hmeta_space_at(s, n, w) > 0)))
			return true;
	}
	return false;
}

/* A counter: 阅读数(15878), 浏览量 1.2万, 评论 (3). */
static bool
counter_line(const struct hline *l, const char *s, size_t n)
{
	static const char *const what[] = { "阅读", "浏览", "点击", "评论", "访问",
		"点赞", NULL };
	size_t i;
	int k;

	if (l->chars > 20)
		return false;
	for (k = 0; what[k]; k++)
		if (aline_starts(s, n, what[k]))
			break;
	if (!what[k])
		return false;
	for (i = strlen(what[k]); i < n; ) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= '0' && c <= '9') || c == ' ' || c == '(' || c == ')' || c == '.' ||
		    c == ':') {
			i++;
		} else if (n - i >= 3 && (memcmp(s + i, "数", 3) == 0 ||
		    memcmp(s + i, "量", 3) == 0 || memcmp(s + i, "次", 3) == 0 ||
		    memcmp(s + i, "万", 3) == 0 || memcmp(s + i, "（", 3) == 0 ||
		    memcmp(s + i, "）", 3) == 0 || memcmp(s + i, "：", 3) == 0)) {
			i += 3;
		} else {
			return false;
		}
	}
	return true;
}

/* A date alone, written as documents write it (2012年6月24日): a line of
 * the text itself where it stands inside the article's element. */
bool
aline_bare_doc_date(const char *s, size_t n)
{
	char iso[11];
	size_t from, to;

	if (!hmeta_date_span(s, n, iso, &from, &to) || !hmeta_find(s + from,
	    to - from, "年", 3))
		return false;
	while (from > 0 && s[from - 1] == ' ')
		from--;
	while (to < n && s[to] == ' ')
		to++;
	return from == 0 && to == n;
}

/* An agency's or a paper's name: 新华社, 新京报, 中国新闻网, 某某局. */
bool
aline_org_name(const char *s, size_t n)
{
	static const char *const tail[] = { "社", "报", "网", "台", "刊", "杂志", "新闻",
		"局", "部", "委", "厅", "办", "署", "中心", "政府", "办公室", NULL };

	/* Two to twelve characters, two of them Chinese at least, the rest
	 * letters and digits (39健康网). */
	if (n < 6 || n > 36 || aline_han_count(s, n, 2) < 2)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z')))
			return false;
	}
	for (int k = 0; tail[k]; k++)
		if (aline_ends(s, n, tail[k]))
			return true;
	return false;
}

/* 相关解读：…, 延伸阅读：…: a link that points away from the text. */
bool
aline_related_label(const char *s, size_t n)
{
	static const char *const head[] = { "相关", "关联", "延伸", "推荐", "更多",
		"热门", "往期", "上一篇", "下一篇", NULL };
	const char *c;

	s = aline_lead(s, &n);
	c = hmeta_find(s, n < 24 ? n : 24, "：", 3);
	if (!c)
		c = memchr(s, ':', n < 24 ? n : 24);
	for (int k = 0; c && head[k]; k++)
		if (aline_starts(s, n, head[k]))
			return true;
	return false;
}

bool
aline_credit(const struct hline *l, const char *s, size_t n)
{
	return credit_cue(s, n) || byline(l, s, n) || counter_line(l, s, n);
}

bool
aline_breadcrumb(const char *s, size_t n)
{
	static const char *const where[] = { "当前位置", "您的位置", "你的位置",
		"您现在的位置", "所在位置", NULL };
	static const char *const sep[] = { ">", "-", "/", "|", "»", "›", "＞", "－",
		"→", "》", NULL };

	s = aline_lead(s, &n);
	for (int k = 0; where[k]; k++)
		if (aline_starts(s, n, where[k]))
			return true;
	if (!aline_starts(s, n, "首页"))
		return false;
	s += 6;
	n -= 6;
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	for (int k = 0; sep[k]; k++)
		if (aline_starts(s, n, sep[k]))
			return true;
	return false;
}

bool
aline_close_mark(const char *s, size_t n)
{
	s = aline_lead(s, &n);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return (n == 2 && memcmp(s, "×", 2) == 0) || (n == 3 && memcmp(s, "✕", 3) == 0) ||
	    (n == 6 && memcmp(s, "关闭", 6) == 0);
}

bool
aline_ad(const struct hline *l, const char *s, size_t n)
{
	s = aline_lead(s, &n);
	return aline_starts(s, n, "广告") && (l->chars <= 5 || l->link_chars * 2 > l->chars);
}
