/*
 * zh-normalize: scraped reports in any encoding -> clean UTF-8 zhtsv
 * lines (doc line flags text), one document per input file.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "decode.h"
#include "input.h"
#include "normalize.h"
#include "out.h"
#include "tsv.h"
#include "zhconv.h"

static const char usage_text[] =
"usage: zh-normalize [options] [FILE|-]...\n"
"Reads scraped reports (any encoding, gzip or not), one document per file,\n"
"and writes clean UTF-8 rows: doc line flags text.\n"
"\n"
"Input:\n"
"  --files-from LIST    read input paths from LIST, one per line (- = stdin)\n"
"  --doc ID             document id for standard input (default -)\n"
"  --from ENC           decode every input as ENC (any iconv name)\n"
"Output:\n"
"  -H, --header         write a header row (also in the --meta file)\n"
"  --meta FILE          one row per document: encoding, script, title, date,\n"
"                       source and line counts\n"
"  --stats              print a summary to standard error\n"
"Text (each step is on by default):\n"
"  --no-width           keep full-width letters and digits\n"
"  --no-space           keep spaces as written (no trimming or collapsing)\n"
"  --keep-cjk-spaces    keep spaces between CJK characters and digits\n"
"  --no-control         keep tabs and control characters (escaped)\n"
"  --punct=MODE         keep (default), ascii or cjk punctuation\n"
"  --no-repair          do not repair pinyin insertions and GBK mojibake\n"
"  --to-simplified      convert to simplified script (as opencc tw2s)\n"
"  --to-traditional     convert to traditional script (as opencc s2tw)\n"
"Page chrome (breadcrumbs, share/print widgets, footers, metadata block):\n"
"  --keep-chrome        keep chrome lines, with flag c\n"
"  --no-chrome          do not look for chrome at all\n"
"  --chrome-patterns F  extra pcre2 patterns, one per line\n"
"  -h, --help           show this help\n"
"  -V, --version        show the version\n"
"Flags: c chrome, l damaged (left), r repaired, t script converted,\n"
"u invalid bytes replaced.  See zh-normalize(1).\n";

enum {
	O_FILES_FROM = 256, O_DOC, O_FROM, O_META, O_STATS, O_NO_WIDTH, O_NO_SPACE,
	O_KEEP_CJK_SPACES, O_NO_CONTROL, O_PUNCT, O_NO_REPAIR, O_TO_S, O_TO_T,
	O_KEEP_CHROME, O_NO_CHROME, O_CHROME_PATTERNS,
};

static const struct option longopts[] = {
	CLI_LONGOPTS_STD,
	CLI_LONGOPT_HEADER,
	{ "files-from", required_argument, NULL, O_FILES_FROM },
	{ "doc", required_argument, NULL, O_DOC },
	{ "from", required_argument, NULL, O_FROM },
	{ "meta", required_argument, NULL, O_META },
	{ "stats", no_argument, NULL, O_STATS },
	{ "no-width", no_argument, NULL, O_NO_WIDTH },
	{ "no-space", no_argument, NULL, O_NO_SPACE },
	{ "keep-cjk-spaces", no_argument, NULL, O_KEEP_CJK_SPACES },
	{ "no-control", no_argument, NULL, O_NO_CONTROL },
	{ "punct", required_argument, NULL, O_PUNCT },
	{ "no-repair", no_argument, NULL, O_NO_REPAIR },
	{ "to-simplified", no_argument, NULL, O_TO_S },
	{ "to-traditional", no_argument, NULL, O_TO_T },
	{ "keep-chrome", no_argument, NULL, O_KEEP_CHROME },
	{ "no-chrome", no_argument, NULL, O_NO_CHROME },
	{ "chrome-patterns", required_argument, NULL, O_CHROME_PATTERNS },
	{ NULL, 0, NULL, 0 },
};

struct run {
	struct norm *nm;
	int forced;                     /* enum enc, or -1 to detect */
	const char *from;
	const char *doc_stdin;
	FILE *meta;
	const char *meta_path;
	bool stats;
	/* Ids seen so far, to warn about duplicates (a sorted set would
	 * be faster; thousands of documents make a small hash enough). */
	char **ids;
	size_t nids, capids;
	struct doc_stats tot;
	unsigned long docs, skipped, by_enc[ENC_BINARY + 1];
};

static unsigned long
hash_str(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* Returns true if id was seen before. */
static bool
id_seen(struct run *r, const char *id)
{
	size_t i;

	if (r->nids * 2 >= r->capids) {
		char **old = r->ids;
		size_t oldcap = r->capids;

		r->capids = oldcap ? oldcap * 2 : 1024;
		r->ids = xcalloc(r->capids, sizeof *r->ids);
		for (size_t k = 0; k < oldcap; k++) {
			if (!old[k])
				continue;
			for (i = hash_str(old[k]) & (r->capids - 1); r->ids[i];
			    i = (i + 1) & (r->capids - 1))
				;
			r->ids[i] = old[k];
		}
		free(old);
	}
	for (i = hash_str(id) & (r->capids - 1); r->ids[i]; i = (i + 1) & (r->capids - 1))
		if (strcmp(r->ids[i], id) == 0)
			return true;
	r->ids[i] = xstrdup(id);
	r->nids++;
	return false;
}

/* The file's name without directories and without .gz, .txt, .html and
 * the like (repeatedly: report.html.gz -> report). */
static char *
doc_id(const char *path)
{
	static const char *const ext[] = { ".gz", ".txt", ".text", ".htm", ".html",
		".shtml", ".xhtml", ".xml", ".asp", ".aspx", ".jsp", ".php", NULL };
	const char *b = strrchr(path, '/');
	char *id = xstrdup(b ? b + 1 : path);
	bool again = true;

	while (again) {
		size_t n = strlen(id);

		again = false;
		for (int i = 0; ext[i]; i++) {
			size_t l = strlen(ext[i]);

			if (n > l && strcasecmp(id + n - l, ext[i]) == 0) {
				id[n - l] = '\0';
				again = true;
				break;
			}
		}
	}
	return id;
}

static void
meta_field(FILE *f, const char *s, bool last)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\': fputs("\\\\", f); break;
		case '\t': fputs("\\t", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		default: putc(*s, f);
		}
	}
	putc(last ? '\n' : '\t', f);
}

static void
meta_num(FILE *f, unsigned long v, bool last)
{
	fprintf(f, "%lu%c", v, last ? '\n' : '\t');
}

static void
add_stats(struct doc_stats *t, const struct doc_stats *s)
{
	t->lines_in += s->lines_in;
	t->lines_out += s->lines_out;
	t->blank += s->blank;
	t->chrome += s->chrome;
	t->invalid += s->invalid;
	t->converted += s->converted;
	t->controls += s->controls;
	t->rep.pinyin_removed += s->rep.pinyin_removed;
	t->rep.runs_repaired += s->rep.runs_repaired;
	t->rep.runs_damaged += s->rep.runs_damaged;
	t->rep.lines_unchecked += s->rep.lines_unchecked;
}

static void
write_meta(struct run *r, const char *id, const char *path, enum enc e)
{
	const struct doc_stats *s = norm_stats(r->nm);
	FILE *f = r->meta;

	if (!f)
		return;
	meta_field(f, id, false);
	meta_field(f, path, false);
	meta_field(f, e == ENC_ICONV ? r->from : enc_name(e), false);
	meta_field(f, e == ENC_BINARY ? "none" : norm_script(r->nm), false);
	meta_field(f, norm_title(r->nm), false);
	meta_field(f, norm_date(r->nm), false);
	meta_field(f, norm_source(r->nm), false);
	meta_num(f, s->lines_in, false);
	meta_num(f, s->lines_out, false);
	meta_num(f, s->blank, false);
	meta_num(f, s->chrome, false);
	meta_num(f, s->invalid, false);
	meta_num(f, s->converted, false);
	meta_num(f, s->rep.pinyin_removed, false);
	meta_num(f, s->rep.runs_repaired, false);
	meta_num(f, s->rep.runs_damaged, true);
}

static void
do_file(struct run *r, const char *path)
{
	bool is_stdin = strcmp(path, "-") == 0;
	char *id = is_stdin ? xstrdup(r->doc_stdin) : doc_id(path);
	struct zin *in;
	struct dec *d;
	struct zlines *lr;
	struct zline ln;
	enum enc e;
	int rc;

	if ((in = zin_open(path)) == NULL) {
		free(id);
		return;
	}
	if (id_seen(r, id))
		zwarn(path, 0, "duplicate document id '%s'", id);
	d = dec_open(in, NULL, 0, r->forced, r->from, &e);
	r->docs++;
	r->by_enc[e]++;
	norm_doc_begin(r->nm, id, path);
	if (e == ENC_BINARY) {
		zerror(path, 0, "binary data (not text in any known encoding): skipped");
		r->skipped++;
	} else {
		norm_doc_decoded(r->nm, dec_output_valid(d));
		lr = zlines_new_fn(dec_read, d, ZL_CR_EOL);
		while ((rc = zlines_next(lr, &ln)) == 1)
			norm_line(r->nm, ln.lineno, ln.s, ln.len);
		zlines_free(lr);
	}
	norm_doc_end(r->nm);
	add_stats(&r->tot, norm_stats(r->nm));
	write_meta(r, id, path, e);
	dec_close(d);
	zin_close(in);
	free(id);
}

static void
do_files_from(struct run *r, const char *list)
{
	struct zin *in = zin_open(list);
	struct zlines *lr;
	struct zline ln;

	if (!in)
		return;
	lr = zlines_new(in, 0);
	while (zlines_next(lr, &ln) == 1) {
		if (ln.len == 0)
			continue;
		if (memchr(ln.s, '\0', ln.len)) {
			zerror(list, ln.lineno, "NUL byte in a path");
			continue;
		}
		do_file(r, ln.s);
	}
	zlines_free(lr);
	zin_close(in);
}

static void
print_stats(const struct run *r)
{
	const struct doc_stats *t = &r->tot;

	fprintf(stderr, "zh-normalize: %lu documents (%lu skipped), lines in %lu, "
	    "out %lu, blank %lu, chrome %lu\n", r->docs, r->skipped, t->lines_in,
	    t->lines_out, t->blank, t->chrome);
	fprintf(stderr, "zh-normalize: invalid bytes %lu, control characters %lu, "
	    "converted characters %lu\n", t->invalid, t->controls, t->converted);
	fprintf(stderr, "zh-normalize: pinyin removed %lu, runs repaired %lu, "
	    "runs left damaged %lu\n", t->rep.pinyin_removed, t->rep.runs_repaired,
	    t->rep.runs_damaged);
	if (t->rep.lines_unchecked)
		fprintf(stderr, "zh-normalize: lines left unrepaired (over the "
		    "repair work guard, flag l) %lu\n", t->rep.lines_unchecked);
	fprintf(stderr, "zh-normalize: encodings:");
	for (int e = 0; e <= ENC_BINARY; e++)
		if (r->by_enc[e])
			fprintf(stderr, " %s %lu", e == ENC_ICONV ? r->from :
			    enc_name((enum enc)e), r->by_enc[e]);
	fputc('\n', stderr);
}

int
main(int argc, char **argv)
{
	struct norm_opts o = {
		.text = { .width = true, .space = true, .cjk_space = true,
		    .control = true, .punct = PUNCT_KEEP },
		.repair = true, .chrome = true,
	};
	struct run r = { .forced = -1, .doc_stdin = "-" };
	const char *files_from = NULL;
	bool header = false;
	int c;

	cli_init("zh-normalize");
	while ((c = getopt_long(argc, argv, "hVH", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': cli_help(usage_text);
		case 'V': cli_version();
		case 'H': header = true; break;
		case O_FILES_FROM: files_from = optarg; break;
		case O_DOC: r.doc_stdin = optarg; break;
		case O_FROM: {
			enum enc e;

			if (enc_from_name(optarg, &e) < 0)
				zusage("--from: iconv does not know the encoding '%s'", optarg);
			r.forced = (int)e;
			r.from = optarg;
			break;
		}
		case O_META: r.meta_path = optarg; break;
		case O_STATS: r.stats = true; break;
		case O_NO_WIDTH: o.text.width = false; break;
		case O_NO_SPACE: o.text.space = false; o.text.cjk_space = false; break;
		case O_KEEP_CJK_SPACES: o.text.cjk_space = false; break;
		case O_NO_CONTROL: o.text.control = false; break;
		case O_PUNCT:
			if (strcmp(optarg, "keep") == 0)
				o.text.punct = PUNCT_KEEP;
			else if (strcmp(optarg, "ascii") == 0)
				o.text.punct = PUNCT_ASCII;
			else if (strcmp(optarg, "cjk") == 0)
				o.text.punct = PUNCT_CJK;
			else
				zusage("--punct: expected keep, ascii or cjk, not '%s'", optarg);
			break;
		case O_NO_REPAIR: o.repair = false; break;
		case O_TO_S: o.conv = ZC_TO_SIMPLIFIED; break;
		case O_TO_T: o.conv = ZC_TO_TRADITIONAL; break;
		case O_KEEP_CHROME: o.keep_chrome = true; break;
		case O_NO_CHROME: o.chrome = false; break;
		case O_CHROME_PATTERNS: o.chrome_file = optarg; break;
		default: zusage("unknown option");
		}
	}
	argc -= optind;
	argv += optind;
	if (files_from && argc > 0)
		zusage("--files-from and file operands cannot be mixed");
	if (r.meta_path) {
		if ((r.meta = fopen(r.meta_path, "w")) == NULL)
			zusage("--meta: cannot create %s", r.meta_path);
	}
	o.script = r.meta || r.stats;
	r.nm = norm_new(&o);
	if (header)
		out_str("doc\tline\tflags\ttext\n");
	if (header && r.meta)
		fputs("doc\tfile\tencoding\tscript\ttitle\tpublished\tsource\tlines_in\t"
		    "lines_out\tblank\tchrome\tinvalid\tconverted\tpinyin_removed\t"
		    "runs_repaired\truns_damaged\n", r.meta);
	if (files_from)
		do_files_from(&r, files_from);
	else if (argc == 0)
		do_file(&r, "-");
	else
		for (int i = 0; i < argc; i++)
			do_file(&r, argv[i]);
	if (r.meta && (ferror(r.meta) | fclose(r.meta)))
		zerror(r.meta_path, 0, "write error");
	if (r.stats)
		print_stats(&r);
	norm_free(r.nm);
	for (size_t i = 0; i < r.capids; i++)
		free(r.ids[i]);
	free(r.ids);
	return cli_exit();
}
