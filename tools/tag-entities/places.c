/* PLACE: gazetteer names, their short forms in context, special zones. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "tag.h"

static struct wl zones, zone_suffix;
static int ready;
/* First bigrams of zones and gazetteer names together (wl_bi hashes):
 * one bit test turns away most of the 37% of characters that may
 * start some name. */
static uint8_t start2[8192];

/* The national new areas, named with or without their province or
 * city in front (湖南湘江新区, 青岛西海岸新区). */
#define NEW_AREAS "湘江新区 西海岸新区 两江新区 天府新区 南沙新区 西咸新区 贵安新区 兰州新区 " \
	"金普新区 舟山群岛新区 哈尔滨新区 长春新区 赣江新区 福州新区 滇中新区 滨海新区 浦东新区"
/* Zones that are places in their own right. */
static const char zone_words[] =
	"粤港澳大湾区 大湾区 长三角 珠三角 京津冀 长江经济带 成渝地区 高新区 经开区 自贸区 "
	"开发区 经济开发区 经济技术开发区 高新技术产业开发区 保税区 综合保税区 自由贸易试验区 "
	"前海 横琴 雄安新区 前海深港现代服务业合作区 横琴粤澳深度合作区 海南自由贸易港 "
	NEW_AREAS;
/* Suffixes that make a zone of the place just before them (珠海高新区). */
static const char zone_suffix_words[] =
	"经济特区 特区 高新技术产业开发区 经济技术开发区 高新区 经开区 开发区 自贸区 "
	"自由贸易试验区 保税区 综合保税区 合作区 新区 示范区 先行示范区 试验区 经济开发区";

static void
init(void)
{
	wl_init(&zones);
	wl_add_words(&zones, zone_words, 'Z');
	wl_build(&zones);
	wl_init(&zone_suffix);
	/* 'G': a kind of zone, no zone of its own after a place. */
	wl_add_words(&zone_suffix, zone_suffix_words, 'G');
	wl_add_words(&zone_suffix, NEW_AREAS, 'Z');
	wl_build(&zone_suffix);
	gaz_init();
	for (size_t i = 0; i < sizeof(start2); i++)
		start2[i] = zones.f2[i] | gaz_small.f2[i];
	ready = 1;
}

void
places_classes(uint8_t *cls)
{
	if (!ready)
		init();
	wl_classes(&zones, cls, 1, C_PLACE);
}

struct pl {
	size_t s, e;
	int kind;
	char code[13];
	int dead;
};

static struct pl *pls;
static size_t npl, cpl;

static struct pl *
push(size_t s, size_t e, int kind, const char *code)
{
	if (npl == cpl) {
		cpl = cpl ? 2 * cpl : 64;
		pls = xrealloc(pls, cpl * sizeof(*pls));
	}
	struct pl *p = &pls[npl++];
	p->s = s;
	p->e = e;
	p->kind = kind;
	p->dead = 0;
	size_t cl = strlen(code);
	if (cl >= sizeof(p->code))
		cl = sizeof(p->code) - 1;
	memcpy(p->code, code, cl);
	p->code[cl] = '\0';
	return p;
}

/* The first of pls[0..n), sorted and not overlapping, that ends after
 * position i (so the one that may contain i). */
static size_t
first_ending_after(size_t n, size_t i)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pls[mid].e <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The gazetteer place ending exactly at i, for parent context: the
 * last town or village found, or a province..county (pls[0..first)). */
static const char *
code_ending_at(size_t first, size_t i)
{
	if (npl > first && !pls[npl - 1].dead && pls[npl - 1].e == i && pls[npl - 1].code[0])
		return pls[npl - 1].code;
	if (i == 0)
		return "";
	size_t j = first_ending_after(first, i - 1);
	if (j < first && pls[j].e == i && !pls[j].dead && pls[j].code[0] && pls[j].kind != 'X')
		return pls[j].code;
	return "";
}

static size_t nsmall;

/* A province..county ending at s, while towns are looked up. */
static const char *
parent_small(size_t s)
{
	return code_ending_at(nsmall, s);
}

void
detect_places(struct tagger *tg)
{
	const struct text *t = &tg->t;
	struct place_hit h;
	size_t first, big_lo = 0;
	long ent;

	if (!ready)
		init();
	npl = 0;
	for (size_t i = 0; i < t->n;) {
		size_t zl, gl;
		if (!(t->cls[i] & C_PLACE) || !is_han(t->k[i]) ||
		    (i + 1 < t->n && !wl_bit(start2, wl_bi(t->k[i], t->k[i + 1])))) {
			i = cls_next(t, i + 1, C_PLACE);
			continue;
		}
		zl = wl_at(&zones, t->k, i, t->n, &ent);
		/* 杭州市西湖区: the place just before narrows the codes. */
		const char *parent = npl > 0 && pls[npl - 1].e == i && pls[npl - 1].kind != 'X' ?
			pls[npl - 1].code : "";
		gl = gaz_small_may(t, i) ? gaz_small_at(tg, i, parent, &h) : 0;
		/* 中国特色, 法治中国: an idea, not the country. */
		if (gl && h.kind == 'X' && key_is(t, i, "中国") && (key_is(t, i + 2, "特色") ||
		    key_is(t, i + 2, "式") || (i >= 2 && (key_is(t, i - 2, "法治") ||
		    key_is(t, i - 2, "平安") || key_is(t, i - 2, "美丽") || key_is(t, i - 2, "数字") ||
		    key_is(t, i - 2, "健康")))))
			gl = 0;
		if (zl > gl) {
			push(i, i + zl, 'Z', "");
			i += zl;
		} else if (gl) {
			/* 临夏州, 湘西州: a 自治州 named short with 州. */
			const char *full;
			if (h.kind == 'c' && h.code[0] && i + gl < t->n && t->k[i + gl] == 0x5DDE &&
			    (full = gaz_name(h.code)) != NULL && strlen(full) > 3 &&
			    strcmp(full + strlen(full) - 3, "州") == 0)
				gl++;
			push(i, i + gl, h.kind, h.code);
			i += gl;
		} else {
			i++;
		}
	}
	/* Towns, streets and villages end in a few characters (街道, 镇,
	 * 村, 社区...); look them up backwards from those ends. */
	first = npl;
	nsmall = npl;
	for (size_t e = cls_next(t, 2, C_FINAL) + 1; e <= t->n && (t->rowcls & C_FINAL);
	    e = cls_next(t, e, C_FINAL) + 1) {
		size_t lo = big_lo, j;
		const char *parent;
		size_t l;
		for (;;) {
			/* A village name may contain a county short form (龙岗)
			 * but must not cut a full gazetteer name in two. */
			l = gaz_big_end(tg, lo, e, "", parent_small, &h);
			if (!l)
				break;
			size_t s = e - l;
			j = first_ending_after(first, s);
			if (j == first || pls[j].dead || pls[j].s >= s)
				break;
			lo = s + 1;
		}
		if (!l)
			continue;
		parent = code_ending_at(first, e - l);
		if (parent[0])
			gaz_big_end(tg, e - l, e, parent, NULL, &h);
		for (j = first_ending_after(first, e - l); j < first && pls[j].e <= e; j++)
			if (pls[j].s >= e - l)
				pls[j].dead = 1;
		push(e - l, e, h.kind, h.code);
		big_lo = e;
	}
	/* 坂田、龙岗街道: names sharing the suffix of the street after
	 * them, looked up with it inside the same county. */
	size_t nbig = npl;
	for (size_t j = first; j < nbig; j++) {
		struct pl *st = &pls[j];
		size_t sl, s = st->s;
		if (st->dead || st->kind != 'S' || !st->code[0])
			continue;
		sl = key_is(t, st->e - 2, "街道") ? 2 : 1;
		while (s >= 3 && t->k[s - 1] == 0x3001) {       /* 、 */
			uint32_t key[8];
			size_t got = 0;
			for (size_t len = 3; len >= 2 && !got; len--) {
				if (s - 1 < len)
					continue;
				size_t r = s - 1 - len, q;
				for (q = r; q < s - 1 && is_han(t->k[q]); q++)
					;
				if (q < s - 1)
					continue;
				memcpy(key, t->k + r, len * sizeof(key[0]));
				memcpy(key + len, t->k + st->e - sl, sl * sizeof(key[0]));
				char code[13];
				if (gaz_big_exact(key, len + sl, st->code, 6, code)) {
					push(r, s - 1, 'S', code);
					got = len;
				}
			}
			if (!got)
				break;
			s = s - 1 - got;
		}
	}
	/* 珠海 + 高新区: the zone of a place, with the place nested. */
	size_t n0 = npl;
	for (size_t j = 0; j < n0; j++) {
		size_t zl;
		if (pls[j].dead || pls[j].kind == 'X' || pls[j].kind == 'V')
			continue;
		zl = wl_at(&zone_suffix, t->k, pls[j].e, t->n, &ent);
		if (!zl)
			continue;
		push(pls[j].s, pls[j].e + zl, 'Z', "");
		/* A kind of zone is no zone of its own there (珠海高新区
		 * holds 珠海, not 高新区; 湖南湘江新区 holds both). */
		for (size_t k = 0; k < n0 && zone_suffix.ent[ent].tag == 'G'; k++)
			if (pls[k].kind == 'Z' && pls[k].s == pls[j].e &&
			    pls[k].e == pls[j].e + zl)
				pls[k].dead = 1;
	}
	for (size_t j = 0; j < npl; j++) {
		struct mention *m;
		if (pls[j].dead)
			continue;
		m = tag_add(tg, pls[j].s, pls[j].e, T_PLACE);
		m->flag = pls[j].kind;
		if (pls[j].code[0])
			tag_set_norm(tg, m, pls[j].code, strlen(pls[j].code));
	}
}
