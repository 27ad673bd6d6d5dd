/*
 * tsv: the zhtsv row contract (see zhtsv(5)).
 *
 * A row is tab-separated; the LAST column is free text and every column
 * before it is a prefix that programs pass through byte for byte.  Only
 * the text is unescaped (\\ \t \n \r; any other backslash is literal)
 * and only the text may contain invalid UTF-8, which is reported with
 * file:line and replaced by U+FFFD so offsets stay meaningful.
 *
 * tsv_run() is the loop every row-processing program uses: it opens each
 * input (or stdin), handles -H (reads one header per input, writes one
 * header in total), keeps the column count consistent, and calls back
 * once per row.
 */
#ifndef ZH_TSV_H
#define ZH_TSV_H

#include <stdbool.h>
#include <stddef.h>

/* Escapes s into out (which must hold 2 * n bytes); returns the length. */
size_t tsv_escape(const char *s, size_t n, char *out);
/* Unescapes in place; returns the new length. */
size_t tsv_unescape(char *s, size_t n);
/* Number of tab-separated fields in a line (1 + tabs). */
size_t tsv_nfields(const char *s, size_t n);
/* Byte range of field i (0-based); returns false if there is no such field. */
bool tsv_field(const char *s, size_t n, size_t i, size_t *start, size_t *len);

struct tsv_row {
	const char *file;        /* for diagnostics */
	unsigned long lineno;
	const char *prefix;      /* the columns before the text, as read, */
	size_t prefix_len;       /*   without the tab that ends them */
	size_t ncols;            /* number of prefix columns */
	char *text;              /* the last column, unescaped and valid UTF-8 */
	size_t text_len;
	size_t invalid;          /* invalid bytes replaced in text */
};

/* What tsv_run saw, for --stats. */
struct tsv_counts {
	unsigned long long inputs, inputs_failed, rows_in, rows_short, rows_long,
	    rows_invalid_utf8, headers;
};

struct tsv_job {
	/* Names of the columns this program writes after the prefix; the last
	 * one is its text column.  NULL-terminated.  Used for -H. */
	const char *const *out_cols;
	bool header;
	/* Warn (file:line) about a backslash in the text that starts no
	 * escape; it is kept literally either way. */
	bool warn_escapes;
	/* Called for every row; return 0, or -1 to stop with status 1. */
	int (*row)(void *ctx, struct tsv_row *row);
	/* Called after the last row of each input (may be NULL). */
	void (*end_input)(void *ctx, const char *file);
	void *ctx;
	struct tsv_counts counts;       /* filled by tsv_run */
};


/* Runs job over files (stdin when nfiles is 0; "-" is stdin).  Returns
 * 0, or 1 if any input could not be read or had errors. */
int tsv_run(struct tsv_job *job, int nfiles, char **files);

/* True when a line is a plausible zhtsv header: two fields or more,
 * each a column name ([a-z][a-z0-9_]*), like "doc line flags text". */
bool tsv_is_header(const char *s, size_t n);

struct zstats;
/* Adds the counts of a finished run to s: inputs, rows_in, and the rows
 * that were repaired on the way in (short, long, invalid UTF-8). */
void tsv_stats_add(const struct tsv_job *job, struct zstats *s);

/* Writes the row's prefix and, when there is one, the tab after it. */
void tsv_out_prefix(const struct tsv_row *row);
/* Writes an escaped field followed by a tab. */
void tsv_out_field(const char *s, size_t n);
/* Writes the escaped last field followed by a newline. */
void tsv_out_last(const char *s, size_t n);

#endif
