#!/bin/sh
# The repair pass has no work budget that real damage can exhaust, and a
# guard against text built to look like damage:
#  - 400 KB of real misaligned-GBK damage (the project's own fixture
#    text, encoded to GBK, the first byte of each line shown as '?' and
#    decoded again as GBK: every line a run) is solved whole: every line
#    kept, most repaired, none given up by the guard;
#  - 200 KB of '?' followed by symbols and rare characters at random
#    (nothing a misaligned decoder of real text makes) is given up by the
#    guard run by run: every line kept as it is, flagged l, counted by
#    --stats.
set -u
: "${ZH_BIN:?}" "${ZH_TOP:?}" "${ZH_TMP:?}"
X=$ZH_BIN/zh-normalize
T=$ZH_TMP/repair-guard
mkdir -p "$T"
src=$ZH_TOP/tests/extract-numbers/qa-stress.in
cut -f4 "$src" | iconv -f UTF-8 -t GBK -c >"$T/gbk" 2>/dev/null
LC_ALL=C sed 's/^./?/' "$T/gbk" | iconv -f GBK -t UTF-8 -c >"$T/one" 2>/dev/null
: >"$T/dmg"
while [ "$(wc -c <"$T/dmg")" -lt 400000 ]; do
	cat "$T/one" >>"$T/dmg"
done
if ! grep -q '^?' "$T/dmg"; then
	echo "FAIL: repair guard (no damage generated)"
	exit 0
fi
n_in=$(wc -l <"$T/dmg")
# lines that hold a run: '?' then a character that is not ASCII
n_run=$(LC_ALL=C grep -c '^?[^ -~]' "$T/dmg")
"$X" --stats "$T/dmg" >"$T/out" 2>"$T/err"
rc=$?
n_out=$(wc -l <"$T/out")
nr=$(cut -f3 "$T/out" | grep -c r)
if [ "$rc" -eq 0 ] && [ "$n_out" -eq "$n_in" ] && [ "$nr" -gt $((n_run / 4)) ] &&
    ! grep -q ' lines_unchecked=[1-9]' "$T/err"; then
	echo "PASS: repair guard: $n_run damaged lines solved whole, $nr repaired"
else
	echo "FAIL: repair guard: $n_out of $n_in lines, $nr of $n_run repaired, status $rc ($(tr '\n' ' ' <"$T/err"))"
fi
# garbage: '?' then symbols, box drawing, rare characters
awk 'BEGIN {
	split("┌ ─ ┐ ┴ ┼ ㄅ ㄆ ㄈ ∮ ≌ ⊙ ﹫ ︴ 丂 乀 亐 兦 厵 嚒 鬱 齉 ㈠ ⅷ ⒈ ⑴ ⅱ", g, " ")
	seed = 7
	while (bytes < 200000) {
		line = "?"
		for (k = 0; k < 60; k++) {
			seed = (seed * 1103515245 + 12345) % 2147483648
			line = line g[1 + int(seed / 65536) % 27]
		}
		print line
		bytes += length(line) + 1
	}
}' >"$T/junk"
n_in=$(wc -l <"$T/junk")
"$X" --stats "$T/junk" >"$T/jout" 2>"$T/jerr"
rc=$?
n_out=$(wc -l <"$T/jout")
nl=$(cut -f3 "$T/jout" | grep -c l)
nchanged=$(cut -f4 "$T/jout" | grep -vc '^?')
if [ "$rc" -eq 0 ] && [ "$n_out" -eq "$n_in" ] && [ "$nl" -eq "$n_in" ] &&
    [ "$nchanged" -eq 0 ] && grep -q ' lines_unchecked=[1-9]' "$T/jerr"; then
	echo "PASS: repair guard: $n_in lines of garbage kept as they are, flagged l, counted"
else
	echo "FAIL: repair guard: garbage: $n_out of $n_in lines, $nl flagged l, $nchanged changed ($(tr '\n' ' ' <"$T/jerr"))"
fi
