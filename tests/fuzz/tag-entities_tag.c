/*
 * libFuzzer harness for zh-tag-entities: te_tag_text() on arbitrary bytes,
 * line by line (a line starting with '#' switches the document, so the
 * per-document place state is exercised), with a user dictionary and
 * user patterns loaded, one of them a backtracking trap.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "tag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct tagger tg;

static void
load(int (*fn)(struct tagger *, const char *), const char *text)
{
	char path[] = "/tmp/zh-fuzz-tag-XXXXXX";
	int fd = mkstemp(path);
	FILE *f;

	if (fd < 0 || (f = fdopen(fd, "w")) == NULL)
		abort();
	fputs(text, f);
	fclose(f);
	if (fn(&tg, path) != 0)
		abort();
	unlink(path);
}

static void
setup(void)
{
	cli_init("zh-tag-entities");
	te_init(&tg);
	load(te_load_dict, "ORG\t滨江区司法局\tBJ-SFJ\nPLACE\t滨江\nTERM\t枫桥经验\n");
	load(te_load_patterns, "EVENT\t第[一二三]届\\S{1,6}博览会\nLAW\t(a+)+b\nPERSON\t(?:x|xx)*y\n");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	const char *p = (const char *)data, *end = p + size;
	char doc[2] = { 'a', 0 };

	if (!ready) {
		setup();
		ready = 1;
	}
	while (p <= end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n > 0 && p[0] == '#')
			doc[0] = (char)('a' + (doc[0] - 'a' + 1) % 26);
		te_tag_text(&tg, doc, 1, p, n);
		for (size_t i = 0; i < tg.ms.n; i++) {
			const struct mention *m = &tg.ms.m[i];
			if (m->s > m->e || m->e > tg.t.n)
				abort();
			if (m->parent >= 0 && (tg.ms.m[m->parent].s > m->s || tg.ms.m[m->parent].e < m->e))
				abort();
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	return 0;
}
