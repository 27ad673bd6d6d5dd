/*
 * zh-normalize: scraped reports in any encoding -> clean UTF-8 zhtsv
 * lines (doc line flags text), one document per input file.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "decode.h"
#include "input.h"
#include "normalize.h"
#include "out.h"
#include "stats.h"
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
"  --html, --text       read every input as an HTML page / as plain text\n"
"                       (default: HTML when its first markup is a tag)\n"
"Output:\n"
"  -H, --header         write a header row (also in the --meta file)\n"
"  --meta FILE          one row per document: encoding, script, title, date,\n"
"                       source, line counts, document number, url\n"
"  --stats              one line of counts on standard error at the end\n"
"  -q, --quiet          no progress line (shown when standard error is a\n"
"                       terminal)\n"
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
	O_KEEP_CHROME, O_NO_CHROME, O_CHROME_PATTERNS, O_HTML, O_TEXT,
};

static const struct option longopts[] = {
	CLI_LONGOPTS_STD,
	CLI_LONGOPT_HEADER,
	CLI_LONGOPT_QUIET,
	{ "files-from", required_argument, NULL, O_FILES_FROM },
	{ "doc", required_argument, NULL, O_DOC },
	{ "from", required_argument, NULL, O_FROM },
	{ "html", no_argument, NULL, O_HTML },
	{ "text", no_argument, NULL, O_TEXT },
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
	int html;                       /* 1 --html, 0 --text, -1 by content */
	const char *doc_stdin;
	FILE *meta;
	const char *meta_path;
	bool stats;
	bool progress;                  /* a progress line on the terminal */
	unsigned long total;            /* files to do, 0 when unknown */
	unsigned long warned;           /* files with a diagnostic */
	unsigned long long bytes;       /* input bytes read */
	struct timespec start, shown;
	/* Ids seen so far, to warn about duplicates (a sorted set would
	 * be faster; thousands of documents make a small hash enough). */
	char **ids;
	size_t nids, capids;
	struct buf raw, page;            /* an HTML page, as read and decoded */
	char charset[64];               /* the iconv name of its declared charset */
	struct doc_stats tot;
	unsigned long docs, skipped, by_enc[ENC_BINARY + 1];
	unsigned long refused, unreadable;
};

static double
seconds_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* "zh-normalize: 120/2000 files, 14.2 MB, 35.1 MB/s, 3 with warnings",
 * at most five times a second, and once at the end. */
static void
show_progress(struct run *r, bool last)
{
	char line[160], total[32] = "";
	double el;

	if (!r->progress || (!last && seconds_since(&r->shown) < 0.2))
		return;
	clock_gettime(CLOCK_MONOTONIC, &r->shown);
	el = seconds_since(&r->start);
	if (r->total)
		snprintf(total, sizeof total, "/%lu", r->total);
	snprintf(line, sizeof line, "%s: %lu%s files, %.1f MB, %.1f MB/s, %lu with warnings",
	    progname, r->docs, total, (double)r->bytes / 1e6,
	    el > 0 ? (double)r->bytes / 1e6 / el : 0.0, r->warned);
	cli_progress(line);
	if (last)
		cli_progress_end();
}

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
	t->rep.chars_recovered += s->rep.chars_recovered;
}

static void
write_meta(struct run *r, const char *id, const char *path, const char *refused,
    enum enc e, const char *iconv_name)
{
	const struct doc_stats *s = norm_stats(r->nm);
	FILE *f = r->meta;

	if (!f)
		return;
	meta_field(f, id, false);
	meta_field(f, path, false);
	meta_field(f, refused ? refused : e == ENC_ICONV ? iconv_name : enc_name(e), false);
	meta_field(f, refused || e == ENC_BINARY ? "none" : norm_script(r->nm), false);
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
	meta_num(f, s->rep.runs_damaged, false);
	meta_field(f, norm_docno(r->nm), false);
	meta_field(f, norm_url(r->nm), false);
	meta_num(f, s->rep.chars_recovered, true);
}

/* Reads into b until it holds at least want bytes or the input ends;
 * returns false on a read error. */
static bool
read_upto(struct zin *in, struct buf *b, size_t want)
{
	while (b->len < want) {
		ssize_t k;

		if (b->cap - b->len < 65536 + 1)
			buf_grow(b, b->len < 65536 ? 65536 : b->len);
		k = zin_read(in, b->s + b->len, b->cap - b->len - 1);
		if (k < 0)
			return false;
		if (k == 0)
			break;
		b->len += (size_t)k;
	}
	return true;
}

/* Buffers over this size are freed after each page, not kept. */
#define BIG_PAGE (4u << 20)

/* A whole page in memory: the parser needs all of it. */
static enum enc
do_html(struct run *r, struct zin *in)
{
	const char *name = r->from;
	enum enc e;
	bool valid;

	read_upto(in, &r->raw, (size_t)-1);
	if (r->forced >= 0) {
		e = (enum enc)r->forced;
	} else {
		e = html_encoding((const unsigned char *)r->raw.s, r->raw.len, r->charset,
		    sizeof r->charset);
		name = r->charset;
	}
	if (e == ENC_BINARY)
		return e;
	valid = dec_all((const unsigned char *)r->raw.s, r->raw.len, e, name, &r->page);
	/* A big page's bytes go before it is parsed, its text after: the
	 * parser's tree is what a big page costs, not three copies of it. */
	if (r->raw.cap > BIG_PAGE)
		buf_free(&r->raw);
	norm_doc_decoded(r->nm, valid);
	norm_html(r->nm, r->page.s, r->page.len);
	if (r->page.cap > BIG_PAGE)
		buf_free(&r->page);
	return e;
}

static void
do_file(struct run *r, const char *path)
{
	bool is_stdin = strcmp(path, "-") == 0;
	char *id = is_stdin ? xstrdup(r->doc_stdin) : doc_id(path);
	const char *iconv_name = r->from;
	struct zin *in;
	struct dec *d = NULL;
	struct zlines *lr;
	struct zline ln;
	enum enc e;
	int rc;
	unsigned long diags = zdiag_count();

	if ((in = zin_open(path)) == NULL) {
		free(id);
		r->docs++;
		r->skipped++;
		r->unreadable++;
		r->warned++;
		show_progress(r, false);
		return;
	}
	if (id_seen(r, id))
		zwarn(path, 0, "duplicate document id '%s'", id);
	/* Enough of the start to tell a page from text; the text decoder
	 * then reads these bytes before the rest. */
	buf_clear(&r->raw);
	if (r->html != 0)
		read_upto(in, &r->raw, DETECT_PREFIX);
	norm_doc_begin(r->nm, id, path);
	r->docs++;
	if (r->html == 1 || (r->html < 0 && html_sniff((const unsigned char *)r->raw.s,
	    r->raw.len))) {
		e = do_html(r, in);
		if (e == ENC_ICONV)
			iconv_name = r->forced >= 0 ? r->from : r->charset;
	} else {
		d = dec_open(in, (const unsigned char *)r->raw.s, r->raw.len, r->forced,
		    r->from, &e);
		if (e != ENC_BINARY) {
			norm_doc_decoded(r->nm, dec_output_valid(d));
			lr = zlines_new_fn(dec_read, d, ZL_CR_EOL);
			while ((rc = zlines_next(lr, &ln)) == 1)
				norm_line(r->nm, ln.lineno, ln.s, ln.len);
			zlines_free(lr);
		}
	}
	if (zin_refused(in)) {
		/* Named by its signature, and reported, by zin_read. */
		r->skipped++;
		r->refused++;
	} else if (r->by_enc[e]++, e == ENC_BINARY) {
		zerror(path, 0, "binary data (not text in any known encoding): skipped");
		r->skipped++;
	}
	norm_doc_end(r->nm);
	add_stats(&r->tot, norm_stats(r->nm));
	write_meta(r, id, path, zin_refused(in), e, iconv_name);
	r->bytes += zin_raw_bytes(in);
	if (zdiag_count() != diags)
		r->warned++;
	if (d)
		dec_close(d);
	zin_close(in);
	free(id);
	show_progress(r, false);
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

/* The --stats name of the documents read in an encoding. */
static const char *
enc_stat_name(enum enc e)
{
	static const char *const names[] = {
		[ENC_EMPTY] = "files_empty", [ENC_UTF8] = "enc_utf8",
		[ENC_UTF8_BOM] = "enc_utf8_bom", [ENC_UTF16LE] = "enc_utf16le",
		[ENC_UTF16BE] = "enc_utf16be", [ENC_UTF16LE_BOM] = "enc_utf16le_bom",
		[ENC_UTF16BE_BOM] = "enc_utf16be_bom", [ENC_GB18030] = "enc_gb18030",
		[ENC_BIG5] = "enc_big5", [ENC_ICONV] = "enc_from", [ENC_BINARY] = "refused_binary",
	};

	return names[e];
}

/* One line, names as in the --meta header where they are the same
 * counts; refused_* by cause.  Other steps add their own counts here. */
static void
print_stats(const struct run *r)
{
	const struct doc_stats *t = &r->tot;
	struct zstats st = { .n = 0 };

	zstats_add(&st, "files", r->docs);
	zstats_add(&st, "files_skipped", r->skipped);
	zstats_add(&st, "rows_in", t->lines_in);
	zstats_add(&st, "rows_out", t->lines_out);
	zstats_add(&st, "dropped_blank", t->blank);
	zstats_add(&st, "dropped_chrome", t->chrome);
	zstats_add(&st, "invalid_bytes", t->invalid);
	zstats_add(&st, "controls", t->controls);
	zstats_add(&st, "converted", t->converted);
	zstats_add(&st, "pinyin_removed", t->rep.pinyin_removed);
	zstats_add(&st, "runs_repaired", t->rep.runs_repaired);
	zstats_add(&st, "runs_damaged", t->rep.runs_damaged);
	zstats_add(&st, "lines_unchecked", t->rep.lines_unchecked);
	zstats_add(&st, "chars_recovered", t->rep.chars_recovered);
	zstats_add(&st, "refused_binary", r->by_enc[ENC_BINARY]);
	zstats_add(&st, "refused_format", r->refused);
	zstats_add(&st, "unreadable", r->unreadable);
	for (int e = 0; e <= ENC_BINARY; e++)
		if (r->by_enc[e] && e != ENC_BINARY)
			zstats_add(&st, enc_stat_name((enum enc)e), r->by_enc[e]);
	zstats_print(&st);
}

int
main(int argc, char **argv)
{
	struct norm_opts o = {
		.text = { .width = true, .space = true, .cjk_space = true,
		    .control = true, .punct = PUNCT_KEEP },
		.repair = true, .chrome = true,
	};
	struct run r = { .forced = -1, .html = -1, .doc_stdin = "-" };
	const char *files_from = NULL;
	bool header = false, quiet = false;
	int c;

	cli_init("zh-normalize");
	opterr = 0;     /* one message of our own, not getopt's too */
	while ((c = getopt_long(argc, argv, ":hVHq", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': cli_help(usage_text);
		case 'V': cli_version();
		case 'H': header = true; break;
		case 'q': quiet = true; break;
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
		case O_HTML: r.html = 1; break;
		case O_TEXT: r.html = 0; break;
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
		default: cli_bad_option(c, argv);
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
		    "runs_repaired\truns_damaged\tdoc_number\turl\tchars_recovered\n",
		    r.meta);
	r.progress = !quiet && isatty(STDERR_FILENO);
	r.total = files_from ? 0 : argc ? (unsigned long)argc : 1;
	clock_gettime(CLOCK_MONOTONIC, &r.start);
	if (files_from)
		do_files_from(&r, files_from);
	else if (argc == 0)
		do_file(&r, "-");
	else
		for (int i = 0; i < argc; i++)
			do_file(&r, argv[i]);
	if (r.meta && (ferror(r.meta) | fclose(r.meta)))
		zerror(r.meta_path, 0, "write error");
	show_progress(&r, true);
	if (r.stats)
		print_stats(&r);
	norm_free(r.nm);
	buf_free(&r.raw);
	buf_free(&r.page);
	for (size_t i = 0; i < r.capids; i++)
		free(r.ids[i]);
	free(r.ids);
	return cli_exit();
}
