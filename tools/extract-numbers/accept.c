#include <string.h>

#include "accept.h"
#include "date.h"
#include "range.h"
#include "zhnum.h"

/* 每 or 每隔 just before i. */
static bool
every(const struct xn *x, size_t i)
{
	return (i >= 1 && x->f[i - 1] == U'每') ||
	    (i >= 2 && x->f[i - 1] == U'隔' && x->f[i - 2] == U'每');
}

enum xn_rd
xn_screen_numeral(struct xn *x, struct xn_read *r, struct xn_q *q)
{
	size_t i = r->i, sl;
	uint32_t c = xn_at(x, r->j);

	(void)q;
	/* Most numerals in running text (一是, 进一步, 二十大) have nothing
	 * after them that could make a quantity; the low end of a range
	 * (三至五人) has the high end. */
	if (!r->ordctx && !xn_unit_may_start(c) && c != U'余' && c != U'多' &&
	    c != U'个' && c != U'年' && c != U'月' && c != U'万' && c != U'大' &&
	    c != U'亿' && !((sl = xn_range_sep(x, r->j)) != 0 &&
	    zhnum_is_numeral(xn_at(x, r->j + sl))))
		return XN_RD_REJECT;
	/* 一批 is a set phrase (a number of), 第一批 the first batch; 两年一
	 * is one (两年一度) except after 每 (每两年一次: every two years). */
	if (!r->ordctx && xn_list_at(XN_L_SETPHRASE, x->f, i, x->n) &&
	    !(every(x, i) && c == U'年'))
		return XN_RD_REJECT;
	if (r->num.one && i && xn_list_before(XN_L_ONE_BEFORE, x->f, i))
		return XN_RD_REJECT;
	if (r->num.one)
		r->src |= XN_UF_ONE;
	return XN_RD_NONE;
}

/* A bare Arabic number counts only when nothing around it makes it a
 * code, a name, an enumerator or part of a word. */
static bool
bare_ok(struct xn *x, struct xn_q *q, size_t numstart)
{
	uint32_t p = numstart ? x->f[numstart - 1] : 0;
	uint32_t nx = xn_at(x, q->end);

	if (!q->arabic)
		return false;
	if (q->plain_int && q->ival_ok && (q->ival >= 10000 ||
	    (q->ival >= 1000 && xn_plausible_year(q->ival))))
		return false;
	if (!q->ival_ok && q->plain_int)
		return false;
	if (xn_is_han(nx) || xn_is_alpha(nx) || nx == '.' || nx == 0x3001 ||
	    nx == ')' || nx == ':' || nx == '/' || nx == '-' || nx == '+' ||
	    nx == '#' || nx == '*' || nx == '_' || nx == '=' || nx == '>' ||
	    nx == '<' || nx == 0x3015 || nx == ']' || nx == 0x3011 ||
	    nx == '@' || nx == '\\' || nx == '&' || nx == 0xD7 /* × */ ||
	    nx == 0x2236 /* ∶ */)
		return false;
	if (p == '(' || p == '#' || p == '-' || p == '/' || p == ':' ||
	    p == '.' || p == 0x3014 || p == '[' || p == 0x3010 || p == '_' ||
	    p == '=' || p == '@' || p == '\\' || p == '&' || p == '*' || p == '~' ||
	    p == 0xD7 || p == 0x2236)
		return false;
	/* 拨打110, 热线96123, 致电12348: phone numbers. */
	if (p == U'拨' || p == U'线' || p == U'话' || p == U'码' ||
	    (numstart >= 2 && ((p == U'打' && x->f[numstart - 2] == U'拨') ||
	    (p == U'电' && x->f[numstart - 2] == U'致'))))
		return false;
	/* 表1 2024年, 图2, 附件1: captions and labels; 1 2: table cells;
	 * 480—560米左右 that read no range. */
	if (p == U'表' || p == U'图' || (p == U'件' && numstart >= 2 &&
	    x->f[numstart - 2] == U'附') || p == U'录' ||
	    (nx == ' ' && xn_is_digit(xn_at(x, q->end + 1))) || xn_is_dash(nx))
		return false;
	/* 与红线交点1, 方案2 at the end of a row: a point's or an item's
	 * name, unless a verb gives the number (总数为35). */
	if (nx == 0 && q->end == x->n && xn_is_han(p) &&
	    !utf8_contains("为达是至到有计共约近超余逾了增减", p))
		return false;
	/* A number alone at the start of a clause is an enumerator. */
	if (numstart == 0 || xn_clause_punct(p) || p == ' ')
		return false;
	return true;
}

/* 区、街道、社区三级, 省市两级: N级 counts the levels just listed;
 * alone (三级人民调解员, 一级调研员) it is a grade. */
static bool
levels_listed(struct xn *x, size_t numstart)
{
	if (numstart >= 2 && utf8_contains("省市县区乡镇村街", x->f[numstart - 1]) &&
	    utf8_contains("省市县区乡镇村街", x->f[numstart - 2]))
		return true;
	for (size_t k = numstart; k > 0 && numstart - k < 12; k--) {
		uint32_t c = x->f[k - 1];

		if (c == 0x3001 || c == U'和' || c == U'及' || c == U'与')
			return k < numstart;
		if (xn_clause_punct(c) || c == 0x3002 || !xn_is_han(c))
			return false;
	}
	return false;
}

/* Curly and corner quotes only: a straight " opens and closes alike. */
static bool
slogan_open(uint32_t c)
{
	return c == 0x201C || c == 0x300C || c == 0x300E;
}

static bool
slogan_close(uint32_t c)
{
	return c == 0x201D || c == 0x300D || c == 0x300F;
}

/* The longest quote still read as a slogan or a label: a quoted clause of
 * a rule (将“……每年两次……”修改为) is longer and keeps its counts. */
#define SLOGAN_MAX 24

/* “一枚印章管审批、一个大厅办成事”, “公章四面围城”: whether [start, end)
 * lies inside a short quote, which names a slogan or a mechanism. */
static bool
in_slogan_quote(const struct xn *x, size_t start, size_t end)
{
	size_t a, b;

	for (a = start; a > 0 && start - a < SLOGAN_MAX; a--) {
		uint32_t c = x->f[a - 1];

		if (slogan_open(c))
			break;
		if (slogan_close(c) || c == 0x3002 || c == ';' || c == '!' ||
		    c == '?' || c == '\t')
			return false;
	}
	if (a == 0 || !slogan_open(x->f[a - 1]))
		return false;
	for (b = end; b < x->n && b - a < SLOGAN_MAX; b++) {
		uint32_t c = x->f[b];

		if (slogan_close(c))
			break;
		if (slogan_open(c) || c == 0x3002 || c == ';' || c == '!' ||
		    c == '?' || c == '\t')
			return false;
	}
	if (b >= x->n || !slogan_close(x->f[b]))
		return false;
	/* “这次来了三个人”: words of speech make it a quotation. */
	for (size_t k = a; k < b; k++)
		if (utf8_contains("了吗呢吧啊我你他她咱", x->f[k]))
			return false;
	return true;
}

/* 省委十一届三次、四次、五次全会: the character after a list of N次
 * that starts at end (、四次、五次), or after end itself. */
static uint32_t
after_sessions(const struct xn *x, size_t end)
{
	size_t k = end;

	while (xn_at(x, k) == 0x3001 || xn_at(x, k) == U'和' ||
	    xn_at(x, k) == U'及') {
		size_t m = k + 1;

		while (zhnum_is_numeral(xn_at(x, m)))
			m++;
		if (m == k + 1 || xn_at(x, m) != U'次')
			break;
		k = m + 1;
	}
	return xn_at(x, k);
}

/* Whether a Chinese numeral with a unit is part of a slogan or a name
 * rather than a quantity. */
static bool
slogan(struct xn *x, struct xn_q *q, size_t numstart)
{
	uint32_t p = numstart ? x->f[numstart - 1] : 0;
	uint32_t after = xn_at(x, q->end);
	int d = zhnum_digit(after);

	/* 三个一, 一人一档, 三会一课; but 六章四十二条 counts twice, and
	 * 每两年一次 is a length of time and a count. */
	if (d >= 1 && !(every(x, numstart) && q->kind == XN_K_DURATION)) {
		struct xn_num num;

		if (d == 1 && !zhnum_unit(xn_at(x, q->end + 1)))
			return true;
		if (!xn_parse_cn(x->f, q->end, x->n, &num, &x->val2))
			return true;
		return !xn_unit_at(x->f, num.end, x->n, XN_UF_CN);
	}
	if (xn_is_han(after) && after != U'第' &&
	    zhnum_digit(xn_at(x, q->end + 1)) == 1 && xn_at(x, q->end + 2) != U'是')
		return true;
	/* “两个确保”, “四个意识”: a short quoted name. */
	if (xn_is_open_quote(p)) {
		for (size_t k = q->end; k < x->n && k < numstart + 9; k++) {
			if (xn_is_close_quote(x->f[k]))
				return true;
			if (xn_clause_punct(x->f[k]))
				break;
		}
	}
	/* 四次会议第7240号建议: the session of a congress whose name the
	 * line before holds. */
	if (strcmp(q->unit, "次") == 0 && after == U'会' &&
	    xn_at(x, q->end + 1) == U'议' && xn_at(x, q->end + 2) == U'第')
		return true;
	/* 十四届人大二次会议, 十三届六次全会, 市委六届七次、八次全会:
	 * sessions, not counts. */
	if (p == U'届' && strcmp(q->unit, "次") == 0)
		return true;
	if (strcmp(q->unit, "次") == 0 && x->f[numstart] != U'两' &&
	    ((after = after_sessions(x, q->end)) == U'会' || after == U'全')) {
		size_t lo = numstart;

		/* 三次、四次、五次 of one list: measured from its first. */
		while (lo > 0 && (x->f[lo - 1] == 0x3001 || x->f[lo - 1] == U'次' ||
		    zhnum_is_numeral(x->f[lo - 1])))
			lo--;
		for (size_t k = lo; k > 0 && lo - k < 14; k--) {
			if (x->f[k - 1] == U'届')
				return true;
			/* 第十八届人大常务委员会第二十四次会议: a numbered
			 * meeting of a standing committee. */
			if (x->f[k - 1] == U'常')
				break;
			if (xn_clause_punct(x->f[k - 1]) && x->f[k - 1] != 0x3001)
				break;
		}
	}
	return false;
}

/* 代表大会 (人民代表大会) within a few characters of i. */
static bool
congress_after(const struct xn *x, size_t i)
{
	for (size_t k = i; k < i + 4 && k < x->n; k++)
		if (x->f[k] == U'代' && xn_at(x, k + 1) == U'表' &&
		    xn_at(x, k + 2) == U'大')
			return true;
	return false;
}

/* 7.2本预案由…: the number of a section at the start of a row, before
 * its text, not 7.2 of something (a measure word counts whole things). */
static bool
section_number(struct xn *x, const struct xn_q *q, size_t numstart)
{
	size_t k = numstart, run = 0;

	if (!q->arabic || q->plain_int || q->mult || q->kind != XN_K_COUNT ||
	    x->f[numstart] == '0' || !xn_is_han(xn_at(x, q->end)))
		return false;
	for (size_t b = 0; b < numstart; b++)
		if (x->f[b] != ' ' && x->f[b] != '\t')
			return false;
	for (; k < q->nend; k++) {
		if (xn_is_digit(x->f[k]) && ++run <= 2)
			continue;
		if (x->f[k] != '.' || run == 0)
			return false;
		run = 0;
	}
	return run > 0;
}

bool
xn_accept(struct xn *x, struct xn_q *q, size_t numstart, bool ordctx)
{
	uint32_t p = numstart ? x->f[numstart - 1] : 0;
	uint32_t nx = xn_at(x, q->nend);
	uint32_t after = xn_at(x, q->end);

	/* Policy codes 1+6+N and versions V2.0, G4, 5G. */
	if (p == '+' || nx == '+' || xn_is_alpha(p) || (q->arabic &&
	    xn_is_alpha(nx) && !xn_is_alpha((uint32_t)(unsigned char)q->unit[0])))
		return false;
	if (q->date && !q->bare)
		return true;
	/* “1310”, “十四五”, 〔2025〕; not “98.5%”. */
	if (xn_is_open_quote(p) && xn_is_close_quote(after) &&
	    q->kind != XN_K_PERCENT && q->kind != XN_K_MONEY)
		return false;
	if ((p == 0x3014 || p == '[' || p == 0x3010) &&
	    (after == 0x3015 || after == ']' || after == 0x3011))
		return false;
	if (!*q->unit && nx == U'号')
		return false;
	if (q->arabic && (p == '-' || p == '/' || p == '.'))
		return false;
	/* 8时30分 is a time, not a score. */
	if (q->kind == XN_K_SCORE && (p == U'时' || p == U'点' || p == ':'))
		return false;
	if (!q->arabic && *q->unit && (slogan(x, q, numstart) ||
	    ((q->kind == XN_K_COUNT || q->kind == XN_K_DURATION) &&
	    in_slogan_quote(x, ordctx ? numstart - 1 : numstart, q->end)) ||
	    (q->kind == XN_K_COUNT && xn_place_name(x, numstart, q->end, q->unit))))
		return false;
	/* 十里八乡: the villages of a saying. */
	if (p == U'里' && strcmp(q->unit, "乡") == 0)
		return false;
	if (!q->arabic && strcmp(q->unit, "级") == 0 && !levels_listed(x, numstart))
		return false;
	/* 8项1级指标, 4级手术: a grade (镇、村两级干部 counts the levels
	 * listed, 1.8级地震 is a magnitude). */
	if (q->arabic && q->plain_int && utf8_contains("指手文标职岗", after) &&
	    strcmp(q->unit, "级") == 0)
		return false;
	/* 十九届中央委员会, 省委十三届六次全会, 二十届二中全会, 八届第14次
	 * 常务会议: a session, not a count of terms; nor, without 第, is
	 * 十届 of an event (terms counted run 两届, 三届 ...). */
	if (strcmp(q->unit, "届") == 0 && (zhnum_is_numeral(after) ||
	    after == U'第' || (!ordctx && (!q->ival_ok || q->ival >= 10 || q->mult)) ||
	    xn_list_at(XN_L_SESSION, x->f, q->end, x->n) ||
	    xn_list_before(XN_L_SESSION, x->f, ordctx ? numstart - 1 : numstart)))
		return false;
	/* 第八个五年规划: a plan, not the 8th of something nor 5 years. */
	if (!q->arabic && ((strcmp(q->unit, "个") == 0 && after == U'五' &&
	    xn_at(x, q->end + 1) == U'年') || (strcmp(q->unit, "年") == 0 &&
	    p == U'个' && x->f[numstart] == U'五' && q->end == numstart + 2)))
		return false;
	/* 于15日, 每月5日, 19日晚: a day of the month, not a number of
	 * days. */
	if (strcmp(q->unit, "日") == 0 && (p == U'月' || p == U'每' ||
	    utf8_contains("晚早晨夜凌", after) ||
	    (p == U'于' && numstart >= 2 && x->f[numstart - 2] != U'少' &&
	    x->f[numstart - 2] != U'多' && x->f[numstart - 2] != U'低' &&
	    x->f[numstart - 2] != U'高')))
		return false;
	/* 二次污染, 二次开发: 二次 as an adjective (a count says 两次). */
	if (!q->arabic && strcmp(q->unit, "次") == 0 && x->f[numstart] == U'二' &&
	    q->nend == numstart + 1 && !ordctx && xn_is_han(after) &&
	    !utf8_contains("以的会全", after))
		return false;
	if (section_number(x, q, numstart))
		return false;
	if (ordctx) {
		/* 第三人 of a law is a party, not the third person. */
		if (strcmp(q->unit, "人") == 0)
			return false;
		/* 第二十次全国代表大会 is the congress 二十大; 第二次全国污染源
		 * 普查 is the second census. */
		if (strcmp(q->unit, "次") == 0 && ((after == U'全' &&
		    xn_at(x, q->end + 1) == U'国' && congress_after(x, q->end + 2)) ||
		    after == U'党' ||
		    (after == U'代' && xn_at(x, q->end + 1) == U'表')))
			return false;
		if (*q->unit)
			return true;
		/* 全市第一。 but not 第一责任人, 第三方, nor 第一, as an
		 * enumerator at the start of a clause. */
		if (xn_is_han(after) || xn_is_alpha(after) || xn_is_digit(after))
			return false;
		if (numstart < 2 || xn_clause_punct(x->f[numstart - 2]) ||
		    x->f[numstart - 2] == ' ')
			return false;
		/* 全市第一, 排名第一, 位居第一; 质量第一 and 安全第一 are
		 * slogans. */
		if (q->ival == 1 && !utf8_contains("市省国区县镇州名居列在分",
		    x->f[numstart - 2]))
			return false;
		/* “产业第一” is a slogan. */
		return after == 0 || after == 0x3002 || after == ';' ||
		    after == '!' || after == '?' || after == ')' ||
		    (after == ',' && !xn_is_close_quote(p));
	}
	if (!q->bare)
		return q->arabic || *q->unit;
	return bare_ok(x, q, numstart);
}

bool
xn_heading(struct xn *x, const struct xn_q *q, size_t di)
{
	for (size_t k = 0; k < di; k++)
		if (x->f[k] != ' ' && x->f[k] != 0x3000 && x->f[k] != '\t')
			return false;
	return strcmp(q->unit, "部分") == 0 || strcmp(q->unit, "章") == 0 ||
	    strcmp(q->unit, "节") == 0 || strcmp(q->unit, "篇") == 0 ||
	    strcmp(q->unit, "编") == 0;
}
