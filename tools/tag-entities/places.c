/* PLACE: gazetteer names, their short forms in context, special zones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tag.h"

#define zones te_wl_zones
#define zone_suffix te_wl_zone_suffix

/* Whether zones or gazetteer names may start with the bigram at i: one
 * bit test turns away most of the 37% of characters that may start
 * some name. */
static bool
may_start(const struct text *t, size_t i)
{
	unsigned h = te_wl_bi(t->k[i], t->k[i + 1]);
	return te_wl_bit(zones.f2, h) || te_wl_bit(te_wl_gaz_small.f2, h);
}

static struct te_place *
push(struct te_places *ps, size_t s, size_t e, int kind, const char *code)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? 2 * ps->cap : 64;
		ps->p = xrealloc(ps->p, ps->cap * sizeof(*ps->p));
	}
	struct te_place *p = &ps->p[ps->n++];
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
first_ending_after(const struct te_place *pls, size_t n, size_t i)
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
code_ending_at(const struct te_places *ps, size_t first, size_t i)
{
	const struct te_place *pls = ps->p;
	size_t npl = ps->n;

	if (npl > first && !pls[npl - 1].dead && pls[npl - 1].e == i && pls[npl - 1].code[0])
		return pls[npl - 1].code;
	if (i == 0)
		return "";
	size_t j = first_ending_after(pls, first, i - 1);
	if (j < first && pls[j].e == i && !pls[j].dead && pls[j].code[0] && pls[j].kind != 'X')
		return pls[j].code;
	return "";
}

/* Whether b, right after a, lies inside it (辰溪县 + 小龙门乡). */
static bool
inside(const struct te_place *a, const struct te_place *b)
{
	static const size_t dig[] = { 2, 4, 6, 9 };
	int la = a->code[0] ? te_gaz_code_level(a->code) : -1;
	/* No code: a town or village of several areas; a code of no
	 * level: a village.  Both lie below every level. */
	int lb = b->code[0] ? te_gaz_code_level(b->code) : 4;

	if (la < 0 || (!b->code[0] && b->kind != 'S' && b->kind != 'V'))
		return false;
	if (lb < 0)
		lb = 4;
	return lb > la && (!b->code[0] || strncmp(a->code, b->code, dig[la]) == 0);
}

static int
cmp_start(const void *x, const void *y)
{
	const struct te_place_at *a = x, *b = y;

	if (a->s != b->s)
		return a->s < b->s ? -1 : 1;
	return a->j < b->j ? -1 : a->j > b->j;
}

/* The first of at[0..n), sorted by start, that starts at or after s. */
static size_t
first_start(const struct te_place_at *at, size_t n, size_t s)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (at[mid].s < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The live place starting at s that lies inside a, or NULL. */
static const struct te_place *
inside_at(const struct te_places *ps, const struct te_place *a)
{
	for (size_t k = first_start(ps->at, ps->nat, a->e); k < ps->nat && ps->at[k].s == a->e; k++)
		if (inside(a, &ps->p[ps->at[k].j]))
			return &ps->p[ps->at[k].j];
	return NULL;
}

/* 辰溪县小龙门乡, 北京市海淀区: places written one inside the other
 * are one place (flat output keeps the outermost), with the parts
 * nested and the innermost's code. */
static void
join_levels(struct tagger *tg, struct te_places *ps)
{
	if (ps->n > ps->cat) {
		ps->cat = ps->n;
		ps->at = xrealloc(ps->at, ps->cat * sizeof(*ps->at));
	}
	ps->nat = 0;
	if (ps->n < 2)
		return;
	for (size_t j = 0; j < ps->n; j++)
		if (!ps->p[j].dead)
			ps->at[ps->nat++] = (struct te_place_at){ ps->p[j].s, j };
	if (ps->nat > 1)
		qsort(ps->at, ps->nat, sizeof(*ps->at), cmp_start);
	for (size_t k = 0; k < ps->nat; k++) {
		const struct te_place *a = &ps->p[ps->at[k].j], *last = a, *next;
		while ((next = inside_at(ps, last)) != NULL)
			last = next;
		if (last == a)
			continue;
		/* Only from the chain's first place: none before it holds
		 * it (names are short: look back a little). */
		bool first = true;
		for (size_t q = k; q-- > 0 && first && a->s - ps->at[q].s <= 64;) {
			const struct te_place *b = &ps->p[ps->at[q].j];
			if (b->e == a->s && inside(b, a))
				first = false;
		}
		if (!first)
			continue;
		struct mention *m = te_mention_add(&tg->ms, a->s, last->e, T_PLACE);
		m->flag = last->kind;
		if (last->code[0])
			te_mention_set_norm(&tg->ms, m, last->code, strlen(last->code));
	}
}

/* Whether a word that holds a place name across its edge covers the
 * name at s..e (入海口 holds 海口). */
static bool
blocked(const struct text *t, size_t s, size_t e)
{
	long x;

	for (size_t b = s >= 2 ? s - 2 : 0; b < e; b++) {
		size_t l = te_wl_at(&te_wl_blocks, t->k, b, t->n, &x);
		if (l && (b < s ? b + l > s : b + l > e))
			return true;
	}
	return false;
}

/* A province..county ending at s, while towns are looked up. */
static const char *
parent_small(void *ctx, size_t s)
{
	const struct te_places *ps = ctx;
	return code_ending_at(ps, ps->nsmall, s);
}

void
te_detect_places(struct tagger *tg)
{
	const struct text *t = &tg->t;
	struct te_places *ps = &tg->places;
	struct place_hit h;
	size_t first, big_lo = 0;
	long ent;

	ps->n = 0;
	ps->kind_s = ps->kind_e = 0;
	for (size_t i = 0; i < t->n;) {
		size_t zl, gl;
		if (!(t->cls[i] & C_PLACE) || !is_han(t->k[i]) ||
		    (i + 1 < t->n && !may_start(t, i))) {
			i = cls_next(t, i + 1, C_PLACE);
			continue;
		}
		zl = te_wl_at(&zones, t->k, i, t->n, &ent);
		/* 杭州市西湖区: the place just before narrows the codes. */
		const char *parent = ps->n > 0 && ps->p[ps->n - 1].e == i && ps->p[ps->n - 1].kind != 'X' ?
			ps->p[ps->n - 1].code : "";
		bool listed = i >= 2 && t->k[i - 1] == 0x3001 && ps->n > 0 && ps->p[ps->n - 1].e == i - 1;
		gl = te_gaz_small_may(t, i) ?
			te_gaz_small_at(&tg->gaz, t, &tg->doc, i, parent, listed, &h) : 0;
		/* 中国特色, 法治中国: an idea, not the country. */
		if (gl && h.kind == 'X' && te_key_is(t, i, "中国") && (te_key_is(t, i + 2, "特色") ||
		    te_key_is(t, i + 2, "式") || (i >= 2 && (te_key_is(t, i - 2, "法治") ||
		    te_key_is(t, i - 2, "平安") || te_key_is(t, i - 2, "美丽") || te_key_is(t, i - 2, "数字") ||
		    te_key_is(t, i - 2, "健康")))))
			gl = 0;
		/* 开发区, 高新区 alone are kinds of zone, not places; the
		 * first is kept for the issuer (a zone's own report). */
		long kent;
		size_t kl = gl || zl ? 0 : te_wl_at(&zone_suffix, t->k, i, t->n, &kent);
		if (kl && zone_suffix.ent[kent].tag == 'G' && !ps->kind_e) {
			ps->kind_s = i;
			ps->kind_e = i + kl;
		}
		if (gl && blocked(t, i, i + gl))
			gl = 0;
		if (zl > gl) {
			push(ps, i, i + zl, zones.ent[ent].tag, "");
			i += zl;
		} else if (gl) {
			/* 临夏州, 湘西州: a 自治州 named short with 州. */
			const char *full;
			size_t fl;
			if (h.kind == 'c' && h.code[0] && i + gl < t->n && t->k[i + gl] == 0x5DDE &&
			    (fl = te_gaz_name(h.code, &full)) > 3 && memcmp(full + fl - 3, "州", 3) == 0)
				gl++;
			push(ps, i, i + gl, h.kind, h.code);
			i += gl;
		} else {
			i++;
		}
	}
	/* Towns, streets and villages end in a few characters (街道, 镇,
	 * 村, 社区...); look them up backwards from those ends. */
	first = ps->n;
	ps->nsmall = ps->n;
	for (size_t e = cls_next(t, 2, C_FINAL) + 1; e <= t->n && (t->rowcls & C_FINAL);
	    e = cls_next(t, e, C_FINAL) + 1) {
		size_t lo = big_lo, j;
		const char *parent;
		size_t l;
		for (;;) {
			/* A village name may contain a county short form (龙岗)
			 * but must not cut a full gazetteer name in two. */
			l = te_gaz_big_end(&tg->gaz, t, &tg->doc, lo, e, "", parent_small, ps, &h);
			if (!l)
				break;
			size_t s = e - l;
			j = first_ending_after(ps->p, first, s);
			if (j == first || ps->p[j].dead || ps->p[j].s >= s)
				break;
			lo = s + 1;
		}
		if (!l)
			continue;
		parent = code_ending_at(ps, first, e - l);
		if (parent[0])
			te_gaz_big_end(&tg->gaz, t, &tg->doc, e - l, e, parent, NULL, NULL, &h);
		for (j = first_ending_after(ps->p, first, e - l); j < first && ps->p[j].e <= e; j++)
			if (ps->p[j].s >= e - l)
				ps->p[j].dead = 1;
		push(ps, e - l, e, h.kind, h.code);
		big_lo = e;
	}
	/* 坂田、龙岗街道: names sharing the suffix of the street after
	 * them, looked up with it inside the same county. */
	size_t nbig = ps->n;
	for (size_t j = first; j < nbig; j++) {
		struct te_place *st = &ps->p[j];
		size_t sl, s = st->s;
		if (st->dead || st->kind != 'S' || !st->code[0])
			continue;
		sl = te_key_is(t, st->e - 2, "街道") ? 2 : 1;
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
				if (te_gaz_big_exact(&tg->gaz, key, len + sl, st->code, 6, code)) {
					push(ps, r, s - 1, 'S', code);
					got = len;
				}
			}
			if (!got)
				break;
			s = s - 1 - got;
		}
	}
	/* 珠海 + 高新区: the zone of a place, with the place nested. */
	size_t n0 = ps->n;
	for (size_t j = 0; j < n0; j++) {
		size_t zl;
		if (ps->p[j].dead || ps->p[j].kind == 'X' || ps->p[j].kind == 'V')
			continue;
		zl = te_wl_at(&zone_suffix, t->k, ps->p[j].e, t->n, &ent);
		if (!zl)
			continue;
		/* 乌鲁木齐、昌吉、石河子高新区: the kind is shared by the
		 * list, the places stay places. */
		if (ps->p[j].s > 0 && t->k[ps->p[j].s - 1] == 0x3001 && zone_suffix.ent[ent].tag == 'G')
			continue;
		push(ps, ps->p[j].s, ps->p[j].e + zl, zone_suffix.ent[ent].tag == 'N' ? 'N' : 'Z', "");
		/* A kind of zone is no zone of its own there (珠海高新区
		 * holds 珠海, not 高新区; 湖南湘江新区 holds both). */
		for (size_t k = 0; k < n0 && zone_suffix.ent[ent].tag == 'G'; k++)
			if (ps->p[k].kind == 'Z' && ps->p[k].s == ps->p[j].e &&
			    ps->p[k].e == ps->p[j].e + zl)
				ps->p[k].dead = 1;
	}
	for (size_t j = 0; j < ps->n; j++) {
		struct mention *m;
		if (ps->p[j].dead)
			continue;
		m = te_mention_add(&tg->ms, ps->p[j].s, ps->p[j].e, T_PLACE);
		m->flag = ps->p[j].kind;
		if (ps->p[j].code[0])
			te_mention_set_norm(&tg->ms, m, ps->p[j].code, strlen(ps->p[j].code));
	}
	join_levels(tg, ps);
}
