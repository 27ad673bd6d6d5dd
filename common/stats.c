#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "stats.h"

void
zstats_add(struct zstats *s, const char *name, unsigned long long v)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->name[i], name) == 0) {
			s->val[i] += v;
			return;
		}
	if (s->n == ZSTATS_MAX)
		zdie("too many statistics (%s)", name);
	s->name[s->n] = name;
	s->val[s->n++] = v;
}

void
zstats_print(const struct zstats *s)
{
	fprintf(stderr, "%s: stats:", progname);
	for (int i = 0; i < s->n; i++)
		fprintf(stderr, " %s=%llu", s->name[i], s->val[i]);
	fputc('\n', stderr);
}
