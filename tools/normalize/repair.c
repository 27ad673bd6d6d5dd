/* Placeholder until the repair pass lands: changes nothing. */
#include <stdlib.h>

#include "cli.h"
#include "repair.h"

struct repair {
	int unused;
};

struct repair *
repair_new(void)
{
	return xcalloc(1, sizeof(struct repair));
}

void
repair_free(struct repair *rp)
{
	free(rp);
}

void
repair_doc_begin(struct repair *rp)
{
	(void)rp;
}

int
repair_line(struct repair *rp, struct buf *line, struct repair_stats *st)
{
	(void)rp;
	(void)line;
	(void)st;
	return 0;
}
