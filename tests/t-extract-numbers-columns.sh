#!/bin/sh
# zh-extract-numbers -H after each documented pipeline: every column name
# appears once (tools that address columns by header name, such as
# Miller or datamash, would rename or pick the wrong one otherwise), and
# the quantity's columns are the ones zhtsv(5) lists, in its order.
set -u
: "${ZH_BIN:?}" "${ZH_TOP:?}" "${ZH_TMP:?}"
b=$ZH_BIN
T=$ZH_TMP/xn-cols
mkdir -p "$T"
for p in normalize split-sections extract-numbers; do
	if [ ! -x "$b/zh-$p" ]; then
		echo "SKIP: extract-numbers columns (no zh-$p)"
		exit 0
	fi
done
printf '青川市滨江区2024年工作报告\n一、主要工作\n全年办理案件36件。\n' >"$T/doc.txt"
# The quantity's columns as zhtsv(5) lists them.
want=$(sed -n '/^\.It Xr zh-extract-numbers 1/{n;p;}' "$ZH_TOP/man/zhtsv.5" |
    sed 's/^\.Cm //')
check() {        # NAME HEADER-LINE PREFIX-COLUMNS
	dup=$(printf '%s\n' "$2" | tr '\t' '\n' | sort | uniq -d | tr '\n' ' ')
	got=$(printf '%s\n' "$2" | cut -f"$3"- | tr '\t' ' ')
	if [ -n "$dup" ]; then
		echo "FAIL: extract-numbers columns $1 (repeated: $dup)"
	elif [ "$got" != "$want" ]; then
		echo "FAIL: extract-numbers columns $1 (got '$got', zhtsv(5) says '$want')"
	else
		echo "PASS: extract-numbers columns $1 unique, as zhtsv(5) lists them"
	fi
}
h=$("$b/zh-normalize" -H "$T/doc.txt" | "$b/zh-split-sections" -H |
    "$b/zh-extract-numbers" -H | head -n 1)
check "after zh-split-sections" "$h" 7
h=$("$b/zh-normalize" -H "$T/doc.txt" | "$b/zh-extract-numbers" -H | head -n 1)
check "after zh-normalize" "$h" 4
