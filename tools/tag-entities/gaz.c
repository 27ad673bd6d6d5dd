/* The gazetteer's lookups; see gaz.h. */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "cli.h"
#include "gaz.h"
#include "utf8.h"

#include "../../data/places.inc"

#define B64 "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

#define small te_wl_gaz_small
#define recs te_gaz_recs

static bool
weak_full(const uint32_t *k, size_t len)
{
	return te_wl_has(&te_wl_weak_full, k, len);
}

void
te_gaz_sources(const char **names, const char **finals, const char **pairs)
{
	*names = places_small;
	*finals = places_big_finals;
	*pairs = places_big_pairs;
}

size_t
te_gaz_name(const char *code, const char **name)
{
	size_t lo = 0, hi = te_gaz_nbycode;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct te_gaz_rec *r = &recs[te_gaz_bycode[mid]];
		int c = strcmp(r->code, code);
		if (c == 0) {
			*name = te_gaz_names + r->name;
			return r->nlen;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int
te_gaz_code_level(const char *code)
{
	if (strlen(code) != 12 || code[0] < '0' || code[0] > '9')
		return -1;
	if (strcmp(code + 9, "000") != 0)
		return -1;              /* villages are never the issuer */
	if (strcmp(code + 6, "000000") != 0)
		return L_STREET;
	if (strcmp(code + 4, "00000000") != 0)
		return L_COUNTY;
	if (strcmp(code + 2, "0000000000") != 0)
		return L_CITY;
	return L_PROV;
}

static bool
within(const char *code, const char *area, size_t digits)
{
	return area[0] && memcmp(code, area, digits) == 0;
}

/* Picks the one candidate in the closest enclosing area: the parent
 * named just before, then the document's county, city, province. */
static int
choose(const struct docplace *d, const char *parent, char (*cand)[13], int n)
{
	const char *areas[5] = { parent, d->code[L_COUNTY], d->code[L_CITY], d->code[L_PROV], NULL };
	static const size_t dig[4] = { 0, 6, 4, 2 };

	if (n == 1)
		return 0;
	for (int a = 0; a < 4; a++) {
		int hit = -1, count = 0;
		size_t dd = dig[a];
		if (!areas[a] || !areas[a][0])
			continue;
		if (a == 0) {
			dd = strlen(areas[a]);
			while (dd > 2 && areas[a][dd - 1] == '0')
				dd--;
		}
		for (int i = 0; i < n; i++)
			if (within(cand[i], areas[a], dd)) {
				hit = i;
				count++;
			}
		if (count == 1)
			return hit;
		if (count > 1)
			return -1;
	}
	return -1;
}

#define MAXCAND 64
#define BIG_MAXLEN 16

/* Whether k[0..n) + 街道 or + 镇 names a street or town of county. */
static bool
local_short(struct te_gaz *g, const uint32_t *k, size_t n, const char *county)
{
	static const uint32_t sfx[][2] = { { 0x8857, 0x9053 }, { 0x9547, 0 }, { 0x4E61, 0 } };
	uint32_t key[BIG_MAXLEN];
	char code[13];

	if (n + 2 > BIG_MAXLEN)
		return false;
	memcpy(key, k, n * sizeof(*key));
	for (size_t j = 0; j < sizeof(sfx) / sizeof(sfx[0]); j++) {
		size_t m = n;
		key[m++] = sfx[j][0];
		if (sfx[j][1])
			key[m++] = sfx[j][1];
		if (te_gaz_big_exact(g, key, m, county, 6, code))
			return true;
	}
	return false;
}

size_t
te_gaz_small_at(struct te_gaz *g, const struct text *t, const struct docplace *d, size_t i,
	const char *parent, bool listed, struct place_hit *h)
{
	size_t max, len;
	char cand[MAXCAND][13];
	int kinds[MAXCAND];

	if (!is_han(t->k[i]) || i + 1 >= t->n)
		return 0;
	uint16_t mask = te_wl_lens(&small, small.first2, te_wl_bi(t->k[i], t->k[i + 1]));
	if (!mask)
		return 0;
	max = small.maxlen < t->n - i ? small.maxlen : t->n - i;
	for (len = te_wl_mask_next(mask, max + 1, max); len >= 2; len = te_wl_mask_next(mask, len, max)) {
		size_t it = 0;
		long e;
		int n = 0, stopped = 0;
		while ((e = te_wl_next(&small, t->k + i, len, &it)) >= 0) {
			const struct te_gaz_rec *r = &recs[small.ent[e].aux];
			if (r->kind == 'p' || r->kind == 'c') {
				if (stopped || te_wl_has(&te_wl_stop_short, t->k + i, len)) {
					stopped = 1;
					continue;
				}
			}
			/* A county's short form (罗湖) is only trusted in a
			 * report from its own prefecture. */
			if (r->kind == 'D' && len == 2 && !within(r->code, d->code[L_PROV], 2))
				continue;
			if (r->kind == 'D' && weak_full(t->k + i, len) &&
			    !within(r->code, d->code[L_CITY], 4))
				continue;
			if (r->kind == 'd') {
				/* A provincial report names its counties short
				 * (敦煌, 义乌); others only their own. */
				bool prov_doc = !d->code[L_CITY][0] && within(r->code, d->code[L_PROV], 2);
				if (!within(r->code, d->code[L_CITY], 4) &&
				    !within(r->code, d->code[L_COUNTY], 6) &&
				    !((prov_doc || listed) && !te_wl_has(&te_wl_stop_short, t->k + i, len)))
					continue;
			}
			/* 玉林派出所 in a report of the county that has a
			 * 玉林街道: the street's short name, not the city. */
			if ((r->kind == 'p' || r->kind == 'c') && d->code[L_COUNTY][0] &&
			    !within(r->code, d->code[L_PROV], 2) && local_short(g, t->k + i, len, d->code[L_COUNTY]))
				continue;
			/* 东莞市, 儋州市, 嘉峪关市: a prefecture without
			 * counties is listed as its own county too, under its
			 * code or one inside it; one place, the prefecture. */
			bool city = r->kind == 'C' || r->kind == 'c', dup = false;
			for (int j = 0; j < n; j++) {
				bool jcity = kinds[j] == 'C' || kinds[j] == 'c';
				if (memcmp(cand[j], r->code, 13) == 0 ||
				    (jcity && !city && within(r->code, cand[j], 4))) {
					dup = true;
				} else if (city && !jcity && within(cand[j], r->code, 4)) {
					memcpy(cand[j], r->code, 13);
					kinds[j] = r->kind;
					dup = true;
				}
				if (dup && city)
					kinds[j] = r->kind;
				if (dup)
					break;
			}
			if (dup)
				continue;
			if (n < MAXCAND) {
				memcpy(cand[n], r->code, 13);
				kinds[n] = r->kind;
				n++;
			}
		}
		if (n == 0)
			continue;
		/* 临夏州: the prefecture, not the county of the same name. */
		if (n > 1 && i + len < t->n && t->k[i + len] == 0x5DDE) {
			int m = 0;
			for (int j = 0; j < n; j++)
				if (kinds[j] == 'c') {
					memcpy(cand[m], cand[j], 13);
					kinds[m++] = kinds[j];
				}
			if (m > 0)
				n = m;
		}
		int c = choose(d, parent, cand, n);
		h->len = len;
		h->ncand = n;
		h->kind = kinds[c >= 0 ? c : 0];
		if (c >= 0)
			memcpy(h->code, cand[c], 13);
		else
			h->code[0] = '\0';
		return len;
	}
	return 0;
}

static size_t
strlen_tab(const char *s)
{
	return (size_t)(strchr(s, '\t') - s);
}

struct te_gaz_bucket {
	char *raw;
	uint32_t *lines;        /* start of each line of raw */
	size_t nlines;
	int state;              /* 0 not loaded, 1 loaded, -1 failed */
};

void
te_gaz_free(struct te_gaz *g)
{
	if (g->buckets)
		for (size_t i = 0; i < PLACES_NBUCKETS; i++) {
			free(g->buckets[i].raw);
			free(g->buckets[i].lines);
		}
	free(g->buckets);
	g->buckets = NULL;
}

/* Bucket no, inflated on first use; NULL when empty or broken. */
static struct te_gaz_bucket *load_bucket(struct te_gaz *g, unsigned no);

static unsigned
bucket_of(uint32_t c0, uint32_t c1, uint32_t c2)
{
	return (unsigned)(((uint64_t)c0 * 961 + (uint64_t)c1 * 31 + c2) % PLACES_NBUCKETS);
}

static int
inflate_bucket(struct te_gaz_bucket *bk, unsigned no)
{
	const char *src = places_big + places_big_index[no][0];
	size_t n = places_big_index[no][1], zn, cap = 0;
	uLongf rawlen = places_big_index[no][2];
	unsigned char *z;

	if (rawlen == 0)
		return 0;
	z = xmalloc(n / 4 * 3 + 3);
	zn = te_gaz_base64(src, n, z, n / 4 * 3 + 3);
	bk->raw = xmalloc(rawlen + 1);
	if (uncompress((Bytef *)bk->raw, &rawlen, z, zn) != Z_OK) {
		free(z);
		return -1;
	}
	free(z);
	bk->raw[rawlen] = '\0';
	for (char *p = bk->raw, *end = bk->raw + rawlen; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		if (bk->nlines == cap) {
			cap = cap ? 2 * cap : 256;
			bk->lines = xrealloc(bk->lines, cap * sizeof(*bk->lines));
		}
		bk->lines[bk->nlines++] = (uint32_t)(p - bk->raw);
		p = nl + 1;
	}
	return 0;
}

/* Compares line i's reversed name with key[0..kn) as a prefix: <0, 0
 * (line starts with key), >0.  *exact tells whether the name is key. */
static int
cmp_line(const struct te_gaz_bucket *bk, size_t i, const char *key, size_t kn, int *exact)
{
	const char *l = bk->raw + bk->lines[i];
	size_t j = 0;

	for (; j < kn; j++) {
		unsigned char a = (unsigned char)l[j], b = (unsigned char)key[j];
		if (a == '\t' || a != b)
			return a < b ? -1 : 1;
	}
	*exact = l[j] == '\t';
	return 0;
}

/* Narrows [*lo, *hi) to the lines whose name starts with key. */
static void
narrow(const struct te_gaz_bucket *bk, size_t *lo, size_t *hi, const char *key, size_t kn)
{
	size_t a = *lo, b = *hi;
	int ex;

	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (cmp_line(bk, m, key, kn, &ex) < 0)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	b = *hi;
	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (cmp_line(bk, m, key, kn, &ex) <= 0)
			a = m + 1;
		else
			b = m;
	}
	*hi = a;
}

size_t
te_gaz_base64(const char *src, size_t n, unsigned char *out, size_t cap)
{
	size_t zn = 0;
	unsigned acc = 0;
	int bits = 0;
	signed char dec[256];

	memset(dec, -1, sizeof(dec));
	for (int i = 0; i < 64; i++)
		dec[(unsigned char)B64[i]] = (signed char)i;
	for (size_t i = 0; i < n && zn < cap; i++) {
		int v = dec[(unsigned char)src[i]];
		if (v < 0)
			continue;
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[zn++] = (unsigned char)(acc >> bits);
		}
	}
	return zn;
}

static struct te_gaz_bucket *
load_bucket(struct te_gaz *g, unsigned no)
{
	struct te_gaz_bucket *bk;

	if (places_big_index[no][2] == 0)
		return NULL;
	if (!g->buckets)
		g->buckets = xcalloc(PLACES_NBUCKETS, sizeof(*g->buckets));
	bk = &g->buckets[no];
	if (bk->state == 0)
		bk->state = inflate_bucket(bk, no) == 0 ? 1 : -1;
	return bk->state > 0 ? bk : NULL;
}

static bool
is_final(uint32_t c)
{
	return c < 65536 && (te_gaz_finals[c >> 3] & (1u << (c & 7)));
}

static bool
is_pair(uint32_t last, uint32_t before)
{
	unsigned ph = (unsigned)((last * 31u + before) & 0xFFFFu);
	return te_gaz_pairs[ph >> 3] & (1u << (ph & 7));
}


size_t
te_gaz_big_end(struct te_gaz *g, const struct text *t, const struct docplace *d,
	size_t lo, size_t e, const char *parent,
	const char *(*parent_at)(void *, size_t), void *ctx, struct place_hit *h)
{
	char key[BIG_MAXLEN * 4];
	size_t kn = 0, a = 0, b, L;
	struct { size_t len, lo, hi; } ex[BIG_MAXLEN + 1];
	int nex = 0;
	static const size_t digs[] = { 2, 4, 6, 9 };
	int plv;
	size_t pdig;
	const char *given = parent;

	if (e < lo + 3 || !is_final(t->k[e - 1]) || !is_han(t->k[e - 2]))
		return 0;
	if (!is_pair(t->k[e - 1], t->k[e - 2]) || !is_han(t->k[e - 3]))
		return 0;
	struct te_gaz_bucket *bk = load_bucket(g, bucket_of(t->k[e - 1], t->k[e - 2], t->k[e - 3]));
	if (!bk)
		return 0;
	b = bk->nlines;
	/* Walk backwards from the final character, one range per length. */
	/* Every name has three characters or more: narrow on them at once. */
	for (L = 1; L <= 3; L++)
		kn += (size_t)utf8_encode(t->k[e - L], key + kn);
	if (!is_han(t->k[e - 3]))
		return 0;
	for (L = 3; L <= BIG_MAXLEN && e - L >= lo && a < b; L++) {
		uint32_t c = t->k[e - L];
		if (!is_han(c))
			break;
		if (L > 3)
			kn += (size_t)utf8_encode(c, key + kn);
		narrow(bk, &a, &b, key, kn);
		if (a < b && L >= 3) {
			int exact = 0;
			cmp_line(bk, a, key, kn, &exact);
			if (exact) {
				size_t z = a;
				while (z < b && (cmp_line(bk, z, key, kn, &exact), exact))
					z++;
				ex[nex].len = L;
				ex[nex].lo = a;
				ex[nex].hi = z;
				nex++;
			}
		}
		if (e - L == 0)
			break;
	}
	while (nex-- > 0) {
		char cand[MAXCAND][13];
		int kinds[MAXCAND], n = 0;
		/* 诸暨市枫桥镇: the place just before this length's start. */
		parent = given[0] || !parent_at ? given : parent_at(ctx, e - ex[nex].len);
		plv = parent[0] ? te_gaz_code_level(parent) : -1;
		pdig = plv >= 0 ? digs[plv] : 0;
		if (plv < 0)
			parent = "";
		for (size_t i = ex[nex].lo; i < ex[nex].hi; i++) {
			const char *l = bk->raw + bk->lines[i] + strlen_tab(bk->raw + bk->lines[i]) + 1;
			char c[13];
			int kind = l[0];
			memcpy(c, l + 1, 12);
			c[12] = '\0';
			bool near = within(c, parent, pdig) || within(c, d->code[L_COUNTY], 6) ||
				(kind == 'S' && within(c, d->code[L_CITY], 4));
			/* Streets, towns and townships named in full (周溪乡)
			 * are unmistakable; villages need the document's or the
			 * sentence's area around them. */
			if (!near && !(kind == 'S' && (te_key_is(t, e - 2, "街道") ||
			    te_key_in(t, e - 1, "镇乡"))))
				continue;
			if (n < MAXCAND) {
				memcpy(cand[n], c, 13);
				kinds[n] = kind;
				n++;
			}
		}
		if (n == 0)
			continue;
		int c = choose(d, parent, cand, n);
		h->len = ex[nex].len;
		h->ncand = n;
		h->kind = kinds[c >= 0 ? c : 0];
		if (c >= 0)
			memcpy(h->code, cand[c], 13);
		else
			h->code[0] = '\0';
		return h->len;
	}
	return 0;
}

int
te_gaz_big_exact(struct te_gaz *g, const uint32_t *k, size_t n, const char *area,
	size_t digits, char code[13])
{
	char key[BIG_MAXLEN * 4];
	size_t kn = 0, a = 0, b;
	int found = 0;

	if (n < 3 || n > BIG_MAXLEN)
		return 0;
	if (!is_pair(k[n - 1], k[n - 2]))
		return 0;
	struct te_gaz_bucket *bk = load_bucket(g, bucket_of(k[n - 1], k[n - 2], k[n - 3]));
	if (!bk)
		return 0;
	for (size_t i = n; i-- > 0;)
		kn += (size_t)utf8_encode(k[i], key + kn);
	b = bk->nlines;
	narrow(bk, &a, &b, key, kn);
	for (size_t i = a; i < b; i++) {
		int exact = 0;
		cmp_line(bk, i, key, kn, &exact);
		if (!exact)
			break;
		const char *l = bk->raw + bk->lines[i] + kn + 1;
		if (area[0] && memcmp(l + 1, area, digits) != 0)
			continue;
		if (found++)
			return 0;       /* two in the area: ambiguous */
		memcpy(code, l + 1, 12);
		code[12] = '\0';
	}
	return found == 1;
}
