/*
 * Unit tests of zh-normalize's repair pass, and its damage simulator:
 * clean fixture text is damaged in each way the converters do it (see
 * repair_sim.h), repaired, and compared.  The exact-repair rates by
 * number of dropped pairs are printed as comments.
 *
 *   normalize_repair                  run the tests
 *   normalize_repair --filter FILE... repair each line of each FILE (one
 *                                     document per file), print "flags TAB
 *                                     text"; the counts go to stderr
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "repair.h"
#include "repair_int.h"
#include "repair_sim.h"
#include "test.h"

int main(int argc, char **argv);

/* Fictional district, own text (never from the seed reports). */
static const char *const fixture[] = {
	"深入學習宣傳貫徹黨的二十大精神，全面推進濱江區法治政府建設",
	"紮實推進依法行政，健全重大行政決策程序制度",
	"加強行政執法隊伍建設，提升基層執法人員業務能力",
	"區司法局會同區委辦公室開展法治督察，推動問題整改落實",
	"完善公共法律服務體系，為轄區企業和群眾提供便捷服務",
	"推進行政複議體制改革，發揮行政複議化解行政爭議主渠道作用",
	"開展“八五”普法宣傳活動，提升全民法治素養",
	"設立社區法律顧問工作室，實現村居法律顧問全覆蓋",
	"強化行政規範性文件備案審查，確保文件合法有效",
	"建立健全矛盾糾紛多元化解機制，維護社會和諧穩定",
	"深入學習法治思想，推動濱江區法治建設各項任務落地見效",
	"組織全區領導幹部參加年度學法考試，參考率達到百分之百",
	"區政府常務會議專題研究法治建設事項，部署年度重點任務",
	"進一步規範行政執法行為，全面落實行政執法三項制度",
	"加快建設數字政府，推動政務服務事項網上辦理",
	"持續優化營商環境，依法保護各類市場主體合法權益",
	"推動社區矯正工作規範化建設，加強對社區矯正對象的教育幫扶",
	"健全人民調解組織網絡，發揮人民調解員在基層治理中的作用",
	"開展法治宣傳進機關、進學校、進社區、進企業活動",
	"完善行政執法協調監督工作體系，加強執法監督檢查",
	"會同有關部門開展專項執法檢查，及時糾正違法行為",
	"學校和社區聯合舉辦法治講座，引導青少年尊法學法守法用法",
	"區委區政府主要負責人切實履行推進法治建設第一責任人職責",
	"進一步加強律師隊伍建設，規範律師事務所管理",
	"區法律援助中心全年受理法律援助案件四百餘件",
	"推進公證服務便民利民，拓展線上辦理公證業務",
	"建設法治文化陣地，打造一批法治文化公園和法治廣場",
	"實施行政機關負責人出庭應訴制度，提高出庭應訴率",
	"健全依法決策機制，嚴格落實合法性審查和集體討論決定制度",
	"落實誰執法誰普法責任制，壓實各部門普法責任",
};
#define NFIX (sizeof(fixture) / sizeof(fixture[0]))

static const char *const markers[] = {
	"（一）", "（二）", "（三）", "（四）", "（六）", "（十）", "一是", "",
};
#define NMARK (sizeof(markers) / sizeof(markers[0]))

static struct repair *rp;
static struct buf line, dmg, want;

static int
fix(const char *in, struct repair_stats *st)
{
	buf_clear(&line);
	buf_adds(&line, in);
	return repair_line(rp, &line, st);
}

static int
same(const char *in, const char *out)
{
	struct repair_stats st = { 0 };
	int f = fix(in, &st);

	if (strcmp(line.s, out) != 0)
		printf("# %s -> %s (want %s)\n", in, line.s, out);
	return strcmp(line.s, out) == 0 && (strcmp(in, out) == 0 ? f == 0 : f != 0);
}

static void
test_pinyin(void)
{
	struct repair_stats st = { 0 };

	repair_doc_begin(rp);
	CHECK(same("濱江區(qū)司法局", "濱江區司法局"), "pinyin: reading removed");
	CHECK(same("社會(huì )治理", "社會治理"), "pinyin: spaced variant removed");
	CHECK(same("設(shè)立學(xué)習(xí)小組", "設立學習小組"), "pinyin: several");
	CHECK(same("綠(lǜ)色", "綠色"), "pinyin: u with diaeresis and tone");
	CHECK(same("示範村(社區)建設", "示範村(社區)建設"), "pinyin: Han parenthetical kept");
	CHECK(same("條例(試行)", "條例(試行)"), "pinyin: (試行) kept");
	CHECK(same("政務服務(App)上線", "政務服務(App)上線"), "pinyin: (App) kept");
	CHECK(same("調解(員)協會", "調解(員)協會"), "pinyin: 解(員) kept");
	CHECK(same("行政(qū)執法", "行政(qū)執法"), "pinyin: not a reading of the char kept");
	CHECK(same("區(qu)域", "區(qu)域"), "pinyin: no tone mark kept");
	CHECK(same("區(Qū)域", "區(Qū)域"), "pinyin: capitalised kept");
	CHECK(same("區(qū qū)域", "區(qū qū)域"), "pinyin: two syllables kept");
	CHECK(same("見附件(pdf)", "見附件(pdf)"), "pinyin: file type kept");
	CHECK(same("費用(à la carte)", "費用(à la carte)"), "pinyin: French kept");
	fix("法治(zhì)", &st);
	CHECK(st.pinyin_removed == 1, "pinyin: counted");
	CHECK(fix("學習W(xué)習", &st) == REPAIR_DAMAGED, "pinyin: reading after non-Han flags l");
	CHECK(strcmp(line.s, "學習W(xué)習") == 0, "pinyin: reading after non-Han kept");
	CHECK(fix("面向學ㄒ校", &st) == REPAIR_DAMAGED, "bopomofo next to Han flags l");
	CHECK(fix("ㄅㄆㄇ", &st) == 0, "bopomofo alone is text");
}

static void
test_identity(void)
{
	struct repair_stats st = { 0 };
	size_t i, j;
	int bad = 0;
	static const char *const extra[] = {
		"", "?", "??", "?？", "是否?是", "(a)", "((", "(ā", "¡", "×÷", "·",
		"Müller Straße 5", "café, naïve, élève", "A(B)C", "錕斤拷", "鍵盤",
		"┌─┐", "(一)", "（一）", "?（一）", "?一是", "中文?English",
		"\xEE\x80\x80", "何為?", "第1條?第2條",
	};

	for (i = 0; i < NFIX; i++)
		for (j = 0; j < NMARK; j++) {
			buf_clear(&want);
			buf_adds(&want, "\xE3\x80\x80");
			buf_adds(&want, markers[j]);
			buf_adds(&want, fixture[i]);
			buf_clear(&line);
			buf_add(&line, want.s, want.len);
			repair_doc_begin(rp);
			if (repair_line(rp, &line, &st) != 0 || strcmp(line.s, want.s) != 0)
				bad++;
		}
	CHECK(bad == 0, "identity: clean fixture lines unchanged");
	for (i = 0; i < sizeof(extra) / sizeof(extra[0]); i++) {
		char name[96];

		snprintf(name, sizeof(name), "identity: %s unchanged", extra[i]);
		CHECK(same(extra[i], extra[i]), name);
	}
	CHECK(st.pinyin_removed == 0 && st.runs_repaired == 0, "identity: nothing counted");
}

/* A new document holding the other fixture sentences, as evidence. */
static void
doc_with_others(size_t skip)
{
	struct repair_stats st = { 0 };
	size_t d;

	repair_doc_begin(rp);
	for (d = 1; d < NFIX; d++) {
		buf_clear(&line);
		buf_adds(&line, fixture[(skip + d) % NFIX]);
		repair_line(rp, &line, &st);
	}
}

/* Misaligned runs: exact-repair rate by dropped pairs. */
static void
test_misaligned(int with_doc)
{
	int tot[4] = { 0 }, ok[4] = { 0 }, bad[4] = { 0 }, lostn = 0, lostok = 0, drops, lost, f;
	size_t i, j, k, d;
	struct repair_stats st = { 0 };
	char name[96];

	for (i = 0; i < NFIX; i++)
		for (j = 0; j < NMARK; j++)
			for (k = 0; k < 12; k += 6) {
				const char *s = fixture[i];

				/* start the sentence k characters in */
				for (d = 0; d < k && *s; d++)
					s += (*s & 0x80) ? 3 : 1;
				buf_clear(&want);
				buf_adds(&want, "\xE3\x80\x80");
				buf_adds(&want, markers[j]);
				buf_adds(&want, s);
				if (sim_misalign(want.s, &dmg, &drops, &lost) < 0)
					continue;
				if (with_doc)
					doc_with_others(i);
				else
					repair_doc_begin(rp);
				buf_clear(&line);
				buf_add(&line, dmg.s, dmg.len);
				f = repair_line(rp, &line, &st);
				if (lost == 2)
					continue;
				if (lost) {
					lostn++;
					lostok += (f & REPAIR_DAMAGED) != 0;
					if (!(f & REPAIR_DAMAGED) && getenv("ZH_REPAIR_VERBOSE"))
						printf("# lost: %s -> %s\n", dmg.s, line.s);
					continue;
				}
				if (drops > 3)
					drops = 3;
				tot[drops]++;
				if ((f & REPAIR_FIXED) && strcmp(line.s, want.s) == 0)
					ok[drops]++;
				else if (!(f & REPAIR_DAMAGED))
					bad[drops]++;
				if (strcmp(line.s, want.s) == 0)
					;
				else if (getenv("ZH_REPAIR_VERBOSE"))
					printf("# miss %d: %s -> %s\n", drops, dmg.s, line.s);
			}
	for (i = 0; i < 4; i++)
		printf("# misaligned%s, %zu%s dropped pairs: %d/%d exact (%d%%), "
		    "%d wrong without flag l\n",
		    with_doc ? " with document" : "", i, i == 3 ? "+" : "", ok[i], tot[i],
		    tot[i] ? 100 * ok[i] / tot[i] : 0, bad[i]);
	printf("# misaligned%s, last character lost: %d/%d flagged l\n",
	    with_doc ? " with document" : "", lostok, lostn);
	if (!with_doc)
		return;
	snprintf(name, sizeof(name), "simulator: no dropped pair, all exact (%d runs)", tot[0]);
	CHECK(tot[0] > 50 && ok[0] == tot[0], name);
	snprintf(name, sizeof(name), "simulator: one dropped pair, >= 80%% exact (%d runs)", tot[1]);
	CHECK(tot[1] > 50 && ok[1] * 5 >= tot[1] * 4, name);
	CHECK(lostok == lostn, "simulator: lost last character flagged l");
}

static void
test_forms(void)
{
	int tot = 0, ok = 0, ltot = 0, lok = 0, utot = 0, uok = 0;
	size_t i, at, len;
	struct repair_stats st = { 0 };

	for (i = 0; i < NFIX; i++) {
		const char *s = fixture[i];

		/* split pair, at every character that can be split */
		for (at = 3; s[at]; at += len) {
			len = (s[at] & 0x80) ? 3 : 1;
			if (len != 3 || !(s[at + len] & 0x80) ||
			    sim_split(s, at, len, "qū", &dmg) < 0)
				continue;
			doc_with_others(i);
			buf_clear(&line);
			buf_add(&line, dmg.s, dmg.len);
			tot++;
			if ((repair_line(rp, &line, &st) & REPAIR_FIXED) && strcmp(line.s, s) == 0)
				ok++;
			else if (getenv("ZH_REPAIR_VERBOSE"))
				printf("# split miss: %s -> %s\n", dmg.s, line.s);
		}
		if (sim_latin1(s, &dmg) == 0) {
			repair_doc_begin(rp);
			buf_clear(&line);
			buf_add(&line, dmg.s, dmg.len);
			ltot++;
			if ((repair_line(rp, &line, &st) & REPAIR_FIXED) && strcmp(line.s, s) == 0)
				lok++;
		}
		/* every even-length head of the sentence (an even count of
		 * characters round-trips whole) */
		for (at = 6; at <= strlen(s); at += 6) {
			buf_clear(&want);
			buf_add(&want, s, at);
			if (!utf8_valid(want.s, want.len) || sim_utf8_as_gbk(want.s, &dmg) < 0)
				continue;
			repair_doc_begin(rp);
			buf_clear(&line);
			buf_add(&line, dmg.s, dmg.len);
			utot++;
			if ((repair_line(rp, &line, &st) & REPAIR_FIXED) && strcmp(line.s, want.s) == 0)
				uok++;
			else if (getenv("ZH_REPAIR_VERBOSE"))
				printf("# utf8 miss: %s -> %s\n", dmg.s, line.s);
		}
	}
	printf("# split pair: %d/%d exact\n", ok, tot);
	printf("# GB as Latin-1: %d/%d exact\n", lok, ltot);
	printf("# UTF-8 as GBK: %d/%d exact\n", uok, utot);
	CHECK(tot > 20 && ok * 4 >= tot * 3, "simulator: split pair >= 75% exact");
	CHECK(ltot == (int)NFIX && lok == ltot, "simulator: GB as Latin-1 all exact");
	CHECK(utot > 10 && uok * 10 >= utot * 9, "simulator: UTF-8 as GBK >= 90% exact");
	CHECK(same("發佈鍙戝竷了", "發佈发布了"), "utf8-as-gbk: 鍙戝竷");
	CHECK(fix("標題锟斤拷", &st) == (REPAIR_FIXED | REPAIR_DAMAGED),
	    "utf8-as-gbk: 锟斤拷 flagged l");
}

/* Random lines from the characters every form looks at: nothing may
 * crash, valid UTF-8 stays valid, and a second pass changes nothing that
 * the first one repaired from scratch (no ping-pong). */
static void
test_random(void)
{
	static const char *const bits[] = {
		"?", "(", ")", " ", "W", "a", "q", "ū", "é", "ǘ", "qū)", "(xué)",
		"區", "學", "習", "的", "ㄒ", "唬", "。", "┰", "（", "）", "　", "¡",
		"Í", "Å", "鍙", "戝", "竷", "锟", "斤", "拷", "\xff", "\xc3", "\x80",
		"一", "二", "﹫", "", "\t",
	};
	struct repair_stats st = { 0 };
	unsigned long seed = 12345;
	int i, k, n, bad = 0, crashy = 0;

	for (i = 0; i < 3000; i++) {
		buf_clear(&want);
		n = 1 + (int)(seed % 40);
		for (k = 0; k < n; k++) {
			seed = seed * 6364136223846793005ul + 1442695040888963407ul;
			buf_adds(&want, bits[(seed >> 33) % (sizeof(bits) / sizeof(bits[0]))]);
		}
		if (i % 100 == 0)
			repair_doc_begin(rp);
		buf_clear(&line);
		buf_add(&line, want.s, want.len);
		repair_line(rp, &line, &st);
		if (utf8_valid(want.s, want.len) && !utf8_valid(line.s, line.len))
			bad++;
		crashy += line.len > 4 * want.len + 16;
	}
	CHECK(bad == 0, "random lines: valid UTF-8 stays valid");
	CHECK(crashy == 0, "random lines: no runaway growth");
}

static int
filter(int argc, char **argv)
{
	struct repair_stats st = { 0 };
	char *l = NULL;
	size_t cap = 0;
	ssize_t n;
	int i, f;
	FILE *fp;

	for (i = 0; i < argc; i++) {
		if ((fp = fopen(argv[i], "r")) == NULL) {
			perror(argv[i]);
			return 1;
		}
		repair_doc_begin(rp);
		while ((n = getline(&l, &cap, fp)) > 0) {
			if (l[n - 1] == '\n')
				n--;
			buf_clear(&line);
			buf_add(&line, l, (size_t)n);
			f = repair_line(rp, &line, &st);
			printf("%s%s\t%s\n", f & REPAIR_FIXED ? "r" : "",
			    f & REPAIR_DAMAGED ? "l" : "", line.s);
		}
		fclose(fp);
	}
	free(l);
	fprintf(stderr, "pinyin_removed %lu runs_repaired %lu runs_damaged %lu\n",
	    st.pinyin_removed, st.runs_repaired, st.runs_damaged);
	return 0;
}

int
main(int argc, char **argv)
{
	int rc;

	rp = repair_new();
	if (argc > 2 && strcmp(argv[1], "--lm") == 0) {
		/* prints the model's log2 P(b | a) along a text, for tuning */
		struct docmodel dm;
		size_t pos = 0, n = strlen(argv[2]);
		uint32_t a = 0, b;

		memset(&dm, 0, sizeof(dm));
		while (pos < n) {
			b = utf8_next(argv[2], n, &pos);
			if (a)
				printf("%d ", (int)lm_score(&dm, a, b));
			a = b;
		}
		printf("\n");
		return 0;
	}
	if (argc > 2 && strcmp(argv[1], "--bench") == 0) {
		/* the pass's own cost on a file, for the README (not a test) */
		FILE *fp = fopen(argv[2], "r");
		struct buf all = { 0 };
		struct repair_stats st = { 0 };
		struct timespec t0, t1;
		char chunk[65536];
		size_t n, i, start, nl = 0;
		int pass;
		double secs[2];

		if (fp == NULL)
			return 1;
		while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			buf_add(&all, chunk, n);
		fclose(fp);
		for (pass = 0; pass < (argc > 3 ? 1 : 2); pass++) {
			clock_gettime(CLOCK_MONOTONIC, &t0);
			repair_doc_begin(rp);
			for (i = start = 0; i < all.len; i++) {
				if (all.s[i] != '\n')
					continue;
				buf_clear(&line);
				buf_add(&line, all.s + start, i - start);
				/* documents of about fifty lines, like the seeds */
				if ((pass || argc > 3) && ++nl % 50 == 0)
					repair_doc_begin(rp);
				if (pass || (argc > 3 && strcmp(argv[3], "on") == 0))
					repair_line(rp, &line, &st);
				start = i + 1;
			}
			clock_gettime(CLOCK_MONOTONIC, &t1);
			secs[pass] = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
		}
		if (argc > 3)
			return 0;
		printf("bytes %zu copy-only ms %ld with-repair ms %ld repair MB/s %ld\n",
		    all.len, (long)(secs[0] * 1000), (long)(secs[1] * 1000),
		    (long)(all.len / 1e6 / (secs[1] - secs[0] + 1e-9)));
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "--filter") == 0) {
		rc = filter(argc - 2, argv + 2);
		repair_free(rp);
		return rc;
	}
	if (!sim_init()) {
		printf("SKIP: simulator (iconv has no CP936)\n");
		return 0;
	}
	test_pinyin();
	test_identity();
	test_random();
	if (getenv("ZH_REPAIR_NODOC"))
		test_misaligned(0);
	test_misaligned(1);
	test_forms();
	repair_free(rp);
	buf_free(&line);
	buf_free(&dmg);
	buf_free(&want);
	return test_failed;
}
