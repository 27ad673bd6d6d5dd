/* Unit tests of zh-normalize's HTML reading: a page parsed in pieces (as
 * pages over HTML_CHUNK are) gives the lines, and the article, of one
 * parse.  With file arguments (UTF-8 pages) it checks those instead of
 * the golden pages and a made-up long one. */
#include <glob.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "chrome.h"
#include "html.h"
#include "test.h"

int main(int argc, char **argv);

static struct chrome *ch;

static bool
slurp(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	char tmp[65536];
	size_t k;

	buf_clear(b);
	if (!f)
		return false;
	while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(b, tmp, k);
	fclose(f);
	return true;
}

/* Whether the page parsed in pieces of the given size reads as parsed
 * whole: the same lines, each with the same role. */
static bool
same_in_pieces(const char *name, const char *p, size_t n, size_t piece)
{
	struct hpage a = { 0 }, b = { 0 };
	struct article x = { 0 }, y = { 0 };
	bool ok = true;

	html_parse(&a, p, n);
	b.piece = piece;
	html_parse(&b, p, n);
	article_select(&x, &a, ch);
	article_select(&y, &b, ch);
	if (!html_well_formed(&a) || !html_well_formed(&b)) {
		printf("  %s in pieces of %zu: elements out of shape (whole %d, pieces %d)\n",
		    name, piece, html_well_formed(&a), html_well_formed(&b));
		ok = false;
	}
	if (a.nlines != b.nlines) {
		printf("  %s in pieces of %zu: %zu lines, whole %zu\n", name, piece,
		    b.nlines, a.nlines);
		ok = false;
	}
	for (size_t i = 0; i < a.nlines && i < b.nlines; i++) {
		const char *s = hline_text(&a, &a.lines[i]), *t = hline_text(&b, &b.lines[i]);

		if (strcmp(s, t) != 0 || x.role[i] != y.role[i] ||
		    a.lines[i].lineno != b.lines[i].lineno) {
			printf("  %s in pieces of %zu, line %zu: '%s' (role %d, source line %lu), "
			    "whole: '%s' (role %d, source line %lu)\n", name, piece, i, t,
			    y.role[i], b.lines[i].lineno, s, x.role[i], a.lines[i].lineno);
			ok = false;
			break;
		}
	}
	if (ok && (x.found != y.found || x.title_text.len != y.title_text.len)) {
		printf("  %s in pieces of %zu: another article or title\n", name, piece);
		ok = false;
	}
	article_free(&x);
	article_free(&y);
	html_free(&a);
	html_free(&b);
	return ok;
}

/* A long notice: a title, a container whose one paragraph runs over
 * many <br> lines inside open inline markup, a data table, a list of
 * links after it and a footer; on many lines, or on one. */
static void
long_page(struct buf *b, bool one_line)
{
	const char *nl = one_line ? "" : "\n";
	char tmp[512];

	buf_clear(b);
	buf_adds(b, "<!DOCTYPE html><html><head><title>关于做好示例县防汛工作的通知_示例县人民政府"
	    "</title></head>\n<body>\n<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/z\">"
	    "政务公开</a></div>\n<div class=\"main\"><h1 class=\"title\">关于做好示例县防汛"
	    "工作的通知</h1>\n<div id=\"zoom\" class=\"TRS_Editor\">\n<p><span style=\"font-"
	    "family:仿宋\">");
	buf_adds(b, nl);
	for (int i = 1; i <= 400; i++) {
		snprintf(tmp, sizeof tmp, "第%d条　各乡镇要落实防汛责任，<b>主要负责同志</b>"
		    "是第一责任人，<a href=\"/x/%d.html\">值班电话</a>要保持畅通。<br>%s",
		    i, i, nl);
		buf_adds(b, tmp);
	}
	buf_adds(b, "</span></p>");
	buf_adds(b, nl);
	buf_adds(b, "<table><tbody>");
	for (int i = 1; i <= 200; i++) {
		snprintf(tmp, sizeof tmp, "<tr><td>第%d片区</td><td>%d人</td><td>张%d</td></tr>%s",
		    i, i * 3, i, nl);
		buf_adds(b, tmp);
	}
	buf_adds(b, "</tbody></table>");
	buf_adds(b, nl);
	for (int i = 1; i <= 300; i++) {
		snprintf(tmp, sizeof tmp, "<p style=\"text-indent:2em\">（%d）汛期实行二十四小时"
		    "值班制度，发现险情要第一时间报告，并组织群众转移。</p>%s", i, nl);
		buf_adds(b, tmp);
	}
	buf_adds(b, "<p style=\"text-align:right\">示例县人民政府办公室</p><p style=\"text-align:"
	    "right\">2025年6月3日</p></div></div>");
	buf_adds(b, nl);
	buf_adds(b, "<div class=\"related\"><h3>相关链接</h3><ul>");
	for (int i = 1; i <= 30; i++) {
		snprintf(tmp, sizeof tmp, "<li><a href=\"/r/%d.html\">示例县召开第%d次防汛工作会议"
		    "</a></li>%s", i, i, nl);
		buf_adds(b, tmp);
	}
	buf_adds(b, "</ul></div><div class=\"footer\">版权所有：示例县人民政府 主办单位：示例县"
	    "人民政府办公室</div></body></html>");
	buf_adds(b, nl);
}

int
main(int argc, char **argv)
{
	static const size_t pieces[] = { 512, 2048, 8192, 65536 };
	struct buf b = { 0 };
	glob_t g = { 0 };
	char name[128];
	bool ok = true;

	ch = chrome_new(NULL);
	if (argc > 1) {
		for (int i = 1; i < argc; i++) {
			if (!slurp(argv[i], &b)) {
				printf("FAIL: cannot read %s\n", argv[i]);
				continue;
			}
			for (size_t j = 0; j < sizeof pieces / sizeof *pieces; j++)
				ok &= same_in_pieces(argv[i], b.s, b.len, pieces[j] * 4);
		}
		CHECK(ok, "html in pieces: the pages given");
	} else {
		for (int one = 0; one <= 1; one++) {
			long_page(&b, one);
			ok = true;
			for (size_t j = 0; j < sizeof pieces / sizeof *pieces; j++)
				ok &= same_in_pieces(one ? "long page on one line" : "long page",
				    b.s, b.len, pieces[j]);
			snprintf(name, sizeof name, "html in pieces: a %zu-byte page%s", b.len,
			    one ? " on one line" : "");
			CHECK(ok, name);
		}
		/* The golden pages, in pieces smaller than most of them. */
		ok = true;
		if (glob("tests/normalize/html-*.in", 0, NULL, &g) == 0)
			for (size_t i = 0; i < g.gl_pathc; i++) {
				if (strstr(g.gl_pathv[i], "gzip") || !slurp(g.gl_pathv[i], &b))
					continue;
				for (size_t j = 0; j < 2; j++)
					ok &= same_in_pieces(g.gl_pathv[i], b.s, b.len, pieces[j]);
			}
		CHECK(g.gl_pathc >= 10, "html in pieces: golden pages found");
		CHECK(ok, "html in pieces: the golden pages");
		globfree(&g);
	}
	buf_free(&b);
	chrome_free(ch);
	return test_failed;
}
