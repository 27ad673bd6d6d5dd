/*
 * stats: the --stats line every program prints on standard error, one
 * line of name=value pairs in a fixed order, so that a script can read
 * it with one split:
 *
 *	zh-x: stats: rows_in=120 rows_out=96 dropped_chrome=4 ...
 *
 * Counters are kept by the program in its own structures; a zstats is
 * filled once at the end.  Names are [a-z0-9_]; a name added twice adds
 * up.
 */
#ifndef ZH_STATS_H
#define ZH_STATS_H

#define ZSTATS_MAX 48

struct zstats {
	const char *name[ZSTATS_MAX];
	unsigned long long val[ZSTATS_MAX];
	int n;
};

void zstats_add(struct zstats *s, const char *name, unsigned long long v);
/* Prints "progname: stats: a=1 b=2" on standard error. */
void zstats_print(const struct zstats *s);

#endif
