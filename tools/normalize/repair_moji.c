/*
 * Misaligned-GBK mojibake.  A line's GBK bytes were decoded one byte
 * late: the first byte shows as '?', every following pair straddles two
 * characters, pairs unassigned in CP936 were dropped (two bytes gone),
 * and decoding got back in step at the first ASCII byte, usually the
 * trail byte of a character.  So the observed run fixes the original
 * bytes except the lost first byte and the dropped pairs; a Viterbi
 * search over those choices, scored by the language model, finds the
 * most probable original, kept only when it beats the text as it is by
 * a wide margin.
 */
#include <string.h>

#include "repair_int.h"
#include "utf8.h"
#include "zhfold.h"

#define MAXRUN 48               /* observed characters in one run */
#define MAXSOLVE 8              /* runs solved per line; more are flagged */
#define MAXALT 40               /* readings kept per boundary */
#define BEAM2 16                /* partial readings kept for two drops */
#define TOP1 6                  /* first characters tried for two drops */
/* A dropped pair adds a character, which the language model already
 * charges for; tried costs of ±3 only traded one error for another
 * (健全/健 against 二/二十). */
#define DROP_COST 0.0
#define LEAD_A1 0.0             /* the lost byte: usually an indent's A1 */
#define LEAD_A3 (-5.0)
#define LEAD_OTHER (-12.0)
#define READING_BONUS 12.0      /* the resync char's pinyin agrees */
#define ACCEPT_GAIN 16.0        /* log2 gain over the text as it is */
#define ACCEPT_PER_CHAR 5.0
#define HEAD_JOIN (-11.0)       /* log2 P(after | last) for a head-only run */
#define MIN_MARGIN 0.5          /* log2: best reading over any other */

struct alt {
	uint32_t ch[3];
	int n;
	double inner;
	double best;            /* Viterbi: best path ending here */
	double back;            /* best continuation from here to the end */
	int from;
};

static unsigned char ua_list[0x80][128];  /* per first byte, unassigned seconds */
static unsigned char ua_n[0x80];
static int ua_ready;

static void
ua_init(void)
{
	unsigned x, y;

	if (ua_ready)
		return;
	ua_ready = 1;
	for (x = 0x81; x <= 0xFE; x++)
		for (y = 0x81; y <= 0xFE; y++)
			if (gbk_decode(x, y) == 0)
				ua_list[x - 0x80][ua_n[x - 0x80]++] = (unsigned char)y;
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

/* An upper bound of lm_score (a log2 probability; the mix can pass 1 by
 * a hair): a candidate whose score cannot beat the worst kept reading
 * even with this is not scored at all. */
#define LM_MAX 1e-3

/* The readings kept for one boundary: at most MAXALT, the best by key. */
struct keep {
	struct alt *alts;
	double *keys;
	int *n;
	int worst;              /* index of the lowest key once full */
};

static void
keep_worst(struct keep *k)
{
	int i;

	k->worst = 0;
	for (i = 1; i < *k->n; i++)
		if (k->keys[i] < k->keys[k->worst])
			k->worst = i;
}

/* Whether a reading with this key would be kept. */
static int
keep_wants(const struct keep *k, double key)
{
	return *k->n < MAXALT || key > k->keys[k->worst];
}

static void
keep_alt(struct keep *k, const struct alt *a, double key)
{
	if (*k->n < MAXALT) {
		k->keys[*k->n] = key;
		k->alts[(*k->n)++] = *a;
		if (*k->n == MAXALT)
			keep_worst(k);
		return;
	}
	if (key <= k->keys[k->worst])
		return;
	k->keys[k->worst] = key;
	k->alts[k->worst] = *a;
	keep_worst(k);
}

struct run {
	unsigned char b[2 * MAXRUN + 2];        /* L, observed bytes, t */
	int m;                  /* observed pairs */
	int t;                  /* resync byte, -1 when the last char is lost */
	uint32_t before, after; /* context characters, 0 when none */
	int reading;            /* pinyin after the resync char, -1 if none */
	struct alt alt[MAXRUN + 1][MAXALT];
	int nalt[MAXRUN + 1];
	double keys[MAXALT];
};

/* Boundary 0 gathers the readings of several lead bytes: the list may
 * already be full. */
static void
keep_init(struct keep *k, struct run *r, int j)
{
	k->alts = r->alt[j];
	k->keys = r->keys;
	k->n = &r->nalt[j];
	keep_worst(k);
}

/* The readings of boundary j: the character straddling it, or that
 * character split by one or two dropped pairs. */
static void
boundary(struct docmodel *dm, struct run *r, int j, unsigned left, unsigned right,
    uint32_t prevctx, uint32_t nextctx, double prior)
{
	struct alt a;
	struct keep kept;
	int i, k, nt = 0;
	unsigned x, y, x2, y2;
	uint32_t c1, c2, c3;
	double s, top[TOP1];
	uint32_t topc[TOP1];
	unsigned topx[TOP1];
	struct {
		double s;
		uint32_t c1, c2;
		unsigned x2;
	} beam[BEAM2];
	int nb, e, w;
	double s1, nscore[0x80];

	keep_init(&kept, r, j);
	memset(&a, 0, sizeof(a));
	if (right && (c1 = gbk_decode(left, right)) != 0) {
		a.n = 1;
		a.ch[0] = c1;
		a.inner = prior;
		keep_alt(&kept, &a, 1e9);
	}
	if (!right)
		return;
	/* One dropped pair (x, y): characters (left, x) and (y, right).
	 * Only characters the models know are tried: a dropped pair sits
	 * between two characters of running text. */
	for (y = 0x81; y <= 0xFE; y++) {
		c2 = gbk_decode(y, right);
		nscore[y - 0x80] = c2 && lm_known(dm, c2) ? lm_score(dm, c2, nextctx) : 1;
	}
	for (x = 0x81; x <= 0xFE; x++) {
		if ((c1 = gbk_decode(left, x)) == 0 || !lm_known(dm, c1))
			continue;
		s1 = lm_score(dm, prevctx, c1);
		if (nt < TOP1 || s1 > top[nt - 1]) {
			i = nt < TOP1 ? nt++ : nt - 1;
			for (; i > 0 && top[i - 1] < s1; i--) {
				top[i] = top[i - 1];
				topc[i] = topc[i - 1];
				topx[i] = topx[i - 1];
			}
			top[i] = s1;
			topc[i] = c1;
			topx[i] = x;
		}
		for (k = 0; k < ua_n[x - 0x80]; k++) {
			y = ua_list[x - 0x80][k];
			if (nscore[y - 0x80] > 0 ||
			    !keep_wants(&kept, prior - DROP_COST + LM_MAX + s1 + nscore[y - 0x80]))
				continue;
			c2 = gbk_decode(y, right);
			a.n = 2;
			a.ch[0] = c1;
			a.ch[1] = c2;
			a.inner = prior - DROP_COST + lm_score(dm, c1, c2);
			s = a.inner + s1 + nscore[y - 0x80];
			keep_alt(&kept, &a, s);
		}
	}
	/* Two dropped pairs (x, y) (x2, y2): characters (left, x), (y, x2),
	 * (y2, right); a small beam over the first two keeps this cheap. */
	nb = 0;
	w = 0;                  /* the lowest of a full beam */
	for (i = 0; i < nt; i++) {
		x = topx[i];
		/* top[] falls: no later first character can enter either */
		if (nb == BEAM2 && top[i] + LM_MAX <= beam[w].s)
			break;
		for (k = 0; k < ua_n[x - 0x80]; k++) {
			y = ua_list[x - 0x80][k];
			for (x2 = 0x81; x2 <= 0xFE; x2++) {
				if (ua_n[x2 - 0x80] == 0 || (c2 = gbk_decode(y, x2)) == 0 ||
				    !lm_known(dm, c2))
					continue;
				s = top[i] + lm_score(dm, topc[i], c2);
				if (nb == BEAM2 && s <= beam[w].s)
					continue;
				e = nb < BEAM2 ? nb++ : w;
				beam[e].s = s;
				beam[e].c1 = topc[i];
				beam[e].c2 = c2;
				beam[e].x2 = x2;
				if (nb == BEAM2)
					for (e = 0, w = 0; e < nb; e++)
						if (beam[e].s < beam[w].s)
							w = e;
			}
		}
	}
	for (e = 0; e < nb; e++) {
		x2 = beam[e].x2;
		for (k = 0; k < ua_n[x2 - 0x80]; k++) {
			y2 = ua_list[x2 - 0x80][k];
			if ((c3 = gbk_decode(y2, right)) == 0)
				continue;
			a.n = 3;
			a.ch[0] = beam[e].c1;
			a.ch[1] = beam[e].c2;
			a.ch[2] = c3;
			a.inner = prior - 2 * DROP_COST + lm_score(dm, a.ch[0], a.ch[1]) +
			    lm_score(dm, a.ch[1], c3);
			s = beam[e].s - 2 * DROP_COST + lm_score(dm, a.ch[1], c3) +
			    lm_score(dm, c3, nextctx);
			keep_alt(&kept, &a, s);
		}
	}
}

/* Readings that differ only by variant forms (為/爲) are one reading to
 * the model: no margin can be asked between them. */
static int
same_folded(const struct alt *a, const struct alt *b)
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

/* Solves run r; writes the chosen characters to out (at most cap) and
 * returns their count, or -1 when nothing beats the text as it is. */
static int
solve(struct docmodel *dm, struct run *r, const uint32_t *seen, int nseen,
    uint32_t *out, int cap)
{
	int j, i, k, best = -1, n, c;
	unsigned left, right, lead;
	uint32_t prevctx, nextctx;
	double s, bs, base, prior, margin;
	struct alt *a;
	uint32_t tmp[2 * MAXRUN + 8];

	for (j = 0; j <= r->m; j++) {
		r->nalt[j] = 0;
		right = j < r->m ? r->b[2 * j + 1] : (r->t >= 0 ? (unsigned)r->t : 0);
		nextctx = j + 1 < r->m ? gbk_decode(r->b[2 * j + 2], r->b[2 * j + 3]) :
		    r->after;
		if (j == 0) {
			for (lead = 0x81; lead <= 0xFE; lead++) {
				prior = lead == 0xA1 ? LEAD_A1 : lead == 0xA3 ? LEAD_A3 :
				    LEAD_OTHER;
				if (lead == 0xA1)
					boundary(dm, r, 0, lead, right, r->before, nextctx, prior);
				else if (gbk_decode(lead, right) != 0) {
					struct alt one;
					struct keep kept;

					keep_init(&kept, r, 0);
					memset(&one, 0, sizeof(one));
					one.n = 1;
					one.ch[0] = gbk_decode(lead, right);
					one.inner = prior;
					/* ranked like boundary()'s readings, context
					 * on both sides */
					keep_alt(&kept, &one,
					    prior + lm_score(dm, r->before, one.ch[0]) +
					    lm_score(dm, one.ch[0], nextctx));
				}
			}
		} else {
			left = r->b[2 * j];
			prevctx = gbk_decode(r->b[2 * j - 2], r->b[2 * j - 1]);
			boundary(dm, r, j, left, right, prevctx, nextctx, 0);
		}
		if (r->nalt[j] == 0 && !(j == r->m && r->t < 0))
			return -1;
	}
	/* Viterbi over boundaries. */
	for (j = 0; j <= r->m; j++) {
		for (i = 0; i < r->nalt[j]; i++) {
			a = &r->alt[j][i];
			a->best = -1e18;
			a->from = -1;
			if (j == 0) {
				a->best = a->inner + lm_score(dm, r->before, a->ch[0]);
				continue;
			}
			for (k = 0; k < r->nalt[j - 1]; k++) {
				struct alt *p = &r->alt[j - 1][k];

				s = p->best + lm_score(dm, p->ch[p->n - 1], a->ch[0]);
				if (s > a->best) {
					a->best = s;
					a->from = k;
				}
			}
			a->best += a->inner;
		}
	}
	j = r->nalt[r->m] ? r->m : r->m - 1;
	bs = -1e18;
	for (i = 0; i < r->nalt[j]; i++) {
		a = &r->alt[j][i];
		s = a->best;
		if (r->after)
			s += lm_score(dm, a->ch[a->n - 1], r->after);
		if (j == r->m && r->reading >= 0)
			s += pinyin_reads(a->ch[a->n - 1], r->reading) ? READING_BONUS :
			    -READING_BONUS;
		if (s > bs) {
			bs = s;
			best = i;
		}
	}
	if (best < 0)
		return -1;
	/* How sure: the best path against the best one that reads any
	 * boundary differently.  A close second means the model cannot
	 * tell, and a guess would be an invented text. */
	for (i = 0; i < r->nalt[j]; i++) {
		a = &r->alt[j][i];
		a->back = (r->after ? lm_score(dm, a->ch[a->n - 1], r->after) : 0) +
		    (j == r->m && r->reading >= 0 ? (pinyin_reads(a->ch[a->n - 1],
		    r->reading) ? READING_BONUS : -READING_BONUS) : 0);
	}
	for (k = j - 1; k >= 0; k--)
		for (i = 0; i < r->nalt[k]; i++) {
			struct alt *p = &r->alt[k][i];
			int e;

			p->back = -1e18;
			for (e = 0; e < r->nalt[k + 1]; e++) {
				a = &r->alt[k + 1][e];
				s = lm_score(dm, p->ch[p->n - 1], a->ch[0]) + a->inner + a->back;
				if (s > p->back)
					p->back = s;
			}
		}
	margin = 1e18;
	for (k = j, c = best; k >= 0 && c >= 0; k--) {
		for (i = 0; i < r->nalt[k]; i++)
			if (i != c && !same_folded(&r->alt[k][i], &r->alt[k][c]) &&
			    bs - (r->alt[k][i].best + r->alt[k][i].back) < margin)
				margin = bs - (r->alt[k][i].best + r->alt[k][i].back);
		c = r->alt[k][c].from;
	}
	if (margin < MIN_MARGIN)
		return -1;
	n = 0;
	for (k = j, i = best; k >= 0 && i >= 0; k--) {
		a = &r->alt[k][i];
		n += a->n;
		i = a->from;
	}
	if (n > cap)
		return -1;
	for (k = j, i = best, s = n; k >= 0 && i >= 0; k--) {
		int e;

		a = &r->alt[k][i];
		for (e = a->n - 1; e >= 0; e--)
			out[(int)--s] = a->ch[e];
		i = a->from;
	}
	/* The text as it is: '?', the observed characters, the resync byte. */
	k = 0;
	if (r->before)
		tmp[k++] = r->before;
	tmp[k++] = '?';
	for (i = 0; i < nseen && k < (int)(sizeof(tmp) / sizeof(tmp[0])) - 2; i++)
		tmp[k++] = seen[i];
	if (r->after)
		tmp[k++] = r->after;
	base = path_score(dm, tmp, k);
	k = 0;
	if (r->before)
		tmp[k++] = r->before;
	for (i = 0; i < n; i++)
		tmp[k++] = out[i];
	if (r->after)
		tmp[k++] = r->after;
	s = path_score(dm, tmp, k);
	/* With no observed pair ("?^司"), the text as it is reads like
	 * ordinary ASCII; ask instead that the reading join its right
	 * neighbour as a known pair. */
	if (r->m == 0)
		return n >= 2 && r->after && lm_score(dm, out[n - 1], r->after) >= HEAD_JOIN ?
		    n : -1;
	if (s - base < ACCEPT_GAIN || s - base < ACCEPT_PER_CHAR * (nseen + 1))
		return -1;
	return n;
}

static struct run runbuf;

int
moji_misaligned(struct docmodel *dm, struct buf *line, struct buf *tmp,
    struct repair_stats *st)
{
	const char *s = line->s;
	size_t n = line->len, i, pos, end, runstart;
	uint32_t cp, seen[MAXRUN], out[3 * MAXRUN + 3];
	unsigned code;
	int m, evidence, flags = 0, k, got, syl, nsolve = 0, head;
	struct run *r = &runbuf;
	size_t plen;

	ua_init();
	buf_clear(tmp);
	runstart = 0;
	for (i = 0; i < n; i++) {
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
		while (pos < n && (unsigned char)s[pos] >= 0x80 && m < MAXRUN) {
			size_t save = pos;

			cp = utf8_next(s, n, &pos);
			code = gbk_encode(cp);
			if (code == 0) {
				pos = save;
				break;
			}
			evidence |= symbol_row(code, m == 0);
			r->b[1 + 2 * m] = (unsigned char)(code >> 8);
			r->b[2 + 2 * m] = (unsigned char)code;
			seen[m++] = cp;
		}
		if (!evidence && !head)
			continue;
		/* An A1-row first character alone is weak evidence: ask also
		 * for an ASCII trail byte to end the run. */
		if (!(evidence & 1) && (pos >= n || (unsigned char)s[pos] < 0x40 ||
		    (unsigned char)s[pos] >= 0x7F))
			continue;
		r->m = m;
		r->b[0] = 0xA1;         /* the likely lost byte, as context */
		end = pos;
		r->t = -1;
		r->reading = -1;
		r->after = 0;
		if (pos < n && (unsigned char)s[pos] >= 0x40 && (unsigned char)s[pos] < 0x7F) {
			r->t = (unsigned char)s[pos];
			end = pos + 1;
			if ((plen = pinyin_paren(s + end, n - end, &syl)) > 0) {
				r->reading = syl;
				end += plen;
			}
		} else if (pos < n && (unsigned char)s[pos] >= 0x80) {
			flags |= REPAIR_DAMAGED;
			st->runs_damaged++;
			continue;
		}
		if (end < n) {
			pos = end;
			r->after = utf8_next(s, n, &pos);
		}
		r->before = 0;
		if (i > 0) {
			size_t b = i;

			while (b > 0 && ((unsigned char)s[b - 1] & 0xC0) == 0x80)
				b--;
			if (b > 0) {
				pos = b - 1;
				r->before = utf8_next(s, n, &pos);
			}
		}
		/* A solve costs milliseconds: a line full of runs (or built
		 * to be) gets its first few solved and the rest flagged. */
		if (++nsolve > MAXSOLVE) {
			flags |= REPAIR_DAMAGED;
			st->runs_damaged++;
			continue;
		}
		if (!doc_may_solve(dm, m)) {
			flags |= REPAIR_DAMAGED | REPAIR_BUDGET;
			continue;
		}
		got = solve(dm, r, seen, m, out, (int)(sizeof(out) / sizeof(out[0])));
		/* Without a symbol to go by, only the indent's own reading
		 * (an ideographic space first) shows the line was damaged. */
		if (m == 0 && (got < 2 || out[0] != 0x3000))
			continue;
		if (got < 0) {
			flags |= REPAIR_DAMAGED;
			st->runs_damaged++;
			continue;
		}
		buf_add(tmp, s + runstart, i - runstart);
		for (k = 0; k < got; k++)
			buf_add_utf8(tmp, out[k]);
		if (r->reading >= 0)
			st->pinyin_removed++;
		runstart = end;
		if (r->t < 0) {
			/* The last character is lost: its lead byte is all that
			 * is left, so nothing is written for it. */
			flags |= REPAIR_DAMAGED;
			st->runs_damaged++;
		}
		flags |= REPAIR_FIXED;
		st->runs_repaired++;
		/* a '?' standing for the lost character starts no new run */
		i = r->t < 0 && end < n && s[end] == '?' ? end : end - 1;
	}
	if (!(flags & REPAIR_FIXED))
		return flags;
	buf_add(tmp, s + runstart, n - runstart);
	buf_clear(line);
	buf_add(line, tmp->s, tmp->len);
	return flags;
}
