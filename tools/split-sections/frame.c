#include <stdint.h>
#include <string.h>

#include "frame.h"
#include "marker.h"
#include "utf8.h"

/* A signature or a date line is short. */
#define SIG_MAX_CPS 25
#define ADDRESSEE_MAX_CPS 100
#define NOTE_MAX_CPS 40

/* The key without the spaces around it (ideographic spaces are folded to
 * ASCII; no-break spaces from web pages are kept by the folding). */
struct span {
	const char *s;
	size_t n;
};

static struct span
trimmed(const struct ss_key *k)
{
	struct span t = { k->s, k->len };

	for (;;) {
		if (t.n > 0 && (t.s[0] == ' ' || t.s[0] == '\t')) {
			t.s++;
			t.n--;
		} else if (t.n >= 2 && (unsigned char)t.s[0] == 0xC2 &&
		    (unsigned char)t.s[1] == 0xA0) {
			t.s += 2;
			t.n -= 2;
		} else {
			break;
		}
	}
	for (;;) {
		if (t.n > 0 && (t.s[t.n - 1] == ' ' || t.s[t.n - 1] == '\t'))
			t.n--;
		else if (t.n >= 2 && (unsigned char)t.s[t.n - 2] == 0xC2 &&
		    (unsigned char)t.s[t.n - 1] == 0xA0)
			t.n -= 2;
		else
			break;
	}
	return t;
}

static bool
starts(struct span t, const char *w)
{
	size_t l = strlen(w);

	return t.n >= l && memcmp(t.s, w, l) == 0;
}

static bool
ends(struct span t, const char *w)
{
	size_t l = strlen(w);

	return t.n >= l && memcmp(t.s + t.n - l, w, l) == 0;
}

static bool
ends_any(struct span t, const char *const *w)
{
	for (; *w; w++)
		if (ends(t, *w))
			return true;
	return false;
}

static size_t
digits(struct span t, size_t i)
{
	size_t j = i;

	while (j < t.n && t.s[j] >= '0' && t.s[j] <= '9')
		j++;
	return j - i;
}

/* A character of the bracket pairs 〔〕 [] () 【】 around a year. */
static size_t
bracket(struct span t, size_t i, bool open)
{
	static const char *const op[] = { "〔", "[", "(", "【", "［", NULL };
	static const char *const cl[] = { "〕", "]", ")", "】", "］", NULL };

	for (const char *const *b = open ? op : cl; *b; b++) {
		size_t l = strlen(*b);

		if (i + l <= t.n && memcmp(t.s + i, *b, l) == 0)
			return l;
	}
	return 0;
}

bool
ss_frame_docnum(const struct ss_key *k)
{
	struct span t = trimmed(k);
	size_t i = 0, l, chars = 0;

	/* the issuer's code: a few characters, no digits or punctuation */
	while (i < t.n && chars <= 16 && !bracket(t, i, true)) {
		unsigned char c = (unsigned char)t.s[i];

		if (c < 0x80)
			return false;
		i += (c & 0xF0) == 0xE0 ? 3 : (c & 0xE0) == 0xC0 ? 2 : 4;
		chars++;
	}
	if (chars == 0 || chars > 16 || (l = bracket(t, i, true)) == 0)
		return false;
	i += l;
	if (digits(t, i) != 4)
		return false;
	i += 4;
	if ((l = bracket(t, i, false)) == 0)
		return false;
	i += l;
	if (i + 3 <= t.n && memcmp(t.s + i, "第", 3) == 0)
		i += 3;
	if ((l = digits(t, i)) == 0 || l > 5)
		return false;
	i += l;
	return i + 3 == t.n && memcmp(t.s + i, "号", 3) == 0;
}

/* The endings of the name of a body (政府, 局, 委员会 …). */
static const char *const org_ends[] = {
	"政府", "局", "委员会", "办公室", "办公厅", "办事处", "管委会", "工委",
	"司法所", "办", "中心", "院", "部", "委", "厅", "署", NULL
};

static bool
has_punct(struct span t)
{
	for (size_t i = 0; i < t.n; i++)
		if (strchr(",.;:!?()", t.s[i]) || (i + 3 <= t.n &&
		    (memcmp(t.s + i, "。", 3) == 0 || memcmp(t.s + i, "、", 3) == 0)))
			return true;
	return false;
}

bool
ss_frame_body_name(const struct ss_key *k)
{
	struct span t = trimmed(k);

	return t.n >= 6 && utf8_count(t.s, t.n) <= SIG_MAX_CPS &&
	    !has_punct(t) && ends_any(t, org_ends);
}

bool
ss_frame_addressee(const struct ss_key *k)
{
	static const char *const ends_of[] = {
		"政府", "院", "部", "委", "局", "厅", "办", "室", "署", "会", "处",
		"所", "司", "中心", "机构", "单位", "部门", "机关", "兵团", "党组",
		"公司", "集团", "银行", "街道", "乡", "镇", NULL
	};
	struct span t = trimmed(k), name;

	if (t.n < 4 || t.s[t.n - 1] != ':' ||
	    utf8_count(t.s, t.n) > ADDRESSEE_MAX_CPS)
		return false;
	t.n--;
	for (size_t i = 0; i < t.n; i++)
		if (strchr(".;:!?", t.s[i]) || (i + 3 <= t.n &&
		    memcmp(t.s + i, "。", 3) == 0))
			return false;
	if (strstr(t.s, "如下") || strstr(t.s, "以下") || strstr(t.s, "下列"))
		return false;
	/* the last body named, after the last 、 or , */
	name = t;
	for (size_t i = 0; i < t.n; i++)
		if (t.s[i] == ',' || (i + 3 <= t.n && memcmp(t.s + i, "、", 3) == 0)) {
			size_t l = t.s[i] == ',' ? 1 : 3;

			name.s = t.s + i + l;
			name.n = t.n - i - l;
		}
	/* 财政厅(局): the other name of the body in brackets */
	if (name.n > 2 && name.s[name.n - 1] == ')') {
		const char *o = memchr(name.s, '(', name.n);

		if (o)
			name.n = (size_t)(o - name.s);
	}
	return name.n >= 3 && utf8_count(name.s, name.n) <= SIG_MAX_CPS &&
	    ends_any(name, ends_of);
}

/* A Chinese digit of a year written in numerals (一九九六, 二〇二五). */
static bool
cn_digit_at(struct span t, size_t i)
{
	static const char *const d[] = {
		"〇", "○", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
		NULL
	};

	for (const char *const *p = d; *p; p++)
		if (i + strlen(*p) <= t.n && memcmp(t.s + i, *p, strlen(*p)) == 0)
			return true;
	return false;
}

/* A month or day number, in digits or numerals: its length. */
static size_t
small_number(struct span t, size_t i, long max)
{
	size_t l = digits(t, i), u;
	long v;

	if (l > 0)
		return l <= 2 ? l : 0;
	v = ss_cn_number(t.s + i, t.n - i, &u);
	return v > 0 && v <= max ? u : 0;
}

/* 2018年12月4日, 一九九六年二月九日, 2025年1月 at t.s[i]: the offset after
 * it, or 0. */
static size_t
date_at(struct span t, size_t i)
{
	size_t l;

	if (digits(t, i) == 4) {
		i += 4;
	} else {
		for (int k = 0; k < 4; k++) {
			if (!cn_digit_at(t, i))
				return 0;
			i += 3;         /* each of them is 3 bytes */
		}
	}
	if (!(i + 3 <= t.n && memcmp(t.s + i, "年", 3) == 0))
		return 0;
	i += 3;
	if ((l = small_number(t, i, 12)) == 0)
		return 0;
	i += l;
	if (!(i + 3 <= t.n && memcmp(t.s + i, "月", 3) == 0))
		return 0;
	i += 3;
	if ((l = small_number(t, i, 31)) != 0) {
		i += l;
		if (i + 3 <= t.n && (memcmp(t.s + i, "日", 3) == 0 ||
		    memcmp(t.s + i, "号", 3) == 0))
			i += 3;
	}
	return i;
}

int
ss_frame_end(const struct ss_key *k)
{
	struct span t = trimmed(k);
	size_t cps, i;

	if (t.n < 6 || (cps = utf8_count(t.s, t.n)) > SIG_MAX_CPS)
		return SIG_NONE;
	/* 特此报告。 特此通知。 此复。 */
	if ((starts(t, "特此") && cps <= 7) || (starts(t, "此复") && cps <= 3))
		return SIG_CLOSING;
	/* the date, also after the issuing body on the same line */
	for (i = 0; i < t.n; i += ((unsigned char)t.s[i] & 0x80) ? 3 : 1) {
		size_t e;

		/* a year opens with 1, 2, 一 or 二 */
		if (t.s[i] != '1' && t.s[i] != '2' && !(i + 3 <= t.n &&
		    (memcmp(t.s + i, "一", 3) == 0 || memcmp(t.s + i, "二", 3) == 0)))
			continue;
		e = date_at(t, i);

		if (e == t.n)
			return i == 0 ? SIG_DATE :
			    !has_punct((struct span){ t.s, i }) ? SIG_NAME_DATE : SIG_NONE;
		if (e > 0)
			return SIG_NONE;
	}
	return ss_frame_body_name(k) ? SIG_NAME : SIG_NONE;
}

bool
ss_frame_head_date(const struct ss_key *k)
{
	struct span t = trimmed(k);

	if (t.n > 2 && t.s[0] == '(' && t.s[t.n - 1] == ')') {
		t.s++;
		t.n -= 2;
	}
	return t.n > 0 && date_at(t, 0) == t.n;
}

bool
ss_frame_note(const struct ss_key *k)
{
	struct span t = trimmed(k);

	return t.n > 2 && t.s[0] == '(' && t.s[t.n - 1] == ')' &&
	    utf8_count(t.s, t.n) <= NOTE_MAX_CPS && !strstr(t.s, "。");
}

bool
ss_frame_note_words(const struct ss_key *k)
{
	struct span t = trimmed(k);

	return starts(t, "(此件") || starts(t, "(本件") || starts(t, "(本文");
}

static size_t
spaces(const char *t, size_t n, size_t i)
{
	for (;;) {
		if (i < n && (t[i] == ' ' || t[i] == '\t'))
			i++;
		else if (i + 3 <= n && memcmp(t + i, "\xe3\x80\x80", 3) == 0)
			i += 3;
		else
			return i;
	}
}

int
ss_frame_annex(const char *t, size_t n, unsigned *num, size_t *rest)
{
	size_t i = spaces(t, n, 0), j, u;
	long v;

	*num = 0;
	if (!(i + 6 <= n && (memcmp(t + i, "附件", 6) == 0 ||
	    memcmp(t + i, "附表", 6) == 0)))
		return AX_NONE;
	j = i + 6;
	i = spaces(t, n, j);
	if (i < n && t[i] >= '0' && t[i] <= '9') {
		while (i < n && t[i] >= '0' && t[i] <= '9') {
			if (*num < 1000)
				*num = *num * 10 + (unsigned)(t[i] - '0');
			i++;
		}
	} else if ((v = ss_cn_number(t + i, n - i, &u)) > 0) {
		*num = (unsigned)v;
		i += u;
	}
	i = spaces(t, n, i);
	if (i < n && t[i] == ':')
		i++;
	else if (i + 3 <= n && memcmp(t + i, "：", 3) == 0)
		i += 3;
	else if (i < n && i == j)
		return AX_NONE;         /* 附件下载, 附件材料… */
	i = spaces(t, n, i);
	*rest = i;
	return i == n ? AX_LABEL : AX_TEXT;
}
