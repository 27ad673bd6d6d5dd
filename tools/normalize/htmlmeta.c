#include <gumbo.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "htmlmeta.h"
#include "utf8.h"

const void *
hmeta_find(const void *hay, size_t n, const void *needle, size_t n2)
{
	const unsigned char *h = hay, *e = h + n, *nd = needle;

	if (n2 == 0)
		return hay;
	while (n2 <= (size_t)(e - h) && (h = memchr(h, nd[0], (size_t)(e - h) - n2 + 1))) {
		if (memcmp(h, nd, n2) == 0)
			return h;
		h++;
	}
	return NULL;
}

void
hmeta_clear(struct hmeta *m)
{
	buf_clear(&m->title);
	m->title_line = 0;
	for (int k = 0; k < HM_N; k++) {
		buf_clear(&m->f[k]);
		m->rank[k] = HM_RANK_NONE;
	}
}

void
hmeta_free(struct hmeta *m)
{
	buf_free(&m->title);
	for (int k = 0; k < HM_N; k++)
		buf_free(&m->f[k]);
}

static bool
digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads 1 to max digits at s[*i]. */
static int
number(const char *s, size_t n, size_t *i, int max, unsigned *v)
{
	int d = 0;

	*v = 0;
	while (*i < n && d < max && digit(s[*i])) {
		*v = *v * 10 + (unsigned)(s[*i] - '0');
		++*i;
		d++;
	}
	return d;
}

/* A separator between date parts: - / . 年 月 (and spaces around). */
static bool
date_sep(const char *s, size_t n, size_t *i)
{
	size_t j = *i;

	while (j < n && s[j] == ' ')
		j++;
	if (j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.'))
		j++;
	else if (n - j >= 3 && (memcmp(s + j, "年", 3) == 0 || memcmp(s + j, "月", 3) == 0))
		j += 3;
	else
		return false;
	while (j < n && s[j] == ' ')
		j++;
	*i = j;
	return true;
}

bool
hmeta_iso_date(const char *s, size_t n, char out[11])
{
	for (size_t i = 0; i + 8 <= n; i++) {
		size_t j = i;
		unsigned y, mo, d;

		if (!digit(s[i]) || (i > 0 && digit(s[i - 1])))
			continue;
		if (number(s, n, &j, 4, &y) != 4 || y < 1900 || y > 2100)
			continue;
		if (j + 4 <= n && digit(s[j]) && digit(s[j + 1]) && digit(s[j + 2]) &&
		    digit(s[j + 3]) && (j + 4 == n || !digit(s[j + 4]))) {
			/* 20230105 */
			mo = (unsigned)(s[j] - '0') * 10 + (unsigned)(s[j + 1] - '0');
			d = (unsigned)(s[j + 2] - '0') * 10 + (unsigned)(s[j + 3] - '0');
		} else {
			if (!date_sep(s, n, &j) || number(s, n, &j, 2, &mo) == 0 ||
			    !date_sep(s, n, &j) || number(s, n, &j, 2, &d) == 0)
				continue;
			if (j < n && digit(s[j]))
				continue;
		}
		if (mo < 1 || mo > 12 || d < 1 || d > 31)
			continue;
		snprintf(out, 11, "%04u-%02u-%02u", y, mo, d);
		return true;
	}
	return false;
}

static bool
is_space_at(const char *s, size_t n, size_t i, size_t *k)
{
	unsigned char c = (unsigned char)s[i];

	if (c == ' ' || c == '\t') {
		*k = 1;
		return true;
	}
	if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
		*k = 2;
		return true;
	}
	if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0x80) {
		*k = 3;
		return true;
	}
	return false;
}

/* Trims spaces (ASCII, NBSP, U+3000) and stray punctuation of a field. */
static void
trim(const char **sp, size_t *np)
{
	const char *s = *sp;
	size_t n = *np, k;

	while (n > 0 && (is_space_at(s, n, 0, &k) || s[0] == '|')) {
		if (s[0] == '|')
			k = 1;
		s += k;
		n -= k;
	}
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '|' || s[n - 1] == '\t')) {
			n--;
		} else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 &&
		    (unsigned char)s[n - 1] == 0xA0) {
			n -= 2;
		} else if (n >= 3 && (memcmp(s + n - 3, "\u3000", 3) == 0 ||
		    memcmp(s + n - 3, "】", 3) == 0 || memcmp(s + n - 3, "，", 3) == 0)) {
			n -= 3;
		} else {
			break;
		}
	}
	*sp = s;
	*np = n;
}

static int label_at(const char *s, size_t n, size_t *len);

void
hmeta_set(struct hmeta *m, int k, int r, const char *s, size_t n)
{
	char iso[11];

	if (r >= m->rank[k])
		return;
	trim(&s, &n);
	if (n == 0 || n > 600)
		return;
	if (k == HM_DATE) {
		if (!hmeta_iso_date(s, n, iso))
			return;
		s = iso;
		n = 10;
	}
	if (k == HM_SOURCE) {
		size_t len;

		if (label_at(s, n, &len) >= 0) {
			s += len;
			n -= len;
			trim(&s, &n);
		}
	}
	if (n == 0 || !utf8_valid(s, n) || memchr(s, '\n', n) || memchr(s, '\t', n))
		return;
	buf_clear(&m->f[k]);
	buf_add(&m->f[k], s, n);
	m->rank[k] = r;
}

static const char *
gattr(const GumboElement *e, const char *name)
{
	GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);

	return a ? a->value : NULL;
}

/* Meta names (name, property or itemprop) and the field each gives. */
static const struct { const char *name; int field, rank; } meta_names[] = {
	{ "ArticleTitle", HM_TITLE, 0 }, { "og:title", HM_TITLE, 1 },
	{ "PubDate", HM_DATE, 0 }, { "publishdate", HM_DATE, 0 },
	{ "article:published_time", HM_DATE, 1 }, { "datePublished", HM_DATE, 1 },
	{ "publish_date", HM_DATE, 1 }, { "pubdate", HM_DATE, 1 },
	{ "firstpublishedtime", HM_DATE, 2 }, { "og:release_date", HM_DATE, 2 },
	{ "ContentSource", HM_SOURCE, 0 }, { "source", HM_SOURCE, 1 },
	{ "og:url", HM_URL, 1 }, { "url", HM_URL, 2 },
};

void
hmeta_element(struct hmeta *m, const void *ge, unsigned long base)
{
	const GumboElement *e = ge;
	const char *name, *v;

	if (e->tag == GUMBO_TAG_TITLE) {
		if (m->title.len || e->children.length == 0)
			return;
		for (unsigned i = 0; i < e->children.length; i++) {
			const GumboNode *k = e->children.data[i];

			if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE)
				buf_adds(&m->title, k->v.text.text);
		}
		m->title_line = base + e->start_pos.line;
		return;
	}
	if (e->tag == GUMBO_TAG_LINK) {
		const char *rel = gattr(e, "rel");

		if (rel && strcasecmp(rel, "canonical") == 0 && (v = gattr(e, "href")))
			hmeta_set(m, HM_URL, HM_RANK_TAG, v, strlen(v));
		return;
	}
	if ((v = gattr(e, "content")) == NULL)
		return;
	if ((name = gattr(e, "name")) == NULL && (name = gattr(e, "property")) == NULL &&
	    (name = gattr(e, "itemprop")) == NULL)
		return;
	for (size_t i = 0; i < sizeof meta_names / sizeof meta_names[0]; i++)
		if (strcasecmp(name, meta_names[i].name) == 0) {
			if (meta_names[i].field == HM_URL && strchr(v, ' '))
				return;
			hmeta_set(m, meta_names[i].field, HM_RANK_TAG + meta_names[i].rank,
			    v, strlen(v));
			return;
		}
}

/* Labels of metadata fields as pages write them (spaces removed), the
 * field each names (-1: a label that only ends the value before it) and
 * its rank within its place. */
static const struct { const char *label; int field, rank; } labels[] = {
	{ "发文字号", HM_DOCNO, 0 }, { "文号", HM_DOCNO, 1 },
	{ "文件编号", HM_DOCNO, 1 }, { "发文编号", HM_DOCNO, 1 },
	{ "发布日期", HM_DATE, 0 }, { "发布时间", HM_DATE, 0 },
	{ "公开日期", HM_DATE, 1 }, { "成文日期", HM_DATE, 2 },
	{ "印发日期", HM_DATE, 2 }, { "生成日期", HM_DATE, 3 },
	{ "更新时间", HM_DATE, 4 }, { "更新日期", HM_DATE, 4 },
	{ "日期", HM_DATE, 5 }, { "时间", HM_DATE, 5 },
	{ "发布机构", HM_SOURCE, 0 }, { "发文机关", HM_SOURCE, 0 },
	{ "发文单位", HM_SOURCE, 1 }, { "文章来源", HM_SOURCE, 1 },
	{ "信息来源", HM_SOURCE, 1 }, { "稿件来源", HM_SOURCE, 1 },
	{ "来源", HM_SOURCE, 2 }, { "名称", HM_TITLE, 0 }, { "标题", HM_TITLE, 0 },
	{ "文件名称", HM_TITLE, 0 },
	{ "索引号", -1, 0 }, { "主题分类", -1, 0 }, { "分类", -1, 0 },
	{ "主题词", -1, 0 }, { "有效性", -1, 0 }, { "体裁分类", -1, 0 },
	{ "公文种类", -1, 0 }, { "作者", -1, 0 }, { "责任编辑", -1, 0 },
	{ "编辑", -1, 0 }, { "责编", -1, 0 }, { "审核", -1, 0 }, { "校对", -1, 0 },
	{ "摄影", -1, 0 }, { "记者", -1, 0 }, { "通讯员", -1, 0 }, { "本文来源", HM_SOURCE, 1 }, { "浏览次数", -1, 0 }, { "点击数", -1, 0 },
	{ "访问次数", -1, 0 }, { "阅读次数", -1, 0 }, { "字体", -1, 0 },
	{ "字号", -1, 0 }, { "效力状态", -1, 0 }, { "组配分类", -1, 0 },
	{ "服务对象", -1, 0 }, { "失效日期", -1, 0 }, { "实施日期", -1, 0 },
	{ "关键词", -1, 0 }, { "主办单位", -1, 0 }, { "信息分类", -1, 0 },
	{ "所属主题", -1, 0 }, { "内容分类", -1, 0 }, { "统一编号", -1, 0 },
};

/* The label that starts at s[0..n), followed by ：, : or a cell border;
 * *len is the label with what follows it. */
static int
label_at(const char *s, size_t n, size_t *len)
{
	/* Every label starts with a Han character: three bytes to match
	 * before anything else. */
	if (n < 6 || (unsigned char)s[0] < 0xE0)
		return -1;
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		const char *lb = labels[i].label;
		size_t l, j;

		if (s[0] != lb[0] || s[1] != lb[1] || s[2] != lb[2])
			continue;
		l = strlen(lb);
		if (n < l || memcmp(s, lb, l) != 0)
			continue;
		j = l;
		if (n - j >= 3 && memcmp(s + j, "：", 3) == 0)
			j += 3;
		else if (j < n && s[j] == ':')
			j++;
		else if (j < n && s[j] == '|')
			j++;
		else
			continue;
		*len = j;
		return (int)i;
	}
	return -1;
}

int
hmeta_labels(struct hmeta *m, int r, const char *s, size_t n)
{
	char tmp[1024];
	size_t t = 0, i = 0, k;
	int count = 0, cur = -1;
	size_t vstart = 0;

	/* A label is followed by a colon or a cell border. */
	if (n > 900 || (!memchr(s, ':', n) && !memchr(s, '|', n) &&
	    !hmeta_find(s, n, "：", 3)))
		return 0;
	/* Spaces out (名　　称：), cell borders kept as '|'. */
	while (i < n) {
		if (is_space_at(s, n, i, &k)) {
			i += k;
			continue;
		}
		tmp[t++] = s[i++];
	}
	for (i = 0; i <= t; ) {
		size_t len = 0;
		int lb = i < t ? label_at(tmp + i, t - i, &len) : -1;

		if (i == t || lb >= 0 || (tmp[i] == '|' && cur >= 0 && i > vstart)) {
			if (cur >= 0 && labels[cur].field >= 0 && i > vstart)
				hmeta_set(m, labels[cur].field, r + labels[cur].rank,
				    tmp + vstart, i - vstart);
			if (i == t)
				break;
			if (lb >= 0) {
				count++;
				cur = lb;
				i += len;
				vstart = i;
				continue;
			}
			cur = -1;
		}
		i++;
	}
	return count;
}

/* 〔2023〕 [2023] 【2023】 （2023） 第 … 号, on a short line. */
bool
hmeta_is_docno(const char *s, size_t n)
{
	static const char *const open[] = { "〔", "[", "【", "（", "(", "﹝", NULL };
	size_t i;

	if (n < 8 || n > 60 || n < 3 || memcmp(s + n - 3, "号", 3) != 0)
		return false;
	for (i = 0; i + 6 < n; i++) {
		for (int o = 0; open[o]; o++) {
			size_t l = strlen(open[o]), j = i + l;
			unsigned y;

			if (memcmp(s + i, open[o], l) != 0)
				continue;
			if (number(s, n, &j, 4, &y) != 4 || y < 1949 || y > 2100)
				continue;
			return i > 0 && j < n - 3;
		}
	}
	return false;
}

bool
hmeta_label_first(const char *s, size_t n)
{
	char tmp[128];
	size_t t = 0, k, len;

	for (size_t i = 0; i < n && t + 4 < sizeof tmp; ) {
		if (is_space_at(s, n, i, &k)) {
			i += k;
			continue;
		}
		tmp[t++] = s[i++];
	}
	return label_at(tmp, t, &len) >= 0;
}
