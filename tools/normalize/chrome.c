#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chrome.h"
#include "cli.h"
#include "utf8.h"
#include "zhfold.h"

/*
 * Built-in patterns, matched against the folded line (simplified script,
 * ASCII width, spaces collapsed).  Each is anchored at the start; the
 * ones that end in $ must cover the whole line, because a body sentence
 * may well begin with the same word.
 */
static const char *const chrome_pats[] = {
	/* breadcrumbs */
	"(您|你)?(当前|现在|所在)?的?(位置|栏目)\\s*[:>]",
	"(首页|网站首页|主页)\\s*(>|»|›|/|→|-|\\|)",
	/* share, print, close widgets */
	"(分享到|分享至|分享)\\s*[:]?",
	"[【\\[]?\\s*(打印|打印本页|打印此页|打印文章|关闭|关闭窗口|关闭本页|收藏|"
	    "加入收藏|返回顶部|返回|纠错|我要纠错|保存|保存本页)\\s*[】\\]]?"
	    "(\\s*[【\\[]?\\s*(打印|打印本页|关闭|关闭窗口|关闭本页|收藏|返回顶部|"
	    "返回|纠错|保存)\\s*[】\\]]?)*$",
	"[×✕✖xX]$",
	"(扫一扫|扫码|扫描二维码|用手机扫).{0,12}(打开|浏览|阅读|分享|当前页|手机)",
	"扫一扫$",
	"[【\\[]?\\s*(字体|字号)\\s*[:]?\\s*[【\\[]?\\s*(大|中|小|默认)",
	/* attachment and related-links footers */
	"(附件下载|相关附件|附件)\\s*[:]?\\s*$",
	"相关(信息|链接|文章|新闻|阅读|推荐|稿件|文件|政策|解读|服务)(和服务)?\\s*[:]?\\s*$",
	"知识图谱\\s*$",
	"点击标签",
	"当前展示.{0,30}$",
	"(上一篇|下一篇|上一条|下一条)\\s*[:]",
	/* stale dates and site footers */
	"今天是.{0,40}星期",
	"(主办单位|承办单位|主办|承办|版权所有|网站标识码|网站地图|联系我们|技术支持|"
	    "网站声明|隐私声明)\\s*[:]?",
	"(浏览次数|阅读次数|访问次数|访问量|点击数|点击量|阅读量|浏览量)\\s*[:]",
	NULL
};

/* Patterns that scan the line (no literal start): run only on lines that
 * have one of scan_triggers, so ordinary lines cost a few memchr. */
static const char *const scan_pats[] = {
	/* generic breadcrumbs: a > b > c */
	"[^。,;]{1,30}(\\s?(>|»|›)\\s?[^。,;]{1,40}){2,}$",
	".{0,60}ICP备\\s*[0-9]",
	".{0,60}公网安备",
	NULL
};
static const char *const scan_triggers[] = { ">", "»", "›", "ICP", "公网安备", NULL };

/* Metadata lines: page chrome too, and read for --meta. */
static const char *const meta_pats[] = {
	"(来源|文章来源|信息来源|稿件来源|发布时间|发布日期|更新时间|更新日期|"
	    "时间|日期|发布机构|发文机关|作者|编辑|责任编辑|录入|审核|索引号|"
	    "发文字号|文号|主题分类|成文日期|生成日期)\\s*[:]",
	NULL
};

/* A site's name alone on the first line of the page. */
static const char *const site_pats[] = {
	"\\p{Han}{2,30}(人民政府|人民政府网|政府网|政府网站|门户网站|政府门户网站|"
	    "政务网|政务服务网)$",
	NULL
};

/* Read from the line as written (traditional and simplified forms). */
static const char source_pat[] =
	"(?:文章来源|信息来源|稿件来源|文章來源|信息來源|稿件來源|来源|來源|"
	"发布机构|發佈機構|發布機構)\\s*[:：]\\s*([^\\s:：]+)";
static const char date_pat[] =
	"(?:发布|發佈|發布|更新|成文|生成)?(?:时间|時間|日期)\\s*[:：]\\s*"
	"([0-9]{4})\\s*[-/.年]\\s*([0-9]{1,2})\\s*[-/.月]\\s*([0-9]{1,2})";

struct chrome {
	pcre2_code *chrome, *scan, *meta, *site, *source, *date;
	pcre2_match_data *md;
	unsigned long matched;          /* matches tried, until JIT */
	struct buf key, alt;
};

/* JIT compilation costs more than a small report's matches (2 M of the
 * 6 M instructions of an empty run), so the patterns are compiled to
 * machine code only once a run has used them this often. */
#define JIT_AFTER 512

static pcre2_code *
compile_opt(const char *pat, size_t len, const char *file, unsigned long line,
    uint32_t opt)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, len,
	    PCRE2_UTF | PCRE2_UCP | opt, &err, &off, NULL);

	if (!re) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof msg);
		if (file) {
			zusage("%s:%lu: bad pattern at offset %zu: %s", file, line,
			    (size_t)off, (char *)msg);
		}
		zdie("built-in pattern: %s at %zu", (char *)msg, (size_t)off);
	}
	return re;
}

static pcre2_code *
compile(const char *pat, size_t len, const char *file, unsigned long line)
{
	return compile_opt(pat, len, file, line, PCRE2_ANCHORED);
}

static void
add_alt(struct buf *b, const char *p, size_t n)
{
	buf_adds(b, b->len ? "|(?:" : "(?:");
	buf_add(b, p, n);
	buf_addc(b, ')');
}

static pcre2_code *
compile_list(const char *const *pats, struct buf *b)
{
	buf_clear(b);
	for (int i = 0; pats[i]; i++)
		add_alt(b, pats[i], strlen(pats[i]));
	return compile(b->s, b->len, NULL, 0);
}

struct chrome *
chrome_new(const char *file)
{
	struct chrome *ch = xcalloc(1, sizeof *ch);
	struct buf all = { 0 };

	for (int i = 0; chrome_pats[i]; i++)
		add_alt(&all, chrome_pats[i], strlen(chrome_pats[i]));
	if (file) {
		FILE *f = fopen(file, "r");
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;
		unsigned long ln = 0;

		if (!f)
			zusage("--chrome-patterns: %s: cannot open", file);
		while ((n = getline(&line, &cap, f)) > 0) {
			ln++;
			while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
				n--;
			if (n == 0 || line[0] == '#')
				continue;
			/* Check each alone, so an error names its line. */
			pcre2_code_free(compile(line, (size_t)n, file, ln));
			add_alt(&all, line, (size_t)n);
		}
		free(line);
		fclose(f);
	}
	ch->chrome = compile(all.s, all.len, NULL, 0);
	ch->scan = compile_list(scan_pats, &all);
	ch->meta = compile_list(meta_pats, &all);
	ch->site = compile_list(site_pats, &all);
	buf_free(&all);
	/* The extractors search the whole line, not only its start. */
	ch->source = compile_opt(source_pat, sizeof source_pat - 1, NULL, 0, 0);
	ch->date = compile_opt(date_pat, sizeof date_pat - 1, NULL, 0, 0);
	ch->md = pcre2_match_data_create(8, NULL);
	return ch;
}

void
chrome_free(struct chrome *ch)
{
	if (!ch)
		return;
	pcre2_code_free(ch->chrome);
	pcre2_code_free(ch->scan);
	pcre2_code_free(ch->meta);
	pcre2_code_free(ch->site);
	pcre2_code_free(ch->source);
	pcre2_code_free(ch->date);
	pcre2_match_data_free(ch->md);
	buf_free(&ch->key);
	buf_free(&ch->alt);
	free(ch);
}

static void
warm_up(struct chrome *ch)
{
	if (++ch->matched != JIT_AFTER)
		return;
	pcre2_jit_compile(ch->chrome, PCRE2_JIT_COMPLETE);
	pcre2_jit_compile(ch->scan, PCRE2_JIT_COMPLETE);
	pcre2_jit_compile(ch->meta, PCRE2_JIT_COMPLETE);
	pcre2_jit_compile(ch->site, PCRE2_JIT_COMPLETE);
	pcre2_jit_compile(ch->source, PCRE2_JIT_COMPLETE);
	pcre2_jit_compile(ch->date, PCRE2_JIT_COMPLETE);
}

static int
matches(struct chrome *ch, pcre2_code *re, const char *s, size_t n)
{
	warm_up(ch);
	return pcre2_match(re, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, ch->md,
	    NULL) >= 0;
}

static int
has_trigger(const char *s, size_t n)
{
	for (int i = 0; scan_triggers[i]; i++) {
		const char *t = scan_triggers[i], *p = s, *e = s + n;
		size_t tl = strlen(t);

		while ((p = memchr(p, t[0], (size_t)(e - p))) != NULL) {
			if ((size_t)(e - p) >= tl && memcmp(p, t, tl) == 0)
				return 1;
			p++;
		}
	}
	return 0;
}

int
chrome_class(struct chrome *ch, const char *s, size_t n)
{
	size_t i = 0;
	int cls = 0;

	if (n > CHROME_MAXLEN)
		return 0;
	buf_clear(&ch->key);
	if (ch->key.cap < n + 16)
		buf_grow(&ch->key, n + 16);
	/* Folding never lengthens a character, so the key fits in n bytes. */
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;

		if (c < 0x80) {
			ch->key.s[ch->key.len++] = (char)c;
			i++;
			continue;
		}
		cp = utf8_next(s, n, &i);
		cp = zh_fold(cp);
		ch->key.len += (size_t)utf8_encode(cp, ch->key.s + ch->key.len);
	}
	ch->key.s[ch->key.len] = '\0';
	if (matches(ch, ch->meta, ch->key.s, ch->key.len))
		cls |= CH_META | CH_CHROME;
	else if (matches(ch, ch->chrome, ch->key.s, ch->key.len) ||
	    (has_trigger(ch->key.s, ch->key.len) &&
	    matches(ch, ch->scan, ch->key.s, ch->key.len)))
		cls |= CH_CHROME;
	if (matches(ch, ch->site, ch->key.s, ch->key.len))
		cls |= CH_SITE;
	return cls;
}

void
chrome_meta(struct chrome *ch, const char *s, size_t n, struct buf *source,
    struct buf *date)
{
	PCRE2_SIZE *ov;

	if (source->len == 0 && pcre2_match(ch->source, (PCRE2_SPTR)s, n, 0,
	    PCRE2_NO_UTF_CHECK, ch->md, NULL) >= 2) {
		ov = pcre2_get_ovector_pointer(ch->md);
		buf_add(source, s + ov[2], ov[3] - ov[2]);
	}
	if (date->len == 0 && pcre2_match(ch->date, (PCRE2_SPTR)s, n, 0,
	    PCRE2_NO_UTF_CHECK, ch->md, NULL) >= 4) {
		char tmp[16];
		unsigned v[3];

		ov = pcre2_get_ovector_pointer(ch->md);
		for (int k = 0; k < 3; k++) {
			v[k] = 0;
			for (PCRE2_SIZE j = ov[2 + 2 * k]; j < ov[3 + 2 * k]; j++)
				v[k] = v[k] * 10 + (unsigned)(s[j] - '0');
		}
		if (v[1] >= 1 && v[1] <= 12 && v[2] >= 1 && v[2] <= 31) {
			snprintf(tmp, sizeof tmp, "%04u-%02u-%02u", v[0], v[1], v[2]);
			buf_adds(date, tmp);
		}
	}
}
