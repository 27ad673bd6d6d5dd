#!/bin/sh
# zh-split-sections on ASCII punctuation (zh-normalize --punct=ascii: 。
# becomes ., ； ;, （1） (1), ！ !, ？ ?): the same sections, kinds and
# parts as on full-width punctuation, with and without --sentences, and
# headings that end at their first stop.
: "${ZH_BIN:?}" "${ZH_TMP:?}" "${ZH_TOP:?}"
z=$ZH_BIN/zh-normalize ss=$ZH_BIN/zh-split-sections
f=$ZH_TOP/tests/split-sections/punct-ascii.txt
t=$ZH_TMP/sections-ascii
mkdir -p "$t"
# check LABEL GOT WANT
check() {
	if [ "$2" = "$3" ]; then
		echo "PASS: split-sections ascii punctuation $1"
	else
		echo "FAIL: split-sections ascii punctuation $1 (got: $2)"
	fi
}
if ! "$z" </dev/null >/dev/null 2>&1; then
	echo "SKIP: split-sections ascii punctuation (zh-normalize missing)"
	exit 0
fi
for opt in "" -s; do
	# shellcheck disable=SC2086
	"$z" "$f" | "$ss" $opt | cut -f2,4,5,6 >"$t/full"
	# shellcheck disable=SC2086
	"$z" --punct=ascii "$f" | "$ss" $opt | cut -f2,4,5,6 >"$t/ascii"
	if cmp -s "$t/full" "$t/ascii"; then
		echo "PASS: split-sections ascii punctuation same structure ($opt)"
	else
		echo "FAIL: split-sections ascii punctuation same structure ($opt): $(diff "$t/full" "$t/ascii" | head -4 | tr '\n' ' ')"
	fi
done
"$z" --punct=ascii "$f" | "$ss" -s >"$t/out"
got=$(awk -F'\t' '$5 == "heading" { printf "%s %s|", $4, $7 }' "$t/out")
want='1 主要举措和成效|1.1 健全依法决策机制.|1.2 规范行政执法行为:推行"双随机,一公开"监管;开展执法案卷评查200卷.|1.2.1 开展"法治进企业"活动.|1.2.2 开展"以案释法"宣讲.|1.3 推进政务公开.|2 存在的不足|3 下一步工作计划|3.1 加强执法队伍建设.|3.2 推进智慧执法.|'
check headings "$got" "$want"
# sentences: 1.5, 12.5% and www.example.gov.cn do not end one; a ? or !
# inside quotes ends it after the closing quote
got=$(awk -F'\t' '$5 == "sentence" && ($2 == 2 || $2 == 4 || $2 == 6 || $2 == 10) { printf "%s %s|", $4, $7 }' "$t/out")
want='0 2024年,我局坚持依法行政,全年办理行政复议案件1.5万件,同比增长12.5%.|0 现将有关情况报告如下:|1.1 全年审查重大行政决策12件!|1.1 合法性审查率达到100%.|1.2.1 举办讲座36场,群众问:"效果如何?"|1.2.1 答:"很好!"|2 执法力量不足?|2 是的.|2 信息化水平不高,详见www.example.gov.cn网站.|'
check sentences "$got" "$want"
# items of a list and an enumeration after an ASCII full stop
got=$(awk -F'\t' '$5 == "sentence" && ($2 == 7 || $2 == 8) { printf "%s %s|", $4, $7 }' "$t/out")
want='1.2.2 主要做法有:|1.2.2.1 编印典型案例;|1.2.2.2 组织旁听庭审.|1.3.1 公开权责清单;|1.3.2 公开执法结果.|'
check items "$got" "$want"
