#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "input.h"
#include "out.h"
#include "stats.h"
#include "tsv.h"
#include "utf8.h"

size_t
tsv_escape(const char *s, size_t n, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		char e = 0;

		switch (s[i]) {
		case '\\': e = '\\'; break;
		case '\t': e = 't'; break;
		case '\n': e = 'n'; break;
		case '\r': e = 'r'; break;
		}
		if (e) {
			out[o++] = '\\';
			out[o++] = e;
		} else {
			out[o++] = s[i];
		}
	}
	return o;
}

size_t
tsv_unescape(char *s, size_t n)
{
	char *bs = memchr(s, '\\', n);
	size_t i, o;

	if (!bs)
		return n;
	for (i = o = (size_t)(bs - s); i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			char c = s[i + 1];
			char r = c == '\\' ? '\\' : c == 't' ? '\t' :
			    c == 'n' ? '\n' : c == 'r' ? '\r' : 0;

			if (r) {
				s[o++] = r;
				i++;
				continue;
			}
		}
		s[o++] = s[i];         /* any other backslash is literal */
	}
	return o;
}

size_t
tsv_nfields(const char *s, size_t n)
{
	size_t k = 1;
	const char *e = s + n;

	while ((s = memchr(s, '\t', (size_t)(e - s))) != NULL) {
		k++;
		s++;
	}
	return k;
}

bool
tsv_field(const char *s, size_t n, size_t i, size_t *start, size_t *len)
{
	size_t pos = 0;

	while (i > 0) {
		const char *t = memchr(s + pos, '\t', n - pos);

		if (!t)
			return false;
		pos = (size_t)(t - s) + 1;
		i--;
	}
	{
		const char *t = memchr(s + pos, '\t', n - pos);

		*start = pos;
		*len = (t ? (size_t)(t - s) : n) - pos;
	}
	return true;
}

void
tsv_out_prefix(const struct tsv_row *row)
{
	if (row->ncols) {
		out_write(row->prefix, row->prefix_len);
		out_tab();
	}
}

void
tsv_out_field(const char *s, size_t n)
{
	out_escaped(s, n);
	out_tab();
}

void
tsv_out_last(const char *s, size_t n)
{
	out_escaped(s, n);
	out_nl();
}

bool
tsv_is_header(const char *s, size_t n)
{
	size_t fields = 1;
	bool start = true;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\t') {
			if (start)
				return false;
			fields++;
			start = true;
		} else if (start) {
			if (c < 'a' || c > 'z')
				return false;
			start = false;
		} else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
			return false;
		}
	}
	return fields >= 2 && !start;
}

void
tsv_stats_add(const struct tsv_job *job, struct zstats *s)
{
	const struct tsv_counts *c = &job->counts;

	zstats_add(s, "inputs", c->inputs);
	zstats_add(s, "inputs_failed", c->inputs_failed);
	zstats_add(s, "rows_in", c->rows_in);
	zstats_add(s, "rows_short_padded", c->rows_short);
	zstats_add(s, "rows_long", c->rows_long);
	zstats_add(s, "rows_invalid_utf8", c->rows_invalid_utf8);
}

struct run_state {
	struct tsv_job *job;
	bool header_written;
	size_t want_cols;        /* columns per row once known, 0 before */
	struct buf prefix;       /* a padded prefix when a row is short */
	struct buf clean;        /* text with invalid bytes replaced */
};

static void
write_header(struct run_state *st, const char *line, size_t len, bool has_input_header)
{
	const char *const *c;

	if (st->header_written)
		return;
	st->header_written = true;
	if (has_input_header) {
		/* Keep the input's names for the prefix columns. */
		const char *tab = NULL;

		for (size_t i = len; i > 0; i--)
			if (line[i - 1] == '\t') {
				tab = line + i - 1;
				break;
			}
		if (tab) {
			out_write(line, (size_t)(tab - line));
			out_tab();
		}
	}
	for (c = st->job->out_cols; *c; c++) {
		out_str(*c);
		out_char(c[1] ? '\t' : '\n');
	}
}

static void
check_escapes(const char *file, unsigned long lineno, const char *s, size_t n)
{
	const char *p = s, *e = s + n;

	while ((p = memchr(p, '\\', (size_t)(e - p))) != NULL) {
		char c = p + 1 < e ? p[1] : 0;

		if (c == '\\' || c == 't' || c == 'n' || c == 'r') {
			p += 2;
			continue;
		}
		zwarn(file, lineno, "backslash not followed by \\\\, t, n or r: kept as a "
		    "literal backslash");
		return;
	}
}

static int
run_row(struct run_state *st, const char *file, struct zline *ln)
{
	struct tsv_row row;
	char *tab = NULL;
	size_t ncols;

	/* The last tab, found forwards with memchr: the prefix is short
	 * and memchr crosses the long text far faster than a byte loop. */
	ncols = 0;
	for (char *p = ln->s, *e = ln->s + ln->len, *t;
	    (t = memchr(p, '\t', (size_t)(e - p))) != NULL; p = t + 1) {
		tab = t;
		ncols++;
	}
	row.file = file;
	row.lineno = ln->lineno;
	if (tab) {
		row.prefix = ln->s;
		row.prefix_len = (size_t)(tab - ln->s);
		row.text = tab + 1;
	} else {
		row.prefix = ln->s;
		row.prefix_len = 0;
		ncols = 0;
		row.text = ln->s;
	}
	row.ncols = ncols;
	row.text_len = (size_t)(ln->s + ln->len - row.text);

	st->job->counts.rows_in++;
	if (st->want_cols == 0) {
		st->want_cols = ncols + 1;
	} else if (ncols + 1 != st->want_cols) {
		if (ncols + 1 < st->want_cols)
			st->job->counts.rows_short++;
		else
			st->job->counts.rows_long++;
		zwarn(file, ln->lineno, "expected %zu columns, found %zu%s",
		    st->want_cols, ncols + 1,
		    ncols + 1 < st->want_cols ? "; empty columns added before the text" : "");
		if (ncols + 1 < st->want_cols) {
			size_t want = st->want_cols - 1;

			buf_clear(&st->prefix);
			buf_add(&st->prefix, row.prefix, row.prefix_len);
			/* want fields need want-1 separators in all. */
			for (size_t k = ncols ? ncols : 1; k < want; k++)
				buf_addc(&st->prefix, '\t');
			row.prefix = st->prefix.s;
			row.prefix_len = st->prefix.len;
			row.ncols = st->want_cols - 1;
		}
	}

	if (st->job->warn_escapes)
		check_escapes(file, ln->lineno, row.text, row.text_len);
	row.text_len = tsv_unescape(row.text, row.text_len);
	row.invalid = 0;
	if (!utf8_valid(row.text, row.text_len)) {
		row.invalid = utf8_count_invalid(row.text, row.text_len);
		st->job->counts.rows_invalid_utf8++;
		zwarn(file, ln->lineno, "invalid UTF-8: %zu byte%s replaced by U+FFFD",
		    row.invalid, row.invalid == 1 ? "" : "s");
		buf_clear(&st->clean);
		buf_grow(&st->clean, 3 * row.text_len);
		st->clean.len = utf8_sanitize(row.text, row.text_len, st->clean.s);
		row.text = st->clean.s;
		row.text_len = st->clean.len;
	}
	return st->job->row(st->job->ctx, &row);
}

static int
run_file(struct run_state *st, const char *path)
{
	struct zin *in = zin_open(path);
	struct zlines *lr;
	struct zline ln;
	int rc, status = 0;
	bool first = true;

	st->job->counts.inputs++;
	if (!in) {
		st->job->counts.inputs_failed++;
		return 1;
	}
	lr = zlines_new(in, 0);
	while ((rc = zlines_next(lr, &ln)) > 0) {
		/* A header where none was announced, or none where one was,
		 * shifts every row by one: say so, once per input. */
		if (first && st->job->header && !tsv_is_header(ln.s, ln.len))
			zwarn(path, ln.lineno, "-H given, but the first row names no columns "
			    "(it looks like data); it was read as the header, not as a row");
		else if (first && !st->job->header && tsv_is_header(ln.s, ln.len))
			zwarn(path, ln.lineno, "the first row looks like a header (column "
			    "names): give -H to read it as one; it was read as a row");
		if (first && st->job->header) {
			first = false;
			st->job->counts.headers++;
			if (st->want_cols == 0)
				st->want_cols = tsv_nfields(ln.s, ln.len);
			write_header(st, ln.s, ln.len, true);
			continue;
		}
		first = false;
		if (run_row(st, path, &ln) < 0) {
			status = 1;
			break;
		}
	}
	if (rc < 0)
		status = 1;
	if (status)
		st->job->counts.inputs_failed++;
	if (st->job->end_input)
		st->job->end_input(st->job->ctx, path);
	zlines_free(lr);
	if (zin_close(in) < 0)
		status = 1;
	return status;
}

int
tsv_run(struct tsv_job *job, int nfiles, char **files)
{
	struct run_state st = { .job = job };
	char *dash[] = { "-" };
	int status = 0;

	if (nfiles == 0) {
		files = dash;
		nfiles = 1;
	}
	for (int i = 0; i < nfiles; i++)
		if (run_file(&st, files[i]))
			status = 1;
	/* -H on empty input still names the columns. */
	if (job->header && !st.header_written)
		write_header(&st, "", 0, false);
	buf_free(&st.prefix);
	buf_free(&st.clean);
	if (status)
		zfail();
	return status;
}
