#include <string.h>

#include "places.h"
#include "scanner.h"
#include "zhnum.h"

/* Suffixes of a township, a village or a street office: 三间房乡.
 * (市 and 区 also end 超市 and 城区, counted by 家 and 座.) */
static const char *const suffixes[] = {
	"街道", "社区", "嘎查", "苏木", "乡", "镇", "村", "县", "旗", "屯", "庄",
	"寨", NULL
};

void
xn_places_clear(struct xn_places *p)
{
	p->n = 0;
	p->next = 0;
}

static size_t
suffix_at(const struct xn *x, size_t i)
{
	for (const char *const *s = suffixes; *s; s++) {
		size_t pos = 0, n = strlen(*s), k = i;

		while (pos < n && utf8_next(*s, n, &pos) == xn_at(x, k))
			k++;
		if (pos == n && k > i)
			return k - i;
	}
	return 0;
}

static bool
remembered(const struct xn_places *p, const struct xn *x, size_t start)
{
	for (size_t k = 0; k < p->n; k++)
		if (start + p->len[k] <= x->n &&
		    memcmp(p->name[k], x->f + start, p->len[k] * sizeof x->f[0]) == 0)
			return true;
	return false;
}

bool
xn_place_name(struct xn *x, size_t start, size_t end, const char *unit)
{
	struct xn_places *p = &x->places;
	uint32_t c = xn_at(x, end);
	size_t len = end + 1 - start;

	if (p->n && remembered(p, x, start))
		return true;
	/* 三个村, 五个重点村, 两家乡镇卫生院, 三座小镇, 一季度全县 are not
	 * names: a name is one character between the measure word and the
	 * suffix, not a suffix itself, nor a word that makes one (农村,
	 * 城镇, 山村) or points at one (全县, 各乡, 本村). */
	if (!xn_is_han(c) || zhnum_is_numeral(c) || strcmp(unit, "个") == 0 || strcmp(unit, "名") == 0 ||
	    strcmp(unit, "位") == 0 || strcmp(unit, "项") == 0 ||
	    strcmp(unit, "次") == 0 || strcmp(unit, "种") == 0 ||
	    suffix_at(x, end) || utf8_contains("小大新老古名强特重美农城山渔全本每各该此其", c) ||
	    !suffix_at(x, end + 1))
		return false;
	if (len <= XN_PLACE_LEN) {
		memcpy(p->name[p->next], x->f + start, len * sizeof x->f[0]);
		p->len[p->next] = (uint8_t)len;
		p->next = (p->next + 1) % XN_PLACES_MAX;
		if (p->n < XN_PLACES_MAX)
			p->n++;
	}
	return true;
}
