#!/bin/sh
# Properties of zh-split-sections over its fixtures and the seeds:
#  - nothing dropped: with --keep-markers the texts of the output rows of
#    one input row, in order, give back that row's text (with and
#    without --sentences), and every input row has output rows;
#  - at most one row held back: memory does not grow with a document;
#  - Unix manners: | head is quiet, >/dev/full fails with a message.
: "${ZH_BIN:?}" "${ZH_TMP:?}" "${ZH_TOP:?}" "${ZH_SEEDS:=}"
ss=$ZH_BIN/zh-split-sections
t=$ZH_TMP/sections-props
mkdir -p "$t"

# rejoin OUT: per input row (doc line), the concatenated text column
rejoin() {
	awk -F'\t' '{
		k = $1 "\t" $2
		if (k != last) { if (NR > 1) print last "\t" acc; acc = ""; last = k }
		acc = acc $NF
	} END { if (NR) print last "\t" acc }' "$1"
}
inputs() {
	awk -F'\t' 'NF >= 4 { print $1 "\t" $2 "\t" $NF }' "$1"
}

set -- "$ZH_TOP"/tests/split-sections/basic.in "$ZH_TOP"/tests/split-sections/enum.in \
    "$ZH_TOP"/tests/split-sections/false-heading.in "$ZH_TOP"/tests/split-sections/thematic.in \
    "$ZH_TOP"/tests/split-sections/sentences.in "$ZH_TOP"/tests/split-sections/traditional.in \
    "$ZH_TOP"/tests/split-sections/two-part.in "$ZH_TOP"/tests/split-sections/enum-docs.in
# the quality-pass reports (bare markers, closing lines, unnumbered parts)
set -- "$@" "$ZH_TOP"/tests/split-sections/qa-*.in
# official documents: frame, annexes, lists; outlines, tables of
# contents, articles, genres
set -- "$@" "$ZH_TOP"/tests/split-sections/official-*.in \
    "$ZH_TOP"/tests/split-sections/outline-*.in \
    "$ZH_TOP"/tests/split-sections/rules-*.in "$ZH_TOP"/tests/split-sections/genre-*.in
if [ -d "$ZH_SEEDS" ]; then
	for s in "$ZH_SEEDS"/*.txt; do
		[ -f "$s" ] || continue
		n=$(basename "$s" .txt)
		awk -v d="$n" 'NF { print d "\t" NR "\t\t" $0 }' "$s" >"$t/$n.in"
		set -- "$@" "$t/$n.in"
	done
fi
for f in "$@"; do
	b=$(basename "$f" .in)
	inputs "$f" >"$t/want"
	# a fixture with a header line is read with -H
	h=
	[ "$(head -n 1 "$f" | cut -f1)" = doc ] && h=-H
	for opt in -k "-k -s"; do
		# shellcheck disable=SC2086
		"$ss" $h $opt "$f" >"$t/out" 2>"$t/err"
		rejoin "$t/out" >"$t/got"
		if cmp -s "$t/want" "$t/got" && [ ! -s "$t/err" ]; then
			echo "PASS: split-sections nothing dropped $b ($opt)"
		else
			echo "FAIL: split-sections nothing dropped $b ($opt): $(diff "$t/want" "$t/got" | head -3 | tr '\n' ' ')"
		fi
	done
done

# Memory: a document 8 times longer must not need more memory.
doc() {
	awk -v n="$1" 'BEGIN {
		print "m\t1\t\t一、主要举措"
		for (i = 1; i <= n; i++) {
			print "m\t" i + 1 "\t\t(" (i % 9 + 1 == 1 ? "一" : "二") ")加强制度建设。一是完善规则,二是健全机制;三是强化监督。全年共办理案件" i "件,群众满意度进一步提高。"
		}
	}'
}
if [ "$(basename "${ZH_BUILD:-rel}")" = asan ]; then
	echo "SKIP: split-sections constant memory (not measured under ASan)"
elif [ -x /usr/bin/time ]; then
	doc 5000 >"$t/m1"
	doc 40000 >"$t/m8"
	r1=$(/usr/bin/time -f %M "$ss" "$t/m1" 2>&1 >/dev/null | tail -1)
	r8=$(/usr/bin/time -f %M "$ss" "$t/m8" 2>&1 >/dev/null | tail -1)
	if [ "$r8" -le $((r1 + 1024)) ]; then
		echo "PASS: split-sections constant memory ($r1 KB, $r8 KB)"
	else
		echo "FAIL: split-sections constant memory ($r1 KB for 5000 rows, $r8 KB for 40000)"
	fi
else
	echo "SKIP: split-sections constant memory (no /usr/bin/time)"
fi

# A long line (8 MB) with many enumeration markers.
awk 'BEGIN { printf "l\t1\t\t"; for (i = 0; i < 200000; i++) printf "一是加强学习;二是完善制度。"; print "" }' >"$t/long"
if "$ss" "$t/long" >"$t/out" 2>"$t/err" && [ "$(wc -l <"$t/out")" -eq 400000 ] && [ ! -s "$t/err" ]; then
	echo "PASS: split-sections long line"
else
	echo "FAIL: split-sections long line ($(wc -l <"$t/out") rows, $(head -c 200 "$t/err"))"
fi

"$ss" "$t/long" 2>"$t/err" | head -1 >/dev/null
if [ ! -s "$t/err" ]; then
	echo "PASS: split-sections quiet under head"
else
	echo "FAIL: split-sections quiet under head ($(head -c 200 "$t/err"))"
fi
if [ -w /dev/full ]; then
	"$ss" "$ZH_TOP/tests/split-sections/basic.in" >/dev/full 2>"$t/err"
	rc=$?
	if [ $rc -eq 1 ] && [ -s "$t/err" ]; then
		echo "PASS: split-sections /dev/full"
	else
		echo "FAIL: split-sections /dev/full (status $rc)"
	fi
fi
"$ss" --nonsense >/dev/null 2>&1
rc=$?
if [ $rc -eq 2 ]; then echo "PASS: split-sections usage error"; else echo "FAIL: split-sections usage error (status $rc)"; fi
"$ss" "$t/does-not-exist" >/dev/null 2>"$t/err"
rc=$?
if [ $rc -eq 1 ] && grep -q does-not-exist "$t/err"; then
	echo "PASS: split-sections missing file"
else
	echo "FAIL: split-sections missing file (status $rc)"
fi
