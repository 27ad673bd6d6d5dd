/* zh-tag-entities: laws, terms, organisations, places, events, persons. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "out.h"
#include "stats.h"
#include "tag.h"
#include "tsv.h"
#include "utf8.h"

int main(int argc, char **argv);

static const char usage[] =
	"usage: zh-tag-entities [-H] [--dict FILE] [--patterns FILE] [--types LIST]\n"
	"                       [--stats] [FILE...]\n"
	"Tags entity mentions in the text (last column) of zhtsv rows: one output\n"
	"row per mention: prefix, start, end, type, norm, parent, entity.\n"
	"  -H, --header         read and write a header line\n"
	"  -d, --dict FILE      extra names, TSV: TYPE NAME [NORM] (repeatable)\n"
	"  -p, --patterns FILE  extra PCRE2 rules, TSV: TYPE PATTERN (repeatable)\n"
	"  -t, --types LIST     only these types, comma-separated:\n"
	"                       LAW,TERM,ORG,PLACE,EVENT,PERSON\n"
	"  --stats              one line of counts on standard error at the end\n"
	"  -h, --help           this help\n"
	"  -V, --version        version\n"
	"Offsets are code points of the unescaped text, 0-based, half-open;\n"
	"parent is the start of the enclosing mention.  See zh-tag-entities(1).\n";

static const char *const cols[] = {
	"start", "end", "type", "norm", "parent", "entity", NULL
};

struct ctx {
	struct tagger tg;
	unsigned shown;
	const struct tsv_row *row;      /* the row being tagged */
	const char *doc;                /* its doc column */
	size_t doclen;
	unsigned long long rows_out, hidden;    /* mentions written; left out by --types */
};

static void
out_num(size_t v)
{
	out_ulong(v);
	out_tab();
}

/* Tags one piece of the row's text and writes its mentions; base is the
 * code points of the row before the piece. */
static void
tag_piece(void *vctx, const char *piece, size_t n, size_t base)
{
	struct ctx *c = vctx;
	struct tagger *tg = &c->tg;
	const struct tsv_row *r = c->row;

	tg->same_row = piece != r->text;
	te_tag_text(tg, c->doc, c->doclen, piece, n);
	for (size_t i = 0; i < tg->ms.n; i++) {
		const struct mention *m = &tg->ms.m[i];
		long p = m->parent;
		if (m->dead)
			continue;
		if (!(c->shown & (1u << m->type))) {
			c->hidden++;
			continue;
		}
		c->rows_out++;
		while (p >= 0 && !(c->shown & (1u << tg->ms.m[p].type)))
			p = tg->ms.m[p].parent;
		tsv_out_prefix(r);
		out_num(base + m->s);
		out_num(base + m->e);
		out_str(te_type_names[m->type]);
		out_tab();
		tsv_out_field(m->nlen ? tg->ms.norm.s + m->norm : "", m->nlen);
		if (p >= 0)
			out_ulong(base + tg->ms.m[p].s);
		out_tab();
		tsv_out_last(piece + tg->t.off[m->s], tg->t.off[m->e] - tg->t.off[m->s]);
	}
}

static int
row(void *vctx, struct tsv_row *r)
{
	struct ctx *c = vctx;
	const char *doc = r->prefix;
	size_t doclen = 0;

	if (r->ncols == 0) {
		doc = r->file;
		doclen = strlen(doc);
	} else {
		while (doclen < r->prefix_len && doc[doclen] != '\t')
			doclen++;
	}
	/* A huge row is tagged in pieces, so that memory (about 40 bytes a
	 * character) stays bounded; offsets count from the row's start. */
	c->row = r;
	c->doc = doc;
	c->doclen = doclen;
	utf8_pieces(r->text, r->text_len, tag_piece, c);
	return 0;
}

static unsigned
parse_types(const char *arg)
{
	unsigned set = 0;
	const char *p = arg;

	while (*p) {
		size_t n = strcspn(p, ",");
		int found = 0;
		for (int i = 0; i < T_NTYPES; i++)
			if (n == strlen(te_type_names[i]) && strncmp(p, te_type_names[i], n) == 0) {
				set |= 1u << i;
				found = 1;
			}
		if (!found)
			zusage("--types: unknown type '%.*s'", (int)n, p);
		p += n;
		if (*p == ',')
			p++;
	}
	if (!set)
		zusage("--types: empty list");
	return set;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_LONGOPTS_STD,
		CLI_LONGOPT_HEADER,
		{ "dict", required_argument, NULL, 'd' },
		{ "patterns", required_argument, NULL, 'p' },
		{ "types", required_argument, NULL, 't' },
		CLI_LONGOPT_STATS('S'),
		{ NULL, 0, NULL, 0 }
	};
	struct ctx c;
	struct tsv_job job = { 0 };
	int ch, bad = 0;
	bool stats = false;

	cli_init("zh-tag-entities");
	te_init(&c.tg);
	c.shown = (1u << T_NTYPES) - 1;
	opterr = 0;     /* one message of our own, not getopt's too */
	while ((ch = getopt_long(argc, argv, ":Hd:p:t:hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'H':
			job.header = true;
			break;
		case 'd':
			bad |= te_load_dict(&c.tg, optarg) < 0;
			break;
		case 'p':
			bad |= te_load_patterns(&c.tg, optarg) < 0;
			break;
		case 't':
			c.shown = parse_types(optarg);
			break;
		case 'S':
			stats = true;
			break;
		case 'h':
			cli_help(usage);
		case 'V':
			cli_version();
		default:
			cli_bad_option(ch, argv);
		}
	}
	if (bad) {
		te_free(&c.tg);
		return cli_exit();
	}
	c.tg.types = c.shown;
	job.out_cols = cols;
	job.row = row;
	job.ctx = &c;
	c.rows_out = c.hidden = 0;
	tsv_run(&job, argc - optind, argv + optind);
	te_free(&c.tg);
	if (stats) {
		struct zstats st = { .n = 0 };

		tsv_stats_add(&job, &st);
		zstats_add(&st, "rows_out", c.rows_out);
		zstats_add(&st, "mentions_left_out_by_types", c.hidden);
		zstats_print(&st);
	}
	return cli_exit();
}
