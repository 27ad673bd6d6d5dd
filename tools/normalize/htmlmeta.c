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
hmeta_date_span(const char *s, size_t n, char out[11], size_t *from, size_t *to)
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
			j += 4;
		} else {
			if (!date_sep(s, n, &j) || number(s, n, &j, 2, &mo) == 0 ||
			    !date_sep(s, n, &j) || number(s, n, &j, 2, &d) == 0)
				continue;
			/* More digits: a time glued to the day once spaces are
			 * gone (2025-03-0810:00), or no date. */
			if (j < n && digit(s[j])) {
				size_t q = j;

				while (q < n && q - j < 2 && digit(s[q]))
					q++;
				if (!(q < n && (s[q] == ':' || (n - q >= 3 &&
				    memcmp(s + q, "：", 3) == 0))))
					continue;
			}
			if (n - j >= 3 && (memcmp(s + j, "日", 3) == 0 ||
			    memcmp(s + j, "号", 3) == 0))
				j += 3;
		}
		if (mo < 1 || mo > 12 || d < 1 || d > 31)
			continue;
		snprintf(out, 11, "%04u-%02u-%02u", y, mo, d);
		*from = i;
		*to = j;
		return true;
	}
	return false;
}

bool
hmeta_iso_date(const char *s, size_t n, char out[11])
{
	size_t from, to;

	return hmeta_date_span(s, n, out, &from, &to);
}

/* The rest of hmeta_space_at: the spaces of two and three bytes. */
size_t
hmeta_wide_space_at(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s + i;
	size_t left = n - i;

	if (left >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (left >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	/* U+2000..U+200A (&ensp; &emsp; &thinsp; …), U+202F, U+205F */
	if (left >= 3 && u[0] == 0xE2 && ((u[1] == 0x80 && (u[2] <= 0x8A ||
	    u[2] == 0xAF)) || (u[1] == 0x81 && u[2] == 0x9F)))
		return 3;
	return 0;
}

static bool
is_space_at(const char *s, size_t n, size_t i, size_t *k)
{
	*k = hmeta_space_at(s, n, i);
	return *k > 0;
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
		} else if (n >= 2 && hmeta_space_at(s, n, n - 2) == 2) {
			n -= 2;
		} else if (n >= 3 && (hmeta_space_at(s, n, n - 3) == 3 ||
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

/* Where a year starts a date (2024-, 2024/, 2024.): a source's value
 * ends there even when the date's spaces are gone. */
static bool
year_at(const char *s, size_t n, size_t *at)
{
	for (size_t i = 0; i + 5 <= n; i++) {
		if (!digit(s[i]) || (i > 0 && digit(s[i - 1])) || !(s[i] == '1' ||
		    s[i] == '2') || !digit(s[i + 1]) || !digit(s[i + 2]) || !digit(s[i + 3]))
			continue;
		if (s[i + 4] == '-' || s[i + 4] == '/' || s[i + 4] == '.' ||
		    (n - i >= 7 && memcmp(s + i + 4, "年", 3) == 0)) {
			*at = i;
			return true;
		}
	}
	return false;
}

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
		size_t len, from, to;

		if (label_at(s, n, &len) >= 0) {
			s += len;
			n -= len;
			trim(&s, &n);
		}
		/* 来源：人民日报 2024-05-13 08:49, its spaces gone */
		if (hmeta_date_span(s, n, iso, &from, &to) || year_at(s, n, &from)) {
			n = from;
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
	/* A bare "source" is often the site's, or the line with more
	 * words: the visible 来源 line goes first. */
	{ "ContentSource", HM_SOURCE, 0 }, { "source", HM_SOURCE, HM_RANK_LINE + 10 - HM_RANK_TAG },
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
	{ "本文来源于", HM_SOURCE, 1 }, { "来源于", HM_SOURCE, 2 },
	{ "来源", HM_SOURCE, 2 }, { "原创", HM_SOURCE, 3 },
	{ "名称", HM_TITLE, 0 }, { "标题", HM_TITLE, 0 },
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
	{ "是否有效", -1, 0 }, { "关键字", -1, 0 }, { "发布于", -1, 0 },
	{ "IP属地", -1, 0 },
};

/* The label that starts at s[0..n), followed by ：, : or a cell border,
 * or set in 【】 (【文号】 …); a label ending in 于 (来源于) needs
 * nothing after it.  *len is the label with what follows it. */
#define NLABELS (sizeof labels / sizeof labels[0])
_Static_assert(NLABELS < 255, "label indexes are bytes");

/* The labels by their first two bytes (a hash of them), each list in
 * the order of labels[]: the first match wins (本文来源于 before 来源). */
static unsigned char by_head[64][NLABELS + 1];
static unsigned char label_len[NLABELS];
/* The first characters of labels (three-byte ones, and 【 〔), as bits:
 * the scan tries a label only where one may start. */
static unsigned char label_first[8192];

static unsigned
first_key(const unsigned char *u)
{
	return (unsigned)(u[0] & 0x0F) << 12 | (unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
}

static void
mark_first(const char *s)
{
	unsigned k = first_key((const unsigned char *)s);

	label_first[k >> 3] |= (unsigned char)(1u << (k & 7));
}

static unsigned
head_hash(const char *s)
{
	return ((unsigned char)s[0] * 31u + (unsigned char)s[1]) % 64;
}

static void
index_labels(void)
{
	unsigned char n[64] = { 0 };

	mark_first("【");
	mark_first("〔");
	for (size_t i = 0; i < NLABELS; i++) {
		unsigned h = head_hash(labels[i].label);

		by_head[h][n[h]++] = (unsigned char)(i + 1);
		label_len[i] = (unsigned char)strlen(labels[i].label);
		if ((unsigned char)labels[i].label[0] >= 0xE0)
			mark_first(labels[i].label);
	}
}

static bool indexed;

/* Whether a label may start at s[0..n). */
static bool
may_label(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned k;

	if (u[0] < 0x80)
		return u[0] == '[' || u[0] == 'I';
	if (u[0] < 0xE0 || n < 3)
		return false;
	if (!indexed) {
		index_labels();
		indexed = true;
	}
	k = first_key(u);
	return (label_first[k >> 3] >> (k & 7)) & 1;
}

static int
label_at(const char *s, size_t n, size_t *len)
{
	const unsigned char *list, *u = (const unsigned char *)s;
	size_t o = 0;

	if (n < 6)
		return -1;
	/* 【 E3 80 90, 〔 E3 80 94 */
	if (u[0] == 0xE3 && u[1] == 0x80 && (u[2] == 0x90 || u[2] == 0x94))
		o = 3;
	else if (u[0] == '[')
		o = 1;
	if (n < o + 6)
		return -1;
	if (!indexed) {
		index_labels();
		indexed = true;
	}
	list = by_head[head_hash(s + o)];
	for (size_t x = 0; list[x]; x++) {
		size_t i = list[x] - 1u;
		const char *lb = labels[i].label;
		size_t l, j;

		if (s[o] != lb[0] || s[o + 1] != lb[1] || s[o + 2] != lb[2])
			continue;
		l = label_len[i];
		if (n < o + l || memcmp(s + o, lb, l) != 0)
			continue;
		j = o + l;
		if (o == 3 && n - j >= 3 && (memcmp(s + j, "】", 3) == 0 ||
		    memcmp(s + j, "〕", 3) == 0))
			j += 3;
		else if (o == 1 && j < n && s[j] == ']')
			j++;
		else if (o > 0)
			continue;
		if (n - j >= 3 && memcmp(s + j, "：", 3) == 0)
			j += 3;
		else if (j < n && s[j] == ':')
			j++;
		else if (j < n && s[j] == '|')
			j++;
		else if (o == 0 && !(l >= 3 && memcmp(lb + l - 3, "于", 3) == 0))
			continue;
		*len = j;
		return (int)i;
	}
	return -1;
}

/* A Han character ends at tmp[i - 1]: a label right after one is part
 * of a word (原标题：, 联系电话：). */
static bool
after_han(const char *tmp, size_t i)
{
	size_t b = i;
	uint32_t cp;

	if (i == 0 || (unsigned char)tmp[i - 1] < 0x80)
		return false;
	while (b > 0 && ((unsigned char)tmp[b - 1] & 0xC0) == 0x80)
		b--;
	if (b == 0)
		return false;
	b--;
	cp = utf8_next(tmp, i, &b);
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* A 来源 (原创) names one source, up to a space (来源：中国新闻网 王帆);
 * the issuers of 发布机构 may be several. */
static size_t
value_end(const char *label, const bool *cut, size_t from, size_t to)
{
	if (!strstr(label, "来源") && !strstr(label, "原创"))
		return to;
	for (size_t i = from + 1; i < to; i++)
		if (cut[i])
			return i;
	return to;
}

/* Reads the labelled fields of s[0..n) into m (NULL: only counts);
 * title labels (名称：, 标题：) count only when titles is set. */
static int
scan_labels(struct hmeta *m, int r, const char *s, size_t n, bool titles)
{
	char tmp[1024];
	bool cut[1024];
	size_t t = 0, i = 0, k;
	int count = 0, cur = -1;
	size_t vstart = 0;
	bool space = true;

	/* A label is followed by a colon, a cell border or 】 (or is 来源于:
	 * 于 alone is in every other sentence). */
	if (n > 900 || (!memchr(s, ':', n) && !memchr(s, '|', n) &&
	    !hmeta_find(s, n, "：", 3) && !hmeta_find(s, n, "】", 3) &&
	    !hmeta_find(s, n, "源于", 6)))
		return 0;
	/* Spaces out (名　　称：), cell borders kept as '|'; where a space
	 * was is remembered, as a word boundary. */
	while (i < n) {
		if ((k = hmeta_space_at(s, n, i)) > 0) {
			i += k;
			space = true;
			continue;
		}
		cut[t] = space;
		space = false;
		tmp[t++] = s[i++];
	}
	for (i = 0; i <= t; ) {
		size_t len = 0;
		int lb = i < t && may_label(tmp + i, t - i) ?
		    label_at(tmp + i, t - i, &len) : -1;

		if (lb >= 0 && !cut[i] && after_han(tmp, i))
			lb = -1;

		if (lb >= 0 && labels[lb].field == HM_TITLE && !titles)
			lb = -1;
		if (i == t || lb >= 0 || (tmp[i] == '|' && cur >= 0 && i > vstart)) {
			if (m && cur >= 0 && labels[cur].field >= 0 && i > vstart)
				hmeta_set(m, labels[cur].field, r + labels[cur].rank,
				    tmp + vstart, value_end(labels[cur].label, cut,
				    vstart, i) - vstart);
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

int
hmeta_labels(struct hmeta *m, int r, const char *s, size_t n)
{
	return scan_labels(m, r, s, n, true);
}

int
hmeta_count_labels(const char *s, size_t n, bool titles)
{
	return scan_labels(NULL, 0, s, n, titles);
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
