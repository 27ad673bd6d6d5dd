/*
 * Names a document defines for itself: a short form it announces
 * (组建…协调委员会（以下简称协调委）) and the short forms of the issuing
 * street or town (东城街道: 东城街, 东城), tagged wherever the document
 * uses them afterwards, with the type of what they stand for.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tag.h"

static void
add_alias(struct te_aliases *a, const uint32_t *k, size_t n, int type)
{
	/* 城关镇 gives no 城关: a short form that is an everyday word. */
	if (n < 2 || n > TE_ALIAS_MAX || a->n == TE_ALIASES || te_wl_has(&te_wl_stop_short, k, n))
		return;
	for (size_t i = 0; i < a->n; i++)
		if (a->a[i].n == n && memcmp(a->a[i].k, k, n * sizeof(*k)) == 0)
			return;
	a->first[(k[0] >> 6) & 3] |= 1ull << (k[0] & 63);
	memcpy(a->a[a->n].k, k, n * sizeof(*k));
	a->a[a->n].n = (uint8_t)n;
	a->a[a->n].type = (uint8_t)type;
	a->n++;
}

/* The issuer's street or town without its suffix: 东城街道 gives 东城街
 * and 东城, 周溪乡 gives 周溪. */
static void
learn_street(struct tagger *tg)
{
	struct te_aliases *a = &tg->aliases;
	const char *name = tg->doc.name[L_STREET];
	uint32_t k[TE_ALIAS_MAX + 2];
	size_t n = 0, pos = 0, len = strlen(name);

	if (a->street || !name[0])
		return;
	a->street = 1;
	while (pos < len && n < TE_ALIAS_MAX + 2)
		k[n++] = utf8_next_fast(name, len, &pos);
	if (pos < len || n < 3)
		return;
	if (k[n - 2] == 0x8857 && k[n - 1] == 0x9053) {         /* 街道 */
		add_alias(a, k, n - 1, T_PLACE);
		add_alias(a, k, n - 2, T_PLACE);
	} else if (k[n - 1] == 0x9547 || k[n - 1] == 0x4E61) {  /* 镇 乡 */
		add_alias(a, k, n - 1, T_PLACE);
	}
}

/* （以下简称协调委）, (简称“X”): the short form after a mention. */
static void
learn_defined(struct tagger *tg)
{
	const struct text *t = &tg->t;

	for (size_t i = 0; i < tg->ms.n; i++) {
		const struct mention *m = &tg->ms.m[i];
		size_t p = m->e;
		if (m->dead || m->type == T_TERM || m->type == T_PERSON)
			continue;
		if (p >= t->n || (t->k[p] != 0xFF08 && t->k[p] != '('))
			continue;
		p++;
		if (te_key_is(t, p, "以下简称"))
			p += 4;
		else if (te_key_is(t, p, "简称"))
			p += 2;
		else
			continue;
		if (p < t->n && (t->k[p] == 0x201C || t->k[p] == 0x300C))
			p++;
		size_t q = p;
		while (q < t->n && q - p <= TE_ALIAS_MAX && is_han(t->k[q]))
			q++;
		if (q < t->n && q > p && (t->k[q] == 0xFF09 || t->k[q] == ')' || t->k[q] == 0x201D ||
		    t->k[q] == 0x300D))
			add_alias(&tg->aliases, t->k + p, q - p, m->type);
	}
}

static void
add_head(struct te_aliases *a, const uint32_t *k, size_t n)
{
	if (a->nh == TE_ALIAS_HEADS)
		return;
	for (size_t i = 0; i < a->nh; i++)
		if (a->h[i].n == n && memcmp(a->h[i].k, k, n * sizeof(*k)) == 0)
			return;
	memcpy(a->h[a->nh].k, k, n * sizeof(*k));
	a->h[a->nh++].n = (uint8_t)n;
}

/* 国务院职业教育工作部际联席会议 … 联席会议统筹协调: a long name seen
 * once, its body's kind alone stands for it later in the document. */
static void
learn_heads(struct tagger *tg)
{
	static const char *const kinds[] = { "联席会议", "领导小组", "工作领导小组", "指挥部",
		"委员会", "协调小组", "工作组", "工作专班", "专班", NULL };
	const struct text *t = &tg->t;

	for (size_t i = 0; i < tg->ms.n; i++) {
		const struct mention *m = &tg->ms.m[i];
		if (m->dead || m->type != T_ORG || m->e - m->s < 6 || m->parent >= 0)
			continue;
		for (int j = 0; kinds[j]; j++) {
			size_t l = strlen(kinds[j]) / 3;
			if (te_key_n(t, m->e - l, kinds[j], strlen(kinds[j]))) {
				add_head(&tg->aliases, t->k + m->e - l, l);
				break;
			}
		}
	}
}

/* reach[i]: the farthest end of the mentions found so far that start
 * at or before i, so that one load tells whether a mention holds a
 * span (枫桥 of 枫桥镇, of “枫桥经验”): the short form is part of
 * another name there. */
static void
make_reach(struct tagger *tg)
{
	struct te_aliases *a = &tg->aliases;
	size_t n = tg->t.n;

	if (n + 1 > a->creach) {
		a->creach = n + 1;
		a->reach = xrealloc(a->reach, a->creach * sizeof(*a->reach));
	}
	memset(a->reach, 0, (n + 1) * sizeof(*a->reach));
	for (size_t i = 0; i < tg->ms.n; i++) {
		const struct mention *m = &tg->ms.m[i];
		if (!m->dead && m->s <= n && m->e > a->reach[m->s])
			a->reach[m->s] = m->e;
	}
	for (size_t i = 1; i <= n; i++)
		if (a->reach[i - 1] > a->reach[i])
			a->reach[i] = a->reach[i - 1];
}

void
te_detect_aliases(struct tagger *tg)
{
	const struct text *t = &tg->t;
	struct te_aliases *a = &tg->aliases;

	learn_street(tg);
	bool reach = false;
	if (a->n)
		for (size_t i = 0; i < t->n; i++) {
			size_t best = 0;
			/* Most characters start no alias: one bit test. */
			if (!(a->first[(t->k[i] >> 6) & 3] & (1ull << (t->k[i] & 63))))
				continue;
			int type = 0;
			for (size_t j = 0; j < a->n; j++)
				if (a->a[j].n > best && t->k[i] == a->a[j].k[0] && i + a->a[j].n <= t->n &&
				    memcmp(t->k + i, a->a[j].k, a->a[j].n * sizeof(*t->k)) == 0) {
					best = a->a[j].n;
					type = a->a[j].type;
				}
			if (best && !reach) {
				make_reach(tg);
				reach = true;
			}
			if (best && (tg->types & (1u << type)) && a->reach[i] < i + best) {
				te_mention_add(&tg->ms, i, i + best, type);
				i += best - 1;
			}
		}
	/* The kinds of long names end in a head's last character. */
	for (size_t e = cls_next(t, 0, C_HEAD) + 1; a->nh && e <= t->n && (tg->types & (1u << T_ORG));
	    e = cls_next(t, e, C_HEAD) + 1) {
		long x;
		for (size_t j = 0; j < a->nh; j++) {
			size_t l = a->h[j].n, i = e - l;
			if (e < l || memcmp(t->k + i, a->h[j].k, l * sizeof(*t->k)) != 0)
				continue;
			/* 联席会议 of 专家联席会议 is another body's. */
			if (i > 0 && is_han(t->k[i - 1]) && !te_wl_end(&te_wl_verbs, t->k, 0, i, &x))
				break;
			if (!reach) {
				make_reach(tg);
				reach = true;
			}
			if (a->reach[i] >= e)
				break;
			/* 领导小组办公室: the short form's own office. */
			size_t oe = te_key_is(t, e, "办公室") ? e + 3 : e;
			te_mention_add(&tg->ms, i, oe, T_ORG);
			break;
		}
	}
	learn_defined(tg);
	learn_heads(tg);
}
