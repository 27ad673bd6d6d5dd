/*
 * Fuzzes zh-tag-entities' user extensions: the --dict and --patterns
 * files themselves are fuzz input (malformed lines, bad types, broken
 * or catastrophic PCRE2 patterns, invalid UTF-8), then a text is tagged
 * with whatever loaded.  Input: DICT \0 PATTERNS \0 TEXT.
 * Properties: loading reports or accepts, never crashes; mentions lie in
 * the text and inside their parents.
 */
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "tag.h"
#include "fuzzmem.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cli_init("zh-tag-entities");
	return 0;
}

/* Next NUL-terminated part of the input; the rest when there is no NUL. */
static const char *
part(const char **p, const char *end, size_t *n)
{
	const char *s = *p, *z = memchr(s, '\0', (size_t)(end - s));

	*n = (size_t)((z ? z : end) - s);
	*p = z ? z + 1 : end;
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tagger tg;
	const char *p = (const char *)data, *end = p + size, *s;
	size_t n;

	te_init(&tg);
	s = part(&p, end, &n);
	te_load_dict(&tg, fuzz_memfile(0, s, n));
	s = part(&p, end, &n);
	te_load_patterns(&tg, fuzz_memfile(1, s, n));
	s = part(&p, end, &n);
	te_tag_text(&tg, "d", 1, s, n);
	for (size_t i = 0; i < tg.ms.n; i++) {
		const struct mention *m = &tg.ms.m[i];

		FUZZ_ASSERT(m->s <= m->e && m->e <= tg.t.n);
		if (m->parent >= 0)
			FUZZ_ASSERT(tg.ms.m[m->parent].s <= m->s && m->e <= tg.ms.m[m->parent].e);
	}
	te_free(&tg);
	return 0;
}
