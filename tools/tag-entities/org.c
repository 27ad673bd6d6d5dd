/*
 * ORG and EVENT: a head word (局, 委员会, 中心, 专项行动, 现场会...) found
 * at its end, then a walk to the left over the name's parts: places,
 * level words (区, 街道), known agency bodies (司法, 市场监管), quoted
 * terms and, for heads that allow it, plain characters up to a stop
 * (punctuation, function characters, a verb like 成立 or 印发).
 */
#include <string.h>

#include "cli.h"
#include "tag.h"
#include "zhnum.h"

#define heads te_wl_heads
#define selfs te_wl_selfs
#define bodies te_wl_bodies
#define levels te_wl_levels
#define verbs te_wl_verbs
#define generic_bodies te_wl_generic_bodies
#define scopes te_wl_scopes
#define keeps te_wl_keeps
#define ev_stops te_wl_ev_stops

/* A head word is one class or several; all tags of equal keys count. */
static int
head_class(const struct text *t, size_t s, size_t e)
{
	size_t it = 0;
	long x;
	int c = 0;

	while ((x = te_wl_next(&heads, t->k + s, e - s, &it)) >= 0)
		c |= heads.ent[x].tag;
	return c;
}

/* One-character heads and the characters after (next) and before
 * (prev) them that make them another word. */
static const struct {
	uint32_t h;
	const char *next, *prev;
} single_rules[] = {
	{ 0x5C40, "面势限长部内外", "格布结大全当开变出饭骗战时本该我各新胜残僵定终破危棋赌" },       /* 局 */
	{ 0x961F, "伍员长列", "团排入归带领组梯军部连球车率" },                                     /* 队 */
	{ 0x59D4, "托员派屈婉实", "" },                                                                 /* 委 */
	{ 0x529E, "理法案件好结公学事成实",
	  "开举创主承督交转协查代帮包法兴合停领速快网掌好难通即立可就马申" },                         /* 办 */
	{ 0x90E8, "署分长位门队件落委", "干全内外局东西南北中一首本总各支俱腹" },                     /* 部 */
	{ 0x5904, "理置罚分于在长处", "各到此何好难长短益住出处查调惩判论" },                           /* 处 */
	{ 0x79D1, "技学研普室目长员级", "学内外专本工理牙眼妇儿骨文分全" },                           /* 科 */
	{ 0x5382, "房区家长商址内外务矿", "工建办设开全各出本该分总药酒" },                           /* 厂 */
	{ 0x5385, "长名", "大餐客" },                                                                   /* 厅 */
	{ 0x7F72, "长名", "大餐客" },                                                                   /* 署 */
};

/* Characters after a one-character head that make it another word
 * (局面, 办理, 队伍, 部署), and before it (格局, 举办, 团队, 干部). */
static bool
single_head_ok(const struct text *t, size_t hs, size_t e)
{
	uint32_t h = t->k[e - 1];
	size_t nx = e;
	long x;

	/* 党政综合办, 依法治省办实地: after a known body, 办 is its office,
	 * but for 办理, 办事. */
	if (h == 0x529E && e - hs == 1 && te_wl_end(&bodies, t->k, 0, hs, &x) >= 2)
		return !te_key_in(t, nx, "理法案件好结公学事成") &&
			!(te_key_is(t, nx, "实") && !te_key_is(t, nx + 1, "地"));
	if (e - hs > 1)
		hs = 0;         /* only the next character matters */
	else if (hs == 0)
		hs = t->n + 1;  /* te_key_in(t, hs - 1) then looks past the end */

	for (size_t i = 0; i < sizeof(single_rules) / sizeof(single_rules[0]); i++)
		if (single_rules[i].h == h)
			return !te_key_in(t, nx, single_rules[i].next) &&
				!te_key_in(t, hs - 1, single_rules[i].prev);
	return true;
}

/* Heads that name their own function (派出所, 律师事务所). */
static bool
self_named(const struct text *t, size_t hs, size_t hl)
{
	return hl >= 3 || te_wl_has(&selfs, t->k + hs, hl);
}

struct walk {
	size_t s;               /* leftmost position taken */
	int place, level, known, generic, term, org, scope;
	int held;               /* an event stopped by 召开, 参加, 举办... */
	size_t scope_s;         /* 1 + where the first scope starts, or 0 */
	int first_kind;         /* what the leftmost token is */
	long org_idx;           /* the nested organisation taken */
	size_t level_len;
	int digits;             /* 1: digits taken inside, 2: stopped by them */
	int place_site;         /* the leftmost place is a named site */
};
enum { K_NONE, K_PLACE, K_LEVEL, K_BODY, K_GENERIC, K_TERM, K_ORG, K_SCOPE };

/* Longest non-dead mention of type ending at p, from an index by end
 * position.  Entries are -1 between rows: a row sets and then clears
 * only its mentions' ends, never the whole line's length. */
static long
ending_at(const struct tagger *tg, int type, size_t p)
{
	return tg->endidx[type][p];
}

static void
index_ends(struct tagger *tg, int type)
{
	for (size_t i = 0; i < tg->ms.n; i++) {
		const struct mention *m = &tg->ms.m[i];
		long cur;
		if (m->type != type)
			continue;
		cur = tg->endidx[type][m->e];
		if (cur < 0 || tg->ms.m[cur].s > m->s)
			tg->endidx[type][m->e] = (long)i;
	}
}

static bool
is_level_here(const struct text *t, size_t s, size_t len)
{
	/* 局党组, 局党委: the bureau's own party bodies. */
	if (len == 1 && te_key_is(t, s, "局"))
		return te_key_is(t, s + 1, "党");
	/* 市场, 区域, 县域: the level character starts another word. */
	if (len == 1 && ((te_key_is(t, s, "市") && te_key_in(t, s + 1, "场民值")) ||
	    (te_key_in(t, s, "区县") && te_key_in(t, s + 1, "域分别块间"))))
		return false;
	/* 园区, 辖区, 城区...: 区 closes a noun, not a level of government. */
	if (len == 1 && s > 0 && te_key_in(t, s, "区市县镇") &&
	    te_key_in(t, s - 1, "园辖城景片山街校小郊矿湾特专疫灾牧林老军跨分政都超门夜上范验作行贸税库"))
		return false;
	return true;
}

/* Heads of a branch of the body before its place (…局安吉分局). */
static bool
branch_head(const struct text *t, size_t hs, size_t hl)
{
	static const char *const branch[] = { "分局", "分院", "分中心", "支局", "分所",
		"分会", "分行", "分公司", "分庭", "办事处", "派出所", "司法所", NULL };

	for (int i = 0; branch[i]; i++)
		if (hl * 3 == strlen(branch[i]) && te_key_n(t, hs, branch[i], strlen(branch[i])))
			return true;
	return false;
}

/* The walk takes the body x that opens the name (区委 of 区委常委会). */
static void
take_org(const struct tagger *tg, struct walk *w, long x)
{
	w->org++;
	w->org_idx = x;
	w->first_kind = K_ORG;
	w->s = tg->ms.m[x].s;
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
		if ((x = ending_at(tg, T_PLACE, p)) >= 0 && tg->ms.m[x].s >= limit) {
			p = tg->ms.m[x].s;
			w->place++;
			w->place_site = tg->ms.m[x].flag == 'N';
			w->first_kind = K_PLACE;
			w->s = p;
			if (cls & H_SITE)
				break;  /* a site's name opens with its place */
			continue;
		}
		if ((x = ending_at(tg, T_ORG, p)) >= 0) {
			/* 区委常委会 nests 区委; 市委市政府 coordinates two;
			 * but 湖州市生态环境局安吉分局 is one body, a branch
			 * named by its place. */
			if (w->first_kind == K_LEVEL ||
			    (w->first_kind == K_PLACE && !branch_head(t, hs, hl)))
				break;
			/* 平安办司法所: a head that names its own function
			 * after a complete body is a second body. */
			if (w->first_kind == K_NONE && self_named(t, hs, hl) &&
			    te_key_in(t, p - 1, "办局所室"))
				break;
			/* A body ends far before the head: a clause, not a name
			 * (but 市委全面依法治市工作会议, a body's conference). */
			if (w->generic > (event ? 10 : 4))
				break;
			take_org(tg, w, x);
			break;
		}
		/* “利剑”专项行动: the term with its quotes. */
		if (!prefix_only && (event || w->first_kind == K_GENERIC || w->first_kind == K_BODY ||
		    (w->first_kind == K_NONE && hl >= 2)) &&
		    p >= 2 && (x = ending_at(tg, T_TERM, p - 1)) >= 0 && tg->ms.m[x].s >= 1 &&
		    tg->ms.m[x].s - 1 >= limit) {
			p = tg->ms.m[x].s - 1;
			w->term++;
			w->first_kind = K_TERM;
			w->s = p;
			continue;
		}
		if (event && (l = te_wl_end(&scopes, t->k, limit, p, &x)) > 0) {
			/* 传达学习中央全面依法治国工作会议: the scope opens
			 * the name, but for a name before it (“诉源共治”改革
			 * 全国现场会). */
			p -= l;
			w->scope++;
			w->first_kind = K_SCOPE;
			w->s = p;
			if (!w->scope_s)
				w->scope_s = p + 1;
			continue;
		}
		if (prefix_only)
			break;
		if (!event && (l = te_wl_end(&bodies, t->k, limit, p, &x)) > 0) {
			p -= l;
			/* 住房城乡建设和水利局, 政务服务管理和网络理政办公室:
			 * bodies joined by 和 form one. */
			if (p > limit + 2 && t->k[p - 1] == 0x548C && te_wl_end(&bodies, t->k, limit, p - 1, &x) > 0)
				p--;
			w->known++;
			w->first_kind = K_BODY;
			w->s = p;
			continue;
		}
		if (!event && (l = te_wl_end(&levels, t->k, limit, p, &x)) > 0 &&
		    is_level_here(t, p - l, l)) {
			/* 青川市司法局 with 青川 unknown: the level word ends a
			 * place name we cannot delimit, so the name starts after. */
			if (p - l > 0 && is_han(t->k[p - l - 1]) && !te_key_in(t, p - l - 1, "全本我经年待需请由") &&
			    !te_wl_end(&verbs, t->k, 0, p - l, &x) && ending_at(tg, T_PLACE, p - l) < 0 &&
			    ending_at(tg, T_ORG, p - l) < 0)
				break;
			p -= l;
			w->level++;
			w->level_len = l;
			w->first_kind = K_LEVEL;
			w->s = p;
			prefix_only = 1;
			continue;
		}
		/* 青山矿业（集团）公司: a bracketed word inside a name. */
		if ((cls & H_GENERIC) && !event && p >= 4 && (t->k[p - 1] == 0xFF09 || t->k[p - 1] == ')')) {
			size_t q = p - 1;
			while (q > limit && p - q < 5 && is_han(t->k[q - 1]))
				q--;
			if (q > limit + 1 && q < p - 1 && (t->k[q - 1] == 0xFF08 || t->k[q - 1] == '(') &&
			    is_han(t->k[q - 2])) {
				p = q - 1;
				w->generic++;
				w->first_kind = K_GENERIC;
				w->s = p;
				continue;
			}
		}
		/* 大连重工•起重集团公司: a dot between two parts of a name. */
		if ((cls & H_GENERIC) && !event && p >= 2 && (t->k[p - 1] == 0x2022 || t->k[p - 1] == 0xB7) &&
		    w->generic && is_han(t->k[p - 2])) {
			p--;
			w->s = p;
			continue;
		}
		/* 街道24小时智慧政务服务中心: digits inside a name, with the
		 * name going on before them; never a name starting right
		 * after them. */
		if ((cls & H_GENERIC) && !event && w->generic && t->k[p - 1] >= '0' && t->k[p - 1] <= '9') {
			size_t q = p - 1;
			while (q > limit && t->k[q - 1] >= '0' && t->k[q - 1] <= '9')
				q--;
			if (q > limit && is_han(t->k[q - 1]) && p - q <= 5) {
				p = q;
				w->s = p;
				w->digits = 1;
				continue;
			}
			w->digits = 2;
			break;
		}
		if (!(cls & (H_GENERIC | H_EVENT)) || !is_han(t->k[p - 1]))
			break;
		/* 国务院第二次全国污染源普查领导小组: the body and its
		 * ordinal open the name. */
		if (!event && w->generic && te_key_in(t, p - 1, "次届") && p >= 3) {
			size_t q = p - 1;
			while (q > limit && zhnum_is_numeral(t->k[q - 1]))
				q--;
			if (q < p - 1 && q > limit && te_key_is(t, q - 1, "第") &&
			    (x = ending_at(tg, T_ORG, q - 1)) >= 0) {
				take_org(tg, w, x);
				break;
			}
		}
		/* 2008年北京奥运会…: a year ends the walk; it opens the name
		 * of an event named by its place. */
		if (t->k[p - 1] == 0x5E74 && p >= 2 && t->k[p - 2] >= '0' && t->k[p - 2] <= '9') {
			size_t q = p - 1;
			while (q > 0 && p - 1 - q < 4 && t->k[q - 1] >= '0' && t->k[q - 1] <= '9')
				q--;
			if (w->first_kind == K_PLACE && p - 1 - q == 4 &&
			    (q == 0 || !(t->k[q - 1] >= '0' && t->k[q - 1] <= '9')))
				w->s = q;
			break;
		}
		/* 据湖北省地震局, 审批庄河电厂: a place opens the name; what
		 * stands before it is the clause. */
		if (w->first_kind == K_PLACE && !w->place_site && !event)
			break;
		long y;
		if (!event && t->k[p - 1] == 0x548C && p > limit + 2 &&
		    te_wl_end(&bodies, t->k, limit, p - 1, &x) > 0) {
			p--;
			continue;
		}
		/* A verb ends the name, but for words that merely start
		 * like one (个体, 依法行政); so does a position (副书记). */
		if ((l = te_wl_end(event ? &ev_stops : &verbs, t->k, limit, p, &x)) > 0 &&
		    !(p < t->n && te_wl_at(&keeps, t->k, p - 1, t->n, &y) >= 2) &&
		    !(l > 1 && te_wl_at(&keeps, t->k, p - l, t->n, &y) > l) &&
		    te_wl_end(&keeps, t->k, limit, p, &y) < 2) {
			w->held = event && l >= 2;
			break;
		}
		if (!event && te_wl_end(&te_wl_titles, t->k, limit, p, &x) >= 2)
			break;
		p--;
		w->generic++;
		w->first_kind = K_GENERIC;
		w->s = p;
		if (w->generic >= 12)
			break;
	}
	/* 2008年北京奥运会…委员会: the year of an event named by its
	 * place opens the body's name. */

	if (w->scope_s && !w->term)
		w->s = w->scope_s - 1;
}

/* Whether the name at s is a generic or plural reference: 有关专业银行,
 * 各级人民法院, 三级知识产权保护工作站, 该中心. */
static bool
generic_start(const struct text *t, size_t s)
{
	long x;

	if (s > 0 && (t->k[s - 1] == 0x7EA7 || t->k[s - 1] == 0x4E9B))        /* 级 些 */
		return true;
	return te_wl_at(&te_wl_determiners, t->k, s, t->n, &x) > 0;
}

static bool generic_only(const struct text *t, size_t s, size_t e);

/* 扶贫办, 振兴东北办, 区国动办: an office named short by its task, two
 * to four characters set off on both sides, not a way of serving
 * (网上办, 马上办, 一次办, 秒批秒办).  Its start, or (size_t)-1. */
static size_t
office_short(const struct tagger *tg, size_t hs, size_t e)
{
	const struct text *t = &tg->t;
	size_t s = hs;
	long x;

	while (s > 0 && hs - s < 5 && is_han(t->k[s - 1]) && !te_wl_end(&verbs, t->k, 0, s, &x))
		s--;
	if (hs - s < 2 || hs - s > 4 || (s > 0 && is_han(t->k[s - 1]) && !te_wl_end(&verbs, t->k, 0, s, &x)))
		return (size_t)-1;
	for (size_t i = s; i < hs; i++)
		if (te_key_in(t, i, "上下近次马代缺地跨时约中网掌一全通即立快好速随再就可能要都来去成集秒尖指自易"))
			return (size_t)-1;
	if (e < t->n && is_han(t->k[e]) && !te_wl_at(&verbs, t->k, e, t->n, &x) &&
	    !te_key_in(t, e, "会等已将副主牵负研提"))
		return (size_t)-1;
	/* “蓉易办”: a quoted name is a term's. */
	if (generic_start(t, s) || generic_only(t, s, hs) || (s > 0 && t->k[s - 1] == 0x201C))
		return (size_t)-1;
	return s;
}

/* Whether the name ending at e names a website (湖南省政府门户网站):
 * websites are not tagged. */
static bool
website_after(const struct text *t, size_t e)
{
	if (e >= t->n || (t->k[e] != 0x95E8 && t->k[e] != 0x7F51 && t->k[e] != 0x5B98 &&
	    t->k[e] != 0x653F))                                 /* 门 网 官 政 */
		return false;
	return te_key_is(t, e, "门户网站") || te_key_is(t, e, "网站") || te_key_is(t, e, "官网") ||
		te_key_is(t, e, "政务网");
}

/* A meeting of the body ending at hs, with the meeting's head at
 * hs..e: 国务院第126次常务会议, 区委全面依法治区委员会第一次会议,
 * 省政府常务会议.  Returns the body's start, or (size_t)-1. */
static size_t
meeting_body(const struct tagger *tg, size_t hs)
{
	const struct text *t = &tg->t;
	size_t p = hs;
	long x;

	if (p > 0 && te_key_is(t, p - 1, "次")) {
		size_t q = p - 1;
		while (q > 0 && ((t->k[q - 1] >= '0' && t->k[q - 1] <= '9') ||
		    zhnum_is_numeral(t->k[q - 1])))
			q--;
		if (q == p - 1 || q == 0 || !te_key_is(t, q - 1, "第"))
			return (size_t)-1;
		p = q - 1;
	}
	if ((x = ending_at(tg, T_ORG, p)) < 0)
		return (size_t)-1;
	return tg->ms.m[x].s;
}

/* The start of a four-digit year ending at y (its 年 there), or s. */
static size_t
year_before(const struct text *t, size_t y, size_t s)
{
	for (size_t i = y - 4; i < y; i++)
		if (t->k[i] < '0' || t->k[i] > '9')
			return s;
	return y - 4 > 0 && t->k[y - 5] >= '0' && t->k[y - 5] <= '9' ? s : y - 4;
}

/* 部门 bodies made only of generic words (相关部门, 执法部门) are not names. */
static bool
generic_only(const struct text *t, size_t s, size_t e)
{
	long x;

	while (s < e) {
		size_t l = te_wl_at(&generic_bodies, t->k, s, e, &x);
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

static bool
ends_with_char(const char *name, uint32_t c)
{
	char u[4];
	size_t n = strlen(name), l = (size_t)utf8_encode(c, u);

	return n >= l && memcmp(name + n - l, u, l) == 0;
}

static void
org_norm(struct tagger *tg, struct mention *m, const struct walk *w)
{
	const struct text *t = &tg->t;
	const char *name = NULL;
	size_t s = m->s;

	if (w->first_kind == K_LEVEL) {
		uint32_t c = t->k[s];
		if (w->level_len == 2 && te_key_is(t, s, "街道"))
			name = tg->doc.name[L_STREET];
		else if (c == 0x7701)           /* 省 */
			name = tg->doc.name[L_PROV];
		else if (c == 0x5E02)           /* 市 */
			name = tg->doc.name[L_CITY];
		else if (c == 0x533A || c == 0x53BF)    /* 区 县 */
			name = tg->doc.name[L_COUNTY];
		/* 县委 in a 城口县 report, not 区委: a county's level word
		 * names it only when its name ends so. */
		if (name && (c == 0x533A || c == 0x53BF) && !ends_with_char(name, c))
			name = NULL;
		else if (c == 0x9547 || c == 0x4E61)    /* 镇 乡 */
			name = tg->doc.name[L_STREET];
	}
	if (w->first_kind == K_ORG && tg->ms.m[w->org_idx].nlen) {
		/* 区委 + 政法委: the nested name's norm, then the rest. */
		const struct mention *o = &tg->ms.m[w->org_idx];
		buf_clear(&tg->tmp);
		buf_add(&tg->tmp, tg->ms.norm.s + o->norm, o->nlen);
		add_keys(&tg->tmp, t, o->e, m->e);
		te_mention_set_norm(&tg->ms, m, tg->tmp.s, tg->tmp.len);
		return;
	}
	if (!name || !name[0]) {
		/* Otherwise the mention itself, script-folded. */
		buf_clear(&tg->tmp);
		add_keys(&tg->tmp, t, m->s, m->e);
		te_mention_set_norm(&tg->ms, m, tg->tmp.s, tg->tmp.len);
		return;
	}
	buf_clear(&tg->tmp);
	buf_adds(&tg->tmp, name);
	add_keys(&tg->tmp, t, s + w->level_len, m->e);
	te_mention_set_norm(&tg->ms, m, tg->tmp.s, tg->tmp.len);
}

static void
set_endidx(int type, size_t e, long idx, struct tagger *tg)
{
	long cur = tg->endidx[type][e];
	if (cur < 0 || tg->ms.m[cur].s > tg->ms.m[idx].s)
		tg->endidx[type][e] = idx;
}

/* 党的二十大, 二十届三中全会, 十九届二中、三中、四中、五中全会: the
 * numeral's length at i (three characters at most), or 0. */
static size_t
cnum(const struct text *t, size_t i)
{
	struct zhnum z;

	if (i >= t->n || !zhnum_is_numeral(t->k[i]) || !zhnum_read(t->k, i, t->n, &z) ||
	    z.nchars > 3)
		return 0;
	return z.nchars;
}

static size_t
congress(const struct text *t, size_t i, size_t *start)
{
	size_t j = i, l;

	*start = i;
	if (t->k[j] == 0x515A && te_key_is(t, j, "党的"))       /* 党 */
		j += 2;
	if (j < t->n && t->k[j] == 0x4E2D && te_key_is(t, j, "中国共产党第"))    /* 中 */
		j += 6;
	if ((l = cnum(t, j)) == 0)
		return 0;
	j += l;
	/* Congress numbers are 十X, 二十, 二十X: not 十大 (ten best). */
	bool congress_no = (l == 2 && t->k[j - 2] == 0x5341 && t->k[j - 1] != 0x5341) ||
		(l >= 2 && t->k[j - l] == 0x4E8C && t->k[j - l + 1] == 0x5341);
	if (te_key_is(t, j, "大") && !te_key_in(t, j + 1, "学队类项型会批")) {
		if (!congress_no)
			return 0;
		/* 党的十九大历次全会: the plenums of that congress. */
		if (te_key_is(t, j + 1, "历次全会"))
			return j + 5 - i;
		return j + 1 - i;
	}
	if (te_key_is(t, j, "次全国代表大会"))
		return j + 7 - i;
	if (!te_key_is(t, j, "届"))
		return 0;
	j++;
	if (te_key_is(t, j, "历次全会"))
		return j + 4 - i;
	/* 十四届全国人大二次会议, 十四届全国人大常委会第八次会议. */
	size_t body = te_key_is(t, j, "全国人大常委会") ? 7 : te_key_is(t, j, "全国人大") ? 4 :
		te_key_is(t, j, "全国人民代表大会") ? 8 : te_key_is(t, j, "全国政协") ? 4 : 0;
	if (body) {
		size_t q = j + body;
		if (te_key_is(t, q, "第"))
			q++;
		if ((l = cnum(t, q)) > 0 && te_key_is(t, q + l, "次会议"))
			return q + l + 3 - i;
		return 0;
	}
	if (te_key_is(t, j, "中央委员会第"))
		j += 6;
	if ((l = cnum(t, j)) == 0)
		return 0;
	j += l;
	if (te_key_is(t, j, "次全体会议"))
		return j + 5 - i;
	if (te_key_is(t, j, "次全会"))
		return j + 3 - i;
	if (!te_key_is(t, j, "中"))
		return 0;
	j++;
	for (int items = 0; items < 12; items++) {
		if (te_key_is(t, j, "全会"))
			return j + 2 - i;
		if (t->k[j] != 0x3001 || (l = cnum(t, j + 1)) == 0 || !te_key_is(t, j + 1 + l, "中"))
			return 0;
		j += l + 2;
	}
	return 0;
}

void
te_detect_orgs_events(struct tagger *tg)
{
	struct text *t = &tg->t;
	struct walk w;
	long x;

	if (t->n + 1 > tg->endcap) {
		size_t old = tg->endcap;
		tg->endcap = t->n + 1;
		for (int i = 0; i < T_NTYPES; i++) {
			tg->endidx[i] = xrealloc(tg->endidx[i], tg->endcap * sizeof(long));
			for (size_t j = old; j < tg->endcap; j++)
				tg->endidx[i][j] = -1;
		}
	}
	for (size_t i = cls_next(t, 0, C_CONGRESS); i < t->n && (t->rowcls & C_CONGRESS);
	    i = cls_next(t, i + 1, C_CONGRESS)) {
		uint32_t c0 = t->k[i];
		if (c0 == 0x5168) {     /* 全 */
			size_t l, m;
			if (te_key_is(t, i, "全国两会"))
				te_mention_add(&tg->ms, i, i + 4, T_EVENT);
			/* 全国政协十届四次会议: the body before its term. */
			else if ((te_key_is(t, i, "全国政协") || te_key_is(t, i, "全国人大")) &&
			    (l = cnum(t, i + 4)) > 0 && te_key_is(t, i + 4 + l, "届") &&
			    (m = cnum(t, i + 5 + l)) > 0 && te_key_is(t, i + 5 + l + m, "次会议"))
				te_mention_add(&tg->ms, i, i + 8 + l + m, T_EVENT);
			continue;
		}
		/* Congresses start with 党, 中, 十 or 二. */
		if (c0 != 0x515A && c0 != 0x4E2D && c0 != 0x5341 && c0 != 0x4E8C)
			continue;
		size_t st, l = congress(t, i, &st);
		if (l) {
			te_mention_add(&tg->ms, st, st + l, T_EVENT);
			i += l - 1;
		}
	}
	if (!(t->rowcls & C_HEAD))
		return;
	index_ends(tg, T_PLACE);
	index_ends(tg, T_TERM);
	for (size_t e = cls_next(t, 0, C_HEAD) + 1; e <= t->n; e = cls_next(t, e, C_HEAD) + 1) {
		size_t hl = te_wl_end(&heads, t->k, 0, e, &x), hs, s;
		int cls;
		struct mention *m;

		if (!hl)
			continue;
		hs = e - hl;
		cls = head_class(t, hs, e);
		/* A head that a longer one continues (委 of 委员会, 人大 of
		 * 人大常委会) waits for that one. */
		long y;
		size_t al = te_wl_at(&heads, t->k, hs, t->n, &y);
		if (al > hl)
			continue;
		/* 生态环境部 of 生态环境部门: the next head takes over, but
		 * for one a title cuts (大学 of 大学校长). */
		size_t nl = te_wl_at(&heads, t->k, e - 1, t->n, &y);
		if (nl > 1 && !(te_wl_at(&te_wl_titles, t->k, e - 2 + nl, t->n, &y) > 1))
			continue;
		if (cls & H_CENTRAL && website_after(t, e))
			continue;
		/* 生态环境部门, 建设部署: the last character starts a word. */
		if ((cls & H_CENTRAL) && !single_head_ok(t, hs, e))
			continue;
		if (cls & H_CENTRAL) {
			m = te_mention_add(&tg->ms, hs, e, T_ORG);
			set_endidx(T_ORG, e, (long)(m - tg->ms.m), tg);
			buf_clear(&tg->tmp);
			add_keys(&tg->tmp, t, hs, e);
			te_mention_set_norm(&tg->ms, m, tg->tmp.s, tg->tmp.len);
			continue;
		}
		if (!single_head_ok(t, hs, e))
			continue;
		/* 大学生, 北京师范大学校长: the head's last character starts
		 * another word (a title, 生). */
		if (e < t->n && ((te_key_in(t, e - 1, "学院") && te_key_is(t, e, "生")) ||
		    te_wl_at(&te_wl_titles, t->k, e - 1, t->n, &y) > 1))
			continue;
		if (te_key_is(t, hs, "中心") && te_key_in(t, e, "组城区"))
			continue;
		if (te_key_is(t, hs, "中心") && te_key_is(t, e, "工作"))
			continue;
		/* 进学校, 入企业: a place visited, not a body named. */
		if (hs > 0 && te_key_in(t, hs - 1, "进入到驻") && hl == 2 &&
		    (te_key_is(t, hs, "学校") || te_key_is(t, hs, "医院") || te_key_is(t, hs, "大学") ||
		    te_key_is(t, hs, "学院") || te_key_is(t, hs, "公司") || te_key_is(t, hs, "银行")))
			continue;
		/* 党组会: a meeting of the body, not the body; before 会议
		 * the body stays, inside its meeting (街道党工委会议). */
		if (te_key_is(t, e, "会") && !te_key_is(t, e, "会议") && !te_key_is(t, e, "会同") &&
		    !te_key_is(t, e, "会商") &&
		    (te_key_is(t, e - 2, "党组") || te_key_is(t, e - 2, "党委") || te_key_is(t, e - 1, "委")))
			continue;
		if ((cls & H_NAMED) && !(cls & ~(H_EVENT | H_NAMED))) {
			long q = hs >= 2 ? ending_at(tg, T_TERM, hs - 1) : -1;
			if (q < 0 || tg->ms.m[q].s < 1)
				continue;
			te_mention_add(&tg->ms, tg->ms.m[q].s - 1, e, T_EVENT);
			continue;
		}
		if (cls & H_EVENT) {
			/* 推进会议: the head read as 推进会 takes its 议. */
			if ((cls & H_CONF) && t->k[e - 1] == 0x4F1A && te_key_is(t, e, "议"))
				e++;
			if (te_key_is(t, e, "计划") || te_key_is(t, e, "方案") || te_key_is(t, e, "实施"))
				continue;
			/* 人民代表大会, 职工代表大会: a body, not a conference. */
			if (te_key_is(t, hs, "大会") && hs >= 2 && te_key_is(t, hs - 2, "代表"))
				continue;
			size_t bs;
			if ((cls & H_CONF) && te_key_is(t, e - 2, "会议") &&
			    (bs = meeting_body(tg, hs)) != (size_t)-1) {
				te_mention_add(&tg->ms, bs, e, T_EVENT);
				continue;
			}
			walk_left(tg, hs, hl, cls, 1, &w);
			if (w.generic + 2 * w.term + 2 * w.place < 2)
				continue;
			/* A conference needs a scope, a place or a name, or
			 * the verb that holds it: 召开法治政府建设推进会. */
			if ((cls & H_CONF) && !w.term && !w.scope && !w.place && !(w.org && w.generic >= 4) &&
			    !(w.held && w.generic >= 4 && !(hl == 2 && te_key_is(t, hs, "会议"))))
				continue;
			/* 第二届…论坛: the edition is part of the name. */
			size_t es = w.s;
			if (es >= 3 && te_key_is(t, es - 1, "届") && zhnum_is_numeral(t->k[es - 2])) {
				size_t j = es - 2;
				while (j > 0 && zhnum_is_numeral(t->k[j - 1]) && es - j < 5)
					j--;
				if (j > 0 && te_key_is(t, j - 1, "第"))
					es = j - 1;
			}
			/* 1997年度全国地震趋势会商会: the year opens the name. */
			if (es >= 5 && te_key_is(t, es - 2, "年度"))
				es = year_before(t, es - 2, es);
			else if (es >= 5 && te_key_is(t, es - 1, "年"))
				es = year_before(t, es - 1, es);
			te_mention_add(&tg->ms, es, e, T_EVENT);
			continue;
		}
		if (cls & H_SITE) {
			/* 首都国际机场, 爱国主义教育基地: a named site is a
			 * place, its name found like a body's. */
			walk_left(tg, hs, hl, H_EVENT | H_SITE, 1, &w);
			/* Its own name is hard to delimit: a place or a quoted
			 * name before it, or two characters after a stop
			 * (在首都国际机场). */
			if (w.generic > 4 || (!w.place && !w.term &&
			    (w.generic != 2 || (w.s > 0 && is_han(t->k[w.s - 1]) &&
			    !te_wl_end(&ev_stops, t->k, 0, w.s, &x)))))
				continue;
			if (generic_start(t, w.s) || (w.first_kind == K_GENERIC && generic_only(t, w.s, hs)))
				continue;
			m = te_mention_add(&tg->ms, w.s, e, T_PLACE);
			m->flag = 'N';
			set_endidx(T_PLACE, e, (long)(m - tg->ms.m), tg);
			continue;
		}
		/* 市教育局政府信息: 政府 right after a body is not its own. */
		if ((te_key_is(t, hs, "政府") || te_key_is(t, hs, "人民政府")) && ending_at(tg, T_ORG, hs) >= 0)
			continue;
		walk_left(tg, hs, hl, cls, 0, &w);
		if (w.digits == 2)
			continue;
		/* 局发展计划法规处, 市委组织部干部科: a unit needs its body
		 * or level before it. */
		if (hl == 1 && te_key_in(t, hs, "处科") && (w.generic < 2 || (!w.level && !w.org && !w.place &&
		    !(te_key_in(t, w.s, "局厅") && (w.s == 0 || !is_han(t->k[w.s - 1]))))))
			continue;
		s = w.s;
		size_t os;
		if (hl == 1 && t->k[hs] == 0x529E && !w.known && !w.org && !w.place &&
		    (os = office_short(tg, hs, e)) != (size_t)-1) {
			m = te_mention_add(&tg->ms, os, e, T_ORG);
			set_endidx(T_ORG, e, (long)(m - tg->ms.m), tg);
			w.first_kind = K_GENERIC;
			org_norm(tg, m, &w);
			continue;
		}
		int prefix = w.place + w.level + w.org;
		int body = w.known + w.generic + w.term;
		/* 高新区司法所: a head that names its own function (派出所,
		 * 司法所, 律师事务所) needs only the place. */
		if (body == 0 && !w.org && !(prefix && ((cls & H_LEVEL) || self_named(t, hs, hl))))
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
		if (te_key_is(t, hs, "部门") && w.generic > 4)
			continue;
		/* 9个街道办事处, 各区政府: counted or distributed, a plural. */
		if (body == 0 && !w.org && s > 0 && te_key_in(t, s - 1, "个各家所两几多每全诸"))
			continue;
		if (te_key_is(t, hs, "部门") && generic_only(t, s + (w.first_kind == K_LEVEL ? w.level_len : 0), hs))
			continue;
		if (w.first_kind == K_GENERIC && generic_only(t, s, hs))
			continue;
		/* 经国务院, 需市政府, 请中国人民银行: a preposition or verb
		 * before a name is not part of it (but 经济开发区). */
		long kw;
		while (w.first_kind == K_GENERIC && s + 2 < hs && te_key_in(t, s, "经需请待由") &&
		    te_wl_at(&keeps, t->k, s, t->n, &kw) < 2)
			s++;
		if (generic_start(t, s))
			continue;
		/* 社区便民服务中心, 村委会: a community or village unnamed is
		 * every one of them. */
		if (w.first_kind == K_LEVEL && w.level_len <= 2 &&
		    (te_key_is(t, s, "社区") || te_key_is(t, s, "村")))
			continue;
		/* 湖南省政府门户网站: websites are not tagged, nor the places
		 * in their names. */
		if (website_after(t, e)) {
			for (size_t i = 0; i < tg->ms.n; i++)
				if (tg->ms.m[i].type == T_PLACE && tg->ms.m[i].s >= s && tg->ms.m[i].e <= e)
					tg->ms.m[i].dead = 1;
			continue;
		}
		/* 服务中心办政大厅: 办 after a centre starts a word. */
		if (hl == 1 && t->k[hs] == 0x529E && hs >= 2 && te_key_is(t, hs - 2, "中心"))
			continue;
		m = te_mention_add(&tg->ms, s, e, T_ORG);
		set_endidx(T_ORG, e, (long)(m - tg->ms.m), tg);
		org_norm(tg, m, &w);
	}
	for (size_t i = 0; i < tg->ms.n; i++) {
		const struct mention *m = &tg->ms.m[i];
		if (m->type == T_PLACE || m->type == T_TERM || m->type == T_ORG)
			tg->endidx[m->type][m->e] = -1;
	}
}
