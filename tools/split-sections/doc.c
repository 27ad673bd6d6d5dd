#include <string.h>

#include "cli.h"
#include "doc.h"
#include "genre.h"

void
ss_docs_free(struct ss_docs *ds)
{
	for (int i = 0; i < NDOCS; i++)
		buf_free(&ds->d[i].id);
}

void
ss_doc_restart(struct ss_doc *d, unsigned annex)
{
	int genre = annex ? d->genre : G_UNKNOWN;
	unsigned annexes = annex ? d->annexes : 0;

	ss_tree_reset(&d->tree, annex);
	ss_report_reset(&d->rep);
	d->genre = genre;
	d->annexes = annexes;
	d->rows = 0;
	d->title_done = d->title_open = false;
	d->title_lines = 0;
	d->heading_seen = d->prose = d->closed = d->bare_marker = false;
	d->label = d->after_title = d->articles = d->title_issue = false;
	d->title_about = false;
	d->toc.on = false;
	d->heads = d->heads_only = 0;
	d->head_level = 0;
	d->first_parts = 0;
	d->first_keylen = 0;
	d->en_style = -1;
	d->en_last = 0;
	d->alist_type = -1;
	d->alist_last = 0;
}

void
ss_doc_drop(struct ss_doc *d)
{
	buf_clear(&d->id);
	ss_doc_restart(d, 0);
	d->used = false;
}

bool
ss_doc_is(const struct ss_doc *d, const char *id, size_t idn)
{
	return d->id.len == idn && (idn == 0 || memcmp(d->id.s, id, idn) == 0);
}

static uint64_t
hash_id(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n--) {
		h ^= (unsigned char)*p++;
		h *= 1099511628211ULL;
	}
	return h;
}

/* Remembers h; returns whether it was there.  An open-addressing set
 * that forgets everything when half full, so that it stays small and
 * each look-up is short whatever the number of documents. */
static bool
seen_add(struct ss_docs *ds, uint64_t h)
{
	size_t i;

	h |= 1;                                 /* 0 marks an empty slot */
	for (i = h & (NSEEN - 1); ds->seen[i]; i = (i + 1) & (NSEEN - 1))
		if (ds->seen[i] == h)
			return true;
	if (ds->nseen >= NSEEN / 2) {
		memset(ds->seen, 0, sizeof ds->seen);
		ds->nseen = 0;
		i = h & (NSEEN - 1);
	}
	ds->seen[i] = h;
	ds->nseen++;
	return false;
}

struct ss_doc *
ss_docs_get(struct ss_docs *ds, const struct ss_rowref *r, const char *id,
    size_t idn)
{
	struct ss_doc *free_d = NULL, *old = NULL, *d;
	int shown = (int)(idn > 200 ? 200 : idn);

	for (int i = 0; i < NDOCS; i++) {
		struct ss_doc *e = &ds->d[i];

		if (!e->used) {
			if (!free_d)
				free_d = e;
			continue;
		}
		if (ss_doc_is(e, id, idn)) {
			zwarn(r->file, r->lineno, "document %.*s resumes after "
			    "another document: its rows are not contiguous",
			    shown, id);
			e->last_use = ++ds->clock;
			return e;
		}
		if (!old || e->last_use < old->last_use)
			old = e;
	}
	d = free_d ? free_d : old;
	ss_doc_drop(d);
	d->used = true;
	buf_add(&d->id, id, idn);
	d->last_use = ++ds->clock;
	if (idn > 0 && seen_add(ds, hash_id(id, idn)))
		zwarn(r->file, r->lineno, "document %.*s resumes after "
		    "other documents: its rows are not contiguous and "
		    "its numbering starts again", shown, id);
	return d;
}
