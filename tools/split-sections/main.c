/* zh-split-sections: the heading tree of each document as section paths. */
#include <getopt.h>
#include <stdbool.h>

#include "cli.h"
#include "engine.h"
#include "out.h"
#include "stats.h"
#include "tsv.h"

int main(int argc, char **argv);

static const char usage[] =
"usage: zh-split-sections [-Hks] [--stats] [FILE...]\n"
"Tags each zhtsv row (zh-normalize output) with its place in the\n"
"document: prefix columns, then sect kind part text.\n"
"  -H, --header        read and write a header line\n"
"  -k, --keep-markers  keep 一、 (一) 1. 一是 … in the text\n"
"  -s, --sentences     body text as one row per sentence (kind sentence)\n"
"  --stats             one line of counts on standard error at the end\n"
"  -h, --help          this help\n"
"  -V, --version       version\n"
"sect: 3.2.1 for 三、>(二)>1., 0 for the title and preamble, A1.2 in annex 1;\n"
"items (一是…二是…, (1)…(2)…) get one more number.\n"
"kind: title heading para item sentence, and the frame of an official\n"
"document: docnum addressee signature date note annexlist annex.\n"
"part: reports measures shortfalls rectification plans duty; plans,\n"
"opinions, notices aims tasks safeguards; annex; other.\n"
"The first prefix column is the document id; see zh-split-sections(1).\n";

static const char *const cols[] = { "sect", "kind", "part", "text", NULL };

static void
emit(void *arg, const struct ss_row_out *e)
{
	unsigned long long *rows_out = arg;

	(*rows_out)++;
	if (e->has_prefix) {
		out_write(e->prefix, e->prefix_len);
		out_tab();
	}
	out_str(e->sect);
	out_tab();
	out_str(e->kind);
	out_tab();
	out_str(e->part);
	out_tab();
	out_escaped(e->text, e->text_len);
	out_nl();
}

static int
row(void *ctx, struct tsv_row *r)
{
	ss_row(ctx, r->file, r->lineno, r->prefix, r->prefix_len, r->ncols,
	    r->text, r->text_len);
	return 0;
}

static void
end_input(void *ctx, const char *file)
{
	(void)file;
	ss_end_input(ctx);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS_STD,
		CLI_LONGOPT_HEADER,
		{ "keep-markers", no_argument, NULL, 'k' },
		{ "sentences", no_argument, NULL, 's' },
		CLI_LONGOPT_STATS('S'),
		{ NULL, 0, NULL, 0 }
	};
	struct ss_opts o = { 0 };
	struct tsv_job job = { .out_cols = cols };
	struct ss *s;
	struct zstats st = { .n = 0 };
	unsigned long long rows_out = 0;
	bool stats = false;
	int c;

	cli_init("zh-split-sections");
	opterr = 0;     /* one message of our own, not getopt's too */
	while ((c = getopt_long(argc, argv, ":HhksV", longopts, NULL)) != -1) {
		switch (c) {
		case 'H': job.header = true; break;
		case 'k': o.keep_markers = true; break;
		case 's': o.sentences = true; break;
		case 'S': stats = true; break;
		case 'h': cli_help(usage);
		case 'V': cli_version();
		default: cli_bad_option(c, argv);
		}
	}
	job.warn_escapes = true;
	s = ss_new(&o, emit, &rows_out);
	job.row = row;
	job.end_input = end_input;
	job.ctx = s;
	tsv_run(&job, argc - optind, argv + optind);
	ss_free(s);
	if (stats) {
		tsv_stats_add(&job, &st);
		zstats_add(&st, "rows_out", rows_out);
		zstats_print(&st);
	}
	return cli_exit();
}
