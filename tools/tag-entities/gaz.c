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

static struct wl small, big, stop_short;
static struct prec *recs;
static size_t nrecs;
static size_t *bycode;          /* indices of full names, sorted by code */
static size_t nbycode;
static char (*streets)[10];
static size_t nstreets;
static struct { uint32_t street; uint16_t c3; } *brec;
static char *bigraw;
static int big_state;           /* 0 not loaded, 1 loaded, -1 failed */
static uint8_t finals[8192];
static char namebuf[128];

/* Short forms that are also everyday words: never places on their own. */
static const char stop_short_words[] =
	"东方 朝阳 长治 安康 白银 日照 四平 大同 新华 和平 长安 城关 城中 城东 城西 "
	"城南 城北 市中 郊区 矿区 新区 东区 西区 南区 北区 中区 开发 高新 经开 平安 "
	"永和 太平 红旗 胜利 建设 解放 人民 民主 团结 幸福 光明 前进 新兴 先锋 东风 "
	"向阳 青年 文化 中心 河口 普通 兴业 金融 工业 开放 友好 和田 海城 中原 大安 "
	"永安 宁安 长兴 兴安 吉安 安宁 龙华 城区 江南 江北 河东 河西 东港 西湖 南湖 "
	"中山 清河 铁西 铁东 白云 文山 凤凰 新城 新市 古城 老城 城阳 红山 公主 阿里 "
	"山南 那曲 黄山 泰山 华山 衡山 天山 秀山 中国";

/* Full county names that are also common nouns (城区 of a city, 和县 in
 * "乡镇和县级"): only trusted inside the document's province. */
static const char weak_full_words[] = "城区 郊区 矿区 新区 东区 西区 南区 北区 中区";

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
	wl_init(&big);
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
	for (const char *f = places_big_finals; *f && *f != '\n';) {
		size_t pos = 0;
		uint32_t c = utf8_next(f, strlen(f), &pos);
		if (c < 65536)
			finals[c >> 3] |= (uint8_t)(1u << (c & 7));
		f += pos;
	}
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

size_t
gaz_small_at(struct tagger *tg, size_t i, struct place_hit *h)
{
	const struct text *t = &tg->t;
	const struct docplace *d = &tg->doc;
	size_t max, len;
	char cand[MAXCAND][13];
	int kinds[MAXCAND];

	if (!is_han(t->k[i]) || i + 1 >= t->n)
		return 0;
	max = small.first2[wl_bi(t->k[i], t->k[i + 1])];
	if (max > t->n - i)
		max = t->n - i;
	for (len = max; len >= 2; len--) {
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
				/* A county's short form (罗湖) is only trusted
				 * in a report from its own prefecture. */
			}
			if (r->kind == 'D' && (len == 2 || weak_full(t->k + i, len)) &&
			    !within(r->code, d->code[L_PROV], 2))
				continue;
			if (r->kind == 'd') {
				if (!within(r->code, d->code[L_CITY], 4) &&
				    !within(r->code, d->code[L_COUNTY], 6))
					continue;
			}
			if (n < MAXCAND) {
				memcpy(cand[n], r->code, 13);
				kinds[n] = r->kind;
				n++;
			}
		}
		if (n == 0)
			continue;
		int c = choose(d, "", cand, n);
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

static int
b64(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

static int
load_big(void)
{
	size_t n = sizeof(places_big) - 1, zn = 0, cap = 0, bcap = 0;
	unsigned char *z = xmalloc(n / 4 * 3 + 3);
	uLongf rawlen = PLACES_BIG_LEN;
	unsigned acc = 0;
	int bits = 0;

	for (size_t i = 0; i < n; i++) {
		int v = b64((unsigned char)places_big[i]);
		if (v < 0)
			continue;
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			z[zn++] = (unsigned char)(acc >> bits);
		}
	}
	bigraw = xmalloc(PLACES_BIG_LEN + 1);
	if (uncompress((Bytef *)bigraw, &rawlen, z, zn) != Z_OK) {
		free(z);
		return -1;
	}
	free(z);
	bigraw[rawlen] = '\0';
	for (char *p = bigraw; *p;) {
		char *nl = strchr(p, '\n');
		size_t dig = 0;
		if (!nl)
			break;
		while (p[dig] >= '0' && p[dig] <= '9')
			dig++;
		if (dig == 9) {
			if (nstreets == cap) {
				cap = cap ? 2 * cap : 65536;
				streets = xrealloc(streets, cap * sizeof(*streets));
			}
			memcpy(streets[nstreets], p, 9);
			streets[nstreets][9] = '\0';
			nstreets++;
		}
		if ((dig == 9 || dig == 3) && nstreets > 0) {
			long e = wl_add(&big, p + dig, (size_t)(nl - p - dig), dig == 9 ? 'S' : 'V',
				(uint32_t)(big.nent));
			if (e >= 0) {
				if ((size_t)e >= bcap) {
					bcap = bcap ? 2 * bcap : 1u << 20;
					brec = xrealloc(brec, bcap * sizeof(*brec));
				}
				brec[e].street = (uint32_t)(nstreets - 1);
				brec[e].c3 = dig == 9 ? 0xFFFF :
					(uint16_t)((p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0'));
			}
		}
		p = nl + 1;
	}
	wl_build(&big);
	return 0;
}

static void
big_code(long e, char out[13])
{
	memcpy(out, streets[brec[e].street], 9);
	if (brec[e].c3 == 0xFFFF) {
		memcpy(out + 9, "000", 4);
	} else {
		out[9] = (char)('0' + brec[e].c3 / 100);
		out[10] = (char)('0' + brec[e].c3 / 10 % 10);
		out[11] = (char)('0' + brec[e].c3 % 10);
		out[12] = '\0';
	}
}

static bool
is_final(uint32_t c)
{
	return c < 65536 && (finals[c >> 3] & (1u << (c & 7)));
}

size_t
gaz_big_end(struct tagger *tg, size_t lo, size_t e, const char *parent, struct place_hit *h)
{
	const struct text *t = &tg->t;
	const struct docplace *d = &tg->doc;
	char cand[MAXCAND][13];
	int kinds[MAXCAND];
	size_t max;

	if (e < lo + 3 || !is_final(t->k[e - 1]) || !is_han(t->k[e - 2]))
		return 0;
	if (big_state == 0)
		big_state = load_big() == 0 ? 1 : -1;
	if (big_state < 0)
		return 0;
	max = big.last2[wl_bi(t->k[e - 2], t->k[e - 1])];
	static const size_t digs[] = { 2, 4, 6, 9 };
	int plv = parent[0] ? gaz_code_level(parent) : -1;
	size_t pdig = plv >= 0 ? digs[plv] : 0;
	if (plv < 0)
		parent = "";
	if (max > e - lo)
		max = e - lo;
	for (size_t len = max; len >= 3; len--) {
		size_t it = 0;
		long x;
		int n = 0;
		if (!is_han(t->k[e - len]))
			continue;       /* a shorter name may still fit */
		while ((x = wl_next(&big, t->k + e - len, len, &it)) >= 0) {
			char c[13];
			big_code(x, c);
			bool ctx = within(c, parent, pdig) ||
				within(c, d->code[L_COUNTY], 6) ||
				(big.ent[x].tag == 'S' && within(c, d->code[L_CITY], 4));
			/* 街道 names are unmistakable; villages and towns need
			 * the document's or the sentence's area around them. */
			if (!ctx && !(big.ent[x].tag == 'S' && key_is(t, e - 2, "街道")))
				continue;
			if (n < MAXCAND) {
				memcpy(cand[n], c, 13);
				kinds[n] = big.ent[x].tag;
				n++;
			}
		}
		if (n == 0)
			continue;
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
