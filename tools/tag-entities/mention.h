/*
 * mention: the list of mentions the detectors find in one text, and the
 * step that makes it flat output: text order, no duplicates, the weaker
 * of two crossing mentions dropped, each linked to its container.
 */
#ifndef TE_MENTION_H
#define TE_MENTION_H

#include <stddef.h>

#include "buf.h"

enum etype { T_LAW, T_TERM, T_EVENT, T_ORG, T_PLACE, T_PERSON, T_NTYPES };
extern const char *const te_type_names[T_NTYPES];

struct mention {
	size_t s, e;            /* code points, half-open */
	int type;
	int flag;               /* detector-specific (place kind, ...) */
	size_t norm, nlen;      /* norm text in mentions' norm, nlen 0: none */
	long parent;            /* index of enclosing mention or -1 */
	int dead;
};

struct te_mentions {
	struct mention *m;
	size_t n, cap;
	struct buf norm;        /* the mentions' norms */
	long *stack;            /* te_mentions_finish()'s, reused */
	size_t cstack;
};

void te_mentions_free(struct te_mentions *ms);
void te_mentions_clear(struct te_mentions *ms);
/* Adds a mention; pointers to earlier ones may move. */
struct mention *te_mention_add(struct te_mentions *ms, size_t s, size_t e, int type);
void te_mention_set_norm(struct te_mentions *ms, struct mention *m, const char *s, size_t n);
/* Sorts, drops duplicates and the weaker of crossing mentions (marked
 * dead), and sets parents. */
void te_mentions_finish(struct te_mentions *ms);

#endif
