/*
 * The language model that chooses between readings of damaged text: a
 * character-bigram model of the document so far mixed with the general
 * one from data/, on script-folded characters, plus hand-set scores for
 * the punctuation and section markers that the word list cannot know.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "repair_int.h"
#include "utf8.h"
#include "zhfold.h"

#define DOC_SLOTS (1u << 16)
#define DOC_START 1u            /* the start of a line, as a character */
#ifndef DOC_EARLY
#define DOC_EARLY 4096          /* bytes indexed line by line, then */
#endif
#ifndef DOC_BATCH
#define DOC_BATCH 2048          /* bytes at a time */
#endif
#define DOC_MAXUSED (DOC_SLOTS / 4 * 3)
/* Only the head of a long document is kept as evidence: memory stays
 * constant and the head already holds the document's vocabulary. */
#define DOC_MAXTEXT (256u * 1024)
/* The beam search scores the same few thousand pairs over and over
 * while the model stands still; a direct-mapped memo of them halves the
 * time of a damaged document. */
#define MEMO_SLOTS (1u << 14)

struct lm_memo {
	uint64_t key;
	double score;
	uint32_t epoch;
};

/* What a score needs of one character, the same for every pair it is
 * in while the model stands still. */
#define CHAR_SLOTS (1u << 12)

struct lm_char {
	uint32_t c, epoch;      /* epoch: of the document parts below */
	uint32_t f;             /* script-folded */
	int cls;
	int index;              /* in the general model, -1 if unknown */
	int uni;                /* its log2 count there, -1 if unknown */
	double ugen;            /* its unigram probability there */
	double pend;            /* P(a word ends here | this character) */
	double pstart;          /* P(the next word starts with it) */
	float cost;             /* rare variant, other script: log2 */
	int script;             /* gbk_script() */
	uint32_t doc;           /* the document's count of it */
	double uprob;           /* uni_prob() */
};
/* Characters that only simplified text uses (in GB2312, not in Big5)
 * and only traditional text uses (the other way round), rtab_simp_only
 * and rtab_trad_only: a reading in the other script than the
 * document's is unlikely.  (面, 干, 后 are in both, though they are what
 * 麵, 幹, 後 fold to.) */
static int
bit(const unsigned char *set, uint32_t c)
{
	return c < 0x10000 && (set[c >> 3] >> (c & 7) & 1);
}


void
doc_reset(struct docmodel *dm)
{
	/* only the slots used: a short document costs little to forget */
	while (dm->used)
		dm->keys[dm->slots[--dm->used]] = 0;
	dm->epoch++;
	dm->total = dm->trad = dm->simp = 0;
	dm->text.len = 0;
	dm->added = 0;
	dm->bytes = 0;
	dm->indexed = 0;
	dm->runs_fixed = 0;
}

void
doc_free(struct docmodel *dm)
{
	free(dm->keys);
	free(dm->counts);
	free(dm->link);
	free(dm->slots);
	free(dm->memo);
	free(dm->chars);
	moji_free(dm);
	buf_free(&dm->text);
}

void
doc_add_text(struct docmodel *dm, const char *s, size_t n)
{
	dm->bytes += n + 1;
	if (dm->added + n + 1 > DOC_MAXTEXT)
		return;
	dm->added += n + 1;
	buf_add(&dm->text, s, n);
	buf_addc(&dm->text, '\n');
}

static size_t
slot(struct docmodel *dm, uint64_t key)
{
	size_t h = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 48) & (DOC_SLOTS - 1);

	while (dm->keys[h] != 0 && dm->keys[h] != key)
		h = (h + 1) & (DOC_SLOTS - 1);
	return h;
}

static void
count(struct docmodel *dm, uint64_t key)
{
	size_t h = slot(dm, key);

	if (dm->keys[h] == 0) {
		if (dm->used >= DOC_MAXUSED)
			return;
		dm->keys[h] = key;
		dm->counts[h] = 0;
		dm->link[h] = 0;
		dm->slots[dm->used++] = (uint32_t)h;
		/* a pair joins its left character's list (counted before it) */
		if ((uint32_t)key != 0) {
			size_t u = slot(dm, key & ~0xFFFFFFFFull);

			if (dm->keys[u] != 0) {
				dm->link[h] = dm->link[u];
				dm->link[u] = (uint32_t)h + 1;
			}
		}
	}
	dm->counts[h]++;
}

static uint32_t
lookup(struct docmodel *dm, uint64_t key)
{
	size_t h = slot(dm, key);

	return dm->keys[h] == key ? dm->counts[h] : 0;
}

static void doc_index(struct docmodel *dm);

/* Counts the text taken since the last time, but only a batch at a
 * time once the document has some length: each change of the model
 * throws away the scores remembered, which cost more than the few
 * lines of evidence missed. */
static void
doc_ready(struct docmodel *dm)
{
	if (dm->text.len && (dm->indexed < DOC_EARLY || dm->text.len >= DOC_BATCH)) {
		dm->indexed += dm->text.len;
		doc_index(dm);
	}
}

int
doc_succ(struct docmodel *dm, uint32_t fa, uint32_t *out, int cap)
{
	size_t h;
	uint32_t l;
	int n = 0;

	doc_ready(dm);
	if (!dm->used)
		return 0;
	h = slot(dm, (uint64_t)fa << 32);
	if (dm->keys[h] == 0)
		return 0;
	for (l = dm->link[h]; l && n < cap; l = dm->link[l - 1])
		out[n++] = (uint32_t)dm->keys[l - 1];
	return n;
}

enum { C_HAN, C_NUM, C_SP, C_OPEN, C_CLOSE, C_PUNCT, C_ASCII, C_SYM, C_END, C_FW, C_START };

static int
cls(uint32_t c)
{
	switch (c) {
	case 0:                 /* the start of the line */
		return C_START;
	case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94:
	case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341:
		return C_NUM;
	case 0x3000:
		return C_SP;
	case LM_END:
		return C_END;
	case 0xFF08: case 0x3010: case 0x300A: case 0x201C:
		return C_OPEN;
	case 0xFF09: case 0x3011: case 0x300B: case 0x201D:
		return C_CLOSE;
	case 0x3001: case 0x3002: case 0xFF0C: case 0xFF1B: case 0xFF1A:
	case 0xFF01: case 0xFF1F:
		return C_PUNCT;
	}
	if (utf8_is_han(c))
		return C_HAN;
	if (c < 0x80)
		return C_ASCII;
	/* full-width letters and digits: in running text, rare */
	if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
	    (c >= 0xFF41 && c <= 0xFF5A))
		return C_FW;
	return C_SYM;
}

/* Counts the pending text; done only when a damaged run needs scoring. */
static void
doc_index(struct docmodel *dm)
{
	size_t pos = 0;
	uint32_t a = 0, b;

	if (dm->text.len == 0)
		return;
	if (dm->keys == NULL) {
		dm->keys = xcalloc(DOC_SLOTS, sizeof(*dm->keys));
		dm->counts = xcalloc(DOC_SLOTS, sizeof(*dm->counts));
		dm->link = xcalloc(DOC_SLOTS, sizeof(*dm->link));
		dm->slots = xmalloc(DOC_MAXUSED * sizeof(*dm->slots));
	}
	/* Line starts and ends count too, as the characters DOC_START and
	 * LM_END: lines open with an indent and close with a full stop. */
	a = DOC_START;
	count(dm, (uint64_t)a << 32);
	while (pos < dm->text.len) {
		b = utf8_next(dm->text.s, dm->text.len, &pos);
		if (b == '\n') {
			if (a)
				count(dm, (uint64_t)a << 32 | LM_END);
			if (pos < dm->text.len)
				count(dm, (uint64_t)DOC_START << 32);
			a = DOC_START;
			continue;
		}
		if (!utf8_is_han(b)) {
			/* CJK punctuation counts too, apart from the Han total */
			if ((b >= 0x3000 && b <= 0x303F) || (b >= 0xFF01 && b <= 0xFF5E) ||
			    (b >= 0x2018 && b <= 0x201D)) {
				count(dm, (uint64_t)b << 32);
				if (a)
					count(dm, (uint64_t)a << 32 | b);
				a = b;
			} else
				a = 0;
			continue;
		}
		dm->trad += bit(rtab_trad_only, b);
		dm->simp += bit(rtab_simp_only, b);
		b = zh_t2s_char(b);
		count(dm, (uint64_t)b << 32);
		dm->total++;
		if (a)
			count(dm, (uint64_t)a << 32 | b);
		a = b;
	}
	dm->text.len = 0;
	dm->epoch++;
}

/* log2 P(class b | class a) where at least one is not a Han character;
 * HUGE marks "score the Han character by its own frequency". */
#define HUGE 1000
static const short cls_score[11][10] = {
	/* to:    HAN   NUM    SP   OPEN CLOSE PUNCT ASCII   SYM   END    FW */
	[C_HAN] = { 0,    0,  -9,   -8,   -8,   -7,   -9,  -22,   -9,  -14 },
	[C_NUM] = { 0,    0,  -9,   -8,   -2,   -7,   -9,  -22,   -9,  -14 },
	[C_SP] = { HUGE, HUGE, -2,   -2,   -9,   -9,   -6,  -22,  -12,   -8 },
	[C_OPEN] = { HUGE, -2, -12,  -12,  -12,  -12,   -6,  -22,  -16,   -8 },
	[C_CLOSE] = { HUGE, HUGE, -9, -8,   -8,   -5,   -6,  -22,   -3,  -14 },
	[C_PUNCT] = { HUGE, HUGE, -9, -4,   -6,   -9,   -8,  -22,   -1,  -12 },
	[C_ASCII] = { HUGE, HUGE, -6, -6,   -6,   -6,   -1,  -22,   -4,  -10 },
	[C_SYM] = { -22, -22, -22,  -22,  -22,  -22,  -22,  -14,  -14,  -22 },
	[C_END] = { 0 },        /* never a left context */
	[C_FW] = { HUGE, HUGE, -6,  -6,   -6,   -5,   -8,  -22,   -4,   -2 },
	/* a line opens with an indent, a bracket or text, not punctuation */
	[C_START] = { HUGE, HUGE, -2,  -4,   -18,  -20,   -6,  -22,  -16,   -8 },
};

/* The class scores are in half bits, the general model's values -8 log2. */
#define half_pow rtab_half_pow
#define pow8 rtab_pow8

/* log2 to a hundredth of a bit, without libm: the search takes it
 * millions of times. */
static double
fast_log2(double x)
{
	uint64_t bits;
	double m, e;

	memcpy(&bits, &x, sizeof(bits));
	e = (double)(int)((bits >> 52) & 0x7FF) - 1023;
	bits = (bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull;
	memcpy(&m, &bits, sizeof(m));
	/* m in [1, 2): the atanh series, t at most 1/3, good to 1e-5 */
	m = (m - 1) / (m + 1);
	e += m * 2.8853900817779268 * (1 + m * m * (1.0 / 3 + m * m * (0.2 + m * m / 7)));
	return e;
}

static double
uni_prob(struct docmodel *dm, const struct lm_char *e)
{
	double p = e->ugen;

	/* The document's own vocabulary is the best guide once it has some
	 * length. */
	if (dm->total >= 200)
		p = 0.6 * p + 0.4 * e->doc / dm->total;
	return p + 1.0 / (1 << 26);
}

static double lm_raw(struct docmodel *, uint32_t, uint32_t);

#define SCRIPT_COST 6.0
#ifndef RARE_COST
#define RARE_COST 4.0
#endif
#ifndef LM_GEN
#define LM_GEN 0.5              /* weights of the general model, */
#endif
#ifndef LM_DOC
#define LM_DOC 0.4             /* the document's, and unigrams */
#endif

double
lm_score(struct docmodel *dm, uint32_t a, uint32_t b)
{
	uint64_t key = (uint64_t)a << 32 | b;
	struct lm_memo *m;
	double s;

	doc_ready(dm);
	if (dm->memo == NULL) {
		dm->memo = xcalloc(MEMO_SLOTS, sizeof(*dm->memo));
		if (dm->epoch == 0)
			dm->epoch = 1;
	}
	m = &dm->memo[((key * 0x9E3779B97F4A7C15ull) >> 50) & (MEMO_SLOTS - 1)];
	if (m->epoch == dm->epoch && m->key == key)
		return m->score;
	s = lm_raw(dm, a, b);
	m->key = key;
	m->score = s;
	m->epoch = dm->epoch;
	return s;
}

static const struct lm_char *
lm_char(struct docmodel *dm, uint32_t c)
{
	struct lm_char *e;
	int st, en, u8;

	if (dm->chars == NULL)
		dm->chars = xcalloc(CHAR_SLOTS, sizeof(*dm->chars));
	e = &dm->chars[(c * 2654435761u >> 20) & (CHAR_SLOTS - 1)];
	if (e->c != c || e->epoch == 0) {
		/* what the general model says: the same for every document */
		e->c = c;
		e->cls = cls(c);
		/* c == 0, the start of the line, is only ever a left context */
		e->f = c ? zh_t2s_char(c) : DOC_START;
		e->index = c ? bigram_index(e->f) : -1;
		e->uni = bigram_uni_at(e->index);
		e->ugen = 0;
		e->pend = 0.5;
		e->pstart = 0;
		if (bigram_logp_at(e->index, &u8, &st, &en)) {
			e->ugen = pow8[u8];
			e->pend = pow8[en];
			e->pstart = pow8[st];
		}
		/* the model is on folded characters: a rare variant (埰 for
		 * 采) must not take its common form's frequency */
		e->cost = c >= 0x3400 && utf8_is_han(c) && !gbk_common(c) ? RARE_COST : 0;
		e->script = c >= 0x3400 && c < 0x10000 ? gbk_script(c) : 3;
		e->epoch = dm->epoch - 1;
	}
	if (e->epoch != dm->epoch) {
		e->epoch = dm->epoch;
		e->doc = dm->used ? lookup(dm, (uint64_t)e->f << 32) : 0;
		e->uprob = c ? uni_prob(dm, e) : 0;
	}
	return e;
}

/* The document's P(b | a). */
static double
doc_pair(struct docmodel *dm, const struct lm_char *ea, const struct lm_char *eb)
{
	double p = 0;

	if (!dm->used)
		return 0;
	if (ea->doc)
		p = (double)lookup(dm, (uint64_t)ea->f << 32 | eb->f) / (ea->doc + 4);
	return p;
}

static double
lm_raw(struct docmodel *dm, uint32_t a, uint32_t b)
{
	const struct lm_char *ea, *eb;
	struct lm_char ebc;
	int ca, cb, q;
	double pb = 0, pd = 0, cost;

	if (b == 0)             /* no right context: nothing to score */
		return 0;
	/* a copy: a and b may share a slot of the cache */
	ebc = *lm_char(dm, b);
	eb = &ebc;
	ea = lm_char(dm, a);
	cost = eb->cost;
	if (dm->trad > 4 * dm->simp + 8 && eb->script == 1)
		cost += SCRIPT_COST;
	else if (dm->simp > 4 * dm->trad + 8 && eb->script == 2)
		cost += SCRIPT_COST;
	ca = ea->cls;
	cb = eb->cls;
	if ((ca != C_HAN && ca != C_NUM) || (cb != C_HAN && cb != C_NUM)) {
		int known = cls_score[ca][cb] != HUGE;
		double cs = known ? half_pow[128 + 2 * cls_score[ca][cb]] : eb->uprob;

		/* the document's own habits: （二）, 一、 */
		if ((pd = doc_pair(dm, ea, eb)) == 0 && known)
			return cls_score[ca][cb] - cost;
		return fast_log2(pd > 0 ? 0.5 * cs + 0.5 * pd : cs) - cost;
	}
	if ((q = bigram_pair_at(ea->index, eb->index)) >= 0)
		pb = pow8[q];
	/* across a word boundary: a ends a word, b starts the next */
	pb += ea->pend * eb->pstart;
	if (pb > 1)
		pb = 1;
	pd = doc_pair(dm, ea, eb);
	return fast_log2(LM_GEN * pb + LM_DOC * pd + (1 - LM_GEN - LM_DOC) * eb->uprob) - cost;
}

/* Whether either model has seen c (non-Han characters always count). */
int
lm_known(struct docmodel *dm, uint32_t c)
{
	uint32_t f;

	if (!utf8_is_han(c))
		return 1;
	f = zh_t2s_char(c);
	if (bigram_uni(f) >= 0)
		return 1;
	doc_ready(dm);
	return dm->used && lookup(dm, (uint64_t)f << 32) != 0;
}
