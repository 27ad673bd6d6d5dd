/* zh-extract-numbers: every quantity of zhtsv text, one row each. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "out.h"
#include "scan.h"
#include "stats.h"
#include "tsv.h"
#include "utf8.h"

int main(int argc, char **argv);

static const char usage[] =
"usage: zh-extract-numbers [-Hr] [-y YYYY] [--stats] [file ...]\n"
"Writes one row per quantity of the last (text) column of zhtsv rows:\n"
"the row's prefix columns, then start end value unit qkind approx label raw.\n"
"  -H, --header      read and write a header line\n"
"  -r, --relative    also report relative time (今年, 去年, 上年度, 年底)\n"
"                    as the year it means: the year in each document's\n"
"                    title, else its first date, moved by the word\n"
"  -y, --year YYYY   take YYYY as that year (implies -r)\n"
"  --stats           one line of counts on standard error at the end\n"
"  -h, --help        show this help\n"
"  -V, --version     show the version\n"
"A document is a run of rows with the same first column.\n";

static const char *const cols[] = {
	"start", "end", "value", "unit", "qkind", "approx", "label", "raw", NULL
};

struct ctx {
	struct xn *xn;
	const struct tsv_row *row;
	size_t base;            /* code points of the row before this piece */
	struct buf doc;
	bool have_doc;
	unsigned long long rows_out, rows_with;  /* quantities; rows with one */
	bool row_had;
};

static void
put_num(size_t v)
{
	out_ulong(v);
	out_tab();
}

static void
emit(void *p, const struct xn_match *m)
{
	struct ctx *c = p;

	c->rows_out++;
	c->row_had = true;
	tsv_out_prefix(c->row);
	put_num(c->base + m->start);
	put_num(c->base + m->end);
	tsv_out_field(m->value, m->value_len);
	tsv_out_field(m->unit, strlen(m->unit));
	tsv_out_field(m->kind, strlen(m->kind));
	tsv_out_field(m->approx, strlen(m->approx));
	tsv_out_field(m->label, m->label_len);
	tsv_out_last(m->raw, m->raw_len);
}

static void
scan_piece(void *p, const char *piece, size_t n, size_t base)
{
	struct ctx *c = p;

	c->base = base;
	xn_scan(c->xn, piece, n, emit, c);
}

static int
row(void *p, struct tsv_row *r)
{
	struct ctx *c = p;
	size_t dl = 0;

	if (r->ncols) {
		while (dl < r->prefix_len && r->prefix[dl] != '\t')
			dl++;
		if (!c->have_doc || dl != c->doc.len ||
		    memcmp(c->doc.s, r->prefix, dl) != 0) {
			buf_clear(&c->doc);
			buf_add(&c->doc, r->prefix, dl);
			c->have_doc = true;
			xn_doc_begin(c->xn);
		}
	}
	c->row = r;
	c->row_had = false;
	/* A huge row is read in pieces cut at sentence ends, so that memory
	 * (a few words a character) stays bounded. */
	utf8_pieces(r->text, r->text_len, scan_piece, c);
	c->rows_with += c->row_had;
	return 0;
}

static void
end_input(void *p, const char *file)
{
	struct ctx *c = p;

	(void)file;
	c->have_doc = false;
	xn_doc_begin(c->xn);
}

int
main(int argc, char **argv)
{
	static const struct option lopts[] = {
		CLI_LONGOPTS_STD,
		CLI_LONGOPT_HEADER,
		{ "relative", no_argument, NULL, 'r' },
		{ "year", required_argument, NULL, 'y' },
		CLI_LONGOPT_STATS('S'),
		{ NULL, 0, NULL, 0 }
	};
	struct ctx c = { 0 };
	struct tsv_job job = { .out_cols = cols, .row = row,
	    .end_input = end_input, .ctx = &c };
	unsigned long year = 0;
	bool relative = false, stats = false;
	int ch, rc;

	cli_init("zh-extract-numbers");
	opterr = 0;     /* getopt would name the program by its path */
	while ((ch = getopt_long(argc, argv, ":HVhry:", lopts, NULL)) != -1) {
		switch (ch) {
		case 'H':
			job.header = true;
			break;
		case 'r':
			relative = true;
			break;
		case 'y':
			year = cli_ulong("--year", optarg);
			if (year < 1000 || year > 9999)
				zusage("--year wants a 4-digit year, not %s", optarg);
			relative = true;
			break;
		case 'S':
			stats = true;
			break;
		case 'h':
			cli_help(usage);
		case 'V':
			cli_version();
		default:
			if (ch == ':' && optopt == 'y')
				zusage("-y needs a year");
			cli_bad_option(ch, argv);
		}
	}
	c.xn = xn_new();
	xn_set_relative(c.xn, relative);
	xn_set_year(c.xn, (int)year);
	rc = tsv_run(&job, argc - optind, argv + optind);
	xn_free(c.xn);
	if (stats) {
		struct zstats st = { .n = 0 };

		tsv_stats_add(&job, &st);
		zstats_add(&st, "rows_out", c.rows_out);
		zstats_add(&st, "rows_with_quantities", c.rows_with);
		zstats_print(&st);
	}
	buf_free(&c.doc);
	if (rc)
		zfail();
	return cli_exit();
}
