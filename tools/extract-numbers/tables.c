#include <stdlib.h>
#include <string.h>

#include "tables.h"
#include "utf8.h"

const char *const xn_kind_names[] = {
	"count", "money", "percent", "ppoint", "ratio", "score",
	"date", "year", "range", "duration", "ordinal", "other"
};

#define A XN_UF_AR
#define C XN_UF_CN
#define O XN_UF_ONE
#define L XN_UF_LATIN
#define ALL (XN_UF_AR | XN_UF_CN | XN_UF_ONE)

/* Longer keys win, so 人次 beats 人 and 个百分点 beats 个. */
#define U(k, o, kd, fl, bn) \
	{ .key = { .s = k }, .out = o, .kind = kd, .flags = fl, .bad_next = bn }

static struct xn_unit units[] = {
	U("个百分点", "个百分点", XN_K_PPOINT, A | C, NULL),
	U("百分点", "百分点", XN_K_PPOINT, A | C, NULL),
	U("%", "%", XN_K_PERCENT, A, NULL),
	U("‰", "‰", XN_K_PERCENT, A, NULL),
	U("‱", "‱", XN_K_PERCENT, A, NULL),
	U("个工作日", "个工作日", XN_K_DURATION, ALL, NULL),
	U("工作日", "工作日", XN_K_DURATION, A | C, NULL),
	U("个小时", "小时", XN_K_DURATION, ALL, NULL),
	U("小时", "小时", XN_K_DURATION, ALL, NULL),
	U("个月", "个月", XN_K_DURATION, ALL, "来"),
	U("个星期", "周", XN_K_DURATION, A | C, NULL),
	U("个季度", "个季度", XN_K_DURATION, ALL, NULL),
	U("分钟", "分钟", XN_K_DURATION, A | C, NULL),
	U("刻钟", "刻钟", XN_K_DURATION, ALL, NULL),
	U("秒", "秒", XN_K_DURATION, A, "杀"),
	U("天", "天", XN_K_DURATION, ALL, "然津下"),
	U("周年", "周年", XN_K_ORDINAL, ALL, NULL),
	U("周岁", "周岁", XN_K_OTHER, A | C, NULL),
	U("周", "周", XN_K_DURATION, ALL, "边末年期刊报到全密"),
	U("年", "年", XN_K_DURATION, ALL, "行计规攻轻级底初末度代"),
	U("等奖", "等奖", XN_K_ORDINAL, ALL, NULL),
	U("等功", "等功", XN_K_ORDINAL, ALL, NULL),
	U("件次", "件次", XN_K_COUNT, ALL, NULL),
	U("人次", "人次", XN_K_COUNT, ALL, NULL),
	U("家次", "家次", XN_K_COUNT, ALL, NULL),
	U("户次", "户次", XN_K_COUNT, ALL, NULL),
	U("项次", "项次", XN_K_COUNT, ALL, NULL),
	U("场次", "场次", XN_K_COUNT, ALL, NULL),
	U("车次", "车次", XN_K_COUNT, A | C, NULL),
	U("台次", "台次", XN_K_COUNT, A | C, NULL),
	U("台套", "台套", XN_K_COUNT, A | C, NULL),
	U("条次", "条次", XN_K_COUNT, A | C, NULL),
	U("份次", "份次", XN_K_COUNT, A | C, NULL),
	U("例次", "例次", XN_K_COUNT, A | C, NULL),
	U("个次", "个次", XN_K_COUNT, A | C, NULL),
	U("面", "面", XN_K_COUNT, A | C, "积向临对前上下貌广环孔人派"),
	U("幅", "幅", XN_K_COUNT, A | C, "度员"),
	U("盏", "盏", XN_K_COUNT, A | C, NULL),
	U("把", "把", XN_K_COUNT, A, "手关握"),
	U("讲", "讲", XN_K_COUNT, A, "话座解授述"),
	U("堂", "堂", XN_K_COUNT, A | C, NULL),
	U("笔", "笔", XN_K_COUNT, A | C, "录试记者"),
	U("枚", "枚", XN_K_COUNT, A | C, NULL),
	U("幢", "幢", XN_K_COUNT, A | C, NULL),
	U("门", "门", XN_K_COUNT, A, "户槛诊式类"),
	U("批次", "批次", XN_K_COUNT, A | C, NULL),
	U("课时", "课时", XN_K_COUNT, A | C, NULL),
	U("个学时", "学时", XN_K_COUNT, A | C, NULL),
	U("辆次", "辆次", XN_K_COUNT, A | C, NULL),
	U("艘次", "艘次", XN_K_COUNT, A | C, NULL),
	U("架次", "架次", XN_K_COUNT, A | C, NULL),
	U("卷", "卷", XN_K_COUNT, A | C, "宗轴入"),
	U("块", "块", XN_K_COUNT, A | C, "状"),
	U("日", "日", XN_K_DURATION, A | C, "起报常均游"),
	U("学时", "学时", XN_K_COUNT, A | C, NULL),
	U("个", "个", XN_K_COUNT, ALL, "体性别案人劲"),
	U("人", "人", XN_K_COUNT, ALL, "民大社口力员身格帮"),
	U("名", "名", XN_K_COUNT, ALL, "单称义额录片誉牌列"),
	U("位", "位", XN_K_COUNT, ALL, "置于数"),
	U("宗", "宗", XN_K_COUNT, ALL, "旨教族"),
	U("件", "件", XN_K_COUNT, ALL, "事"),
	U("家", "家", XN_K_COUNT, ALL, "庭属长乡园人门风"),
	U("户", "户", XN_K_COUNT, ALL, "籍口外型主"),
	U("项", "项", XN_K_COUNT, ALL, "目"),
	U("次", "次", XN_K_COUNT, ALL, "数序要级生性办日年"),
	U("场", "场", XN_K_COUNT, ALL, "所地景馆合面域"),
	U("条", "条", XN_K_COUNT, A | C, "例件款线龙"),
	U("份", "份", XN_K_COUNT, A | C, "额子"),
	U("支", "支", XN_K_COUNT, ALL, "持付出部撑援"),
	U("艘", "艘", XN_K_COUNT, ALL, NULL),
	U("起", "起", XN_K_COUNT, A | C, "来草步诉点到始"),
	U("例", "例", XN_K_COUNT, A | C, "如会行"),
	U("批", "批", XN_K_COUNT, A | C, "准评复次示"),
	U("期", "期", XN_K_COUNT, A | C, "间限满待刊货末工"),
	U("类", "类", XN_K_COUNT, A | C, "型别似"),
	U("种", "种", XN_K_COUNT, A | C, "类子植"),
	U("处", "处", XN_K_COUNT, A | C, "理置罚分室长级于"),
	U("所", "所", XN_K_COUNT, ALL, "有在以属得长谓"),
	U("座", "座", XN_K_COUNT, ALL, "谈"),
	U("套", "套", XN_K_COUNT, A | C, "餐"),
	U("台", "台", XN_K_COUNT, ALL, "账湾风"),
	U("辆", "辆", XN_K_COUNT, ALL, NULL),
	U("部", "部", XN_K_COUNT, A | C, "门署分长委曲"),
	U("本", "本", XN_K_COUNT, A, "地级市区"),
	U("册", "册", XN_K_COUNT, A | C, NULL),
	U("篇", "篇", XN_K_COUNT, A | C, "章"),
	U("张", "张", XN_K_COUNT, A | C, "网图"),
	U("间", "间", XN_K_COUNT, A | C, "隔"),
	U("栋", "栋", XN_K_COUNT, A | C, NULL),
	U("单", "单", XN_K_COUNT, A, "位独元"),
	U("轮", "轮", XN_K_COUNT, A | C, NULL),
	U("组", "组", XN_K_COUNT, A | C, "织建成长"),
	U("队", "队", XN_K_COUNT, A, "伍员"),
	U("株", "株", XN_K_COUNT, A | C, NULL),
	U("棵", "棵", XN_K_COUNT, A | C, NULL),
	U("只", "只", XN_K_COUNT, A | C, "要有是能需"),
	U("头", "头", XN_K_COUNT, A, NULL),
	U("匹", "匹", XN_K_COUNT, A, NULL),
	U("宗次", "宗次", XN_K_COUNT, ALL, NULL),
	U("通", "通", XN_K_COUNT, A | C, "过知报讯道用信告报畅达关"),
	U("方面", "方面", XN_K_COUNT, A | C, NULL),
	U("倍", "倍", XN_K_RATIO, ALL, "增"),
	U("成", "成", XN_K_RATIO, ALL, "员立为功效果本绩交熟型都"),
	U("分", "分", XN_K_SCORE, A | C, NULL),
	U("元", "元", XN_K_MONEY, ALL, "旦素首老宵件器化结"),
	/* Other currencies keep their name: a value in 元 would need a
	 * rate. */
	U("美元", "美元", XN_K_MONEY, A | C, NULL),
	U("港元", "港元", XN_K_MONEY, A | C, NULL),
	U("欧元", "欧元", XN_K_MONEY, A | C, NULL),
	U("日元", "日元", XN_K_MONEY, A | C, NULL),
	U("英镑", "英镑", XN_K_MONEY, A | C, NULL),
	U("平方公里", "平方公里", XN_K_OTHER, A | C, NULL),
	U("平方米", "平方米", XN_K_OTHER, A | C, NULL),
	U("平方千米", "平方千米", XN_K_OTHER, A | C, NULL),
	U("立方米", "立方米", XN_K_OTHER, A | C, NULL),
	U("公里", "公里", XN_K_OTHER, A | C, NULL),
	U("毫米", "毫米", XN_K_OTHER, A | C, NULL),
	U("厘米", "厘米", XN_K_OTHER, A | C, NULL),
	U("毫升", "毫升", XN_K_OTHER, A, NULL),
	U("千瓦时", "千瓦时", XN_K_OTHER, A, NULL),
	U("兆瓦", "兆瓦", XN_K_OTHER, A, NULL),
	U("千米", "千米", XN_K_OTHER, A | C, NULL),
	U("公顷", "公顷", XN_K_OTHER, A | C, NULL),
	U("亩", "亩", XN_K_OTHER, A | C, NULL),
	U("吨", "吨", XN_K_OTHER, A | C, NULL),
	U("千克", "千克", XN_K_OTHER, A, NULL),
	U("公斤", "公斤", XN_K_OTHER, A | C, NULL),
	U("千瓦", "千瓦", XN_K_OTHER, A, NULL),
	U("岁", "岁", XN_K_OTHER, A | C, "月"),
	U("米", "米", XN_K_OTHER, A | C, "粮饭面兰线字"),
	/* Units in Latin letters, after digits only: 135m, 5km, 20m². */
	U("mm", "mm", XN_K_OTHER, A | L, NULL),
	U("cm", "cm", XN_K_OTHER, A | L, NULL),
	U("m", "m", XN_K_OTHER, A | L, NULL),
	U("m2", "m2", XN_K_OTHER, A | L, NULL),
	U("m²", "m²", XN_K_OTHER, A | L, NULL),
	U("m3", "m3", XN_K_OTHER, A | L, NULL),
	U("m³", "m³", XN_K_OTHER, A | L, NULL),
	U("㎡", "㎡", XN_K_OTHER, A | L, NULL),
	U("km", "km", XN_K_OTHER, A | L, NULL),
	U("km2", "km2", XN_K_OTHER, A | L, NULL),
	U("km²", "km²", XN_K_OTHER, A | L, NULL),
	U("kg", "kg", XN_K_OTHER, A | L, NULL),
	/* Administrative divisions counted: 两省交界, 三市联动, 全省16市; a
	 * lone 一 is a slogan's (一县一策).  区 not after digits: 3区 is a
	 * zone's number. */
	U("省份", "省份", XN_K_COUNT, A | C, NULL),
	U("省", "省", XN_K_COUNT, A | C, "委政级长内会吾属"),
	U("市", "市", XN_K_COUNT, A | C, "场民长委政级值面容区县属内直"),
	U("县", "县", XN_K_COUNT, A | C, "委政级长城域市区乡属"),
	U("区", "区", XN_K_COUNT, C, "委政级长域别划间块位县属内"),
	U("乡镇", "乡镇", XN_K_COUNT, A | C, NULL),
	U("乡", "乡", XN_K_COUNT, A | C, "村亲土愁情贤音下里镇"),
	U("镇", "镇", XN_K_COUNT, A | C, "街村政委长区域静压守"),
	U("村", "村", XN_K_COUNT, A | C, "民委级居组庄寨镇干务落"),
	/* More measure words of reports. */
	U("根", "根", XN_K_COUNT, A | C, "本源据治除基深子系"),
	U("架", "架", XN_K_COUNT, A | C, "构设空子势起"),
	U("层", "层", XN_K_COUNT, A | C, "级次面楼出"),
	U("首", "首", XN_K_COUNT, A | C, "先次都位要创府长批发届"),
	U("口", "口", XN_K_COUNT, A | C, "岸号径头语罩碑气吻音粮子"),
	U("遍", "遍", XN_K_COUNT, A | C, "布及地历访"),
	U("箱", "箱", XN_K_COUNT, A | C, NULL),
	U("袋", "袋", XN_K_COUNT, A | C, "鼠"),
	U("瓶", "瓶", XN_K_COUNT, A | C, "颈"),
	U("盒", "盒", XN_K_COUNT, A | C, NULL),
	U("片", "片", XN_K_COUNT, A | C, "区面刻段长"),
	U("群", "群", XN_K_COUNT, A | C, "众体团落"),
	U("站", "站", XN_K_COUNT, A | C, "点位岗长台前式"),
	U("趟", "趟", XN_K_COUNT, A | C, NULL),
	U("升", "升", XN_K_OTHER, A, "级学值高格温"),
	U("克", "克", XN_K_OTHER, A, "服难隆"),
	U("斤", "斤", XN_K_OTHER, A | C, NULL),
	/* 三级 (levels); not a rank or a grade: 二级巡视员, 三级医院,
	 * 二级响应, 一级预算单位. */
	U("级", "级", XN_K_COUNT, A | C, "巡调主科警律医建甲乙响保书单学预"),
	/* 连续三届 (terms); the sessions of a congress (十九届中央委员会)
	 * are turned down by accept.c. */
	U("届", "届", XN_K_COUNT, A | C, NULL),
	/* Ordinal-only measure words: 第三季度, 第二款. */
	U("季度", "季度", XN_K_ORDINAL, A | C | XN_UF_ORD, NULL),
	U("章", "章", XN_K_COUNT, A | C, "程"),
	U("节", "节", XN_K_COUNT, A | C, "日约点能气"),
	U("款", "款", XN_K_ORDINAL, A | C | XN_UF_ORD, NULL),
	/* 两部分, 分三阶段: counts; 一部分 is some of it. */
	U("阶段", "阶段", XN_K_COUNT, A | C, NULL),
	U("部分", "部分", XN_K_COUNT, A | C, NULL),
};

/* Score 分 and 秒 are one-character words inside many others. */
static const char *const strict_units[] = { "分", "秒", NULL };

static const char *const setphrase[] = {
	"一杯咖啡", "一件事", "一次性", "一次办", "一张网", "一站式",
	"一条龙", "一把手", "一批", "一系列", "一线", "一对一", "一年来",
	"一年一度", "一个中心", "一个时期", "一个阶段", "一段时间", "一张图", "一门式", "一窗式", "一体",
	"两个确立", "两个维护", "两个一百年", "两个务必", "两个结合",
	"三个代表", "四个意识", "四个自信", "四个全面", "五位一体",
	"三项制度", "三年行动", "五年行动", "一年级", "一次次", "一家人",
	"一场场", "一个个", "一件件", "一项项", "一条条", "一份份",
	"两年一", "三年一", "五年一", "八项规定", "一成不变", "一次不用跑",
	"一次都不跑", "一支队伍",
	/* Slogans written without quotes. */
	"两个确保", "两个责任", "两个毫不动摇", "两个大局", "两个健康",
	"三个不放过", "三个务必", "三个区分开来", "三个有利于", "四个不两直",
	"四个最严", "四个一律", "四个坚持", "五个坚持", "十个明确",
	"十四个坚持", "两个作用", "三个转变", "四个必须", "两个凡是",
	"一天到晚", "一家老小", "一年到头", "一年半载", "九省通衢",
	"四乡八镇", "三乡五里",
	"四套班子", "四大班子", "两套班子", "一个中心两个基本点", "两个基本点",
	"一个都不能少", "一个不落", "一个也不能少", "两个根本", "两个覆盖",
	"两个至上", "三个敬畏", "四个不摘", "五个一批", "六个精准",
	/* 一次 of a service promise: at one go, not once. */
	"一次告知", "一次办结", "一次办好", "一次办成", "一次到位", "一次讲清",
	"一次提交", "一次采集", "一次认证", "一次受理", "一次申报",
	/* Places whose names hold a numeral and a measure word. */
	"七台河", "九台", "五台", "三台", "三门峡", "三门县", "五家渠",
	"八所", "千户苗寨", "四会", "一人一", "一户一", "一企一",
	"一案一", "一事一", "一村一", "一校一", "一街一", "一社区一",
	NULL
};

static const char *const one_before[] = {
	"统", "唯", "同", "万", "之", "逐", "单", "专", "划", "合", "归",
	"初", "无", "择", "扫", "进", "跑", "不", "其", "任", "每", "另",
	"这", "那", "某", "哪", "是", "此", "有", "么", "看", "想", "试",
	"上", "下", NULL
};

static const char *const money[] = {
	"金额", "资金", "经费", "款", "费", "罚", "赔", "补偿", "工资",
	"薪", "收入", "投资", "投入", "成本", "损失", "价值", "标的",
	"税", "挽回", "追回", "营收", "产值", "资产", "预算", "贷款",
	"融资", "补贴", "奖励", "奖金", "债", "欠", "拨付", "支出", NULL
};

static const char *const fill_head[] = {
	"今年以来", "截至目前", "其中", "共计", "一共", "累计", "合计",
	"总计", "全年", "年内", "目前", "同时", "此外", "另外", "以来",
	"先后", "有效", "并且", "共有", "共", "并", "已", "均", "还", "又",
	"的",
	/* Relative time, no quantity of its own. */
	"较上年度", "较上年", "较去年", "比上年", "比去年", "与上年", "与去年",
	"上一年度", "上年度", "本年度", "今年度", "今年", "去年", NULL
};

static const char *const fill_tail[] = {
	"截止到", "截至", "截止", "分别为", "分别", "达到", "高达", "已达", "共计", "累计", "合计",
	"总计", "超过", "均为", "约为", "一共", "共有", "达", "为", "共",
	"计", "约", "是", "有", "了", "的", "已", "逾", "至", "到", "近",
	"超", "均", "将", "再", "和", "平均", "人均", "日均", NULL
};

static const char *const nounit_next[] = {
	"热线", "版", "号", "路", "线", NULL
};

/* 十九届中央委员会, 十四届全国人大, 省委十三届 are congress sessions. */
static const char *const session[] = {
	"中央", "中共", "全国人", "全国政协", "全国委员会", "全会", "人大",
	"人民代表大会", "政协", "党代会", "党委", "代表大会", "委员会", "常委",
	"纪委", "省委", "市委", "县委", "区委", "团委", "党的", "省人大",
	"市人大", "县人大", "区人大", NULL
};

static const char *const limit[] = {
	"限", "仅", "只", "各", "最多", "至少", "不超过", "不少于", "不低于",
	"不多于", "不得超过", NULL
};

static const char *const *const lists[XN_L_NLISTS] = {
	setphrase, one_before, money, fill_head, fill_tail, nounit_next, session,
	limit
};

#define LISTMAX 256
static struct xn_key keys[XN_L_NLISTS][LISTMAX];
static size_t nkeys[XN_L_NLISTS];
static int ready;

/* Most characters start no unit and no phrase: a bitmap of first (and
 * last) characters lets the lookups return at once for them. */
#define BM_BYTES (0x10000 / 8)
static uint8_t list_first[XN_L_NLISTS][BM_BYTES];
static uint8_t list_last[XN_L_NLISTS][BM_BYTES];

static void
bm_set(uint8_t *bm, uint32_t c)
{
	if (c < 0x10000)
		bm[c >> 3] |= (uint8_t)(1u << (c & 7));
}

static bool
bm_has(const uint8_t *bm, uint32_t c)
{
	return c >= 0x10000 || (bm[c >> 3] >> (c & 7)) & 1;
}

void
xn_key_init(struct xn_key *k)
{
	size_t pos = 0, n = strlen(k->s);

	k->len = 0;
	while (pos < n && k->len < XN_KEYMAX)
		k->cp[k->len++] = utf8_next(k->s, n, &pos);
}

/* Keys by first character, longest first within one: lookups
 * binary-search the first character and take the first full match. */
static int
keycmp(const void *pa, const void *pb)
{
	const struct xn_key *a = pa, *b = pb;

	if (a->cp[0] != b->cp[0])
		return a->cp[0] < b->cp[0] ? -1 : 1;
	if (a->len != b->len)
		return (int)b->len - (int)a->len;
	return strcmp(a->s, b->s);
}

static int
unitcmp(const void *pa, const void *pb)
{
	const struct xn_unit *a = pa, *b = pb;

	if (a->key.cp[0] != b->key.cp[0])
		return a->key.cp[0] < b->key.cp[0] ? -1 : 1;
	return strcmp(a->key.s, b->key.s);
}

#define NUNITS (sizeof units / sizeof units[0])
static uint16_t unit_idx[0x10000];      /* 1 + first unit with that start */

static size_t
first_key(enum xn_list l, uint32_t c)
{
	size_t lo = 0, hi = nkeys[l];

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (keys[l][mid].cp[0] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void
xn_tables_init(void)
{
	if (ready)
		return;
	ready = 1;
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		struct xn_unit *u = &units[i];

		xn_key_init(&u->key);
		if (u->bad_next) {
			size_t pos = 0, n = strlen(u->bad_next);

			while (pos < n && u->nbad < sizeof u->bad / sizeof u->bad[0])
				u->bad[u->nbad++] = utf8_next(u->bad_next, n, &pos);
		}
		for (const char *const *s = strict_units; *s; s++)
			if (strcmp(*s, u->key.s) == 0)
				u->flags |= XN_UF_STRICT;
	}
	for (int l = 0; l < XN_L_NLISTS; l++) {
		for (const char *const *s = lists[l]; *s && nkeys[l] < LISTMAX; s++) {
			struct xn_key *k = &keys[l][nkeys[l]++];

			k->s = *s;
			xn_key_init(k);
			bm_set(list_first[l], k->cp[0]);
			bm_set(list_last[l], k->cp[k->len - 1]);
		}
		qsort(keys[l], nkeys[l], sizeof keys[l][0], keycmp);
	}
	qsort(units, NUNITS, sizeof units[0], unitcmp);
	for (size_t i = NUNITS; i > 0; i--)
		if (units[i - 1].key.cp[0] < 0x10000)
			unit_idx[units[i - 1].key.cp[0]] = (uint16_t)i;
}

bool
xn_key_at(const struct xn_key *k, const uint32_t *f, size_t i, size_t n)
{
	if (n - i < k->len)
		return false;
	for (size_t j = 0; j < k->len; j++)
		if (f[i + j] != k->cp[j])
			return false;
	return true;
}

const struct xn_unit *
xn_unit_at(const uint32_t *f, size_t i, size_t n, unsigned src)
{
	const struct xn_unit *best = NULL;

	if (i >= n || f[i] >= 0x10000 || !unit_idx[f[i]])
		return NULL;
	for (size_t k = unit_idx[f[i]] - 1; k < NUNITS && units[k].key.cp[0] == f[i]; k++) {
		const struct xn_unit *u = &units[k];
		size_t e;
		bool bad = false;

		if (!(u->flags & src))
			continue;
		if (best && best->key.len >= u->key.len)
			continue;
		if (!xn_key_at(&u->key, f, i, n))
			continue;
		e = i + u->key.len;
		if (e < n) {
			for (size_t b = 0; b < u->nbad; b++)
				if (f[e] == u->bad[b])
					bad = true;
			if ((u->flags & XN_UF_LATIN) && f[e] < 0x80 &&
			    ((f[e] | 0x20) >= 'a' && (f[e] | 0x20) <= 'z'))
				bad = true;
			if ((u->flags & XN_UF_STRICT) && utf8_is_han(f[e]) &&
			    f[e] != 0x4EE5 /* 以 */ && f[e] != 0x7684 /* 的 */ &&
			    !(f[e] == 0x5DE6 /* 左 */ && e + 1 < n &&
			    f[e + 1] == 0x53F3 /* 右 */))
				bad = true;
		}
		if (!bad)
			best = u;
	}
	return best;
}

size_t
xn_list_at(enum xn_list l, const uint32_t *f, size_t i, size_t n)
{
	if (i >= n || !bm_has(list_first[l], f[i]))
		return 0;
	for (size_t k = first_key(l, f[i]); k < nkeys[l] && keys[l][k].cp[0] == f[i]; k++)
		if (xn_key_at(&keys[l][k], f, i, n))
			return keys[l][k].len;
	return 0;
}

size_t
xn_list_before(enum xn_list l, const uint32_t *f, size_t i)
{
	if (i == 0 || !bm_has(list_last[l], f[i - 1]))
		return 0;
	{
		size_t best = 0;

		for (size_t k = 0; k < nkeys[l]; k++) {
			const struct xn_key *key = &keys[l][k];

			if (key->len > best && key->len <= i &&
			    xn_key_at(key, f, i - key->len, i))
				best = key->len;
		}
		return best;
	}
}

bool
xn_unit_may_start(uint32_t c)
{
	return c < 0x10000 && unit_idx[c];
}

bool
xn_clause_punct(uint32_t c)
{
	switch (c) {
	case ',': case 0x3002: case ';': case ':': case '!': case '?':
	case 0x3001: case '(': case ')': case '\t': case 0x3010: case 0x3011:
	case 0x300A: case 0x300B: case '[': case ']': case 0x3014: case 0x3015:
	case '|': case 0x2014:
		return true;
	}
	return false;
}
