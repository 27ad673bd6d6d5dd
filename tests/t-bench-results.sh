#!/bin/sh
# bench/RESULTS.md is what bench/results.sh makes of bench/results.tsv,
# every pair of bench/compare.tsv names rows that make bench runs, and
# the renderer reports the run's commit, load and ratios as recorded.
set -u
: "${ZH_TOP:?}" "${ZH_TMP:?}"
B=$ZH_TOP/bench
T=$ZH_TMP/bench-results
mkdir -p "$T"

if sh "$B/results.sh" "$B/results.tsv" >"$T/want.md" 2>"$T/err" &&
    cmp -s "$T/want.md" "$B/RESULTS.md"; then
	echo "PASS: bench/RESULTS.md is made from bench/results.tsv"
else
	echo "FAIL: bench/RESULTS.md is made from bench/results.tsv (run: bench/results.sh >bench/RESULTS.md; $(head -c 200 "$T/err"))"
fi

# The labels make bench times: its three built-in rows and bench/cases/.
{
	printf 'cat\nwc -m\niconv GB18030\n'
	cat "$B"/cases/*.tsv | grep -v -e '^#' -e '^$' | cut -f1
} | sort -u >"$T/labels"
grep -v -e '^#' -e '^$' "$B/compare.tsv" | awk -F '\t' '{ print $1; print $2 }' | sort -u >"$T/paired"
missing=$(comm -13 "$T/labels" "$T/paired" | tr '\n' '|')
if [ -z "$missing" ]; then
	echo "PASS: bench/compare.tsv pairs rows of bench/cases"
else
	echo "FAIL: bench/compare.tsv names rows make bench does not run: $missing"
fi

{
	echo "# 2030-01-02; Example CPU @ 1 GHz; 4 cores, single-threaded runs; commit abc1234; load 0.50 to 1.50"
	printf 'label\tstage\tbytes\tseconds\tMB_per_s\tpeak_rss_MB\truns\n'
	printf 'fast\tsect\t200000000\t0.1\t2000.0\t2.0\t5\n'
	printf 'slow\tsect:1M\t1000000\t500\t0.002\t100.0\t1\n'
	printf 'mid\tnorm\t30000000\t10\t3.0\t1.0\t5\n'
} >"$T/res.tsv"
{
	printf 'fast\tslow\tone\n'
	printf 'mid\tfast\ttwo\n'
	printf 'fast\tgone\tthree\n'
} >"$T/cmp.tsv"
if sh "$B/results.sh" "$T/res.tsv" "$T/cmp.tsv" >"$T/out.md" 2>"$T/err"; then
	why=
	for want in '| date | 2030-01-02 |' '| machine | Example CPU @ 1 GHz; 4 cores, single-threaded runs |' \
	    '| commit | abc1234 |' '| 0.50 to 1.50 |' '| fast | slow | 1,000,000× | one |' \
	    '| mid | fast | 0.0015× | two |' '| slow | sect:1M | 1.00 | 0.002 | 100.0 | 1 |' \
	    '- `norm`: '; do
		grep -qF -- "$want" "$T/out.md" || why="${why:+$why; }no line with '$want'"
	done
	! grep -q 'three' "$T/out.md" || why="${why:+$why; }a pair with a missing row is shown"
	! grep -q '`raw`' "$T/out.md" || why="${why:+$why; }a stage without rows is described"
	if [ -z "$why" ]; then
		echo "PASS: bench/results.sh renders a run"
	else
		echo "FAIL: bench/results.sh renders a run ($why)"
	fi
else
	echo "FAIL: bench/results.sh renders a run (status $?: $(head -c 200 "$T/err"))"
fi
exit 0
