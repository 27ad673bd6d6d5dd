/* PERSON: only with strong evidence, a name next to a position. */
#include <string.h>

#include "cli.h"
#include "tag.h"

static struct wl leaders, titles, surnames, acts;
/* What a named official does right after the name (局长王小明主持). */
static const char act_words[] = "主持 出席 参加 带队 讲话 强调 指出 表示 要求 介绍 汇报 调研 同志";
static int ready;

static const char leader_words[] = "习近平 毛泽东 邓小平 江泽民 胡锦涛 周恩来";
static const char title_words[] =
	"书记 副书记 局长 副局长 主任 副主任 区长 副区长 市长 副市长 县长 副县长 镇长 "
	"副镇长 省长 副省长 部长 副部长 院长 副院长 检察长 副检察长 庭长 副庭长 所长 "
	"副所长 队长 副队长 主席 副主席 总书记 同志 处长 科长 主任委员 常务副区长 常务副市长";
static const char surname_chars[] =
	"王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 "
	"冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 "
	"谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 "
	"黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 欧阳 司马 诸葛 上官";

static void
init(void)
{
	wl_init(&leaders);
	wl_add_words(&leaders, leader_words, 0);
	wl_build(&leaders);
	wl_init(&titles);
	wl_add_words(&titles, title_words, 0);
	wl_build(&titles);
	wl_init(&surnames);
	wl_add_words(&surnames, surname_chars, 0);
	wl_build(&surnames);
	wl_init(&acts);
	wl_add_words(&acts, act_words, 0);
	wl_build(&acts);
	ready = 1;
}

void
persons_classes(uint8_t *cls)
{
	if (!ready)
		init();
	wl_classes(&leaders, cls, 1, C_PERSON);
	wl_classes(&surnames, cls, 1, C_PERSON);
	wl_classes(&titles, cls, 0, C_TITLE);
}

/* Where a name may begin or end: not inside a run of Han text that
 * could be a longer word. */
static bool
edge(const struct text *t, size_t i)
{
	uint32_t c;

	if (i >= t->n)
		return true;
	c = t->k[i];
	return c == 0x3001 || c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF1A ||
		c == ',' || c == ';' || c == ':' || c == ' ' || c == 0x3000 || c == 0xFF08 ||
		c == '(' || c == 0xFF09 || c == ')' || c == 0x201C || c == 0x201D;
}

static bool
name_ok(const struct text *t, size_t s, size_t e)
{
	long x;
	size_t sl = wl_at(&surnames, t->k, s, e, &x);

	if (!sl || e - s - sl < 1 || e - s - sl > 2)
		return false;
	for (size_t i = s; i < e; i++)
		if (!is_han(t->k[i]) || wl_at(&titles, t->k, i, t->n, &x))
			return false;
	return true;
}

/* Places and organisations are better evidence than a surname: the
 * positions they cover, marked once per row. */
static uint8_t *covered;
static size_t ccap;

static void
mark_covered(const struct tagger *tg)
{
	if (tg->t.n + 1 > ccap) {
		ccap = tg->t.n + 1;
		covered = xrealloc(covered, ccap);
	}
	memset(covered, 0, tg->t.n + 1);
	for (size_t i = 0; i < tg->nm; i++) {
		const struct mention *m = &tg->m[i];
		if (m->type == T_PERSON)
			continue;
		for (size_t j = m->s; j < m->e; j++)
			covered[j] = 1;
	}
}

static bool
taken(const struct tagger *tg, size_t s, size_t e)
{
	(void)tg;
	for (size_t j = s; j < e; j++)
		if (covered[j])
			return true;
	return false;
}

void
detect_persons(struct tagger *tg)
{
	const struct text *t = &tg->t;
	long x;

	if (!(tg->types & (1u << T_PERSON)) || !(t->rowcls & C_PERSON))
		return;
	/* Every rule below needs a title but the leaders' names. */
	if (!ready)
		init();
	mark_covered(tg);
	for (size_t i = 0; i < t->n; i++) {
		if (!(t->cls[i] & C_PERSON))
			continue;
		size_t l = wl_at(&leaders, t->k, i, t->n, &x);
		if (l) {
			tag_add(tg, i, i + l, T_PERSON);
			i += l - 1;
			continue;
		}
		if (!wl_first(&surnames, t->k[i]) || !(i == 0 || edge(t, i - 1)))
			continue;
		/* 、张三局长 / ，李四同志 */
		for (size_t nl = 3; nl >= 2; nl--) {
			if (i + nl < t->n && wl_at(&titles, t->k, i + nl, t->n, &x) &&
			    name_ok(t, i, i + nl) && !taken(tg, i, i + nl)) {
				tag_add(tg, i, i + nl, T_PERSON);
				break;
			}
		}
	}
	/* 局长王五， : a title then a name closed by punctuation.  Titles
	 * end in few characters (长 记 任 席), tested first. */
	for (size_t e = 2; e + 2 <= t->n; e++) {
		if (!(t->cls[e - 1] & C_TITLE) || !(t->cls[e] & C_PERSON) ||
		    !wl_last(&titles, t->k[e - 1]) || !wl_first(&surnames, t->k[e]))
			continue;
		size_t tl = wl_end(&titles, t->k, 0, e, &x);
		if (!tl || key_is(t, e - tl, "同志"))
			continue;
		size_t s = e;
		for (size_t nl = 3; nl >= 2; nl--)
			if (s + nl <= t->n && (edge(t, s + nl) || wl_at(&acts, t->k, s + nl, t->n, &x)) &&
			    name_ok(t, s, s + nl) &&
			    !taken(tg, s, s + nl)) {
				tag_add(tg, s, s + nl, T_PERSON);
				break;
			}
	}
}
