#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mention.h"

const char *const te_type_names[T_NTYPES] = {
	"LAW", "TERM", "EVENT", "ORG", "PLACE", "PERSON"
};

/* Which mention wins when two cross: brackets are certain, grammar less so. */
static const int prio[T_NTYPES] = { 6, 5, 4, 3, 2, 1 };

void
te_mentions_free(struct te_mentions *ms)
{
	free(ms->m);
	free(ms->stack);
	buf_free(&ms->norm);
	memset(ms, 0, sizeof(*ms));
}

void
te_mentions_clear(struct te_mentions *ms)
{
	ms->n = 0;
	buf_clear(&ms->norm);
}

struct mention *
te_mention_add(struct te_mentions *ms, size_t s, size_t e, int type)
{
	struct mention *m;

	if (ms->n == ms->cap) {
		ms->cap = ms->cap ? 2 * ms->cap : 64;
		ms->m = xrealloc(ms->m, ms->cap * sizeof(*ms->m));
	}
	m = &ms->m[ms->n++];
	memset(m, 0, sizeof(*m));
	m->s = s;
	m->e = e;
	m->type = type;
	m->parent = -1;
	return m;
}

void
te_mention_set_norm(struct te_mentions *ms, struct mention *m, const char *s, size_t n)
{
	m->norm = ms->norm.len;
	m->nlen = n;
	buf_add(&ms->norm, s, n);
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

/* A stack of open mentions keeps this linear in the number of mentions. */
void
te_mentions_finish(struct te_mentions *ms)
{
	struct mention *m = ms->m;
	size_t n = ms->n, sp = 0;
	long *stack;

	if (n == 0)
		return;
	qsort(m, n, sizeof(*m), cmp_mention);
	if (n > ms->cstack) {
		ms->cstack = n;
		ms->stack = xrealloc(ms->stack, n * sizeof(*ms->stack));
	}
	stack = ms->stack;
	for (size_t i = 0; i < n; i++) {
		/* Dropped by a detector (a roster's name read as a place). */
		if (m[i].dead)
			continue;
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
