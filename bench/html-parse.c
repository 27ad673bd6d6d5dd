/*
 * The parse-only reference of make bench's page stage: every file named
 * on standard input (one path a line) parsed with gumbo and freed, as
 * zh-normalize parses pages, and nothing else.
 *   html-parse < list
 */
#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(void)
{
	char path[4096];
	GumboOptions opt = kGumboDefaultOptions;

	opt.max_errors = 0;
	while (fgets(path, sizeof path, stdin)) {
		FILE *f;
		char *b = NULL;
		size_t n = 0, cap = 0, k;

		path[strcspn(path, "\n")] = '\0';
		if ((f = fopen(path, "rb")) == NULL) {
			perror(path);
			return 1;
		}
		do {
			if (cap - n < 65536) {
				cap = cap ? 2 * cap : 1 << 20;
				if ((b = realloc(b, cap)) == NULL)
					return 1;
			}
			k = fread(b + n, 1, cap - n, f);
			n += k;
		} while (k > 0);
		fclose(f);
		gumbo_destroy_output(&opt, gumbo_parse_with_options(&opt, b, n));
		free(b);
	}
	return 0;
}
