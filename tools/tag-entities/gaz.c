/*
 * gaz: the place gazetteer (data/places.inc, see data/gen-places.py).
 * The small part (provinces, prefectures, counties, countries: a few
 * thousand names) is hashed at start-up; the big part (towns, streets,
 * villages: 640 000 names) only when a text first ends a word with one
 * of their final characters, so start-up stays in milliseconds.
 */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "cli.h"
#include "tag.h"
#include "utf8.h"

#include "../../data/places.inc"

struct prec {
	char code[13];
	char kind;
	const char *name;       /* into places_small, not terminated */
	size_t nlen;
};

#define B64 "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

struct wl gaz_small;
static struct wl stop_short;
#define small gaz_small
static struct prec *recs;
static size_t nrecs;
static size_t *bycode;          /* indices of full names, sorted by code */
static size_t nbycode;
static uint8_t finals[8192];
static uint8_t pairs[8192];
static char namebuf[128];

/* Short forms that are also everyday words: never places on their own. */
static const char stop_short_words[] =
	"东方 朝阳 长治 安康 白银 日照 四平 大同 新华 和平 长安 城关 城中 城东 城西 "
	"城南 城北 市中 郊区 矿区 新区 东区 西区 南区 北区 中区 开发 高新 经开 平安 "
	"永和 太平 红旗 胜利 建设 解放 人民 民主 团结 幸福 光明 前进 新兴 先锋 东风 "
	"向阳 青年 文化 中心 河口 普通 兴业 金融 工业 开放 友好 和田 海城 中原 大安 "
	"永安 宁安 长兴 兴安 吉安 安宁 龙华 城区 江南 江北 河东 河西 东港 西湖 南湖 "
	"中山 清河 铁西 铁东 白云 文山 凤凰 新城 新市 古城 老城 城阳 红山 公主 阿里 "
	"山南 那曲 黄山 泰山 华山 衡山 天山 秀山 中国 新乡 大庆 三明 白山 长春 永安 吉安";

/* Full county names that are also common nouns or verbs (城区 of a
 * city, 老城区 改造, 会同县 消防大队, 合作市场): only trusted inside the
 * document's prefecture. */
static const char weak_full_words[] =
	"城区 郊区 矿区 新区 东区 西区 南区 北区 中区 新城区 老城区 会同县 共和县 同心县 "
	"合作市 和县 开放区";

static struct wl weak_full_wl;

static bool
weak_full(const uint32_t *k, size_t len)
{
	size_t it = 0;
	return wl_next(&weak_full_wl, k, len, &it) >= 0;
}

static int
cmp_code(const void *a, const void *b)
{
	return strcmp(recs[*(const size_t *)a].code, recs[*(const size_t *)b].code);
}

void
gaz_init(void)
{
	const char *p = places_small;
	size_t cap = 0;

	if (recs)
		return;
	wl_init(&small);
	wl_init(&stop_short);
	wl_add_words(&stop_short, stop_short_words, 0);
	wl_build(&stop_short);
	wl_init(&weak_full_wl);
	wl_add_words(&weak_full_wl, weak_full_words, 0);
	wl_build(&weak_full_wl);
	while (*p) {
		const char *nl = strchr(p, '\n'), *sp1 = p + 1, *sp2;
		struct prec *r;
		sp2 = strchr(sp1 + 1, ' ');
		if (nrecs == cap) {
			cap = cap ? 2 * cap : 8192;
			recs = xrealloc(recs, cap * sizeof(*recs));
		}
		r = &recs[nrecs];
		r->kind = p[0];
		memset(r->code, 0, sizeof(r->code));
		memcpy(r->code, sp1 + 1, (size_t)(sp2 - sp1 - 1) < 12 ? (size_t)(sp2 - sp1 - 1) : 12);
		r->name = sp2 + 1;
		r->nlen = (size_t)(nl - sp2 - 1);
		wl_add(&small, r->name, r->nlen, r->kind, (uint32_t)nrecs);
		nrecs++;
		p = nl + 1;
	}
	wl_build(&small);
	bycode = xmalloc(nrecs * sizeof(*bycode));
	for (size_t i = 0; i < nrecs; i++)
		if (recs[i].kind == 'P' || recs[i].kind == 'C' || recs[i].kind == 'D')
			bycode[nbycode++] = i;
	qsort(bycode, nbycode, sizeof(*bycode), cmp_code);
	{
		size_t zn = 0;
		unsigned acc = 0;
		int bits = 0;
		for (const char *q = places_big_pairs; *q && zn < sizeof(pairs); q++) {
			const char *a = strchr(B64, *q);
			if (!a || !*q)
				continue;
			acc = (acc << 6) | (unsigned)(a - B64);
			bits += 6;
			if (bits >= 8) {
				bits -= 8;
				pairs[zn++] = (uint8_t)(acc >> bits);
			}
		}
	}
	for (const char *f = places_big_finals; *f && *f != '\n';) {
		size_t pos = 0;
		uint32_t c = utf8_next(f, strlen(f), &pos);
		if (c < 65536)
			finals[c >> 3] |= (uint8_t)(1u << (c & 7));
		f += pos;
	}
}

void
gaz_classes(uint8_t *cls)
{
	gaz_init();
	wl_classes(&small, cls, 1, C_PLACE);
	for (uint32_t c = 0; c < 65536; c++)
		if (finals[c >> 3] & (1u << (c & 7)))
			cls[c] |= C_FINAL;
}

const char *
gaz_name(const char *code)
{
	size_t lo = 0, hi = nbycode;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(recs[bycode[mid]].code, code);
		if (c == 0) {
			const struct prec *r = &recs[bycode[mid]];
			size_t n = r->nlen < sizeof(namebuf) - 1 ? r->nlen : sizeof(namebuf) - 1;
			memcpy(namebuf, r->name, n);
			namebuf[n] = '\0';
			return namebuf;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int
gaz_code_level(const char *code)
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
local_short(const uint32_t *k, size_t n, const char *county)
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
		if (gaz_big_exact(key, m, county, 6, code))
			return true;
	}
	return false;
}

size_t
gaz_small_at(struct tagger *tg, size_t i, const char *parent, struct place_hit *h)
{
	const struct text *t = &tg->t;
	const struct docplace *d = &tg->doc;
	size_t max, len;
	char cand[MAXCAND][13];
	int kinds[MAXCAND];

	if (!is_han(t->k[i]) || i + 1 >= t->n)
		return 0;
	uint16_t mask = small.first2[wl_bi(t->k[i], t->k[i + 1])];
	if (!mask)
		return 0;
	max = small.maxlen < t->n - i ? small.maxlen : t->n - i;
	for (len = wl_mask_next(mask, max + 1, max); len >= 2; len = wl_mask_next(mask, len, max)) {
		size_t it = 0;
		long e;
		int n = 0, stopped = 0;
		while ((e = wl_next(&small, t->k + i, len, &it)) >= 0) {
			const struct prec *r = &recs[small.ent[e].aux];
			if (r->kind == 'p' || r->kind == 'c') {
				size_t it2 = 0;
				if (stopped || wl_next(&stop_short, t->k + i, len, &it2) >= 0) {
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
				size_t it2 = 0;
				if (!within(r->code, d->code[L_CITY], 4) &&
				    !within(r->code, d->code[L_COUNTY], 6) &&
				    !(prov_doc && wl_next(&stop_short, t->k + i, len, &it2) < 0))
					continue;
			}
			/* 玉林派出所 in a report of the county that has a
			 * 玉林街道: the street's short name, not the city. */
			if ((r->kind == 'p' || r->kind == 'c') && d->code[L_COUNTY][0] &&
			    !within(r->code, d->code[L_PROV], 2) && local_short(t->k + i, len, d->code[L_COUNTY]))
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

struct bucket {
	char *raw;
	uint32_t *lines;        /* start of each line of raw */
	size_t nlines;
	int state;              /* 0 not loaded, 1 loaded, -1 failed */
};
static struct bucket buckets[PLACES_NBUCKETS];

static unsigned
bucket_of(uint32_t c0, uint32_t c1, uint32_t c2)
{
	return (unsigned)(((uint64_t)c0 * 961 + (uint64_t)c1 * 31 + c2) % PLACES_NBUCKETS);
}

static int
load_bucket(struct bucket *bk, unsigned no)
{
	const char *src = places_big + places_big_index[no][0];
	size_t n = places_big_index[no][1], zn = 0, cap = 0;
	uLongf rawlen = places_big_index[no][2];
	unsigned char *z;
	unsigned acc = 0;
	int bits = 0;
	signed char dec[256];

	if (rawlen == 0)
		return 0;
	memset(dec, -1, sizeof(dec));
	for (int i = 0; i < 64; i++)
		dec[(unsigned char)B64[i]] = (signed char)i;
	z = xmalloc(n / 4 * 3 + 3);
	for (size_t i = 0; i < n; i++) {
		int v = dec[(unsigned char)src[i]];
		if (v < 0)
			continue;
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			z[zn++] = (unsigned char)(acc >> bits);
		}
	}
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
cmp_line(const struct bucket *bk, size_t i, const char *key, size_t kn, int *exact)
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
narrow(const struct bucket *bk, size_t *lo, size_t *hi, const char *key, size_t kn)
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

static bool
is_final(uint32_t c)
{
	return c < 65536 && (finals[c >> 3] & (1u << (c & 7)));
}


size_t
gaz_big_end(struct tagger *tg, size_t lo, size_t e, const char *parent,
	const char *(*parent_at)(size_t), struct place_hit *h)
{
	const struct text *t = &tg->t;
	const struct docplace *d = &tg->doc;
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
	unsigned ph = (unsigned)((t->k[e - 1] * 31u + t->k[e - 2]) & 0xFFFFu);
	if (!(pairs[ph >> 3] & (1u << (ph & 7))))
		return 0;
	if (!is_han(t->k[e - 3]))
		return 0;
	unsigned no = bucket_of(t->k[e - 1], t->k[e - 2], t->k[e - 3]);
	struct bucket *bk = &buckets[no];
	if (places_big_index[no][2] == 0)
		return 0;
	if (bk->state == 0)
		bk->state = load_bucket(bk, no) == 0 ? 1 : -1;
	if (bk->state < 0)
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
		parent = given[0] || !parent_at ? given : parent_at(e - ex[nex].len);
		plv = parent[0] ? gaz_code_level(parent) : -1;
		pdig = plv >= 0 ? digs[plv] : 0;
		if (plv < 0)
			parent = "";
		for (size_t i = ex[nex].lo; i < ex[nex].hi; i++) {
			const char *l = bk->raw + bk->lines[i] + strlen_tab(bk->raw + bk->lines[i]) + 1;
			char c[13];
			int kind = l[0];
			memcpy(c, l + 1, 12);
			c[12] = '\0';
			bool ctx = within(c, parent, pdig) || within(c, d->code[L_COUNTY], 6) ||
				(kind == 'S' && within(c, d->code[L_CITY], 4));
			/* 街道 names are unmistakable; villages and towns need
			 * the document's or the sentence's area around them. */
			if (!ctx && !(kind == 'S' && key_is(t, e - 2, "街道")))
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
gaz_big_exact(const uint32_t *k, size_t n, const char *area, size_t digits, char code[13])
{
	char key[BIG_MAXLEN * 4];
	size_t kn = 0, a = 0, b;
	int found = 0;

	if (n < 3 || n > BIG_MAXLEN)
		return 0;
	unsigned ph = (unsigned)((k[n - 1] * 31u + k[n - 2]) & 0xFFFFu);
	if (!(pairs[ph >> 3] & (1u << (ph & 7))))
		return 0;
	unsigned no = bucket_of(k[n - 1], k[n - 2], k[n - 3]);
	struct bucket *bk = &buckets[no];
	if (places_big_index[no][2] == 0)
		return 0;
	if (bk->state == 0)
		bk->state = load_bucket(bk, no) == 0 ? 1 : -1;
	if (bk->state < 0)
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
