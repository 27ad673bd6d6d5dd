/* Unit tests of zh-split-sections' markers, sentences and part wording. */
#include <string.h>

#include "key.h"
#include "marker.h"
#include "part.h"
#include "sentence.h"
#include "test.h"
#include "tree.h"

int main(void);

static long
num(const char *s)
{
	size_t u;

	return ss_cn_number(s, strlen(s), &u);
}

static int
head(const char *s, int type, unsigned n, const char *rest)
{
	struct ss_marker m;

	if (!ss_marker_heading(s, strlen(s), &m))
		return type < 0;
	return (int)m.type == type && m.num == n && strcmp(s + m.len, rest) == 0;
}

/* A decimal outline number: its parts, whether glued, the text after. */
static int
dec(const char *s, int nparts, unsigned n, bool glued, const char *rest)
{
	struct ss_marker m;

	if (!ss_marker_heading(s, strlen(s), &m))
		return nparts < 0;
	return m.type == MT_DEC && m.nparts == nparts && m.num == n &&
	    m.glued == glued && strcmp(s + m.len, rest) == 0;
}

/* The levels a sequence of heading lines opens, as digits ("0" for a
 * line that opens none): the tree alone, each line short and alone. */
static int
levels(const char *const *lines, const char *want)
{
	struct ss_tree t;
	char got[32];
	size_t k = 0;

	ss_tree_reset(&t, 0);
	for (; *lines && k + 1 < sizeof got; lines++) {
		struct ss_marker m;
		int lv = 0;

		if (ss_marker_heading(*lines, strlen(*lines), &m)) {
			ss_tree_reread(&t, &m);
			if (ss_tree_accepts(&t, &m, true, true))
				lv = ss_tree_open(&t, &m);
		}
		t.fresh = false;
		got[k++] = (char)('0' + lv);
	}
	got[k] = '\0';
	return strcmp(got, want) == 0;
}

static int
item(const char *s, unsigned n, int style, size_t len)
{
	unsigned v;
	unsigned char st;
	size_t l = ss_marker_item(s, strlen(s), &v, &st);

	if (len == 0)
		return l == 0;
	return l == len && v == n && st == style;
}

static int
top(const char *h, int year, int p0, int p1)
{
	static struct ss_key k;
	signed char out[PART_MAX];
	int n;

	ss_key_fold(&k, h, strlen(h), SS_KEY_MAX);
	n = ss_part_top(k.s, year, out);
	if (p0 == P_NONE)
		return n == 0;
	if (p1 == P_NONE)
		return n == 1 && out[0] == p0;
	return n >= 2 && out[0] == p0 && out[1] == p1;
}

static int
strict(const char *h, int p)
{
	static struct ss_key k;

	ss_key_fold(&k, h, strlen(h), SS_KEY_MAX);
	return ss_part_strict(k.s) == p;
}

static int
sent(const char *s, const char *first)
{
	return ss_sentence_end(s, strlen(s), 0, true) == strlen(first) &&
	    strncmp(s, first, strlen(first)) == 0;
}

int
main(void)
{
	CHECK(num("一") == 1 && num("十") == 10 && num("十一") == 11, "cn 1 10 11");
	CHECK(num("二十") == 20 && num("九十九") == 99 && num("二十三") == 23,
	    "cn 20 99 23");
	CHECK(num("二〇") == 20 && num("一〇") == 10 && num("拾壹") == 11,
	    "cn 〇 and financial forms");
	CHECK(num("一百") == -1 && num("二〇二四") == -1, "cn overlong");
	CHECK(num("百姓") == 0 && num("三四") == 0 && num("〇") == 0, "cn not numbers");

	CHECK(head("一、总体情况", MT_CN, 1, "总体情况"), "heading 一、");
	CHECK(head("十一,存在问题", MT_CN, 11, "存在问题"), "heading 十一,");
	CHECK(head("三. 下一步", MT_CN, 3, "下一步"), "heading 三.");
	CHECK(head("(二)加强", MT_CNP, 2, "加强"), "heading (二) full width");
	CHECK(head("二 加强", MT_CN, 2, "加强") && head("三　加强", MT_CN, 3, "加强"),
	    "heading numeral and space");
	CHECK(head("一 ", -1, 0, "") && head("一个", -1, 0, ""), "numeral without heading");
	CHECK(head("( 二 ) 加强", MT_CNP, 2, "加强"), "heading ( 二 ) half width, spaces");
	CHECK(head("(三)、加强", MT_CNP, 3, "加强"), "heading (三)、");
	CHECK(head("四)加强", MT_CNP, 4, "加强"), "heading 四) without its opening bracket");
	CHECK(head("1.完善", MT_AR, 1, "完善"), "heading 1.");
	CHECK(head("12、完善", MT_AR, 12, "完善"), "heading 12、");
	CHECK(head("2.完善", MT_AR, 2, "完善"), "heading 2. full width");
	CHECK(head("3,完善", MT_AR, 3, "完善"), "heading 3,");
	CHECK(head("(4)完善", MT_ARP, 4, "完善"), "heading (4)");
	CHECK(head("⑸完善", MT_ARP, 5, "完善"), "heading ⑸");
	CHECK(head("5)完善", MT_ARH, 5, "完善"), "heading 5)");
	CHECK(head("③完善", MT_CIR, 3, "完善"), "heading ③");
	CHECK(head("第二部分 工作", MT_PART, 2, "工作"), "heading 第二部分");
	CHECK(head("1.2024年工作", MT_AR, 1, "2024年工作"), "heading 1. before a year");
	CHECK(head("1.5亿元", -1, 0, "") && head("1、2月份", -1, 0, "") &&
	    head("2024.12月", -1, 0, "") && head("第一责任人", -1, 0, ""),
	    "numbers are not markers");
	{
		struct ss_marker m;

		CHECK(!ss_marker_heading("123456.xx", 9, &m) && m.overlong,
		    "overlong arabic numbering");
		CHECK(!ss_marker_heading("一百二十、xx", strlen("一百二十、xx"), &m) &&
		    m.overlong, "overlong chinese numbering");
		CHECK(!ss_marker_heading("(一", strlen("(一"), &m), "truncated marker");
	}

	CHECK(item("一是加强", 1, IS_SHI, strlen("一是")), "item 一是");
	CHECK(item("十二是加强", 12, IS_SHI, strlen("十二是")), "item 十二是");
	CHECK(item("二要加强", 2, IS_YAO, strlen("二要")), "item 二要");
	CHECK(item("第三,加强", 3, IS_DI, strlen("第三,")), "item 第三,");
	CHECK(item("其二、加强", 2, IS_QI, strlen("其二、")), "item 其二、");
	CHECK(item("第一责任人", 0, 0, 0) && item("其中", 0, 0, 0) &&
	    item("一方面", 0, 0, 0), "not items");

	CHECK(sent("开展活动。其余", "开展活动。"), "sentence at 。");
	CHECK(sent("他说:“很好。”然后", "他说:“很好。”"), "sentence with closing quote");
	CHECK(sent("学习《条例。细则》。后", "学习《条例。细则》。"), "not inside 《》");
	CHECK(sent("共8场(线上。线下)。后", "共8场(线上。线下)。"), "not inside brackets");
	CHECK(sent("真的吗?!是", "真的吗?!"), "?! together");
	CHECK(sent("一;二", "一;"), "semicolon");

	CHECK(top("主要举措和成效", 0, P_MEASURES, P_NONE), "top measures");
	CHECK(top("存在的问题", 0, P_SHORTFALLS, P_NONE), "top shortfalls");
	CHECK(top("上年度问题整改情况", 0, P_RECT, P_NONE), "top rectification");
	CHECK(top("下一步工作计划", 0, P_PLANS, P_NONE), "top plans");
	CHECK(top("党政主要负责人履行法治建设第一责任人职责情况", 0, P_DUTY, P_NONE),
	    "top duty");
	CHECK(top("其他需要报告的事项", 0, P_OTHER, P_NONE), "top other");
	CHECK(top("存在不足及下一年度主要安排", 0, P_SHORTFALLS, P_PLANS),
	    "top two parts");
	CHECK(top("上年度存在问题的改进情况、本年度存在的不足和原因", 0, P_RECT,
	    P_SHORTFALLS), "top rectification then shortfalls");
	CHECK(top("存在问题及整改情况", 0, P_RECT, P_NONE), "top problems and their rectification");
	CHECK(top("健全依法决策机制,提升决策水平", 0, P_NONE, P_NONE), "top thematic is silent");
	CHECK(top("坚持问题导向,深化改革", 0, P_NONE, P_NONE), "top 问题导向 is silent");
	CHECK(top("2025年重点工作", 2024, P_PLANS, P_NONE), "top later year is plans");
	CHECK(top("存在的問題", 0, P_SHORTFALLS, P_NONE), "top traditional script");

	CHECK(strict("扎实推进问题整改", P_NONE), "strict: 问题整改 alone is work");
	CHECK(strict("上年度问题整改情况", P_RECT), "strict rectification");
	CHECK(strict("补齐短板弱项", P_NONE), "strict: 补齐短板 is work");
	CHECK(strict("存在的主要问题", P_SHORTFALLS), "strict shortfalls");
	CHECK(strict("履行第一责任人职责", P_DUTY), "strict duty");

	/* quality pass: thematic orders, remedies, wordings */
	CHECK(top("聚焦群众急难愁盼问题,提升服务水平", 0, P_NONE, P_NONE),
	    "top: a problem to remedy is silent");
	CHECK(top("补齐基层法治短板,夯实根基", 0, P_NONE, P_NONE),
	    "top: 补齐短板 is silent");
	CHECK(top("抓好督察反馈问题整改,压实责任", 0, P_NONE, P_NONE),
	    "top: an order to rectify is silent");
	CHECK(top("落实年度普法计划,营造氛围", 0, P_NONE, P_NONE),
	    "top: an order naming a plan is silent");
	CHECK(top("工作中存在的薄弱环节", 0, P_SHORTFALLS, P_NONE),
	    "top: 薄弱环节 without remedy");
	CHECK(top("领导班子和主要负责人推动法治工作情况", 0, P_DUTY, P_NONE),
	    "top: 主要负责人 is duty");
	CHECK(top("下步工作措施", 0, P_PLANS, P_NONE), "top: 下步");
	CHECK(top("存在问题及改进措施", 0, P_SHORTFALLS, P_PLANS),
	    "top: 改进措施 is plans");
	CHECK(top("2025年重点任务", 0, P_PLANS, P_NONE),
	    "top: 重点任务, year unknown");
	CHECK(top("整改落实情况", 0, P_RECT, P_NONE), "top: 整改落实情况");
	CHECK(strict("抓好存在问题整改", P_NONE), "strict: an order is work");

	CHECK(head("一、二季度,全县开展督察", -1, 0, ""), "一、二季度 is no marker");
	CHECK(head("三、四月份开展检查", -1, 0, ""), "三、四月份 is no marker");
	CHECK(head("二、三项制度全面落实", MT_CN, 2, "三项制度全面落实"),
	    "二、三项制度 is a heading");
	CHECK(head("貳、存在的不足", MT_PART, 2, "存在的不足"),
	    "financial numeral ranks above 一、");
	CHECK(head("第二部份 存在問題", MT_PART, 2, "存在問題"), "第二部份");

	CHECK(dec("1.1 编制目的", 2, 1, false, "编制目的") &&
	    dec("2.3.1 省级人民政府", 3, 1, false, "省级人民政府") &&
	    dec("1.2编制依据", 2, 2, false, "编制依据") &&
	    dec("4.10 新闻报道", 2, 10, false, "新闻报道") &&
	    dec("1.1", 2, 1, false, ""), "decimal outline numbers");
	CHECK(dec("1 总则", 1, 1, false, "总则") && dec("1总则", 1, 1, true, "总则") &&
	    dec("2.1人员保障", 2, 1, false, "人员保障") &&
	    dec("1.3分级分类", 2, 3, false, "分级分类"), "plain and glued numbers");
	CHECK(dec("1.5亿元专项资金", -1, 0, false, "") &&
	    dec("2.5倍", -1, 0, false, "") && dec("3.2公里道路", -1, 0, false, "") &&
	    dec("12.5%的办件", -1, 0, false, "") && dec("3家企业", -1, 0, false, "") &&
	    dec("2019年工作", -1, 0, false, "") && dec("1 2 3", -1, 0, false, ""),
	    "quantities are no outline numbers");
	CHECK(head("1.总则", MT_AR, 1, "总则") && head("1.2024年完成", MT_AR, 1,
	    "2024年完成"), "1. stays the arabic marker");
	{
		static const char *const plan[] = {
			"1 总则", "1.1 编制目的", "（1）统一领导", "（2）分级负责",
			"1.2 编制依据", "2 组织体系", "2.1 指挥部", "2.1.1 总指挥部",
			"2.1.2 办公室", "2.2 成员", "3.1 预警", "3.1.1 监测",
			"1.5 工作原则", NULL
		};
		static const char *const dotted[] = {
			"1.总则", "1.1 编制目的", "1.2 编制依据", "1.《森林法》",
			"2.《预案》", "2.应急响应", "2.1 分级", NULL
		};
		static const char *const mixed[] = {
			"一、总则", "1.1 编制目的", "1.2 工作原则", "二、应急处置",
			"2.1 先期处置", "（一）现场警戒", "2.2 后期处置", NULL
		};
		static const char *const chapters[] = {
			"第一章 总则", "第一条 为了规范", "第二章 管理", "第一节 一般规定",
			"第二条 本办法", "（一）依法", "第三章 附则", "第三条 施行", NULL
		};

		CHECK(levels(plan, "1233212332230"), "outline levels");
		CHECK(levels(dotted, "1223312"), "1.总则 outline, 1.《…》 list");
		CHECK(levels(mixed, "1221232"), "一、总则 > 1.1");
		CHECK(levels(chapters, "12123412"), "章 > 节 > 条 > （一）");
	}
	return test_failed;
}
