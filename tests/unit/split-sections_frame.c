/* Unit tests of zh-split-sections' detectors of an official document's
 * frame, of titles and genres, of the numbering tree and of lists
 * written inside a line. */
#include <string.h>

#include "frame.h"
#include "genre.h"
#include "items.h"
#include "key.h"
#include "marker.h"
#include "part.h"
#include "test.h"
#include "title.h"
#include "tree.h"

int main(void);

static struct ss_key k;

static const struct ss_key *
key(const char *s)
{
	ss_key_fold(&k, s, strlen(s), SS_KEY_MAX);
	return &k;
}

static int
title(const char *s)
{
	return (int)zh_title_like(s, strlen(s));
}

static int
annex(const char *s, unsigned num, const char *rest)
{
	unsigned n;
	size_t r;
	int ax = ss_frame_annex(s, strlen(s), &n, &r);

	if (ax == AX_NONE)
		return AX_NONE;
	return n == num && strcmp(s + r, rest) == 0 ? ax : -1;
}

/* Feeds headings alone on their lines to a tree ("~" for a paragraph
 * between them): want is "+" for a heading, "-" not, "." a paragraph. */
static int
tree(const char *const *lines, const char *want)
{
	struct ss_tree t;

	ss_tree_reset(&t, 0);
	for (size_t i = 0; lines[i]; i++) {
		struct ss_marker m;
		bool acc;

		if (lines[i][0] == '~') {
			t.fresh = false;
			continue;
		}
		if (!ss_marker_heading(lines[i], strlen(lines[i]), &m))
			return 0;
		acc = ss_tree_accepts(&t, &m, true, false);
		if (acc != (want[i] == '+'))
			return 0;
		t.fresh = false;
		if (acc) {
			ss_tree_open(&t, &m);
			t.fresh = true;
		} else {
			(void)ss_tree_reject(&t, &m, true);
		}
	}
	return 1;
}

static int
list(const char *s, const char *nums)
{
	struct ss_items it = { 0 };
	char got[16];
	size_t g = 0;

	if (ss_items_list(&it, s, strlen(s)))
		for (size_t i = 0; i < it.n && g < sizeof got - 1; i++)
			if (it.marks[i].acc)
				got[g++] = (char)('0' + it.marks[i].num);
	got[g] = '\0';
	ss_items_free(&it);
	return strcmp(got, nums) == 0;
}

int
main(void)
{
	CHECK(ss_frame_docnum(key("国发〔2019〕3号")) &&
	    ss_frame_docnum(key("国办发明电〔2018〕15号")) &&
	    ss_frame_docnum(key("青政办函[2025]8号")) &&
	    ss_frame_docnum(key("城委法办白头〔2025〕1号")), "docnum");
	CHECK(!ss_frame_docnum(key("根据国发〔2019〕3号文件")) &&
	    !ss_frame_docnum(key("〔2019〕3号")), "docnum: the whole line");
	CHECK(ss_frame_addressee(key("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：")) &&
	    ss_frame_addressee(key("国家经贸委、冶金部：")) &&
	    ss_frame_addressee(key("县委:")) &&
	    ss_frame_addressee(key("各区县人民政府，市政府各部门：")) &&
	    ss_frame_addressee(key("发展改革委、财政厅（局）：")), "addressee");
	CHECK(!ss_frame_addressee(key("现将有关事项通知如下：")) &&
	    !ss_frame_addressee(key("主要做法：")) &&
	    !ss_frame_addressee(key("来源:滨江区人民政府 发布时间:")), "not addressees");
	CHECK(ss_frame_end(key("国务院办公厅")) == SIG_NAME &&
	    ss_frame_end(key("滨江区民政局\xc2\xa0\xc2\xa0")) == SIG_NAME, "signature");
	CHECK(ss_frame_end(key("2018年12月4日")) == SIG_DATE &&
	    ss_frame_end(key("一九九六年二月九日")) == SIG_DATE &&
	    ss_frame_end(key("二〇二五年一月十三日")) == SIG_DATE &&
	    ss_frame_end(key("2025年1月")) == SIG_DATE, "date");
	CHECK(ss_frame_end(key("青川市清溪区人民政府2025年3月15日")) == SIG_NAME_DATE,
	    "signature and date");
	CHECK(ss_frame_end(key("特此报告。")) == SIG_CLOSING &&
	    ss_frame_end(key("此复。")) == SIG_CLOSING, "closing formula");
	CHECK(ss_frame_end(key("2024年，全区办理案件12件。")) == SIG_NONE &&
	    ss_frame_end(key("加强组织领导")) == SIG_NONE, "body lines end nothing");
	CHECK(ss_frame_note(key("（此件公开发布）")) && ss_frame_note(key("(本文有删减)")) &&
	    !ss_frame_note(key("（一）加强领导。")), "note");
	CHECK(ss_frame_head_date(key("（2025年1月）")) && !ss_frame_head_date(key("（2025—2027年）")),
	    "date under a title");
	CHECK(annex("附件", 0, "") == AX_LABEL && annex("附件2", 2, "") == AX_LABEL &&
	    annex("附件：", 0, "") == AX_LABEL && annex("附件一", 1, "") == AX_LABEL,
	    "annex labels");
	CHECK(annex("附件：1.青川市办法", 0, "1.青川市办法") == AX_TEXT &&
	    annex("附件1：青川市方案", 1, "青川市方案") == AX_TEXT, "annex list and label with text");
	CHECK(annex("附件下载:", 0, "") == AX_NONE && annex("附件材料齐全", 0, "") == AX_NONE,
	    "附件 words are no labels");
	CHECK(ss_frame_body_name(key("大河乡人民政府")) && !ss_frame_body_name(key("大河乡人民政府坚持")),
	    "the issuing body's name");

	CHECK(title("国务院办公厅关于2019年") == ZH_TITLE_OPEN &&
	    title("国务院办公厅转发国家地震局") == ZH_TITLE_OPEN, "open titles");
	CHECK(title("国家组织药品集中采购和使用试点方案") == ZH_TITLE_FULL &&
	    title("关于2019年法治政府建设工作的报告") == ZH_TITLE_FULL &&
	    title("青川市政务数据管理办法（试行）") == ZH_TITLE_FULL &&
	    title("濱江區2024年法治建設年度報告") == ZH_TITLE_FULL, "full titles");
	CHECK(title("国务院关于同意乌鲁木齐,昌吉,石河子") == ZH_TITLE_OPEN,
	    "a 、 folded to , in a list after 关于");
	CHECK(title("下一步工作计划") == ZH_TITLE_NO && title("一、主要举措和成效") == ZH_TITLE_NO &&
	    title("现将有关情况报告如下：") == ZH_TITLE_NO &&
	    title("2024年,我区坚持依法行政,全年办理案件") == ZH_TITLE_NO &&
	    title("当前位置: 首页 > 年度报告") == ZH_TITLE_NO, "not titles");
	CHECK(zh_title_ends("部分节假日安排的通知", strlen("部分节假日安排的通知")) &&
	    !zh_title_ends("国务院办公厅关于2019年", strlen("国务院办公厅关于2019年")),
	    "where a title ends");

	CHECK(ss_genre_of_title(key("滨江新区数字产业园的批复")->s, false) == G_OTHER &&
	    ss_genre_of_title(key("滨江新区数字产业园的批覆")->s, false) == G_OTHER &&
	    ss_genre_of_title(key("关于加快数字经济发展的若干意见")->s, false) == G_PLAN &&
	    ss_genre_of_title(key("数字政府建设规划（2025—2027年）")->s, false) == G_PLAN &&
	    ss_genre_of_title(key("关于2024年度法治政府建设情况的报告")->s, false) == G_REPORT &&
	    ss_genre_of_title(key("国务院办公厅关于2019年")->s, false) == G_UNKNOWN, "genres");
	CHECK(ss_genre_of_title(key("青川市粮油应急预案")->s, false) == G_PLAN &&
	    ss_genre_of_title(key("第18号建议的答复")->s, true) == G_OTHER &&
	    ss_genre_of_title(key("关于滨江堤防险情有关问题的报告")->s, false) == G_OTHER &&
	    ss_genre_of_title(key("堤防险情调查情况的报告")->s, true) == G_OTHER &&
	    ss_genre_of_title(key("关于法治政府建设的情况报告")->s, false) == G_REPORT &&
	    ss_genre_of_title(key("滨江区人民政府工作报告")->s, false) == G_REPORT &&
	    ss_genre_of_title(key("滨江区2024年工作总结")->s, false) == G_REPORT,
	    "reports on a question, replies and plans");
	CHECK(title("青川市粮油应急预案") == ZH_TITLE_FULL &&
	    title("滨江区人民政府办公室对区政协第18号提案的答复") == ZH_TITLE_FULL &&
	    title("滨江区人民政府办公室对区人大") == ZH_TITLE_OPEN &&
	    title("对此我们高度重视") == ZH_TITLE_NO, "预案, 答复 and 对…");
	CHECK(ss_genre_articles(key("政务服务管理办法（试行）")->s) &&
	    !ss_genre_articles(key("实施方案")->s), "rules in articles");
	CHECK(ss_genre_part(key("总体要求")->s) == P_AIMS &&
	    ss_genre_part(key("指导思想。")->s) == P_AIMS &&
	    ss_genre_part(key("主要任务")->s) == P_TASKS &&
	    ss_genre_part(key("加强组织领导。")->s) == P_SAFEGUARDS &&
	    ss_genre_part(key("试点范围")->s) == P_NONE &&
	    ss_genre_part(key("坚持以人民为中心的发展思想，把基本原则贯穿始终")->s) == P_NONE,
	    "plan parts");

	{
		static const char *const runon[] = {
			"一、总体要求", "（一）指导思想", "（二）基本原则", "二、主要任务",
			"（三）夯实基础", "1.建设光网", "2.布局算力", "（四）培育产业",
			"3.壮大软件", "1.重复编号", NULL
		};
		static const char *const slip[] = {
			"一、主要措施", "一、强化领导", "二、存在问题", NULL
		};
		static const char *const noslip[] = {
			"一、主要措施", "~", "一、强化领导", "二、存在问题", NULL
		};
		static const char *const list_[] = {
			"一、主要工作", "二、存在问题", "一、执法不够", "二、宣传不广",
			"三、下一步打算", NULL
		};

		CHECK(tree(runon, "+++++++++-"), "numbering runs on across sections");
		CHECK(tree(slip, "+++"), "a number repeated right after its heading");
		CHECK(tree(noslip, "+.--"), "a number repeated after text starts a list");
		CHECK(tree(list_, "++---"), "a list inside a section, and its 三、");
	}
	{
		struct ss_tree t;
		struct ss_marker m;

		ss_tree_reset(&t, 2);
		CHECK(strcmp(t.path, "A2.0") == 0 && strcmp(t.root, "A2.0") == 0,
		    "annex path before its first heading");
		(void)ss_marker_heading("二、x", strlen("二、x"), &m);
		m.num = 1;
		ss_tree_open(&t, &m);
		(void)ss_marker_heading("(三)x", strlen("(三)x"), &m);
		m.num = 3;
		ss_tree_open(&t, &m);
		CHECK(strcmp(t.path, "A2.1.3") == 0, "annex path of a heading");
	}

	CHECK(list("主要做法有：（1）编印案例；（2）组织旁听。", "12"), "list (1) (2)");
	CHECK(list("1.成立登记38件；2.变更登记102件；3.注销登记16件。", "123"),
	    "list 1. 2. 3. at the start and after ;");
	CHECK(list("①检查企业；②立案查处。", "12"), "list ① ②");
	CHECK(list("根据第十三条（一）、（二）项办理。", ""), "(二) after 、 is no list");
	CHECK(list("共1.5万件；2.5万人参加。", ""), "decimals are no list");
	CHECK(list("（2）单独一项；（3）又一项。", ""), "a list starts at 1");
	return test_failed;
}
