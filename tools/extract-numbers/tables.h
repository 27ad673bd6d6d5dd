/*
 * tables: the words that decide whether a number is a quantity — units
 * and measure words, set phrases that only look like numbers, money
 * contexts, label fillers.  Keys are simplified, width-folded text and
 * are matched against text folded the same way, so traditional and
 * full-width input meet the same rules.
 */
#ifndef XN_TABLES_H
#define XN_TABLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum xn_kind {
	XN_K_COUNT, XN_K_MONEY, XN_K_PERCENT, XN_K_PPOINT, XN_K_RATIO, XN_K_SCORE,
	XN_K_DATE, XN_K_YEAR, XN_K_RANGE, XN_K_DURATION, XN_K_ORDINAL, XN_K_OTHER
};

extern const char *const xn_kind_names[];

/* Which numbers a unit may follow. */
enum {
	XN_UF_AR = 1,            /* Arabic digits */
	XN_UF_CN = 2,            /* Chinese numerals */
	XN_UF_ONE = 4,           /* a lone 一 or 两, where set phrases abound */
	XN_UF_ORD = 8,           /* only after 第 */
	XN_UF_STRICT = 16,       /* must not be followed by a Han character,
	                          * except 以 (以上, 以下), 左右 and 的:
	                          * 十分重要 is not a score */
	XN_UF_LATIN = 32,        /* in Latin letters: not followed by another */
};

#define XN_KEYMAX 8

struct xn_key {
	const char *s;           /* UTF-8 */
	uint32_t cp[XN_KEYMAX];
	uint8_t len;
};

struct xn_unit {
	struct xn_key key;
	const char *out;         /* the unit column */
	enum xn_kind kind;
	unsigned flags;
	const char *bad_next;    /* UTF-8 characters that make it another word */
	uint32_t bad[32];
	uint8_t nbad;
};

void xn_tables_init(void);

/* Longest unit at f[i..n) allowed for the given XN_UF_ source flags. */
const struct xn_unit *xn_unit_at(const uint32_t *f, size_t i, size_t n,
    unsigned src);

/* Clause punctuation (folded): labels never cross it, and a number
 * right after it starts its clause. */
bool xn_clause_punct(uint32_t c);

/* Whether some unit begins with c. */
bool xn_unit_may_start(uint32_t c);

/* Phrase lists. */
enum xn_list {
	XN_L_SETPHRASE,          /* start with a numeral, are never quantities */
	XN_L_ONE_BEFORE,         /* a character before a lone 一 that makes a word */
	XN_L_MONEY,              /* clause words that make 万/亿 amounts money */
	XN_L_FILL_HEAD,          /* label fillers at its start */
	XN_L_FILL_TAIL,          /* label fillers at its end */
	XN_L_NOUNIT_NEXT,        /* after a bare number: a code or a name (热线) */
	XN_L_SESSION,            /* around N届: a congress session's body */
	XN_L_LIMIT,              /* before 一: a limit (限, 至少, 不超过) */
	XN_L_NLISTS
};

/* Length of the key of list l that starts at f[i], longest first; 0. */
size_t xn_list_at(enum xn_list l, const uint32_t *f, size_t i, size_t n);
/* Length of the key of list l that ends at f[i] (exclusive); 0. */
size_t xn_list_before(enum xn_list l, const uint32_t *f, size_t i);

bool xn_key_at(const struct xn_key *k, const uint32_t *f, size_t i, size_t n);
void xn_key_init(struct xn_key *k);

#endif
