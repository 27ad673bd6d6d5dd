/*
 * ORG and EVENT: a head word (局, 委员会, 中心, 专项行动, 现场会...) found
 * at its end, then a walk to the left over the name's parts: places,
 * level words (区, 街道), known agency bodies (司法, 市场监管), quoted
 * terms and, for heads that allow it, plain characters up to a stop
 * (punctuation, function characters, a verb like 成立 or 印发).
 */
#include <string.h>

#include "utf8.h"

#include "cli.h"
#include "tag.h"

enum {
	H_GENERIC = 1,          /* plain characters may form the body */
	H_LEVEL = 2,            /* a bare level word is enough (区委) */
	H_NEEDKNOWN = 4,        /* body must be a known agency body */
	H_EVENT = 8,
	H_CONF = 16,            /* a conference: needs scope or a term */
	H_CENTRAL = 32,         /* closed class, the whole name */
	H_NAMED = 64,           /* only right after a quoted name: “铁拳”行动 */
};

static struct wl selfs, heads, bodies, levels, verbs, stops, generic_bodies, scopes, keeps, ev_stops;
static int ready;

static const char generic_heads[] =
	"委员会 管理委员会 工作委员会 中心 办公室 协会 商会 学会 联合会 促进会 研究会 "
	"大队 中队 支队 总队 调委会 工作室 服务站 工作站 联络站 服务所 事务所 律师事务所 "
	"律所 法庭 派出所 司法所 公证处 分院 分庭 研究院 研究所 设计院 学院 大学 学校 医院 公司 "
	"集团 银行 基金会 指挥部 服务队 执法队 志愿队 普法队 救援队 调解室 联合会 分局 "
	"支局 管理处 管理所 服务中心 部门 局 队 鉴定所 司法鉴定所 检测所 检验所 监测站 "
	"居委会 村委会 居民委员会 村民委员会 仲裁委 仲裁院 公证处 图书馆 文化馆 博物馆 美术馆 "
	"档案馆 纪念馆 体育馆 科技馆 红十字会 科协 侨联 工商联 文联 社科联 指挥室";
static const char level_heads[] =
	"委 党委 党工委 工委 政府 人民政府 人大 人大常委会 政协 纪委 监委 纪委监委 "
	"常委会 法院 人民法院 高级人民法院 中级人民法院 检察院 人民检察院 政法委 办事处 "
	"办 党校 委办 府办 编办 "
	"团委 妇联 总工会 工会 残联 武装部 人武部 党组 人大工委 海关";
/* Both: 区管委会, and a zone's own name, 松山湖管委会. */
static const char level_generic_heads[] = "管委会";
static const char known_heads[] = "局 厅 署 部 委 办";
static const char central_words[] =
	"党中央 中共中央 国务院 全国人大 全国人大常委会 全国人民代表大会 "
	"全国人民代表大会常务委员会 全国政协 最高人民法院 最高人民检察院 最高法 最高检 "
	"中央纪委 国家监委 中央纪委国家监委 中央军委 中央全面依法治国委员会 中央依法治国办 "
	"中央政法委 中央网信办 国务院办公厅 中央办公厅 中共中央办公厅 司法部 公安部 "
	"财政部 商务部 外交部 教育部 科技部 民政部 人力资源和社会保障部 人力资源社会保障部 "
	"自然资源部 生态环境部 住房和城乡建设部 住房城乡建设部 交通运输部 水利部 "
	"农业农村部 文化和旅游部 国家卫生健康委 国家卫生健康委员会 应急管理部 审计署 "
	"退役军人事务部 工业和信息化部 国家发展改革委 国家发展和改革委员会 国家市场监督管理总局 "
	"市场监管总局 国家税务总局 海关总署 国家统计局 国家信访局 中央宣传部 中央组织部 "
	"中央统战部 中宣部 中组部 全国妇联 全国总工会 共青团中央 中国法学会 "
	"中华全国律师协会 全国普法办";
static const char event_heads[] =
	"专项行动 专项执法行动 专项治理行动 专项整治行动 专项检查行动 专项巡查行动 "
	"专项清理行动 集中整治行动 三年行动 攻坚行动 百日行动 集中行动 专项斗争 百日攻坚行动";
/* Heads too common alone: an event only right after a quoted name. */
static const char named_heads[] = "行动 攻坚战 大会战 护航行动";
static const char conf_heads[] =
	"现场会 推进会 部署会 工作会议 座谈会 交流会 研讨会 表彰大会 博览会 论坛 现场推进会 "
	"大会 动员会 动员大会 观摩会 推介会 誓师大会 培训会";
static const char body_words[] =
	"司法 公安 财政 教育 民政 审计 统计 税务 信访 商务 外事 侨务 档案 保密 海事 海关 "
	"气象 地震 林业 水务 水利 城管 综治 环保 卫生 卫健 卫生健康 医保 医疗保障 市场监管 "
	"市场监督管理 生态环境 自然资源 规划和自然资源 规划 国土 住建 住房和城乡建设 "
	"住房城乡建设 住房和建设 交通 交通运输 应急管理 应急 人社 人力资源和社会保障 人力资源社会保障 "
	"人力资源 退役军人事务 农业农村 农业 文化广电旅游体育 文广旅体 文化和旅游 文旅 体育 "
	"工信 工业和信息化 科技 科技创新 科学技术 发改 发展和改革 发展改革 国资 "
	"政务服务数据管理 政务服务和数据管理 政务服务管理 政务服务 数据 数据资源 城市管理和综合执法 "
	"城市管理 综合执法 行政审批 政数 网信 编 宣传 组织 统战 政法 纪 依法治区 依法治市 "
	"依法治省 依法治县 依法治街 依法治镇 依法治国 全面依法治区 全面依法治市 "
	"全面依法治省 全面依法治县 全面依法治街 全面依法治镇 全面依法治国 机关事务 投资促进 金融 金融工作 "
	"国有资产监督管理 安全生产监督管理 安监 食药监 质监 工商 粮食 物价 烟草 邮政 消防救援 消防 "
	"交警 刑警 禁毒 普法 法制 民族宗教 民族和宗教事务 港澳 台湾事务 台办 侨办 "
	"外办 人防 住房保障 城市更新 建筑工务 工务 轨道交通 口岸 水产 海洋 渔业 "
	"生态环境保护 环境保护 公共资源交易 不动产登记 社会保险 医疗 疾病预防控制 疾控 "
	"妇女儿童工作 老龄工作 残疾人 红十字 公证 仲裁 劳动人事争议仲裁 劳动争议仲裁 "
	"人民调解 法律援助 公共法律服务 社区矫正 行政复议 戒毒 监狱 检察 人民检察 人民";
static const char level_words[] = "省 市 区 县 镇 乡 街道 州 旗 社区 自治区 自治州 自治县 局";
/* Heads that name their own function (派出所, 律师事务所): a place
 * alone makes a body of them (高新区司法所, 南明区分局, 贵州大学). */
static const char self_words[] = "法庭 律所 医院 党校 分局 大学 学院 海关";
static const char verb_words[] =
	"成立 组建 设立 建立 召开 印发 出台 开展 发挥 接受 配合 提交 设置 获评 入选 联合 "
	"指导 推动 推进 组织 举办 打造 搭建 构建 依托 通过 会同 牵头 协调 支持 邀请 聘请 "
	"听取 深化 强化 加强 完善 健全 落实 贯彻 揭牌 挂牌 运行 授予 评为 成为 作为 担任 "
	"参加 参与 获得 荣获 申报 争创 创建 培育 建成 联动 对接 协同 覆盖 包括 涵盖 进驻 "
	"入驻 走进 前往 督促 要求 推荐 报送 开设 实施 启动 执行 办理 受理 完成 提供 "
	"部署 形成 加快 深入 持续 积极 全面 不断 进一步 主动 认真 及时 定期 严格 切实 "
	"充分 着力 大力 扎实 探索 成功 首届 联合开展 发布 制定 修订 编制 出席 围绕 "
	"整合 推行 审核 备案 聚焦 服务于 面向 依靠 依法 新建 新设 新成立 筹建 首设 增设 "
	"共有 拥有 现有 设有 建有 已有 新增 累计 共计 合计 跨 审议 提请 报请 呈报 "
	"共建 共享 携手 会商 商请 致函 制发 下发 转发 颁布 出具 委托 授权 配备 指定 选派 派驻 "
	"抽调 "
	"向 由 被 与 及 和 同 跟 对 在 于 从 为 把 将 让 使 给 以 并 或 且 而 等 是 之 "
	"其 该 各 每 诸 了 的 得 着 过 也 都 又 还 就 才 已 曾 我 你 他 她 它 这 那 "
	"个 家 名 位 次 项 首 第 级 届 内 纳入 列入 融入 引入 进入 加入 嵌入 精神 讲话 "
	"指示 思想 报告 意见 决定 理念 会议 活动 期间 方面 领域 过程 全过程";
static const char stop_chars[] = "";
static const char generic_body_words[] =
	"相关 有关 职能 其他 执法 行政 业务 主管 责任 党政 所属 成员 牵头 属地 工作 政府 "
	"行政执法 综合 监管 管理 党政工作 执法监管 上级 下级 基层 单位 重点 专门 各类 "
	"政法 司法 行业 服务 部分 重要 主要 多个 职能部门 其它 有关单位 市直 区直 县直 "
	"股份 合作 经济 企业 社会 群众 人民 街道 社区 物业 城市 城乡 农村 区域";
/* Words that begin with a stop character but belong to a name. */
static const char keep_words[] = "个体 个人 家庭 国家 首席 内部 全面 其他 对外 外来 内河 下属 上海 "
	"第一 第二 第三 第四 第五 第六 第七 第八 第九 第十";
/* An event's name runs back to the clause's verb: 参加 …推进会. */
static const char ev_stop_words[] =
	"参加 召开 举办 开展 组织 出席 承办 参与 启动 举行 持续 深入 积极 扎实 "
	"在 于 的 和 与 及 等 为 是 了 并 将 把 被 由 向 对 从 以 个 次 项 届 首 各";
static const char scope_words[] = "全国 全省 全市 全区 全县 中央 国家";

static void
init(void)
{
	wl_init(&heads);
	wl_add_words(&heads, generic_heads, H_GENERIC);
	wl_add_words(&heads, level_heads, H_LEVEL);
	wl_add_words(&heads, level_generic_heads, H_LEVEL | H_GENERIC);
	wl_add_words(&heads, known_heads, H_NEEDKNOWN);
	wl_add_words(&heads, central_words, H_CENTRAL);
	wl_add_words(&heads, event_heads, H_EVENT);
	wl_add_words(&heads, conf_heads, H_EVENT | H_CONF);
	wl_add_words(&heads, named_heads, H_EVENT | H_NAMED);
	wl_build(&heads);
	wl_init(&selfs);
	wl_add_words(&selfs, self_words, 0);
	wl_build(&selfs);
	wl_init(&bodies);
	wl_add_words(&bodies, body_words, 0);
	wl_build(&bodies);
	wl_init(&levels);
	wl_add_words(&levels, level_words, 0);
	wl_build(&levels);
	wl_init(&verbs);
	wl_add_words(&verbs, verb_words, 0);
	wl_add_words(&verbs, stop_chars, 0);
	wl_build(&verbs);
	wl_init(&generic_bodies);
	wl_add_words(&generic_bodies, generic_body_words, 0);
	wl_build(&generic_bodies);
	wl_init(&scopes);
	wl_add_words(&scopes, scope_words, 0);
	wl_build(&scopes);
	wl_init(&stops);
	wl_init(&keeps);
	wl_add_words(&keeps, keep_words, 0);
	wl_build(&keeps);
	wl_init(&ev_stops);
	wl_add_words(&ev_stops, ev_stop_words, 0);
	wl_build(&ev_stops);
	ready = 1;
}

void
org_classes(uint8_t *cls)
{
	if (!ready)
		init();
	wl_classes(&heads, cls, 0, C_HEAD);
}

/* A head word is one class or several; all tags of equal keys count. */
static int
head_class(const struct text *t, size_t s, size_t e)
{
	size_t it = 0;
	long x;
	int c = 0;

	while ((x = wl_next(&heads, t->k + s, e - s, &it)) >= 0)
		c |= heads.ent[x].tag;
	return c;
}

/* Whether key i is one of chars. */
static bool
key_in(const struct text *t, size_t i, const char *chars)
{
	return i < t->n && utf8_contains(chars, t->k[i]);
}

/* Characters after a one-character head that make it another word
 * (局面, 办理, 队伍, 部署), and before it (格局, 举办, 团队, 干部). */
static bool
single_head_ok(const struct text *t, size_t hs, size_t e)
{
	uint32_t h = t->k[e - 1];
	size_t nx = e;

	if (e - hs > 1)
		hs = 0;         /* only the next character matters */
	else if (hs == 0)
		hs = t->n + 1;  /* key_in(t, hs - 1) then looks past the end */

	if (h == 0x5C40) /* 局 */
		return !key_in(t, nx, "面势限长部内外") &&
			!key_in(t, hs - 1, "格布结大全当开变出饭骗战时本该我各新胜残僵定终破危棋赌");
	if (h == 0x961F) /* 队 */
		return !key_in(t, nx, "伍员长列") && !key_in(t, hs - 1, "团排入归带领组梯军部连球车");
	if (h == 0x59D4) /* 委 */
		return !key_in(t, nx, "托员派屈婉实");
	if (h == 0x529E) /* 办 */
		return !key_in(t, nx, "理法案件好结公学事成实") &&
			!key_in(t, hs - 1, "开举创主承督交转协查代帮包法兴合停领速快网掌好难通即立可就马");
	if (h == 0x90E8) /* 部 */
		return !key_in(t, nx, "署分长位门队件落委") &&
			!key_in(t, hs - 1, "干全内外局东西南北中一首本总各支俱腹");
	if (h == 0x5904) /* 处 */
		return !key_in(t, nx, "理置罚分于在长");
	if (h == 0x5385 || h == 0x7F72) /* 厅 署 */
		return !key_in(t, nx, "长名") && !key_in(t, hs - 1, "大餐客");
	return true;
}

struct walk {
	size_t s;               /* leftmost position taken */
	int place, level, known, generic, term, org, scope;
	int first_kind;         /* what the leftmost token is */
	long org_idx;           /* the nested organisation taken */
	size_t level_len;
};
enum { K_NONE, K_PLACE, K_LEVEL, K_BODY, K_GENERIC, K_TERM, K_ORG, K_SCOPE };

/* Longest non-dead mention of type ending at p, from an index by end
 * position.  Entries are -1 between rows: a row sets and then clears
 * only its mentions' ends, never the whole line's length. */
static long *endidx[T_NTYPES];
static size_t endcap;

static long
ending_at(int type, size_t p)
{
	return endidx[type][p];
}

static void
index_ends(struct tagger *tg, int type)
{
	for (size_t i = 0; i < tg->nm; i++) {
		const struct mention *m = &tg->m[i];
		long cur;
		if (m->type != type)
			continue;
		cur = endidx[type][m->e];
		if (cur < 0 || tg->m[cur].s > m->s)
			endidx[type][m->e] = (long)i;
	}
}

static bool
is_level_here(const struct text *t, size_t s, size_t len)
{
	/* 局党组, 局党委: the bureau's own party bodies. */
	if (len == 1 && key_is(t, s, "局"))
		return key_is(t, s + 1, "党");
	/* 市场, 区域, 县域: the level character starts another word. */
	if (len == 1 && ((key_is(t, s, "市") && key_in(t, s + 1, "场民值")) ||
	    (key_in(t, s, "区县") && key_in(t, s + 1, "域分别块间"))))
		return false;
	/* 园区, 辖区, 城区...: 区 closes a noun, not a level of government. */
	if (len == 1 && s > 0 && key_in(t, s, "区市县镇") &&
	    key_in(t, s - 1, "园辖城景片山街校小郊矿湾特专疫灾牧林老军跨分政都超门夜上"))
		return false;
	return true;
}

/* Heads of a branch of the body before its place (…局安吉分局). */
static bool
branch_head(const struct text *t, size_t hs, size_t hl)
{
	static const char *const branch[] = { "分局", "分院", "分中心", "支局", "分所",
		"分会", "分行", "分公司", "分庭", NULL };

	for (int i = 0; branch[i]; i++)
		if (hl * 3 == strlen(branch[i]) && key_is(t, hs, branch[i]))
			return true;
	return false;
}

static void
walk_left(struct tagger *tg, size_t hs, size_t hl, int cls, int event, struct walk *w)
{
	const struct text *t = &tg->t;
	size_t p = hs, limit = hs > 30 ? hs - 30 : 0;
	long x;
	int prefix_only = 0;

	memset(w, 0, sizeof(*w));
	w->s = hs;
	while (p > limit) {
		size_t l;
		if ((x = ending_at(T_PLACE, p)) >= 0 && tg->m[x].s >= limit) {
			p = tg->m[x].s;
			w->place++;
			w->first_kind = K_PLACE;
			w->s = p;
			continue;
		}
		if ((x = ending_at(T_ORG, p)) >= 0) {
			/* 区委常委会 nests 区委; 市委市政府 coordinates two;
			 * but 湖州市生态环境局安吉分局 is one body, a branch
			 * named by its place. */
			if (w->first_kind == K_LEVEL ||
			    (w->first_kind == K_PLACE && !branch_head(t, hs, hl)))
				break;
			/* A body ends far before the head: a clause, not a name. */
			if (w->generic > 4)
				break;
			p = tg->m[x].s;
			w->org++;
			w->org_idx = x;
			w->first_kind = K_ORG;
			w->s = p;
			break;
		}
		/* “利剑”专项行动: the term with its quotes. */
		if (!prefix_only && (event || w->first_kind == K_GENERIC || w->first_kind == K_BODY ||
		    (w->first_kind == K_NONE && hl >= 2)) &&
		    p >= 2 && (x = ending_at(T_TERM, p - 1)) >= 0 && tg->m[x].s >= 1 &&
		    tg->m[x].s - 1 >= limit) {
			p = tg->m[x].s - 1;
			w->term++;
			w->first_kind = K_TERM;
			w->s = p;
			continue;
		}
		if (event && (l = wl_end(&scopes, t->k, limit, p, &x)) > 0) {
			p -= l;
			w->scope++;
			w->first_kind = K_SCOPE;
			w->s = p;
			continue;
		}
		if (prefix_only)
			break;
		if (!event && (l = wl_end(&bodies, t->k, limit, p, &x)) > 0) {
			p -= l;
			/* 住房城乡建设和水利局, 政务服务管理和网络理政办公室:
			 * bodies joined by 和 form one. */
			if (p > limit + 2 && t->k[p - 1] == 0x548C && wl_end(&bodies, t->k, limit, p - 1, &x) > 0)
				p--;
			w->known++;
			w->first_kind = K_BODY;
			w->s = p;
			continue;
		}
		if (!event && (l = wl_end(&levels, t->k, limit, p, &x)) > 0 &&
		    is_level_here(t, p - l, l)) {
			/* 青川市司法局 with 青川 unknown: the level word ends a
			 * place name we cannot delimit, so the name starts after. */
			if (p - l > 0 && is_han(t->k[p - l - 1]) && !key_in(t, p - l - 1, "全本我经") &&
			    !wl_end(&verbs, t->k, 0, p - l, &x) && ending_at(T_PLACE, p - l) < 0 &&
			    ending_at(T_ORG, p - l) < 0)
				break;
			p -= l;
			w->level++;
			w->level_len = l;
			w->first_kind = K_LEVEL;
			w->s = p;
			prefix_only = 1;
			continue;
		}
		if (!(cls & (H_GENERIC | H_EVENT)) || !is_han(t->k[p - 1]))
			break;
		long y;
		if (!event && t->k[p - 1] == 0x548C && p > limit + 2 &&
		    wl_end(&bodies, t->k, limit, p - 1, &x) > 0) {
			p--;
			continue;
		}
		if (!(p < t->n && wl_at(&keeps, t->k, p - 1, t->n, &y) >= 2) &&
		    wl_end(event ? &ev_stops : &verbs, t->k, limit, p, &x) > 0)
			break;
		p--;
		w->generic++;
		w->first_kind = K_GENERIC;
		w->s = p;
		if (w->generic >= 12)
			break;
	}
}

/* 部门 bodies made only of generic words (相关部门, 执法部门) are not names. */
static bool
generic_only(const struct text *t, size_t s, size_t e)
{
	long x;

	while (s < e) {
		size_t l = wl_at(&generic_bodies, t->k, s, e, &x);
		if (!l)
			return false;
		s += l;
	}
	return true;
}

/* Appends t->k[s..e), the folded (simplified) keys: a norm is compared
 * across reports in either script. */
static void
add_keys(struct buf *b, const struct text *t, size_t s, size_t e)
{
	char u[4];

	for (size_t i = s; i < e; i++)
		buf_add(b, u, (size_t)utf8_encode(t->k[i], u));
}

static void
org_norm(struct tagger *tg, struct mention *m, const struct walk *w)
{
	const struct text *t = &tg->t;
	const char *name = NULL;
	size_t s = m->s;

	if (w->first_kind == K_LEVEL) {
		uint32_t c = t->k[s];
		if (w->level_len == 2 && key_is(t, s, "街道"))
			name = tg->doc.name[L_STREET];
		else if (c == 0x7701)           /* 省 */
			name = tg->doc.name[L_PROV];
		else if (c == 0x5E02)           /* 市 */
			name = tg->doc.name[L_CITY];
		else if (c == 0x533A || c == 0x53BF)    /* 区 县 */
			name = tg->doc.name[L_COUNTY];
		else if (c == 0x9547 || c == 0x4E61)    /* 镇 乡 */
			name = tg->doc.name[L_STREET];
	}
	if (w->first_kind == K_ORG && tg->m[w->org_idx].nlen) {
		/* 区委 + 政法委: the nested name's norm, then the rest. */
		const struct mention *o = &tg->m[w->org_idx];
		buf_clear(&tg->tmp);
		buf_add(&tg->tmp, tg->norm.s + o->norm, o->nlen);
		add_keys(&tg->tmp, t, o->e, m->e);
		tag_set_norm(tg, m, tg->tmp.s, tg->tmp.len);
		return;
	}
	if (!name || !name[0]) {
		/* Otherwise the mention itself, script-folded. */
		buf_clear(&tg->tmp);
		add_keys(&tg->tmp, t, m->s, m->e);
		tag_set_norm(tg, m, tg->tmp.s, tg->tmp.len);
		return;
	}
	buf_clear(&tg->tmp);
	buf_adds(&tg->tmp, name);
	add_keys(&tg->tmp, t, s + w->level_len, m->e);
	tag_set_norm(tg, m, tg->tmp.s, tg->tmp.len);
}

static void
set_endidx(int type, size_t e, long idx, struct tagger *tg)
{
	long cur = endidx[type][e];
	if (cur < 0 || tg->m[cur].s > tg->m[idx].s)
		endidx[type][e] = idx;
}

/* 党的二十大, 二十届三中全会, 十九届二中、三中、四中、五中全会. */
static bool
is_cnum(uint32_t c)
{
	return c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94 ||
		c == 0x516D || c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341;
}

static size_t
cnum(const struct text *t, size_t i)
{
	size_t j = i;
	while (j < t->n && j - i < 3 && is_cnum(t->k[j]))
		j++;
	return j - i;
}

static size_t
congress(const struct text *t, size_t i, size_t *start)
{
	size_t j = i, l;

	*start = i;
	if (key_is(t, j, "党的"))
		j += 2;
	if (key_is(t, j, "中国共产党第"))
		j += 6;
	if ((l = cnum(t, j)) == 0)
		return 0;
	j += l;
	/* Congress numbers are 十X, 二十, 二十X: not 十大 (ten best). */
	bool congress_no = (l == 2 && t->k[j - 2] == 0x5341 && t->k[j - 1] != 0x5341) ||
		(l >= 2 && t->k[j - l] == 0x4E8C && t->k[j - l + 1] == 0x5341);
	if (key_is(t, j, "大") && !key_in(t, j + 1, "学队类项型会批")) {
		if (congress_no)
			return j + 1 - i;
		return 0;
	}
	if (key_is(t, j, "次全国代表大会"))
		return j + 7 - i;
	if (!key_is(t, j, "届"))
		return 0;
	j++;
	/* 十四届全国人大二次会议, 十四届全国人大常委会第八次会议. */
	size_t body = key_is(t, j, "全国人大常委会") ? 7 : key_is(t, j, "全国人大") ? 4 :
		key_is(t, j, "全国人民代表大会") ? 8 : key_is(t, j, "全国政协") ? 4 : 0;
	if (body) {
		size_t q = j + body;
		if (key_is(t, q, "第"))
			q++;
		if ((l = cnum(t, q)) > 0 && key_is(t, q + l, "次会议"))
			return q + l + 3 - i;
		return 0;
	}
	if (key_is(t, j, "中央委员会第"))
		j += 6;
	if ((l = cnum(t, j)) == 0)
		return 0;
	j += l;
	if (key_is(t, j, "次全体会议"))
		return j + 5 - i;
	if (key_is(t, j, "次全会"))
		return j + 3 - i;
	if (!key_is(t, j, "中"))
		return 0;
	j++;
	for (int items = 0; items < 12; items++) {
		if (key_is(t, j, "全会"))
			return j + 2 - i;
		if (t->k[j] != 0x3001 || (l = cnum(t, j + 1)) == 0 || !key_is(t, j + 1 + l, "中"))
			return 0;
		j += l + 2;
	}
	return 0;
}

void
detect_orgs_events(struct tagger *tg)
{
	struct text *t = &tg->t;
	struct walk w;
	long x;

	if (!ready)
		init();
	if (t->n + 1 > endcap) {
		size_t old = endcap;
		endcap = t->n + 1;
		for (int i = 0; i < T_NTYPES; i++) {
			endidx[i] = xrealloc(endidx[i], endcap * sizeof(long));
			for (size_t j = old; j < endcap; j++)
				endidx[i][j] = -1;
		}
	}
	for (size_t i = cls_next(t, 0, C_CONGRESS); i < t->n && (t->rowcls & C_CONGRESS);
	    i = cls_next(t, i + 1, C_CONGRESS)) {
		uint32_t c0 = t->k[i];
		if (c0 == 0x5168) {     /* 全 */
			if (key_is(t, i, "全国两会"))
				tag_add(tg, i, i + 4, T_EVENT);
			continue;
		}
		/* Congresses start with 党, 中, 十 or 二. */
		if (c0 != 0x515A && c0 != 0x4E2D && c0 != 0x5341 && c0 != 0x4E8C)
			continue;
		size_t st, l = congress(t, i, &st);
		if (l) {
			tag_add(tg, st, st + l, T_EVENT);
			i += l - 1;
		}
	}
	if (!(t->rowcls & C_HEAD))
		return;
	index_ends(tg, T_PLACE);
	index_ends(tg, T_TERM);
	for (size_t e = cls_next(t, 0, C_HEAD) + 1; e <= t->n; e = cls_next(t, e, C_HEAD) + 1) {
		size_t hl = wl_end(&heads, t->k, 0, e, &x), hs, s;
		int cls;
		struct mention *m;

		if (!hl)
			continue;
		hs = e - hl;
		cls = head_class(t, hs, e);
		/* A head that a longer one continues (委 of 委员会, 人大 of
		 * 人大常委会) waits for that one. */
		long y;
		size_t al = wl_at(&heads, t->k, hs, t->n, &y);
		if (al > hl)
			continue;
		/* 生态环境部 of 生态环境部门: the next head takes over. */
		if (wl_at(&heads, t->k, e - 1, t->n, &y) > 1)
			continue;
		if (cls & H_CENTRAL) {
			m = tag_add(tg, hs, e, T_ORG);
			set_endidx(T_ORG, e, (long)(m - tg->m), tg);
			buf_clear(&tg->tmp);
			add_keys(&tg->tmp, t, hs, e);
			tag_set_norm(tg, m, tg->tmp.s, tg->tmp.len);
			continue;
		}
		if (!single_head_ok(t, hs, e))
			continue;
		if (key_is(t, hs, "中心") && key_in(t, e, "组城区"))
			continue;
		if (key_is(t, hs, "中心") && key_is(t, e, "工作"))
			continue;
		/* 进学校, 入企业: a place visited, not a body named. */
		if (hs > 0 && key_in(t, hs - 1, "进入到驻") && hl == 2 &&
		    (key_is(t, hs, "学校") || key_is(t, hs, "医院") || key_is(t, hs, "大学") ||
		    key_is(t, hs, "学院") || key_is(t, hs, "公司") || key_is(t, hs, "银行")))
			continue;
		/* 党组会, 党委会议: a meeting of the body, not the body. */
		if (key_is(t, e, "会") && (key_is(t, e - 2, "党组") || key_is(t, e - 2, "党委") ||
		    key_is(t, e - 1, "委")))
			continue;
		if ((cls & H_NAMED) && !(cls & ~(H_EVENT | H_NAMED))) {
			long q = hs >= 2 ? ending_at(T_TERM, hs - 1) : -1;
			if (q < 0 || tg->m[q].s < 1)
				continue;
			tag_add(tg, tg->m[q].s - 1, e, T_EVENT);
			continue;
		}
		if (cls & H_EVENT) {
			/* 推进会议: the head read as 推进会 takes its 议. */
			if ((cls & H_CONF) && t->k[e - 1] == 0x4F1A && key_is(t, e, "议"))
				e++;
			if (key_is(t, e, "计划") || key_is(t, e, "方案") || key_is(t, e, "实施"))
				continue;
			/* 人民代表大会, 职工代表大会: a body, not a conference. */
			if (key_is(t, hs, "大会") && hs >= 2 && key_is(t, hs - 2, "代表"))
				continue;
			walk_left(tg, hs, hl, cls, 1, &w);
			if (w.generic + 2 * w.term + 2 * w.place < 2)
				continue;
			if ((cls & H_CONF) && !w.term && !w.scope && !w.place)
				continue;
			/* 第二届…论坛: the edition is part of the name. */
			size_t es = w.s;
			if (es >= 3 && key_is(t, es - 1, "届") && is_cnum(t->k[es - 2])) {
				size_t j = es - 2;
				while (j > 0 && is_cnum(t->k[j - 1]) && es - j < 5)
					j--;
				if (j > 0 && key_is(t, j - 1, "第"))
					es = j - 1;
			}
			tag_add(tg, es, e, T_EVENT);
			continue;
		}
		walk_left(tg, hs, hl, cls, 0, &w);
		s = w.s;
		int prefix = w.place + w.level + w.org;
		int body = w.known + w.generic + w.term;
		/* 高新区司法所: a head that names its own function (派出所,
		 * 司法所, 律师事务所) needs only the place. */
		size_t it0 = 0;
		bool self_named = hl >= 3 || wl_next(&selfs, t->k + hs, hl, &it0) >= 0;
		if (body == 0 && !w.org && !(prefix && ((cls & H_LEVEL) || self_named)))
			continue;
		/* 政府, 人大, 党工委 name a body by its place alone (区政府);
		 * 法治政府 or 数字政府 are ideas, not bodies. */
		if (!(cls & (H_GENERIC | H_NEEDKNOWN)) && body &&
		    !(w.known && !w.generic && !w.term))
			continue;
		if (body && !w.known && !(cls & H_GENERIC) && !(w.generic == 0))
			continue;
		if (cls & H_NEEDKNOWN && !(cls & (H_GENERIC | H_LEVEL)) && !w.known)
			continue;
		if (w.known == 0 && w.term == 0 && w.generic < 2 && !prefix)
			continue;
		if (key_is(t, hs, "部门") && w.generic > 4)
			continue;
		/* 9个街道办事处, 各区政府: counted or distributed, a plural. */
		if (body == 0 && !w.org && s > 0 && key_in(t, s - 1, "个各家所两几多每全诸"))
			continue;
		if (key_is(t, hs, "部门") && generic_only(t, s + (w.first_kind == K_LEVEL ? w.level_len : 0), hs))
			continue;
		if (w.first_kind == K_GENERIC && generic_only(t, s, hs))
			continue;
		m = tag_add(tg, s, e, T_ORG);
		set_endidx(T_ORG, e, (long)(m - tg->m), tg);
		org_norm(tg, m, &w);
	}
	for (size_t i = 0; i < tg->nm; i++) {
		const struct mention *m = &tg->m[i];
		if (m->type == T_PLACE || m->type == T_TERM || m->type == T_ORG)
			endidx[m->type][m->e] = -1;
	}
}
