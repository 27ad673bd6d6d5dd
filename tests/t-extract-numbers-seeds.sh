#!/bin/sh
# zh-extract-numbers on the seed reports: the figures the issue names come
# out right, no set phrase yields a row, and precision/recall on the
# hand-annotated paragraphs of tests/extract-numbers/seed-quantities.tsv
# (offsets and values only, no seed text) meet 0.97 / 0.95.
set -u
: "${ZH_BIN:?}" "${ZH_TOP:?}" "${ZH_TMP:?}"
X=$ZH_BIN/zh-extract-numbers
S=${ZH_SEEDS:-}
if [ -z "$S" ] || ! ls "$S"/000_*.txt >/dev/null 2>&1; then
	echo "SKIP: extract-numbers seeds (no seeds in \$ZH_SEEDS)"
	exit 0
fi
T=$ZH_TMP/xn-seeds
mkdir -p "$T"
for f in "$S"/0*.txt; do
	d=$(basename "$f" | cut -c1-3)
	awk -v d="$d" 'NF { print d "\t" NR "\t\t" $0 }' "$f"
done >"$T/in.tsv"
"$X" <"$T/in.tsv" >"$T/out.tsv" 2>"$T/err"
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$T/err" ]; then
	echo "PASS: extract-numbers seeds run cleanly"
else
	echo "FAIL: extract-numbers seeds run cleanly (status $rc, $(head -c 200 "$T/err"))"
fi

# want NAME DOC VALUE UNIT KIND APPROX RAW
want() {
	if awk -F'\t' -v d="$2" -v v="$3" -v u="$4" -v k="$5" -v a="$6" -v r="$7" '
	    $1 == d && $6 == v && $7 == u && $8 == k && $9 == a && $11 == r { f = 1 }
	    END { exit !f }' "$T/out.tsv"; then
		echo "PASS: extract-numbers seed $1"
	else
		echo "FAIL: extract-numbers seed $1 (no row $3 $4 $5 $6 for $7)"
	fi
}
want money 000 39969800 元 money '' '3996.98万元'
want approx-near 000 260000000 条 count 近 '近2.6亿条'
want approx-inside 000 240000 人次 count 余 '24万余人次'
want approx-before-wan 000 200000 次 count 余 '20余万次'
want implicit-money 001 8000000 元 money 余 '800余万'
want count-not-year 000 1920 宗 count '' '1920宗'
want date 001 2024-12-24 '' date '' '2024-12-24'
want named-day 002 --03-15 '' date '' '3·15'
want trad-wan 004 29600 人次 count '' '2.96萬人次'

if awk -F'\t' '$6 == 36436 && $10 == "调解劳动争议案件" { f = 1 } END { exit !f }' "$T/out.tsv" &&
    awk -F'\t' '$6 == 87 && $10 == "成功率" { f = 1 } END { exit !f }' "$T/out.tsv"; then
	echo "PASS: extract-numbers seed labels"
else
	echo "FAIL: extract-numbers seed labels (调解劳动争议案件 / 成功率 not found)"
fi

# Set phrases of the seeds: 二十大, 二十届, 一是, 十四五, 八五, 1310, 1+6+N,
# 2.0版本, 一杯咖啡, 一站式, 第一责任人, 第三方, 扫一扫, 进一步, 利剑八号,
# 12345热线, 三年行动, section numbers.
bad=$(awk -F'\t' '$11 ~ /二十|是|十四|八五|1310|1313|\+|2\.0|咖啡|一站|责任|第三|扫|进一|八号|12345|三年|五年|十大|^[一二三四五六七八九十]+$/' "$T/out.tsv")
if [ -z "$bad" ]; then
	echo "PASS: extract-numbers seed set phrases"
else
	echo "FAIL: extract-numbers seed set phrases ($(echo "$bad" | head -3 | cut -f11 | tr '\n' ' '))"
fi

# Precision and recall on (span, value, unit) over the annotated lines.
awk -F'\t' -v OFS='\t' '
	FNR == NR { if ($0 !~ /^#/) { gold[$1 OFS $2 OFS $3 OFS $4 OFS $5 OFS $6] = 1; lines[$1 OFS $2] = 1; ng++ }; next }
	($1 OFS $2) in lines { np++; if (($1 OFS $2 OFS $4 OFS $5 OFS $6 OFS $7) in gold) tp++; else print "extra: " $0 > "/dev/stderr" }
	END {
		p = np ? tp / np : 0; r = ng ? tp / ng : 0
		printf "precision %.3f (%d/%d) recall %.3f (%d/%d)\n", p, tp, np, r, tp, ng
		exit !(p >= 0.97 && r >= 0.95)
	}' "$ZH_TOP/tests/extract-numbers/seed-quantities.tsv" "$T/out.tsv" >"$T/pr" 2>"$T/pr.err"
if [ $? -eq 0 ]; then
	echo "PASS: extract-numbers seed $(cat "$T/pr")"
else
	echo "FAIL: extract-numbers seed $(cat "$T/pr") $(head -3 "$T/pr.err" | tr '\n' ' ')"
fi
