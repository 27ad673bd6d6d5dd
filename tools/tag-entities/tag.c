#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tag.h"
#include "utf8.h"

void
te_init(struct tagger *tg)
{
	memset(tg, 0, sizeof(*tg));
	tg->types = (1u << T_NTYPES) - 1;
	te_text_init(&tg->t);
	te_wlb_init(&tg->dict);
}

void
te_free(struct tagger *tg)
{
	te_text_free(&tg->t);
	te_mentions_free(&tg->ms);
	buf_free(&tg->tmp);
	buf_free(&tg->docid);
	buf_free(&tg->dictnorm);
	free(tg->dictcls);
	te_wlb_free(&tg->dict);
	te_gaz_free(&tg->gaz);
	free(tg->places.p);
	free(tg->places.at);
	free(tg->aliases.reach);
	for (int i = 0; i < T_NTYPES; i++)
		free(tg->endidx[i]);
	te_free_patterns(tg);
}

/* The mention's folded keys as a name (simplified, as norms are). */
static bool
key_name(const struct text *t, const struct mention *m, char out[64])
{
	size_t n = 0;
	char u[4];

	for (size_t i = m->s; i < m->e; i++) {
		int l = utf8_encode(t->k[i], u);
		if (n + (size_t)l >= 64)
			return false;
		memcpy(out + n, u, (size_t)l);
		n += (size_t)l;
	}
	out[n] = '\0';
	return true;
}

/* Whether the row names two places of code's level that differ
 * (兰州市、天水市): a list of places, not the issuer. */
static bool
row_lists(const struct tagger *tg, const char *code, int lv)
{
	static const size_t dig[] = { 2, 4, 6, 9 };

	for (size_t i = 0; i < tg->ms.n; i++) {
		const struct mention *m = &tg->ms.m[i];
		if (m->type != T_PLACE || m->nlen != 12)
			continue;
		const char *c = tg->ms.norm.s + m->norm;
		if (memcmp(c + dig[lv], "000000000000", 12 - dig[lv]) == 0 &&
		    (lv == 0 || memcmp(c + dig[lv - 1], "000000000000", dig[lv] - dig[lv - 1]) != 0) &&
		    memcmp(c, code, dig[lv]) != 0)
			return true;
	}
	return false;
}

static void
doc_learn(struct tagger *tg)
{
	struct docplace *d = &tg->doc;
	const struct te_places *ps = &tg->places;

	/* A kind of zone in the title (高新区2021年法治政府建设报告)
	 * stands for the county level. */
	if (ps->kind_e && !d->name[L_COUNTY][0] && !d->code[L_COUNTY][0]) {
		struct mention z = { .s = ps->kind_s, .e = ps->kind_e };
		key_name(&tg->t, &z, d->name[L_COUNTY]);
	}

	for (size_t i = 0; i < tg->ms.n; i++) {
		struct mention *m = &tg->ms.m[i];
		int lv;
		if (m->type != T_PLACE || m->dead)
			continue;
		if (m->flag == 'Z') {
			/* A zone in the title stands for the county level. */
			if (!d->name[L_COUNTY][0] && !d->code[L_COUNTY][0])
				key_name(&tg->t, m, d->name[L_COUNTY]);
			continue;
		}
		/* A street or town of several areas: its name stands for
		 * itself. */
		if (m->flag == 'S' && m->nlen == 0 && !d->name[L_STREET][0]) {
			key_name(&tg->t, m, d->name[L_STREET]);
			continue;
		}
		if (m->nlen != 12)
			continue;
		char code[13];
		memcpy(code, tg->ms.norm.s + m->norm, 12);
		code[12] = '\0';
		lv = te_gaz_code_level(code);
		if (lv < 0 || d->code[lv][0] || (lv == L_COUNTY && d->name[L_COUNTY][0]))
			continue;
		/* A place outside the levels already known is a mention of
		 * elsewhere, not the issuer. */
		int ok = 1;
		for (int up = lv - 1; up >= 0; up--) {
			static const int digits[] = { 2, 4, 6, 9 };
			if (d->code[up][0] && memcmp(d->code[up], code, (size_t)digits[up]) != 0)
				ok = 0;
		}
		if (!ok || (tg->docrows > 1 && row_lists(tg, code, lv)))
			continue;
		static const int keep[] = { 2, 4, 6, 9 };
		for (int up = lv; up >= 0; up--) {
			char c[13];
			const char *nm;
			size_t nl;
			if (d->code[up][0])
				continue;
			memcpy(c, code, (size_t)keep[up]);
			memset(c + keep[up], '0', (size_t)(12 - keep[up]));
			c[12] = '\0';
			if (up == L_STREET) {
				/* Streets are not in the small table: the name
				 * as written stands for itself. */
				if (up != lv || !key_name(&tg->t, m, d->name[up]))
					continue;
				memcpy(d->code[up], c, 13);
				continue;
			}
			if ((nl = te_gaz_name(c, &nm)) == 0)
				continue;
			memcpy(d->code[up], c, 13);
			snprintf(d->name[up], sizeof(d->name[up]), "%.*s", (int)nl, nm);
		}
	}
}

void
te_tag_text(struct tagger *tg, const char *doc, size_t doclen,
	const char *text, size_t len)
{
	if (doclen != tg->docid.len || memcmp(doc, tg->docid.s ? tg->docid.s : "", doclen) != 0) {
		buf_clear(&tg->docid);
		buf_add(&tg->docid, doc, doclen);
		memset(&tg->doc, 0, sizeof(tg->doc));
		tg->aliases.n = 0;
		tg->aliases.nh = 0;
		tg->aliases.street = 0;
		memset(tg->aliases.first, 0, sizeof(tg->aliases.first));
		tg->docrows = 0;
	}
	if (!tg->same_row)
		tg->docrows++;
	te_text_decode(&tg->t, text, len);
	te_mentions_clear(&tg->ms);
	te_detect_brackets(tg);
	te_detect_places(tg);
	/* The issuer is named in the title or the first lines; a report
	 * that opens with a breadcrumb may name it a few lines later. */
	if (tg->same_row)
		;       /* a row's first piece (a megabyte) has taught it all */
	else if (tg->docrows <= 3 || (tg->docrows <= 8 && !tg->doc.code[L_COUNTY][0] &&
	    !tg->doc.name[L_COUNTY][0] && !tg->doc.code[L_CITY][0] && !tg->doc.code[L_PROV][0]))
		doc_learn(tg);
	te_detect_orgs_events(tg);
	te_detect_persons(tg);
	te_detect_aliases(tg);
	te_detect_user(tg);
	te_mentions_finish(&tg->ms);
}
