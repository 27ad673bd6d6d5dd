#!/bin/sh
# Every approx qualifier and every value form zh-extract-numbers prints
# for a sample of its forms must be documented in its man page: a user
# reads the column table to know what to match in value and approx; and
# the man page's sample output must be what the programs print.
set -u
: "${ZH_BIN:?}" "${ZH_TOP:?}" "${ZH_TMP:?}"
X=$ZH_BIN/zh-extract-numbers
M=$ZH_TOP/man/zh-extract-numbers.1
T=$ZH_TMP/xn-man
mkdir -p "$T"
printf 'd\t1\t\t%s\n' \
    '受理案件超过300件,将近200人,大约5成,约40%,近3万元,逾百名,超5项' \
    '共12余件,20多人,50人以上,10人以下,30人左右' \
    '10月底前完成,10月至12月开展,“3·15”宣传日,2024年1-11月,2023-2025年' \
    >"$T/in"
"$X" --year 2025 <"$T/in" >"$T/out" 2>"$T/err"
# approx: the ninth column of a row with three prefix columns
awk -F'\t' '$9 != "" { print $9 }' "$T/out" | sort -u >"$T/approx"
if [ ! -s "$T/approx" ]; then
	echo "FAIL: extract-numbers man approx (no approx value printed)"
else
	miss=
	# the approx row of the column table lists them, comma-separated
	sed -n '/^\.It approx Ta/,/^\.It label/p' "$M" | tr -s ' ,;\n' '\n' >"$T/doc"
	while read -r a; do
		grep -qxF "$a" "$T/doc" || miss="$miss $a"
	done <"$T/approx"
	if [ -z "$miss" ]; then
		echo "PASS: extract-numbers man approx ($(wc -l <"$T/approx") forms)"
	else
		echo "FAIL: extract-numbers man approx (not in the man page:$miss)"
	fi
fi
# value forms: digits become N, so --10 is --NN and 2024-01/2024-11 is
# NNNN-NN/NNNN-NN; each shape of a date or range value must appear
# (with its digits) in the value row of the column table.
sed -n '/^\.It value Ta/,/^\.It unit/p' "$M" | tr -s ' ,;()\n' '\n' |
    sed 's/^[‘’]*//; s/[‘’]*$//' | sed 's/[0-9]/N/g' | sort -u >"$T/vdoc"
awk -F'\t' '$8 == "date" || $8 == "year" || $8 == "range" { print $6 }' "$T/out" |
    sed 's/[0-9]/N/g' | sort -u >"$T/vout"
miss=$(comm -23 "$T/vout" "$T/vdoc" | tr '\n' ' ')
if [ ! -s "$T/vout" ]; then
	echo "FAIL: extract-numbers man values (no date value printed)"
elif [ -z "$miss" ]; then
	echo "PASS: extract-numbers man values ($(wc -l <"$T/vout") forms)"
else
	echo "FAIL: extract-numbers man values (not in the man page: $miss)"
fi
# The sample of EXAMPLES is what the programs print: its command (the
# lines from "$ " up to the first that does not end in a backslash or a
# pipe) runs with the built programs, and its output must be the rest of
# the block.
sed -n '/^\.\\" BEGIN sample$/,/^\.\\" END sample$/p' "$M" |
    sed '1d;$d' | sed '/^\.Bd/d;/^\.Ed/d' |
    sed 's/\\e/\\/g; s/\\-/-/g; s/\\&//g' >"$T/sample"
awk 'NR == 1 && !/^\$ / { exit 1 }
	c == 0 { sub(/^\$ /, ""); print > cmd; if (!/[\\|]$/) c = 1; next }
	{ print > want }' cmd="$T/sample.sh" want="$T/sample.want" "$T/sample"
if [ ! -s "$T/sample.sh" ] || [ ! -s "$T/sample.want" ]; then
	echo "FAIL: extract-numbers man sample (no sample block with a command and its output)"
elif (cd "$T" && PATH="$ZH_BIN:$PATH" sh sample.sh >sample.have 2>sample.err) &&
    [ ! -s "$T/sample.err" ] && cmp -s "$T/sample.want" "$T/sample.have"; then
	echo "PASS: extract-numbers man sample ($(wc -l <"$T/sample.want") rows as shown)"
else
	echo "FAIL: extract-numbers man sample ($(diff "$T/sample.want" "$T/sample.have" | head -4 | tr '\n' '|') $(head -c 200 "$T/sample.err"))"
fi
