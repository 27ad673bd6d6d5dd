#!/bin/sh
# The repair of misaligned-GBK runs on documents of our own text
# (tests/repair/text*-t.txt, a fictional county's report in traditional
# script, and its simplified original), damaged by tests/repair/damage.py:
# Python's gbk codec pair by pair, a different code path from the unit
# test's simulator (repair_sim.h, glibc iconv).  Each case is scored by
# tests/repair/score.py against the clean twin through zh-normalize:
# exact rows by dropped pairs (0, 1, 2+), silent misreads (flag r alone
# on a wrong row).  The thresholds sit a little under what the pass does
# today, so that a loss of quality fails.
set -u
: "${ZH_BIN:?}" "${ZH_TOP:?}" "${ZH_TMP:?}"
if ! command -v python3 >/dev/null 2>&1 ||
    ! python3 -c 'b"\xa1\xa1".decode("gbk")' 2>/dev/null; then
	echo "SKIP: repair simulation (no python3 with a gbk codec)"
	exit 0
fi
X=$ZH_BIN/zh-normalize
R=$ZH_TOP/tests/repair
T=$ZH_TMP/repair-sim
mkdir -p "$T"
cat "$R/text-t.txt" "$R/text2-t.txt" >"$T/trad.txt"
cat "$R/text-s.txt" "$R/text2-s.txt" >"$T/simp.txt"

# case NAME MIN0 MIN1 MIN2 MAXSILENT% TEXT damage.py-options...
case_() {
	name=$1 min0=$2 min1=$3 min2=$4 maxs=$5 text=$6
	shift 6
	python3 "$R/damage.py" "$@" "$text" "$T/$name.dmg" "$T/$name.key" || {
		echo "FAIL: repair simulation $name (damage.py failed)"
		return
	}
	"$X" --keep-chrome --doc x "$text.as-page" >"$T/$name.clean.tsv" 2>/dev/null
	"$X" --keep-chrome --doc x --stats "$T/$name.dmg" >"$T/$name.tsv" 2>"$T/$name.err"
	python3 "$R/score.py" "$T/$name.clean.tsv" "$T/$name.tsv" "$T/$name.key" >"$T/$name.score"
	set -- $(tail -n 1 "$T/$name.score")
	# score N0 E0 N1 E1 N2 E2 ROWS SILENT
	res=$(awk -v n0="$2" -v e0="$3" -v n1="$4" -v e1="$5" -v n2="$6" -v e2="$7" \
	    -v rows="$8" -v s="$9" -v m0="$min0" -v m1="$min1" -v m2="$min2" -v ms="$maxs" 'BEGIN {
		p0 = n0 ? 100 * e0 / n0 : 100; p1 = n1 ? 100 * e1 / n1 : 100
		p2 = n2 ? 100 * e2 / n2 : 100; ps = rows ? 100 * s / rows : 0
		ok = rows > 0 && p0 >= m0 && p1 >= m1 && p2 >= m2 && ps <= ms
		printf "%s %d rows: exact %.0f%% / %.0f%% / %.0f%% (0/1/2+ dropped pairs, want %d/%d/%d), silent %.1f%% (want <= %s)",
		    ok ? "PASS" : "FAIL", rows, p0, p1, p2, m0, m1, m2, ps, ms
	}')
	echo "${res%% *}: repair simulation $name: ${res#* }"
	if grep -q ' lines_unchecked=[1-9]' "$T/$name.err"; then
		echo "FAIL: repair simulation $name: the work guard fired on real damage"
	fi
}

# one dense document: every line damaged (at the indent, or at a 。 《 “),
# ASCII commas as mirror sites have them
case_ dense 80 45 25 2.5 "$T/trad.txt" --seed 1 --punct ascii --indent
case_ dense2 80 45 25 2.5 "$T/trad.txt" --seed 2 --punct ascii --indent
# a decoder that drops a lead byte alone before any ASCII byte
case_ ascii-lead 75 40 20 3 "$T/trad.txt" --seed 3 --punct ascii --indent --ascii-lead
# full-width commas: runs go on past them, and start at them
case_ fullwidth 60 15 5 5 "$T/trad.txt" --seed 4 --indent --starts indent,stop,book,quote,comma
# damage spread over a normal document of 64 KB, one line in eight
case_ spread 85 50 30 2.5 "$T/trad.txt" --seed 5 --punct ascii --indent --density 0.125 --size 65536
# a 1 KB document: hardly any of the document to go by
case_ small 50 0 0 10 "$T/trad.txt" --seed 6 --punct ascii --indent --size 1024
# simplified: runs as long as the line, nearly always left (flag l)
case_ simplified 0 0 0 3 "$T/simp.txt" --seed 7 --indent

# lost last characters read back: some, and never a silent wrong one
if awk '/^last character lost/ { n += $4; ok += $6; bad += $8 }
    END { exit !(n > 0 && ok > 0 && bad == 0) }' "$T"/dense.score "$T"/dense2.score "$T"/spread.score; then
	echo "PASS: repair simulation: lost last characters read back, none wrong without flag l"
else
	echo "FAIL: repair simulation: lost last characters ($(grep -h '^last character' "$T"/dense.score "$T"/dense2.score "$T"/spread.score | tr '\n' ' '))"
fi
