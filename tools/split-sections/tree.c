#include <string.h>

#include "part.h"
#include "tree.h"

/* GB/T 9704 order of the marker types; MT_BARE (a part named with no
 * number) is above all. */
static const unsigned char rank[MT_COUNT] = {
	[MT_BARE] = 0, [MT_PART] = 1, [MT_SEC] = 2, [MT_ART] = 3, [MT_CN] = 4,
	[MT_DEC] = 4, [MT_CNP] = 5, [MT_AR] = 6, [MT_ARP] = 7, [MT_ARH] = 8,
	[MT_CIR] = 9
};

/* Appends ".n" (or "n" first) without printf: paths are rebuilt at
 * every heading. */
static size_t
put_num(char *p, unsigned v, bool dot)
{
	char tmp[12];
	size_t k = 0, o = 0;

	do
		tmp[k++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (dot)
		p[o++] = '.';
	while (k)
		p[o++] = tmp[--k];
	return o;
}

static void
set_path(struct ss_tree *t)
{
	size_t o = 0;

	if (t->annex) {
		t->path[o++] = 'A';
		o += put_num(t->path + o, t->annex, false);
		t->path[o++] = '.';
	}
	if (t->depth == 0)
		t->path[o++] = '0';
	for (int i = 0; i < t->depth; i++)
		o += put_num(t->path + o, t->lv[i].num, i > 0);
	t->path[o] = '\0';
	t->pathlen = o;
}

void
ss_tree_reset(struct ss_tree *t, unsigned annex)
{
	memset(t, 0, sizeof *t);
	t->annex = annex;
	set_path(t);
	memcpy(t->root, t->path, t->pathlen + 1);
}

static int
find(const struct ss_tree *t, unsigned type)
{
	for (int i = 0; i < t->depth; i++)
		if (t->lv[i].type == type)
			return i;
	return -1;
}

/* ---- decimal outlines ---- */

/* Where a new type of marker opens: below the nearest level that GB/T
 * 9704 ranks higher. */
static int
open_depth(const struct ss_tree *t, enum ss_mtype type)
{
	int d = t->depth;

	while (d > 0 && rank[t->lv[d - 1].type] > rank[type])
		d--;
	return d;
}

/* Whether level i belongs to the outline whose first level is base: the
 * first level is any marker (一、总则, 1.总则, 1 总则), the others are
 * decimal numbers. */
static bool
in_outline(const struct ss_tree *t, int base, int i)
{
	return i < t->depth && (i == base || t->lv[i].type == MT_DEC);
}

/* The depth above the outline's first level.  The first decimal number
 * of a document goes under the deepest level that its first part
 * numbers (一、总则 > 1.1), or opens where a new type would. */
static int
dec_base(const struct ss_tree *t, const struct ss_marker *m)
{
	if (t->dec_at)
		return t->dec_at - 1;
	if (m->nparts > 1) {
		for (int b = t->depth - 1; b >= 0; b--)
			if (t->lv[b].num == m->parts[0])
				return b;
		return t->depth;
	}
	return open_depth(t, MT_DEC);
}

static bool
dec_accepts(const struct ss_tree *t, const struct ss_marker *m,
    bool head_like, bool alone)
{
	int base = dec_base(t, m), idx = base + m->nparts - 1, i;
	unsigned v = m->num, cur;

	if (idx >= SS_DEPTH_MAX)
		return false;
	/* 1总则: only the next number of an outline that stands */
	if (m->glued && (!alone || !head_like || !t->dec_at ||
	    !in_outline(t, base, base) || v != t->lv[base].num + 1))
		return false;
	/* its parents: the levels from base hold its first parts */
	for (i = 0; i < m->nparts - 1; i++)
		if (!in_outline(t, base, base + i) ||
		    t->lv[base + i].num != m->parts[i])
			break;
	if (i < m->nparts - 1) {
		/* a parent whose heading was lost: the first child of a
		 * missing level, or of the next one at a level that stands
		 * (2.1 after 1.4) */
		if (!head_like || v != 1)
			return false;
		if (!in_outline(t, base, base + i))
			return true;
		if (m->parts[i] != t->lv[base + i].num + 1)
			return false;
		while (++i < m->nparts - 1)
			if (m->parts[i] != 1)
				return false;
		return true;
	}
	if (!in_outline(t, base, idx))
		return v == 1 || (alone && head_like && v <= 5 && !t->dec_at);
	cur = t->lv[idx].num;
	if (v == cur + 1)
		return true;
	if (v == cur && idx == t->depth - 1 && t->fresh && head_like)
		return true;
	return head_like && v > cur + 1 && v <= cur + 3;
}

static int
dec_open(struct ss_tree *t, const struct ss_marker *m)
{
	int base = dec_base(t, m), i;

	for (i = 0; i < m->nparts; i++) {
		int at = base + i;
		struct ss_level *lv = &t->lv[at];

		/* a parent that stands keeps its words and part */
		if (i < m->nparts - 1 && in_outline(t, base, at) &&
		    lv->num == m->parts[i]) {
			if (lv->type == MT_AR) {
				lv->type = MT_DEC;
				t->dec_dot = true;
			}
			continue;
		}
		lv->type = MT_DEC;
		lv->num = m->parts[i];
		lv->strict = P_NONE;
		lv->named = P_NONE;
		if (at < t->depth)
			t->depth = at;  /* the levels below it are closed */
	}
	t->depth = base + m->nparts;
	if (!t->dec_at)
		t->dec_at = (unsigned char)(base + 1);
	memset(t->shadow, 0, sizeof t->shadow);
	set_path(t);
	return t->depth;
}

void
ss_tree_reread(const struct ss_tree *t, struct ss_marker *m)
{
	int base = t->dec_at - 1, at;

	if (!t->dec_dot || m->type != MT_AR || base >= t->depth ||
	    m->num != t->lv[base].num + 1)
		return;
	/* 2. going on with a list 1. under a section */
	at = find(t, MT_AR);
	if (at >= 0 && m->num == t->lv[at].num + 1)
		return;
	m->type = MT_DEC;
	m->nparts = 1;
	m->parts[0] = (unsigned short)m->num;
	m->glued = false;
}

bool
ss_tree_outline_start(const struct ss_tree *t, const struct ss_marker *m)
{
	return m->type == MT_DEC && m->glued && m->num == 1 && !t->dec_at;
}

bool
ss_tree_accepts(const struct ss_tree *t, const struct ss_marker *m,
    bool head_like, bool alone)
{
	int at = find(t, m->type);
	unsigned sh = t->shadow[m->type], last = t->last[m->type];
	bool in_list = sh && m->num == sh + 1 &&
	    !(head_like && !t->shadow_hl[m->type]);

	if (m->type == MT_DEC)
		return dec_accepts(t, m, head_like, alone);

	/* "第三条规定…" opens no articles of its own */
	if (m->tight && at < 0 && last == 0)
		return false;
	if (at < 0) {
		/* A new level starts at 1, or goes on with the numbering of
		 * its type under an earlier parent ((五) under 二、 after (四)
		 * under 一、); a short heading alone on its line may start
		 * later when the lines before it were lost or damaged. */
		if (m->num == 1)
			return true;
		if (in_list)
			return false;
		if (last && m->num == last + 1)
			return true;
		return alone && head_like && m->num <= 5;
	}
	if (in_list)
		return false;
	if (m->num == t->lv[at].num + 1)
		return true;
	/* The same number again right after its heading: a slip of the
	 * writer (一、… 一、…), not a list. */
	if (m->num == t->lv[at].num && at == t->depth - 1 && t->fresh &&
	    head_like)
		return true;
	/* A number left out by the writer, not a list. */
	return head_like && m->num > t->lv[at].num + 1 &&
	    m->num <= t->lv[at].num + 3;
}

unsigned
ss_tree_reject(struct ss_tree *t, const struct ss_marker *m, bool head_like)
{
	unsigned type = m->type, sh = t->shadow[type];
	unsigned item = m->num == 1 || (sh && m->num == sh + 1) ? m->num : 0;

	if (type == MT_DEC)
		return 0;

	if (sh && m->num == sh + 1) {
		t->shadow[type] = m->num;
		t->shadow_hl[type] = t->shadow_hl[type] && head_like;
	} else {
		t->shadow[type] = m->num;
		t->shadow_hl[type] = head_like;
	}
	return item;
}

int
ss_tree_level(const struct ss_tree *t, const struct ss_marker *m)
{
	int at;

	if (m->type == MT_DEC)
		return dec_base(t, m) + m->nparts;
	at = find(t, m->type);
	return at >= 0 ? at + 1 : open_depth(t, m->type) + 1;
}

int
ss_tree_open(struct ss_tree *t, const struct ss_marker *m)
{
	int at;
	struct ss_level *lv;

	if (m->type == MT_DEC)
		return dec_open(t, m);
	at = find(t, m->type);
	if (at >= 0)
		t->depth = at + 1;
	else
		t->depth = open_depth(t, m->type) + 1;
	lv = &t->lv[t->depth - 1];
	lv->type = (unsigned char)m->type;
	lv->num = m->num;
	lv->strict = P_NONE;
	lv->named = P_NONE;
	t->last[m->type] = m->num;
	memset(t->shadow, 0, sizeof t->shadow);
	set_path(t);
	return t->depth;
}

struct ss_level *
ss_tree_top(struct ss_tree *t)
{
	return t->depth ? &t->lv[t->depth - 1] : NULL;
}
