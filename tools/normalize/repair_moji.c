/*
 * Misaligned-GBK mojibake.  A run of a line's GBK bytes was decoded one
 * byte late: its first byte shows as '?', every following pair straddles
 * two characters, pairs unassigned in CP936 were dropped (two bytes
 * gone), and decoding got back in step at the first ASCII byte: either
 * the trail byte of a character, or a real ASCII character, before which
 * a lead byte left alone was dropped too (the last character lost its
 * trail byte).
 *
 * So the observed run fixes the original bytes except the lost first
 * byte, the dropped pairs and a lost last trail byte.  The original is
 * found by dynamic programming over the run's boundaries (the places
 * between two observed pairs): each boundary is read as one character,
 * or as two or three when one or two pairs were dropped there.  CP936
 * itself prunes the search: a dropped pair was unassigned, so only the
 * 23 trail bytes that start an unassigned pair can end the character
 * before a drop.  Readings are scored by the language model (repair_lm.c)
 * and a beam of the best is kept per boundary; forward and backward
 * passes give, for every reading kept, the best whole path through it,
 * so the margin of the chosen path over any path that reads some
 * boundary otherwise is known, and a close call is left as it is.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "repair_int.h"
#include "utf8.h"
#include "zhfold.h"

#ifdef REPAIR_DEBUG
#include <stdio.h>
#define DBG(...) fprintf(stderr, __VA_ARGS__)
#else
#define DBG(...) ((void)0)
#endif

#define MAXRUN 512              /* observed pairs in one run */
#define MAXSOLVE 64             /* runs solved per line; more are flagged */
#ifndef KEEP
#define KEEP 8                  /* readings kept per boundary */
#endif
#ifndef ENTRY_FROM
#define ENTRY_FROM 4            /* best readings before, tried for a drop */
#endif
#ifndef TOP1
#define TOP1 6                  /* first characters tried for one drop */
#endif
#ifndef TOP2
#define TOP2 3                  /* for two drops */
#endif
#ifndef MIDS
#define MIDS 4                  /* partial two-drop readings kept */
#endif
/* After the lost first byte the first characters are punctuation that
 * the model scores alike (、。，（): more of them are tried. */
#ifndef TOP1_HEAD
#define TOP1_HEAD 16
#endif
#ifndef NBACK
#define NBACK 8                 /* most frequent characters tried */
#endif
#define MAXCAND 256             /* candidates after one character */
#ifndef NBACK_PUNCT
#define NBACK_PUNCT 48          /* the same after punctuation */
#endif
#ifndef TWO_JOINS
#define TWO_JOINS 10.0f         /* log2: the least two joins cost */
#endif
#ifndef MIDSUCC
#define MIDSUCC 24              /* successors tried as a middle character */
#endif
#ifndef DROP_COST
/* log2 per dropped pair: the model pays too little for a character
 * that an extra drop adds (二十 for 二 before ）) */
#define DROP_COST 0.5f
#endif
#define LEAD_A1 0.0f            /* the lost byte: an indent's or 。's A1 */
#define LEAD_A3 (-5.0f)         /* （ ， */
#define LEAD_OTHER (-12.0f)
#define READING_BONUS 12.0f     /* the resync char's pinyin agrees */
#ifndef ACCEPT_GAIN
#define ACCEPT_GAIN 2.0        /* log2 gain over the text as it is */
#endif
#ifndef ACCEPT_PER_CHAR
#define ACCEPT_PER_CHAR 1.0
#endif
#ifndef WEAK_GAIN
#define WEAK_GAIN 12.0          /* more of it without a symbol-row char */
#endif
#define HEAD_JOIN (-11.0)
#define BRACKET_BONUS 6.0f      /* log2: a lost character closes a bracket */       /* log2 P(after | last) for a head-only run */
#ifndef MIN_MARGIN
#define MIN_MARGIN 5.0f         /* log2: best path over any other */
#endif
#ifndef LOW_MARGIN
#define LOW_MARGIN 0.5f         /* below it, a run is left as it is */
#endif
#ifndef RECOVER_MARGIN
#define RECOVER_MARGIN 3.0f     /* log2: a lost character's best reading */
#endif
#ifndef RECOVER_FLOOR
#define RECOVER_FLOOR (-16.0f)  /* ... which must itself be plausible */
#endif
/* A run whose best reading is still this bad per character after a few
 * boundaries is garbage, not mojibake: it is given up early, which keeps
 * text built to look like runs cheap. */
#ifndef GARBAGE_PER_CHAR
#define GARBAGE_PER_CHAR (-22.0f)
#endif
#define GARBAGE_AFTER 6
#define NONE (-1e30f)

struct rd {
	uint32_t ch[3];
	float inner;            /* prior and scores inside the reading */
	float fwd;              /* best path from the run's start to here */
	float bwd;              /* best continuation to the run's end */
	short from;             /* reading of the boundary before */
	signed char n;          /* characters (0: a lost one left out) */
	unsigned char x;        /* trail byte of the first char (drops) */
};

struct solver {
	struct rd rd[MAXRUN + 1][KEEP];
	float join[MAXRUN + 1][KEEP][KEEP];     /* lm between boundaries */
	int nrd[MAXRUN + 1];
	float worst[MAXRUN + 1];
	int wi[MAXRUN + 1];
	unsigned char b[2 * MAXRUN + 2];        /* L, observed bytes */
	uint32_t seen[MAXRUN];
	uint32_t out[3 * MAXRUN + 3];
	int m;                  /* observed pairs */
	int t;                  /* resync byte, -1 when the last char is lost */
	unsigned char tail;     /* ASCII read as the last pair's second byte */
	uint32_t before, after;
	int reading;            /* pinyin after the resync char, -1 if none */
	int weak;               /* no symbol-row character in the run */
	uint32_t closer;        /* of the bracket left open before the run */
	int unsure;             /* the best reading won by a small margin */
	uint32_t stamp[126 * 191];      /* candidates already taken */
	uint32_t gen;
	uint32_t dsucc[512];
};

static int
unassigned(unsigned x, unsigned y)
{
	return y >= 0x81 && y <= 0xFE && gbk_decode(x, y) == 0;
}

/* What a candidate after a dropped pair (x, lead) must be: its trail
 * byte right, or (right < 0) one that starts another dropped pair. */
struct filt {
	unsigned x;
	int right;
};

/* Punctuation that can sit between two dropped pairs: 　、。—…（）！，－． */
static const uint16_t punct_mid[] = {
	0xA1A1, 0xA1A2, 0xA1A3, 0xA1AA, 0xA1AD, 0xA3A8, 0xA3A9, 0xA3A1, 0xA3AC,
	0xA3AD, 0xA3AE,
};

static int
filt_ok(const struct filt *fl, unsigned code)
{
	unsigned trail = code & 0xFF;

	if (fl->right >= 0 ? trail != (unsigned)fl->right : !rtab_is_xd[trail])
		return 0;
	return unassigned(fl->x, code >> 8);
}

static void
cand_add(struct solver *sv, unsigned code, uint32_t *out, int *n)
{
	unsigned k = ((code >> 8) - 0x81) * 191 + (code & 0xFF) - 0x40;

	if (sv->stamp[k] == sv->gen)
		return;
	sv->stamp[k] = sv->gen;
	out[(*n)++] = gbk_decode(code >> 8, code & 0xFF);
}

/* The characters that may follow f across a dropped pair: f's
 * successors in the general model and in the document, then the most
 * frequent characters that fit (the model's back-off, the same for all
 * f); each once, at most cap. */
static int
cands(struct docmodel *dm, struct solver *sv, uint32_t f, const struct filt *fl,
    uint32_t *out, int cap)
{
	const uint16_t *codes;
	const uint16_t *strong;
	const unsigned char *leads;
	int n = 0, nk, nc, i, k, nd, back = 0, lim, ix;
	unsigned code;
	uint32_t ff = zh_t2s_char(f);

	if (++sv->gen == 0) {
		memset(sv->stamp, 0, sizeof(sv->stamp));
		sv->gen = 1;
	}
	ix = bigram_index(ff);
	if (fl->right >= 0) {
		nc = bigram_succ_codes(ix, (unsigned)fl->right, (unsigned)fl->right, &codes);
		for (k = 0; k < nc && n < cap; k++)
			if (filt_ok(fl, codes[k]))
				cand_add(sv, codes[k], out, &n);
	} else {
		/* a middle character: the strongest successors that fit */
		nc = bigram_succ_strongest(ix, &strong);
		for (k = 0; k < nc && n < MIDSUCC; k++)
			if (filt_ok(fl, strong[k]))
				cand_add(sv, strong[k], out, &n);
	}
	nd = doc_succ(dm, ff, sv->dsucc, (int)(sizeof(sv->dsucc) / sizeof(sv->dsucc[0])));
	for (i = 0; i < nd && n < cap; i++) {
		nc = bigram_codes(bigram_index(sv->dsucc[i]), &codes);
		for (k = 0; k < nc && n < cap; k++)
			if (filt_ok(fl, codes[k]))
				cand_add(sv, codes[k], out, &n);
		if (nc == 0 && (code = gbk_encode(sv->dsucc[i])) != 0 && filt_ok(fl, code))
			cand_add(sv, code, out, &n);
	}
	if (fl->right >= 0) {
		/* the symbol rows: punctuation, brackets, the indent (after a
	 * Han character, the rows of 、。 and （，only) */
		for (i = 0xA1; i <= (utf8_is_han(f) ? 0xA3 : 0xA9) && n < cap; i++)
			if (unassigned(fl->x, (unsigned)i) && gbk_decode((unsigned)i,
			    (unsigned)fl->right) != 0)
				cand_add(sv, (unsigned)i << 8 | (unsigned)fl->right, out, &n);
		/* after punctuation, any word may start: try them all */
		lim = utf8_is_han(f) ? NBACK : NBACK_PUNCT;
		nk = gbk_leads_by_freq((unsigned)fl->right, &leads);
		for (i = 0; i < nk && n < cap && back < lim; i++) {
			code = (unsigned)leads[i] << 8 | (unsigned)fl->right;
			if (unassigned(fl->x, leads[i])) {
				cand_add(sv, code, out, &n);
				back++;
			}
		}
	} else {
		for (i = 0; i < (int)sizeof(punct_mid) / 2 && n < cap; i++)
			if (unassigned(fl->x, punct_mid[i] >> 8))
				cand_add(sv, punct_mid[i], out, &n);
		for (i = 0; i < rtab_nmidfreq[fl->x - 0x80] && n < cap; i++)
			cand_add(sv, rtab_midfreq[(fl->x - 0x80) * RTAB_NMIDFREQ + i], out, &n);
	}
	return n;
}

/* A character of the symbol rows that real text hardly uses; seeing one
 * in a run of Han text is the evidence for misalignment (1).  After an
 * indent's A1, the first pair is always in the A1 row: weaker (2). */
static int
symbol_row(unsigned code, int first)
{
	unsigned lead = code >> 8, trail = code & 0xFF;

	if (lead >= 0xA6 && lead <= 0xA9)
		return 1;
	if (lead == 0xA1 && trail >= 0xC0)      /* math signs, arrows, shapes */
		return 1;
	if (lead == 0xA2)       /* enclosed and Roman numerals */
		return 1;
	if (lead >= 0xA1 && lead <= 0xA7 && trail < 0xA1)
		return 1;
	return first && lead == 0xA1 && trail >= 0xA2 ? 2 : 0;
}

static uint32_t
rd_last(const struct rd *r)
{
	return r->n ? r->ch[r->n - 1] : 0;
}

/* Adds reading a to boundary j when it is among the KEEP best. */
static void
keep(struct solver *sv, int j, const struct rd *a)
{
	struct rd *v = sv->rd[j];
	int i, n = sv->nrd[j];

	if (n < KEEP) {
		v[n] = *a;
		sv->nrd[j] = ++n;
		if (n == KEEP) {
			sv->wi[j] = 0;
			for (i = 1; i < n; i++)
				if (v[i].fwd < v[sv->wi[j]].fwd)
					sv->wi[j] = i;
			sv->worst[j] = v[sv->wi[j]].fwd;
		}
		return;
	}
	if (a->fwd <= sv->worst[j])
		return;
	v[sv->wi[j]] = *a;
	for (i = 0; i < n; i++)
		if (v[i].fwd < v[sv->wi[j]].fwd)
			sv->wi[j] = i;
	sv->worst[j] = v[sv->wi[j]].fwd;
}

/* Whether a reading whose forward score is at most s could be kept. */
static int
wants(const struct solver *sv, int j, float s)
{
	return sv->nrd[j] < KEEP || s > sv->worst[j];
}

/* The best way into first character f from the readings of boundary j
 * - 1 (the run's context before it at j == 0); *from gets which. */
static float
entry(struct docmodel *dm, struct solver *sv, int j, uint32_t f, int lim, short *from)
{
	const struct rd *p;
	float s, best = NONE;
	int i, n;

	*from = -1;
	if (j == 0)
		return (float)lm_score(dm, sv->before, f);
	n = sv->nrd[j - 1];
	for (i = 0; i < n && i < lim; i++) {
		p = &sv->rd[j - 1][i];
		s = p->fwd + (p->n ? (float)lm_score(dm, rd_last(p), f) : 0);
		if (s > best) {
			best = s;
			*from = (short)i;
		}
	}
	return best;
}

/* Sorts boundary j's readings best first, so that the first few are the
 * best predecessors of the next boundary. */
static void
sort_rd(struct solver *sv, int j)
{
	struct rd *v = sv->rd[j], t;
	int i, k, n = sv->nrd[j];

	for (i = 1; i < n; i++) {
		t = v[i];
		for (k = i; k > 0 && v[k - 1].fwd < t.fwd; k--)
			v[k] = v[k - 1];
		v[k] = t;
	}
}

struct cand {
	float s;                /* entry, prior and what follows */
	float in;               /* the entry alone */
	uint32_t c;
	short from;
	unsigned char x;
};

/* Inserts c into the top list (best first) of at most cap. */
static void
top_add(struct cand *top, int *n, int cap, const struct cand *c)
{
	int i;

	if (*n == cap && c->s <= top[cap - 1].s)
		return;
	i = *n < cap ? (*n)++ : cap - 1;
	for (; i > 0 && top[i - 1].s < c->s; i--)
		top[i] = top[i - 1];
	top[i] = *c;
}

/* The readings of boundary j, between byte left (0: the lost first
 * byte, any of them) and byte right (0: the lost last trail byte). */
static void
expand(struct docmodel *dm, struct solver *sv, int j, unsigned left, unsigned right)
{
	struct rd a;
	struct cand top[TOP1_HEAD], mids[MIDS], c;
	int nt = 0, nm = 0, i, k, e, nc;
	unsigned x, lead;
	uint32_t c1, cand[MAXCAND];
	float s, prior;
	short from;

	sv->nrd[j] = 0;
	memset(&a, 0, sizeof(a));
	if (right == 0) {
		/* The last character lost its trail byte: it is one of the
		 * characters its lead byte starts. */
		for (x = 0x81; x <= 0xFE; x++) {
			if ((c1 = gbk_decode(left, x)) == 0 || !lm_known(dm, c1))
				continue;
			s = entry(dm, sv, j, c1, ENTRY_FROM, &from);
			a.n = 1;
			a.ch[0] = c1;
			a.inner = 0;
			a.fwd = s;
			a.from = from;
			if (wants(sv, j, s))
				keep(sv, j, &a);
		}
		/* left out: always a way through, however bad */
		a.n = 0;
		a.inner = -30;
		a.fwd = entry(dm, sv, j, 0, 1, &from) - 30;
		a.from = from;
		keep(sv, j, &a);
		return;
	}
	for (lead = left ? left : 0x81; lead <= (left ? left : 0xFE); lead++) {
		prior = !left ? (lead == 0xA1 ? LEAD_A1 : lead == 0xA3 ? LEAD_A3 :
		    LEAD_OTHER) : 0;
		if ((c1 = gbk_decode(lead, right)) != 0) {
			a.n = 1;
			a.ch[0] = c1;
			a.inner = prior;
			a.fwd = entry(dm, sv, j, c1, KEEP, &from) + prior;
			a.from = from;
			a.x = (unsigned char)right;
			keep(sv, j, &a);
		}
		/* Drops after the lost byte only behind its likely values. */
		if (!left && prior < LEAD_A3)
			continue;
		/* One dropped pair (x, y): characters (lead, x) and (y, right). */
		/* ranked by the way in from the best reading before, then
		 * the chosen few by the way in from any of the best */
		for (i = 0; i < rtab_nxd; i++) {
			x = rtab_xd[i];
			if ((c1 = gbk_decode(lead, x)) == 0 || !lm_known(dm, c1))
				continue;
			c.in = entry(dm, sv, j, c1, 1, &c.from);
			c.s = c.in + prior;
			c.c = c1;
			c.x = (unsigned char)x;
			top_add(top, &nt, left ? TOP1 : TOP1_HEAD, &c);
		}
	}
	for (i = 0; j > 0 && i < nt; i++) {
		top[i].in = entry(dm, sv, j, top[i].c, ENTRY_FROM, &top[i].from);
		top[i].s = top[i].in;
	}
	for (i = 1; j > 0 && i < nt; i++) {     /* sorted again, best first */
		c = top[i];
		for (k = i; k > 0 && top[k - 1].s < c.s; k--)
			top[k] = top[k - 1];
		top[k] = c;
	}
	for (i = 0; i < nt; i++) {
		struct filt fl = { top[i].x, (int)right };

		if (!wants(sv, j, top[i].s))
			break;
		nc = cands(dm, sv, top[i].c, &fl, cand, MAXCAND);
		for (k = 0; k < nc; k++) {
			s = (float)lm_score(dm, top[i].c, cand[k]);
			if (!wants(sv, j, top[i].s + s))
				continue;
			a.n = 2;
			a.ch[0] = top[i].c;
			a.ch[1] = cand[k];
			a.inner = top[i].s - top[i].in + s - DROP_COST;
			a.fwd = top[i].s + s - DROP_COST;
			a.from = top[i].from;
			a.x = top[i].x;
			keep(sv, j, &a);
		}
	}
	/* Two dropped pairs (x, y) (x2, y2): characters (lead, x), (y, x2),
	 * (y2, right); a beam over the first two. */
	for (i = 0; i < nt && i < TOP2; i++) {
		struct filt fl = { top[i].x, -1 };

		/* two more joins to pay: no room for them, no need to try */
		if (!wants(sv, j, top[i].s - 2 * DROP_COST - TWO_JOINS))
			continue;
		nc = cands(dm, sv, top[i].c, &fl, cand, MAXCAND);
		for (k = 0; k < nc; k++) {
			c.s = top[i].s + (float)lm_score(dm, top[i].c, cand[k]);
			c.in = top[i].in;
			c.c = cand[k];
			c.x = (unsigned char)gbk_encode(cand[k]);
			c.from = (short)i;
			top_add(mids, &nm, MIDS, &c);
		}
	}
	for (i = 0; i < nm; i++) {
		struct filt fl = { mids[i].x, (int)right };

		if (!wants(sv, j, mids[i].s))
			break;
		nc = cands(dm, sv, mids[i].c, &fl, cand, MAXCAND);
		for (k = 0; k < nc; k++) {
			s = mids[i].s + (float)lm_score(dm, mids[i].c, cand[k]) - 2 * DROP_COST;
			if (!wants(sv, j, s))
				continue;
			e = mids[i].from;
			a.n = 3;
			a.ch[0] = top[e].c;
			a.ch[1] = mids[i].c;
			a.ch[2] = cand[k];
			a.inner = s - mids[i].in;
			a.fwd = s;
			a.from = top[e].from;
			a.x = top[e].x;
			keep(sv, j, &a);
		}
	}
}

/* Readings that differ only by variant forms (為/爲) are one reading to
 * the model: no margin can be asked between them. */
static int
same_folded(const struct rd *a, const struct rd *b)
{
	int i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (zh_t2s_char(a->ch[i]) != zh_t2s_char(b->ch[i]))
			return 0;
	return 1;
}

static double
path_score(struct docmodel *dm, const uint32_t *c, int n)
{
	double s = 0;
	int i;

	for (i = 1; i < n; i++)
		s += lm_score(dm, c[i - 1], c[i]);
	return s;
}

/* The closing bracket or quote of an opening one, 0 for others. */
static uint32_t
closer_of(uint32_t c)
{
	switch (c) {
	case 0x201C: return 0x201D;     /* “” */
	case 0x300A: return 0x300B;     /* 《》 */
	case 0xFF08: return 0xFF09;     /* （） */
	case 0x300C: return 0x300D;     /* 「」 */
	case 0x3010: return 0x3011;     /* 【】 */
	}
	return 0;
}

/* The score of a reading of the last boundary against what follows;
 * a lost last character that closes the bracket left open before it
 * (“楓橋經驗 then ” lost) is the likely one. */
static float
end_score(struct docmodel *dm, const struct solver *sv, const struct rd *r)
{
	float s = 0;
	uint32_t want;

	if (!r->n)
		return 0;
	if (sv->t < 0) {
		want = sv->closer ? sv->closer : closer_of(sv->rd[0][0].ch[0]);
		if (want && r->ch[r->n - 1] == want)
			s += BRACKET_BONUS;
	}
	if (sv->after)
		s += (float)lm_score(dm, rd_last(r), sv->after);
	if (sv->t >= 0 && sv->reading >= 0)
		s += pinyin_reads(rd_last(r), sv->reading) ? READING_BONUS : -READING_BONUS;
	return s;
}

/* What a reading adds to the path: the way in and its own scores. */
static float
local(const struct solver *sv, int j, const struct rd *r)
{
	return j == 0 || r->from < 0 ? r->fwd : r->fwd - sv->rd[j - 1][r->from].fwd;
}

/* Solves the run in sv; writes the chosen characters to sv->out and
 * returns their count, -1 when nothing beats the text as it is, -2 when
 * the run reads as garbage and was given up.
 * *lost_left is set when the lost last character stays unknown. */
static int
solve(struct docmodel *dm, struct solver *sv, int *lost_left)
{
	int j, i, k, best = -1, n, m = sv->m, c, lost = sv->t < 0;
	unsigned right;
	double s, base;
	float bs, alt, margin, rmargin;
	struct rd *a;
	uint32_t tmp[2 * MAXRUN + 8];

	*lost_left = 0;
	for (j = 0; j <= m; j++) {
		right = j < m ? sv->b[2 * j + 1] : (lost ? 0 : (unsigned)sv->t);
		expand(dm, sv, j, j ? sv->b[2 * j] : 0, right);
		if (sv->nrd[j] == 0)
			return -1;
		sort_rd(sv, j);
#ifdef REPAIR_DEBUG
		for (i = 0; i < sv->nrd[j] && getenv("RD"); i++)
			DBG(" b%d r%d n%d [%x %x %x] fwd %.1f inner %.1f\n", j, i, sv->rd[j][i].n,
			    sv->rd[j][i].ch[0], sv->rd[j][i].ch[1], sv->rd[j][i].ch[2],
			    sv->rd[j][i].fwd, sv->rd[j][i].inner);
#endif
		if (j >= GARBAGE_AFTER && sv->rd[j][0].fwd < GARBAGE_PER_CHAR * (float)(j + 1))
			return -2;
	}
	/* Backward pass: the best continuation of every kept reading; the
	 * joins between boundaries are kept for the forward pass below. */
	for (i = 0; i < sv->nrd[m]; i++)
		sv->rd[m][i].bwd = end_score(dm, sv, &sv->rd[m][i]);
	for (j = m - 1; j >= 0; j--)
		for (i = 0; i < sv->nrd[j]; i++) {
			struct rd *p = &sv->rd[j][i];

			p->bwd = NONE;
			for (k = 0; k < sv->nrd[j + 1]; k++) {
				a = &sv->rd[j + 1][k];
				sv->join[j + 1][i][k] = a->n && p->n ?
				    (float)lm_score(dm, rd_last(p), a->ch[0]) : 0;
				s = sv->join[j + 1][i][k] + a->inner + a->bwd;
				if (s > p->bwd)
					p->bwd = (float)s;
			}
		}
	/* Forward again, now over every kept reading before each one (the
	 * first pass tried only the best few for a drop's first character),
	 * so that forward and backward scores agree. */
	for (j = 1; j <= m; j++)
		for (k = 0; k < sv->nrd[j]; k++) {
			a = &sv->rd[j][k];
			alt = NONE;
			for (i = 0; i < sv->nrd[j - 1]; i++) {
				struct rd *p = &sv->rd[j - 1][i];

				s = p->fwd + sv->join[j][i][k];
				if (s > alt) {
					alt = (float)s;
					a->from = (short)i;
				}
			}
			a->fwd = alt + a->inner;
		}
	bs = NONE;
	for (i = 0; i < sv->nrd[m]; i++) {
		a = &sv->rd[m][i];
		if (a->fwd + a->bwd > bs) {
			bs = a->fwd + a->bwd;
			best = i;
		}
	}
	if (best < 0)
		return -1;
	/* How sure: the best path against the best one that reads any
	 * boundary differently.  A close second means the model cannot
	 * tell, and a guess would be an invented text.  The lost last
	 * character is judged apart: unsure, it is left out. */
	margin = rmargin = 1e30f;
	for (j = m, c = best; j >= 0 && c >= 0; j--) {
		for (i = 0; i < sv->nrd[j]; i++) {
			a = &sv->rd[j][i];
			if (i == c || same_folded(a, &sv->rd[j][c]))
				continue;
			alt = bs - (a->fwd + a->bwd);
			if (alt < 3.0f)
				DBG("  close at %d: %d [%x %x %x] vs [%x %x %x] %.2f\n", j, a->n, a->ch[0],
				    a->n > 1 ? a->ch[1] : 0, a->n > 2 ? a->ch[2] : 0, sv->rd[j][c].ch[0],
				    sv->rd[j][c].n > 1 ? sv->rd[j][c].ch[1] : 0,
				    sv->rd[j][c].n > 2 ? sv->rd[j][c].ch[2] : 0, alt);
			if (j == m && lost) {
				if (alt < rmargin)
					rmargin = alt;
			} else if (alt < margin)
				margin = alt;
		}
		c = sv->rd[j][c].from;
	}
	DBG("solve m=%d t=%d best=%.1f margin=%.1f rmargin=%.1f\n", m, sv->t, bs,
	    margin, rmargin);
	/* A close call between two readings is written all the same when
	 * it beats the others by enough, and the line flagged l as well:
	 * the text is far more use than the mojibake, and the flag says
	 * to check it. */
	sv->unsure = margin < MIN_MARGIN;
	if (margin < LOW_MARGIN || (sv->unsure && sv->weak))
		return -1;
	a = &sv->rd[m][best];
	/* A '?' after the run stands for more that was lost: nothing is
	 * read back before it. */
	if (lost && (a->n == 0 || rmargin < RECOVER_MARGIN ||
	    local(sv, m, a) < RECOVER_FLOOR || sv->after == '?' || sv->after == 0xFFFD))
		*lost_left = 1;
	n = 0;
	/* The whole path is scored, a lost character left out or not: a
	 * shorter text must not win by having less to pay for. */
	for (j = m, i = best; j >= 0 && i >= 0; j--) {
		n += sv->rd[j][i].n;
		i = sv->rd[j][i].from;
	}
	for (j = m, i = best, k = n; j >= 0 && i >= 0; j--) {
		a = &sv->rd[j][i];
		for (c = a->n - 1; c >= 0; c--)
			sv->out[--k] = a->ch[c];
		i = a->from;
	}
	/* The text as it is: '?', the observed characters, the resync byte. */
	k = 0;
	if (sv->before)
		tmp[k++] = sv->before;
	tmp[k++] = '?';
	for (i = 0; i < m; i++)
		tmp[k++] = sv->seen[i];
	if (sv->tail)
		tmp[k++] = gbk_decode((unsigned)sv->t, sv->tail);
	else if (sv->t >= 0)
		tmp[k++] = (uint32_t)sv->t;
	if (sv->after)
		tmp[k++] = sv->after;
	base = path_score(dm, tmp, k);
	k = 0;
	if (sv->before)
		tmp[k++] = sv->before;
	for (i = 0; i < n; i++)
		tmp[k++] = sv->out[i];
	if (sv->after)
		tmp[k++] = sv->after;
	s = path_score(dm, tmp, k);
	/* With no observed pair ("?^司"), the text as it is reads like
	 * ordinary ASCII; ask instead that the reading join its right
	 * neighbour as a known pair. */
	if (m == 0)
		return n >= 2 && sv->after && lm_score(dm, sv->out[n - 1], sv->after) >= HEAD_JOIN ?
		    n : -1;
	DBG("  gain %.1f n=%d\n", s - base, n);
	if (sv->weak)
		s -= WEAK_GAIN;
	if (s - base < ACCEPT_GAIN || s - base < ACCEPT_PER_CHAR * (m + 1))
		return -1;
	if (*lost_left) {
		if (sv->weak)
			return -1;
		n -= sv->rd[m][best].n;
	}
	return n;
}

/* The closer of the last bracket or quote left open in s[0..n). */
static uint32_t
open_before(const char *s, size_t n)
{
	uint32_t stack[8], c, k;
	size_t pos = 0;
	int depth = 0;

	while (pos < n) {
		c = utf8_next(s, n, &pos);
		if ((k = closer_of(c)) != 0) {
			if (depth < 8)
				stack[depth++] = k;
		} else if (depth > 0 && c == stack[depth - 1])
			depth--;
	}
	return depth > 0 ? stack[depth - 1] : 0;
}

static struct solver *
solver_of(struct docmodel *dm)
{
	if (dm->solver == NULL)
		dm->solver = xmalloc(sizeof(struct solver));
	return dm->solver;
}

void
moji_free(struct docmodel *dm)
{
	free(dm->solver);
	dm->solver = NULL;
}

int
moji_misaligned(struct docmodel *dm, struct buf *line, struct buf *tmp,
    struct repair_stats *st)
{
	const char *s = line->s;
	size_t n = line->len, i, pos, end, runstart;
	uint32_t cp;
	unsigned code, tail;
	int m, evidence, flags = 0, k, got, syl, nsolve = 0, head, lost_left;
	struct solver *sv;
	size_t plen;

	sv = solver_of(dm);
	buf_clear(tmp);
	runstart = 0;
	/* "?2．組織…": an indent whose first byte was lost and whose second
	 * went with it before the digit (a lead byte before a byte below
	 * 0x40).  In a document where runs were repaired, it is read back:
	 * a 　, or a （ when a closing bracket follows the number. */
	if (n >= 3 && s[0] == '?' && s[1] >= '0' && s[1] <= '9' && dm->runs_fixed > 0) {
		for (i = 1; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		buf_add_utf8(tmp, i < n && (s[i] == ')' || (i + 3 <= n &&
		    memcmp(s + i, "\xEF\xBC\x89", 3) == 0)) ? 0xFF08 : 0x3000);
		runstart = 1;
		flags |= REPAIR_FIXED;
		st->chars_recovered++;
		st->runs_repaired++;
	}
	for (i = runstart; i < n; i++) {
		/* At the head of a line the pair after the lost byte may have
		 * been dropped too (　 before 區: A1 85 is unassigned), leaving
		 * '?' and the trail byte alone: "?^司法局". */
		head = i == 0 && n >= 3 && (unsigned char)s[1] >= 0x40 &&
		    (unsigned char)s[1] < 0x7F && s[1] != '(' && (unsigned char)s[2] >= 0x80;
		if (s[i] != '?' || i + 1 >= n || ((unsigned char)s[i + 1] < 0x80 && !head))
			continue;
		pos = i + 1;
		m = 0;
		evidence = 0;
		tail = 0;
		while (pos < n && (unsigned char)s[pos] >= 0x80 && m < MAXRUN) {
			size_t save = pos;

			cp = utf8_next(s, n, &pos);
			code = gbk_encode(cp);
			if (code == 0) {
				pos = save;
				break;
			}
			/* The second byte of a pair read out of step is a lead
			 * byte, or the ASCII text after the run ("盇PP" for
			 * "”APP"): the first byte is then the last trail.  Taken so when
			 * more ASCII follows, as it does after a letter of text. */
			if ((code & 0xFF) < 0x80 && m > 0 &&
			    (pos == n || (unsigned char)s[pos] < 0x80)) {
				tail = code;
				break;
			}
			evidence |= symbol_row(code, m == 0);
			sv->b[1 + 2 * m] = (unsigned char)(code >> 8);
			sv->b[2 + 2 * m] = (unsigned char)code;
			sv->seen[m++] = cp;
		}
		/* Without a symbol-row character (a run in the middle of a
		 * line, after 。 or at 《), only the reading itself can tell
		 * mojibake from a question mark: it must gain more. */
		if (!evidence && !head && m == 0)
			continue;
		sv->weak = !evidence && !head;
		sv->m = m;
		end = pos;
		sv->t = -1;
		sv->reading = -1;
		sv->after = 0;
		sv->tail = 0;
		if (tail) {
			sv->t = (int)(tail >> 8);
			sv->tail = (unsigned char)tail;
		} else if (pos < n && (unsigned char)s[pos] >= 0x40 && (unsigned char)s[pos] < 0x7F) {
			sv->t = (unsigned char)s[pos];
			end = pos + 1;
			if ((plen = pinyin_paren(s + end, n - end, &syl)) > 0) {
				sv->reading = syl;
				end += plen;
			}
		} else if (m > 0 && pos + 3 <= n && memcmp(s + pos, "\xE2\x82\xAC", 3) == 0) {
			/* CP936 reads a lone 0x80 as the euro sign: a trail byte */
			sv->t = 0x80;
			end = pos + 3;
		} else if ((pos < n && (unsigned char)s[pos] >= 0x80) || m == 0) {
			flags |= REPAIR_DAMAGED;
			st->runs_damaged++;
			continue;
		}
		if (sv->tail)
			sv->after = sv->tail;
		else if (end < n) {
			pos = end;
			sv->after = utf8_next(s, n, &pos);
		} else
			sv->after = LM_END;
		sv->closer = open_before(s, i);
		sv->before = 0;
		if (i > 0) {
			size_t b = i;

			while (b > 0 && ((unsigned char)s[b - 1] & 0xC0) == 0x80)
				b--;
			if (b > 0) {
				pos = b - 1;
				sv->before = utf8_next(s, n, &pos);
			}
		}
		/* A line full of runs (or built to be) gets its first ones
		 * solved and the rest flagged. */
		if (++nsolve > MAXSOLVE) {
			flags |= REPAIR_DAMAGED | REPAIR_BUDGET;
			st->runs_damaged++;
			continue;
		}
		got = solve(dm, sv, &lost_left);
		/* A letter after the run may be text of its own, before which
		 * the last character lost its trail byte (decoders that drop a
		 * lead byte alone before any ASCII byte): tried when the letter
		 * does not end a reading. */
		if (got == -1 && m > 0 && sv->t >= 0 && sv->reading < 0 &&
		    ((sv->t | 0x20) >= 'a' && (sv->t | 0x20) <= 'z')) {
			sv->after = (uint32_t)sv->t;
			sv->t = -1;
			end = pos;
			got = solve(dm, sv, &lost_left);
		}
		/* Without a symbol to go by, only the indent's own reading
		 * (an ideographic space first) shows the line was damaged. */
		if (m == 0 && (got < 2 || sv->out[0] != 0x3000))
			continue;
		if (got == -2) {
			/* given up by the work guard */
			flags |= REPAIR_DAMAGED | REPAIR_BUDGET;
			st->runs_damaged++;
			continue;
		}
		if (got < 0) {
			/* without a symbol-row character, nothing shows it
			 * was damage at all */
			if (!sv->weak) {
				flags |= REPAIR_DAMAGED;
				st->runs_damaged++;
			}
			continue;
		}
		buf_add(tmp, s + runstart, i - runstart);
		for (k = 0; k < got; k++)
			buf_add_utf8(tmp, sv->out[k]);
		if (sv->tail)
			buf_addc(tmp, (char)sv->tail);
		if (sv->reading >= 0)
			st->pinyin_removed++;
		runstart = end;
		/* The last character lost with no reading of it clearly
		 * best (nothing is written for it), or a close call. */
		if (sv->unsure || (sv->t < 0 && lost_left)) {
			flags |= REPAIR_DAMAGED;
			st->runs_damaged++;
		}
		if (sv->t < 0 && !lost_left)
			st->chars_recovered++;
		flags |= REPAIR_FIXED;
		st->runs_repaired++;
		dm->runs_fixed++;
		/* a '?' standing for the lost character starts no new run */
		i = sv->t < 0 && end < n && s[end] == '?' ? end : end - 1;
	}
	if (!(flags & REPAIR_FIXED))
		return flags;
	buf_add(tmp, s + runstart, n - runstart);
	buf_clear(line);
	buf_add(line, tmp->s, tmp->len);
	return flags;
}
