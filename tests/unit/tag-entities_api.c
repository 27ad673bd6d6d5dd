/* te_tag_text() called directly: the function the fuzz harness drives.
 * Gazetteer codes, nesting, document state and buffer reuse. */
#include <string.h>

#include "cli.h"
#include "tag.h"
#include "test.h"

int main(void);

static struct tagger tg;

/* The first live mention of type whose text is want, or NULL. */
static const struct mention *
find(int type, const char *want)
{
	for (size_t i = 0; i < tg.ms.n; i++) {
		const struct mention *m = &tg.ms.m[i];
		size_t b = tg.t.off[m->s], e = tg.t.off[m->e];
		if (!m->dead && m->type == type && e - b == strlen(want) &&
		    memcmp(tg.t.s + b, want, e - b) == 0)
			return m;
	}
	return NULL;
}

static int
norm_is(const struct mention *m, const char *want)
{
	return m && m->nlen == strlen(want) && memcmp(tg.ms.norm.s + m->norm, want, m->nlen) == 0;
}

static void
run(const char *doc, const char *text)
{
	te_tag_text(&tg, doc, strlen(doc), text, strlen(text));
}

int
main(void)
{
	const struct mention *m, *p;

	cli_init("tag-entities-unit");
	te_init(&tg);

	run("a", "深圳市龙岗区年度情况");
	CHECK(norm_is(find(T_PLACE, "深圳市"), "440300000000"), "tag: prefecture code");
	CHECK(norm_is(find(T_PLACE, "龙岗区"), "440307000000"), "tag: county code");
	run("a", "区司法局联合园山街道银荷社区开展工作");
	CHECK(norm_is(find(T_ORG, "区司法局"), "龙岗区司法局"), "tag: issuer before a bare level word");
	CHECK(norm_is(find(T_PLACE, "银荷社区"), "440307020005"), "tag: community code in the document's county");
	run("b", "区司法局联合银荷社区开展工作");
	CHECK(norm_is(find(T_ORG, "区司法局"), "区司法局"), "tag: a new document forgets the issuer");
	CHECK(find(T_PLACE, "银荷社区") == NULL, "tag: no village without its area");

	run("c", "印发《落实<《青川经济特区条例>工作指引表》");
	m = find(T_LAW, "落实<《青川经济特区条例>工作指引表");
	p = find(T_LAW, "青川经济特区条例");
	CHECK(m && p, "tag: malformed nested titles both found");
	CHECK(m && p && p->parent >= 0 && &tg.ms.m[p->parent] == m, "tag: inner title's parent is the outer one");

	run("c", "首页 > 信息公开 > 年度报告");
	CHECK(tg.ms.n == 0, "tag: breadcrumb is not a title");

	run("c", "区委常委会");
	m = find(T_ORG, "区委常委会");
	p = find(T_ORG, "区委");
	CHECK(m && p && p->parent >= 0 && &tg.ms.m[p->parent] == m, "tag: 区委 nested in 区委常委会");

	/* A long line after short ones: buffers grow, results stay right. */
	{
		static char big[3 * 20000 + 64];
		size_t n = 0;
		for (int i = 0; i < 2000; i++) {
			memcpy(big + n, "《条例》区委。", strlen("《条例》区委。"));
			n += strlen("《条例》区委。");
		}
		big[n] = '\0';
		run("d", big);
		size_t laws = 0, orgs = 0;
		for (size_t i = 0; i < tg.ms.n; i++) {
			laws += tg.ms.m[i].type == T_LAW;
			orgs += tg.ms.m[i].type == T_ORG;
		}
		CHECK(laws == 2000 && orgs == 2000, "tag: long line, every mention");
	}
	run("d", "");
	CHECK(tg.ms.n == 0, "tag: empty text");
	run("d", "\xff\xfe《条例》\x80");
	CHECK(find(T_LAW, "条例") != NULL, "tag: invalid bytes around a title");

	te_free(&tg);
	return test_failed;
}
