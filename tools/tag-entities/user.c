/* --dict and --patterns: the user's own names and rules. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "input.h"
#include "tables.h"
#include "tag.h"
#include "utf8.h"

/* Backtracking bounds for user patterns: generous for real rules, and
 * a pattern that needs more on some text is reported, not waited on. */
#define PAT_MATCH_LIMIT 200000u
#define PAT_DEPTH_LIMIT 5000u

struct user_pat {
	pcre2_code *re;
	int type;
	const char *file;
	unsigned long line;
	unsigned long hits_limit;
};

static int
type_of(const char *s, size_t n)
{
	for (int i = 0; i < T_NTYPES; i++)
		if (strlen(te_type_names[i]) == n && memcmp(te_type_names[i], s, n) == 0)
			return i;
	return -1;
}

/* Reads path line by line, calling fn(fields) for every non-empty line
 * that does not start with '#'. */
static int
each_line(const char *path, int (*fn)(struct tagger *, const char *, unsigned long, char *, size_t),
	struct tagger *tg)
{
	struct zin *in = zin_open(path);
	struct zlines *ls;
	char *line;
	size_t len;
	int rc = 0;

	struct zline zl;

	if (!in) {
		zfail();
		return -1;
	}
	ls = zlines_new(in, 0);
	while (zlines_next(ls, &zl) > 0) {
		line = zl.s;
		len = zl.len;
		if (len == 0 || line[0] == '#')
			continue;
		if (fn(tg, path, zl.lineno, line, len) < 0)
			rc = -1;
	}
	zlines_free(ls);
	if (zin_close(in) != 0)
		rc = -1;
	return rc;
}

static int
dict_line(struct tagger *tg, const char *path, unsigned long no, char *line, size_t len)
{
	size_t f1 = 0, f2s, f2e, f3s = 0;
	int type;

	while (f1 < len && line[f1] != '\t')
		f1++;
	if (f1 == len) {
		zerror(path, no, "want TYPE<tab>NAME[<tab>NORM]");
		return -1;
	}
	if ((type = type_of(line, f1)) < 0) {
		zerror(path, no, "unknown type '%.*s'", (int)f1, line);
		return -1;
	}
	f2s = f1 + 1;
	for (f2e = f2s; f2e < len && line[f2e] != '\t'; f2e++)
		;
	if (f2e < len)
		f3s = f2e + 1;
	if (f2e == f2s || !utf8_valid(line + f2s, f2e - f2s)) {
		zerror(path, no, "empty or invalid name");
		return -1;
	}
	uint32_t normoff = (uint32_t)tg->dictnorm.len;
	if (f3s)
		buf_add(&tg->dictnorm, line + f3s, len - f3s);
	buf_addc(&tg->dictnorm, '\0');
	if (te_wlb_add(&tg->dict, line + f2s, f2e - f2s, type, normoff) < 0) {
		zerror(path, no, "name too long");
		return -1;
	}
	return 0;
}

int
te_load_dict(struct tagger *tg, const char *path)
{
	int rc = each_line(path, dict_line, tg);

	te_wlb_build(&tg->dict);
	/* The names' first characters get C_DICT in the tagger's own copy
	 * of the classes. */
	if (!tg->dictcls) {
		tg->dictcls = xmalloc(65536);
		memcpy(tg->dictcls, te_cls, 65536);
	}
	for (size_t i = 0; i < tg->dict.nent; i++) {
		uint32_t c = tg->dict.pool[tg->dict.ent[i].off];
		if (c < 65536)
			tg->dictcls[c] |= C_DICT;
	}
	te_text_set_classes(&tg->t, tg->dictcls);
	return rc;
}

static int
pat_line(struct tagger *tg, const char *path, unsigned long no, char *line, size_t len)
{
	size_t f1 = 0;
	int type, err;
	PCRE2_SIZE eoff;
	pcre2_code *re;

	while (f1 < len && line[f1] != '\t')
		f1++;
	if (f1 == len || f1 + 1 == len) {
		zerror(path, no, "want TYPE<tab>PATTERN");
		return -1;
	}
	if ((type = type_of(line, f1)) < 0) {
		zerror(path, no, "unknown type '%.*s'", (int)f1, line);
		return -1;
	}
	re = pcre2_compile((PCRE2_SPTR)(line + f1 + 1), len - f1 - 1, PCRE2_UTF, &err, &eoff, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof(msg));
		zerror(path, no, "pattern: %s at offset %zu", (char *)msg, (size_t)eoff);
		return -1;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	tg->pats = xrealloc(tg->pats, (tg->npats + 1) * sizeof(*tg->pats));
	tg->pats[tg->npats++] = (struct user_pat){ re, type, xstrdup(path), no, 0 };
	return 0;
}

int
te_load_patterns(struct tagger *tg, const char *path)
{
	int rc = each_line(path, pat_line, tg);

	if (!tg->mctx) {
		tg->mctx = pcre2_match_context_create(NULL);
		pcre2_set_match_limit(tg->mctx, PAT_MATCH_LIMIT);
		pcre2_set_depth_limit(tg->mctx, PAT_DEPTH_LIMIT);
		tg->mdata = pcre2_match_data_create(1, NULL);
	}
	return rc;
}

void
te_free_patterns(struct tagger *tg)
{
	for (size_t i = 0; i < tg->npats; i++) {
		pcre2_code_free(tg->pats[i].re);
		free((char *)tg->pats[i].file);
	}
	free(tg->pats);
	tg->pats = NULL;
	tg->npats = 0;
	if (tg->mdata)
		pcre2_match_data_free(tg->mdata);
	if (tg->mctx)
		pcre2_match_context_free(tg->mctx);
	tg->mdata = tg->mctx = NULL;
}

static size_t
cp_at(const struct text *t, size_t byte)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->off[mid] < byte)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
run_patterns(struct tagger *tg)
{
	const struct text *t = &tg->t;

	if (!tg->npats || !utf8_valid(t->s, t->len))
		return;
	for (size_t p = 0; p < tg->npats; p++) {
		struct user_pat *up = &tg->pats[p];
		PCRE2_SIZE start = 0;
		while (start <= t->len) {
			int rc = pcre2_match(up->re, (PCRE2_SPTR)t->s, t->len, start,
				PCRE2_NO_UTF_CHECK, tg->mdata, tg->mctx);
			if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
			    rc == PCRE2_ERROR_HEAPLIMIT) {
				if (up->hits_limit++ < 5)
					zwarn(up->file, up->line,
					    "pattern hit its backtracking limit; rest of this text skipped");
				break;
			}
			if (rc < 0)
				break;
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(tg->mdata);
			if (ov[1] > ov[0]) {
				size_t s = cp_at(t, ov[0]), e = cp_at(t, ov[1]);
				te_mention_add(&tg->ms, s, e, up->type);
				start = ov[1];
			} else {
				/* Empty match: step over one character. */
				start = ov[1] + 1;
				while (start < t->len && ((unsigned char)t->s[start] & 0xC0) == 0x80)
					start++;
			}
		}
	}
}

void
te_detect_user(struct tagger *tg)
{
	const struct text *t = &tg->t;
	long x;

	if (tg->dict.wl.nent && (t->rowcls & C_DICT)) {
		for (size_t i = 0; i < t->n;) {
			size_t l = (t->cls[i] & C_DICT) ? te_wl_at(&tg->dict.wl, t->k, i, t->n, &x) : 0;
			if (!l) {
				i++;
				continue;
			}
			const struct te_wle *w = &tg->dict.wl.ent[x];
			const char *norm = tg->dictnorm.s + w->aux;
			/* The user's norm wins over a detector's for the same
			 * name (an ORG found by its head, too). */
			struct mention *m = NULL;
			for (size_t j = 0; j < tg->ms.n && !m; j++)
				if (tg->ms.m[j].s == i && tg->ms.m[j].e == i + l && tg->ms.m[j].type == w->tag)
					m = &tg->ms.m[j];
			if (!m)
				m = te_mention_add(&tg->ms, i, i + l, w->tag);
			if (*norm)
				te_mention_set_norm(&tg->ms, m, norm, strlen(norm));
			i += l;
		}
	}
	run_patterns(tg);
}
