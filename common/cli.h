/*
 * cli: program name, diagnostics, exit status and allocation that dies
 * on failure.  Diagnostics follow "zh-NAME: file:line: message".
 *
 * Exit status: 0 ok, 1 data or I/O error (zerror() or a failed close of
 * stdout), 2 usage error.  SIGPIPE keeps its default action, so a
 * pipeline closed by `head` ends the program quietly.
 */
#ifndef ZH_CLI_H
#define ZH_CLI_H

#include <stdarg.h>
#include <stddef.h>

#ifndef ZH_VERSION
#define ZH_VERSION "0.0.0"
#endif

enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2 };

extern const char *progname;

/* Long options every program has; add to the getopt_long table. */
#define CLI_LONGOPTS_STD \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, 'V' }
#define CLI_LONGOPT_HEADER { "header", no_argument, NULL, 'H' }

void cli_init(const char *name);

/* Diagnostics.  file may be NULL, line 0 omits the line number.
 * After 50 warnings for one file the rest for it are counted, not shown. */
void zwarn(const char *file, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Like zwarn, and the program will exit with status 1. */
void zerror(const char *file, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void zvdiag(const char *file, unsigned long line, int is_error,
	const char *fmt, va_list ap);
/* Diagnostics printed so far (warnings and errors, shown or not). */
unsigned long zdiag_count(void);
/* A progress line on standard error (a terminal): redrawn in place,
 * cleared before any diagnostic, ended by cli_progress_end(). */
void cli_progress(const char *line);
void cli_progress_end(void);

/* Marks the run failed without printing (the message came elsewhere). */
void zfail(void);
int zstatus(void);

_Noreturn void zdie(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void zusage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* --help text goes to stdout; exits 0 (or 1 if stdout cannot be written). */
_Noreturn void cli_help(const char *text);
_Noreturn void cli_version(void);

/* Flushes and closes stdout, reporting a write error; returns the exit
 * status to use.  Call once, at the end of main. */
int cli_exit(void);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* For getopt_long with opterr = 0 and an optstring starting with ':':
 * one message for what getopt returned ('?' unknown option, ':' missing
 * argument) naming the option as typed, then exit 2. */
_Noreturn void cli_bad_option(int c, char **argv);
/* Long option "quiet" (-q): no progress line. */
#define CLI_LONGOPT_QUIET { "quiet", no_argument, NULL, 'q' }
#define CLI_LONGOPT_STATS(val) { "stats", no_argument, NULL, (val) }

/* Parses a non-negative decimal option argument or exits with usage. */
unsigned long cli_ulong(const char *opt, const char *arg);

#endif
