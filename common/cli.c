#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "out.h"

const char *progname = "zh";
static int status;

/* Per-file cap on warnings, so one broken file cannot drown the rest. */
#define WARN_CAP 50
static const char *warn_file;
static unsigned long warn_count, warn_suppressed, diag_count;
static bool progress_shown;

unsigned long
zdiag_count(void)
{
	return diag_count;
}

void
cli_progress(const char *line)
{
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
	progress_shown = true;
}

void
cli_progress_end(void)
{
	if (progress_shown)
		fputc('\n', stderr);
	progress_shown = false;
}

/* A diagnostic starts on a line of its own; the next update redraws. */
static void
progress_clear(void)
{
	if (progress_shown)
		fputs("\r\033[K", stderr);
	progress_shown = false;
}

void
cli_init(const char *name)
{
	progname = name;
}

static void
flush_suppressed(void)
{
	if (warn_suppressed) {
		progress_clear();
		fprintf(stderr, "%s: %s: %lu more warnings not shown\n", progname,
		    warn_file ? warn_file : "-", warn_suppressed);
	}
	warn_suppressed = 0;
	warn_count = 0;
}

void
zvdiag(const char *file, unsigned long line, int is_error, const char *fmt,
    va_list ap)
{
	if (is_error)
		status = EXIT_DATA;
	diag_count++;
	if (!is_error) {
		if (file != warn_file && (file == NULL || warn_file == NULL ||
		    strcmp(file, warn_file) != 0)) {
			flush_suppressed();
			warn_file = file;
		}
		if (++warn_count > WARN_CAP) {
			warn_suppressed++;
			return;
		}
	}
	progress_clear();
	fputs(progname, stderr);
	fputs(": ", stderr);
	if (file) {
		fputs(file, stderr);
		if (line)
			fprintf(stderr, ":%lu", line);
		fputs(": ", stderr);
	}
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
zwarn(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	zvdiag(file, line, 0, fmt, ap);
	va_end(ap);
}

void
zerror(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	zvdiag(file, line, 1, fmt, ap);
	va_end(ap);
}

void
zfail(void)
{
	status = EXIT_DATA;
}

int
zstatus(void)
{
	return status;
}

void
zdie(const char *fmt, ...)
{
	va_list ap;

	out_flush();
	va_start(ap, fmt);
	zvdiag(NULL, 0, 1, fmt, ap);
	va_end(ap);
	exit(EXIT_DATA);
}

void
zusage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", progname);
	exit(EXIT_USAGE);
}

void
cli_help(const char *text)
{
	out_str(text);
	exit(out_close() ? EXIT_DATA : EXIT_OK);
}

void
cli_version(void)
{
	out_str(progname);
	out_str(" (zhtsv) " ZH_VERSION "\n");
	exit(out_close() ? EXIT_DATA : EXIT_OK);
}

int
cli_exit(void)
{
	flush_suppressed();
	if (out_close())
		status = EXIT_DATA;
	return status;
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		zdie("out of memory (%zu bytes)", n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		zdie("out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		zdie("out of memory (%zu bytes)", n);
	return p;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

void
cli_bad_option(int c, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "?";
	char shortopt[3] = { '-', (char)optopt, '\0' };

	/* A short option inside a cluster (-Hx) is named alone. */
	if (optopt && !(arg[0] == '-' && arg[1] == '-'))
		arg = shortopt;
	if (c == ':')
		zusage("option '%s' needs an argument", arg);
	zusage("unknown option '%s'", arg);
}

unsigned long
cli_ulong(const char *opt, const char *arg)
{
	char *end;
	unsigned long v;

	errno = 0;
	if (arg[0] < '0' || arg[0] > '9')
		zusage("%s: not a number: '%s'", opt, arg);
	v = strtoul(arg, &end, 10);
	if (errno || *end)
		zusage("%s: not a number: '%s'", opt, arg);
	return v;
}
