#!/bin/sh
# zh-normalize on the real reports: no invalid bytes in any, the page
# chrome of 000, 001 and 003 dropped and nothing else, and the script
# conversion of 002 equal to OpenCC's tw2s.
: "${ZH_BIN:?}" "${ZH_TMP:?}"
Z=$ZH_BIN/zh-normalize
S=${ZH_SEEDS:-}
if [ -z "$S" ] || [ ! -d "$S" ]; then
	echo "SKIP: normalize seeds (no seeds at '$S')"
	exit 0
fi
T=$ZH_TMP/nseeds
mkdir -p "$T"
"$Z" --keep-chrome --meta "$T/meta" "$S"/*.txt >"$T/all" 2>"$T/err"
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$T/err" ]; then
	echo "PASS: normalize seeds run cleanly"
else
	echo "FAIL: normalize seeds run cleanly (status $rc: $(head -c 200 "$T/err"))"
fi
n=$(awk -F'\t' '$12 != 0' "$T/meta" | wc -l)
u=$(awk -F'\t' '$3 ~ /u/' "$T/all" | wc -l)
docs=$(wc -l <"$T/meta")
if [ "$docs" -eq 5 ] && [ "$n" -eq 0 ] && [ "$u" -eq 0 ]; then
	echo "PASS: normalize seeds without invalid bytes"
else
	echo "FAIL: normalize seeds without invalid bytes ($docs docs, $n with invalid, $u rows u)"
fi
bad=$(awk -F'\t' '$3 != "UTF-8"' "$T/meta" | cut -f1,3)
[ -z "$bad" ] && echo "PASS: normalize seeds detected as UTF-8" ||
	echo "FAIL: normalize seeds detected as UTF-8 ($bad)"

# Expected chrome, by pattern: "doc-prefix count pattern..." — every
# chrome line must match one of its document's patterns, and the count
# must be exact, so a body line taken for chrome fails too.
check_chrome() {        # prefix count pattern
	pre=$1 want=$2 pat=$3
	awk -F'\t' -v p="$pre" 'index($1, p) == 1 && $3 ~ /c/' "$T/all" | cut -f4 >"$T/c.$pre"
	got=$(wc -l <"$T/c.$pre")
	other=$(grep -Ev "$pat" "$T/c.$pre" | head -3 | tr '\n' '|')
	if [ "$got" -eq "$want" ] && [ -z "$other" ]; then
		echo "PASS: normalize chrome of seed $pre ($got lines)"
	else
		echo "FAIL: normalize chrome of seed $pre ($got lines, want $want; unexpected: $other)"
	fi
}
check_chrome 000 2 '^当前位置: 首页 >|^×$'
check_chrome 001 7 '人民政府$|^来源:.*发布时间:|^扫一扫在手机上打开当前页$|^知识图谱$|^相关信息和服务$|^当前展示.*返回$|^点击标签名称'
check_chrome 003 2 '^附件下载:$|^分享到:$'
c2=$(awk -F'\t' 'index($1, "002") == 1 && $3 ~ /c/' "$T/all" | wc -l)
[ "$c2" -eq 0 ] && echo "PASS: normalize no chrome in seed 002" ||
	echo "FAIL: normalize no chrome in seed 002 ($c2 lines)"
# Dropping removes exactly the chrome rows and nothing else.
"$Z" "$S"/*.txt >"$T/dropped"
if awk -F'\t' '$3 !~ /c/' "$T/all" | cmp -s - "$T/dropped"; then
	echo "PASS: normalize default output = kept output minus chrome"
else
	echo "FAIL: normalize default output = kept output minus chrome"
fi
# Metadata of 001 (date and source of its metadata line).
m=$(awk -F'\t' 'index($1, "001") == 1 { print $6 "|" ($7 != "") "|" ($5 != "") }' "$T/meta")
[ "$m" = "2024-12-24|1|1" ] && echo "PASS: normalize metadata of seed 001" ||
	echo "FAIL: normalize metadata of seed 001 ($m)"

if ! command -v opencc >/dev/null 2>&1; then
	echo "SKIP: normalize --to-simplified on 002 (no opencc)"
	exit 0
fi
f=$(ls "$S"/002*.txt)
"$Z" --no-repair "$f" | cut -f4 | opencc -c tw2s >"$T/want"
"$Z" --no-repair --to-simplified "$f" | cut -f4 >"$T/got"
if cmp -s "$T/want" "$T/got" && [ -s "$T/got" ]; then
	echo "PASS: normalize --to-simplified on 002 equals opencc tw2s"
else
	echo "FAIL: normalize --to-simplified on 002 equals opencc tw2s ($(diff "$T/want" "$T/got" | head -4 | tr '\n' '|'))"
fi
"$Z" --to-traditional "$S"/000*.txt | cut -f4 >"$T/got-t"
"$Z" "$S"/000*.txt | cut -f4 | opencc -c s2tw >"$T/want-t"
if cmp -s "$T/want-t" "$T/got-t"; then
	echo "PASS: normalize --to-traditional on 000 equals opencc s2tw"
else
	echo "FAIL: normalize --to-traditional on 000 equals opencc s2tw"
fi
