/* The const tables of data/entity_tables.inc against their sources:
 * every list of data/entity-words.txt and the gazetteer's small part of
 * data/places.inc, built again at run time with te_wlb_build(), must
 * give the same image; te_cls the same classes.  Fails when the .inc is
 * stale or the generator and the builder disagree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gaz.h"
#include "tables.h"
#include "test.h"
#include "text.h"
#include "utf8.h"
#include "wl.h"

int main(void);

struct list {
	const char *name;
	const struct te_wl *img;
	struct te_wlb b;
};

#define TE_LIST_ROW(n) { .name = #n, .img = &te_wl_##n },
static struct list lists[] = { TE_LISTS(TE_LIST_ROW) };
#define NLISTS (sizeof(lists) / sizeof(lists[0]))

static struct list *
find_list(const char *name)
{
	for (size_t i = 0; i < NLISTS; i++)
		if (strcmp(lists[i].name, name) == 0)
			return &lists[i];
	return NULL;
}

static int
parse_tag(const char *s)
{
	static const struct { const char *name; int v; } syms[] = {
		{ "generic", H_GENERIC }, { "level", H_LEVEL }, { "needknown", H_NEEDKNOWN },
		{ "event", H_EVENT }, { "conf", H_CONF }, { "central", H_CENTRAL },
		{ "named", H_NAMED }, { "site", H_SITE },
	};
	int v = 0;

	if (strcmp(s, "-") == 0)
		return 0;
	if (s[0] && !s[1] && (s[0] < '0' || s[0] > '9'))
		return (unsigned char)s[0];
	while (*s) {
		size_t n = strcspn(s, "+");
		for (size_t i = 0; i < sizeof(syms) / sizeof(syms[0]); i++)
			if (strlen(syms[i].name) == n && strncmp(syms[i].name, s, n) == 0)
				v |= syms[i].v;
		s += n;
		if (*s == '+')
			s++;
	}
	return v;
}

static int
read_words(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	struct list *cur = NULL;
	int tag = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (line[0] == '=' && line[1] == ' ') {
			char name[64], t[64];
			if (sscanf(line + 2, "%63s %63s", name, t) != 2 || !(cur = find_list(name))) {
				fclose(f);
				return -1;
			}
			tag = parse_tag(t);
			continue;
		}
		if (cur)
			te_wlb_add_words(&cur->b, line, tag);
	}
	fclose(f);
	return 0;
}

static int
same_image(const struct te_wl *a, const struct te_wl *b)
{
	size_t slots = (size_t)a->mask + 1;

	if (a->nent != b->nent || a->mask != b->mask || a->maxlen != b->maxlen ||
	    a->has_one_astral != b->has_one_astral)
		return 0;
	for (size_t i = 0; i < a->nent; i++) {
		const struct te_wle *x = &a->ent[i], *y = &b->ent[i];
		if (x->len != y->len || x->tag != y->tag || x->aux != y->aux ||
		    memcmp(a->pool + x->off, b->pool + y->off, x->len * sizeof(uint32_t)) != 0)
			return 0;
	}
	return memcmp(a->slot, b->slot, slots * 4) == 0 &&
		memcmp(a->first2, b->first2, slots * 4) == 0 &&
		memcmp(a->last2, b->last2, slots * 4) == 0 &&
		memcmp(a->one, b->one, 8192) == 0 && memcmp(a->fc, b->fc, 8192) == 0 &&
		memcmp(a->lc, b->lc, 8192) == 0 && memcmp(a->f2, b->f2, 8192) == 0 &&
		memcmp(a->l2, b->l2, 8192) == 0;
}

static void
set_bits(uint8_t *cls, const uint8_t *chars, uint8_t bit)
{
	for (uint32_t c = 0; c < 65536; c++)
		if (chars[c >> 3] & (1u << (c & 7)))
			cls[c] |= bit;
}

int
main(void)
{
	const char *top = getenv("ZH_TOP");
	char path[4096];
	const char *names, *finals, *pairs;
	static uint8_t cls[65536], fin[8192], pr[8192];
	struct list *gaz = find_list("gaz_small");
	size_t nrec = 0, bad_rec = 0;

	cli_init("tag-entities-tables");
	snprintf(path, sizeof(path), "%s/data/entity-words.txt", top ? top : ".");
	for (size_t i = 0; i < NLISTS; i++)
		te_wlb_init(&lists[i].b);
	CHECK(read_words(path) == 0, "tables: data/entity-words.txt read");

	/* The small gazetteer: "K code name" lines, aux the record index. */
	te_gaz_sources(&names, &finals, &pairs);
	for (const char *p = names; *p; nrec++) {
		const char *nl = strchr(p, '\n'), *sp = strchr(p + 2, ' ');
		const struct te_gaz_rec *r = &te_gaz_recs[nrec];
		size_t cl = (size_t)(sp - p - 2);
		te_wlb_add(&gaz->b, sp + 1, (size_t)(nl - sp - 1), p[0], (uint32_t)nrec);
		if (nrec >= te_gaz_nrecs || r->kind != p[0] || strlen(r->code) != (cl < 12 ? cl : 12) ||
		    memcmp(r->code, p + 2, strlen(r->code)) != 0 || r->nlen != (size_t)(nl - sp - 1) ||
		    memcmp(te_gaz_names + r->name, sp + 1, r->nlen) != 0)
			bad_rec++;
		p = nl + 1;
	}
	CHECK(nrec == te_gaz_nrecs && bad_rec == 0, "tables: gazetteer records match places_small");
	for (size_t i = 1; i < te_gaz_nbycode; i++)
		if (strcmp(te_gaz_recs[te_gaz_bycode[i - 1]].code, te_gaz_recs[te_gaz_bycode[i]].code) > 0)
			bad_rec++;
	CHECK(bad_rec == 0, "tables: gazetteer codes sorted");

	for (size_t i = 0; i < NLISTS; i++) {
		char name[128];
		te_wlb_build(&lists[i].b);
		snprintf(name, sizeof(name), "tables: list %s matches its source", lists[i].name);
		CHECK(same_image(lists[i].img, &lists[i].b.wl), name);
	}

	for (size_t pos = 0, len = strlen(finals); pos < len && finals[pos] != '\n';) {
		uint32_t c = utf8_next(finals, len, &pos);
		if (c < 65536)
			fin[c >> 3] |= (uint8_t)(1u << (c & 7));
	}
	CHECK(memcmp(fin, te_gaz_finals, 8192) == 0, "tables: final characters match");
	CHECK(te_gaz_base64(pairs, strlen(pairs), pr, sizeof(pr)) == sizeof(pr) && memcmp(pr, te_gaz_pairs, 8192) == 0, "tables: final pairs match");

	{
		static const uint32_t brackets[] = {
			0x300A, 0x300B, 0x3008, 0x3009, '<', '>', 0x201C, 0x201D,
			0x300C, 0x300D, 0x300E, 0x300F, '"', 0xFF1C, 0xFF1E, 0xFF02
		};
		static const uint32_t congress[] = { 0x515A, 0x4E2D, 0x5341, 0x4E8C, 0x5168 };
		for (size_t i = 0; i < sizeof(brackets) / sizeof(brackets[0]); i++)
			cls[brackets[i]] |= C_BRACKET;
		for (size_t i = 0; i < sizeof(congress) / sizeof(congress[0]); i++)
			cls[congress[i]] |= C_CONGRESS;
		set_bits(cls, te_wl_gaz_small.fc, C_PLACE);
		set_bits(cls, fin, C_FINAL);
		set_bits(cls, te_wl_zones.fc, C_PLACE);
		set_bits(cls, te_wl_heads.lc, C_HEAD);
		set_bits(cls, te_wl_leaders.fc, C_PERSON);
		set_bits(cls, te_wl_surnames.fc, C_PERSON);
		set_bits(cls, te_wl_titles.lc, C_TITLE);
		set_bits(cls, te_wl_ptitles.lc, C_TITLE);
	}
	CHECK(memcmp(cls, te_cls, sizeof(cls)) == 0, "tables: character classes match the lists");

	for (size_t i = 0; i < NLISTS; i++)
		te_wlb_free(&lists[i].b);
	return test_failed;
}
