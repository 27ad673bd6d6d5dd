#include <string.h>

#include "part.h"
#include "tree.h"

/* GB/T 9704 order of the marker types; MT_BARE (a part named with no
 * number) is above all. */
static const unsigned char rank[MT_COUNT] = {
	[MT_BARE] = 0, [MT_PART] = 1, [MT_SEC] = 2, [MT_ART] = 3, [MT_CN] = 4,
	[MT_CNP] = 5, [MT_AR] = 6, [MT_ARP] = 7, [MT_ARH] = 8, [MT_CIR] = 9
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

bool
ss_tree_accepts(const struct ss_tree *t, const struct ss_marker *m,
    bool head_like, bool alone)
{
	int at = find(t, m->type);
	unsigned sh = t->shadow[m->type], last = t->last[m->type];
	bool in_list = sh && m->num == sh + 1 &&
	    !(head_like && !t->shadow_hl[m->type]);

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
ss_tree_open(struct ss_tree *t, const struct ss_marker *m)
{
	int at = find(t, m->type);
	struct ss_level *lv;

	if (at >= 0) {
		t->depth = at + 1;
	} else {
		while (t->depth > 0 && rank[t->lv[t->depth - 1].type] > rank[m->type])
			t->depth--;
		t->depth++;
	}
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
