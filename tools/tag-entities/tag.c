#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tag.h"
#include "utf8.h"
#include "zhfold.h"

const char *const tag_type_names[T_NTYPES] = {
	"LAW", "TERM", "EVENT", "ORG", "PLACE", "PERSON"
};

/* Which mention wins when two cross: brackets are certain, grammar less so. */
static const int prio[T_NTYPES] = { 6, 5, 4, 3, 2, 1 };

uint8_t tag_cls[65536];

void
tag_init(struct tagger *tg)
{
	static int classes;
	static const uint32_t brackets[] = {
		0x300A, 0x300B, 0x3008, 0x3009, '<', '>', 0x201C, 0x201D,
		0x300C, 0x300D, 0x300E, 0x300F, '"', 0xFF1C, 0xFF1E, 0xFF02
	};

	memset(tg, 0, sizeof(*tg));
	tg->types = (1u << T_NTYPES) - 1;
	wl_init(&tg->dict);
	gaz_init();
	if (!classes) {
		for (size_t i = 0; i < sizeof(brackets) / sizeof(brackets[0]); i++)
			tag_cls[brackets[i]] |= C_BRACKET;
		tag_cls[0x515A] |= C_CONGRESS;  /* 党 */
		tag_cls[0x4E2D] |= C_CONGRESS;  /* 中 */
		tag_cls[0x5341] |= C_CONGRESS;  /* 十 */
		tag_cls[0x4E8C] |= C_CONGRESS;  /* 二 */
		tag_cls[0x5168] |= C_CONGRESS;  /* 全 (全国两会) */
		gaz_classes(tag_cls);
		places_classes(tag_cls);
		org_classes(tag_cls);
		persons_classes(tag_cls);
		classes = 1;
	}
}

void
tag_free(struct tagger *tg)
{
	free(tg->t.cp);
	free(tg->t.k);
	free(tg->t.off);
	free(tg->t.cls);
	free(tg->m);
	free(tg->stack);
	buf_free(&tg->norm);
	buf_free(&tg->tmp);
	buf_free(&tg->docid);
	buf_free(&tg->dictnorm);
	wl_free(&tg->dict);
	tag_free_patterns(tg);
}

bool
key_is(const struct text *t, size_t i, const char *w)
{
	const unsigned char *u = (const unsigned char *)w;

	/* Literals are ASCII or three-byte characters (all of CJK). */
	while (*u) {
		uint32_t c;
		if (i >= t->n)
			return false;
		if (u[0] < 0x80) {
			c = *u++;
		} else {
			c = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
			u += 3;
		}
		if (t->k[i++] != c)
			return false;
	}
	return true;
}

/* zh_fold() looks characters up by binary search; for the BMP, where
 * nearly every character of a report lives, the folded key and its
 * class are cached together on first use: one table, one cache miss at
 * most.  Entry: bit 31 filled, bits 16..23 class, bits 0..15 key; a key
 * beyond the BMP is not cached. */
static uint32_t char_cache[65536];

void
tag_classes_changed(void)
{
	memset(char_cache, 0, sizeof(char_cache));
}

static inline uint32_t
char_info(uint32_t c)
{
	uint32_t v = char_cache[c];

	if (v)
		return v;
	uint32_t k = c < 0x80 ? c : zh_fold(c);
	if (k >= 65536)
		return 0;
	v = 0x80000000u | ((uint32_t)tag_cls[k] << 16) | k;
	char_cache[c] = v;
	return v;
}

struct mention *
tag_add(struct tagger *tg, size_t s, size_t e, int type)
{
	struct mention *m;

	if (tg->nm == tg->cm) {
		tg->cm = tg->cm ? 2 * tg->cm : 64;
		tg->m = xrealloc(tg->m, tg->cm * sizeof(*tg->m));
	}
	m = &tg->m[tg->nm++];
	memset(m, 0, sizeof(*m));
	m->s = s;
	m->e = e;
	m->type = type;
	m->parent = -1;
	return m;
}

void
tag_set_norm(struct tagger *tg, struct mention *m, const char *s, size_t n)
{
	m->norm = tg->norm.len;
	m->nlen = n;
	buf_add(&tg->norm, s, n);
}

static void
decode(struct text *t, const char *s, size_t len)
{
	size_t pos = 0, n = 0;

	if (len + 1 > t->cap) {
		t->cap = len + 1 > 2 * t->cap ? len + 1 : 2 * t->cap;
		t->cp = xrealloc(t->cp, t->cap * sizeof(*t->cp));
		t->k = xrealloc(t->k, t->cap * sizeof(*t->k));
		t->off = xrealloc(t->off, t->cap * sizeof(*t->off));
		t->cls = xrealloc(t->cls, t->cap + 8);
	}
	unsigned rowcls = 0;
	/* Local pointers: stores through cls (a char type) may alias *t, so
	 * the compiler would reload every field after each of them. */
	uint32_t *cpa = t->cp, *ka = t->k;
	size_t *offa = t->off;
	uint8_t *clsa = t->cls;
	while (pos < len) {
		const unsigned char *u = (const unsigned char *)s + pos;
		uint32_t c;
		offa[n] = pos;
		/* Valid ASCII and three-byte sequences (all of CJK) inline;
		 * anything else through the strict decoder. */
		if ((unsigned)(u[0] - 0xE1) < 0x0C && u[0] != 0xED && pos + 2 < len &&
		    ((((unsigned)u[1] << 8) | u[2]) & 0xC0C0) == 0x8080) {
			/* E1..EC, EE, EF with two continuation bytes: never
			 * overlong nor a surrogate (those need E0 or ED).
			 * Tested first: most of a report is CJK. */
			c = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
			pos += 3;
		} else if (u[0] < 0x80) {
			c = u[0];
			pos++;
		} else {
			c = utf8_next(s, len, &pos);
		}
		uint32_t info = c < 65536 ? char_info(c) : 0, k;
		uint8_t cl;
		if (info) {
			k = info & 0xFFFF;
			cl = (uint8_t)(info >> 16);
		} else {
			k = zh_fold(c);
			cl = k < 65536 ? tag_cls[k] : 0xFF;
		}
		cpa[n] = c;
		ka[n] = k;
		clsa[n] = cl;
		rowcls |= cl;
		n++;
	}
	memset(t->cls + n, 0, 8);
	t->rowcls = rowcls;
	t->off[n] = len;
	t->s = s;
	t->len = len;
	t->n = n;
}

static int
cmp_mention(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	if (x->e != y->e)
		return x->e > y->e ? -1 : 1;
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	return 0;
}

/* Sorts into text order, drops duplicates and the weaker of two crossing
 * mentions, and links each mention to its innermost container.  A stack
 * of open mentions keeps this linear in the number of mentions. */
static void
finish(struct tagger *tg)
{
	struct mention *m = tg->m;
	size_t n = tg->nm, sp = 0;
	long *stack;

	if (n == 0)
		return;
	qsort(m, n, sizeof(*m), cmp_mention);
	if (n > tg->cstack) {
		tg->cstack = n;
		tg->stack = xrealloc(tg->stack, n * sizeof(*tg->stack));
	}
	stack = tg->stack;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && m[i].s == m[i - 1].s && m[i].e == m[i - 1].e &&
		    m[i].type == m[i - 1].type) {
			m[i].dead = 1;
			continue;
		}
		while (sp > 0 && m[stack[sp - 1]].e <= m[i].s)
			sp--;
		while (sp > 0 && m[i].e > m[stack[sp - 1]].e) {
			struct mention *top = &m[stack[sp - 1]];
			if (prio[m[i].type] > prio[top->type]) {
				top->dead = 1;
				sp--;
			} else {
				m[i].dead = 1;
				break;
			}
		}
		if (m[i].dead)
			continue;
		m[i].parent = sp > 0 ? stack[sp - 1] : -1;
		stack[sp++] = (long)i;
	}
	for (size_t i = 0; i < n; i++) {
		long p = m[i].parent;
		while (p >= 0 && m[p].dead)
			p = m[p].parent;
		m[i].parent = p;
	}
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

	for (size_t i = 0; i < tg->nm; i++) {
		const struct mention *m = &tg->m[i];
		if (m->type != T_PLACE || m->nlen != 12)
			continue;
		const char *c = tg->norm.s + m->norm;
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

	for (size_t i = 0; i < tg->nm; i++) {
		struct mention *m = &tg->m[i];
		int lv;
		if (m->type != T_PLACE || m->dead)
			continue;
		if (m->flag == 'Z') {
			/* A zone in the title stands for the county level. */
			if (!d->name[L_COUNTY][0] && !d->code[L_COUNTY][0])
				key_name(&tg->t, m, d->name[L_COUNTY]);
			continue;
		}
		if (m->nlen != 12)
			continue;
		char code[13];
		memcpy(code, tg->norm.s + m->norm, 12);
		code[12] = '\0';
		lv = gaz_code_level(code);
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
			if ((nm = gaz_name(c)) == NULL)
				continue;
			memcpy(d->code[up], c, 13);
			snprintf(d->name[up], sizeof(d->name[up]), "%s", nm);
		}
	}
}

void
tag_text(struct tagger *tg, const char *doc, size_t doclen,
	const char *text, size_t len)
{
	if (doclen != tg->docid.len || memcmp(doc, tg->docid.s ? tg->docid.s : "", doclen) != 0) {
		buf_clear(&tg->docid);
		buf_add(&tg->docid, doc, doclen);
		memset(&tg->doc, 0, sizeof(tg->doc));
		tg->docrows = 0;
	}
	if (!tg->same_row)
		tg->docrows++;
	decode(&tg->t, text, len);
	tg->nm = 0;
	buf_clear(&tg->norm);
	detect_brackets(tg);
	detect_places(tg);
	/* The issuer is named in the title or the first lines; a report
	 * that opens with a breadcrumb may name it a few lines later. */
	if (tg->same_row)
		;       /* a row's first piece (a megabyte) has taught it all */
	else if (tg->docrows <= 3 || (tg->docrows <= 8 && !tg->doc.code[L_COUNTY][0] &&
	    !tg->doc.name[L_COUNTY][0] && !tg->doc.code[L_CITY][0] && !tg->doc.code[L_PROV][0]))
		doc_learn(tg);
	detect_orgs_events(tg);
	detect_persons(tg);
	detect_user(tg);
	finish(tg);
}
