#!/bin/sh
# Runs each built fuzz harness for a while:
#   tests/fuzz/run.sh SECONDS [HARNESS...]      (default: all in build/fuzz)
# Build them first with `make V=fuzz CC=clang fuzzers` (make fuzz does).
#
# The seed corpus tests/fuzz/corpus/NAME/ is read, never written: new
# inputs go to $FUZZ_WORK/NAME (default build/fuzz/corpus), logs to
# $FUZZ_LOGS (build/fuzz/logs), crashes to build/fuzz/artifacts/.
# Prints PASS/FAIL per harness with its figures and appends them to
# build/fuzz/results.tsv.  A crash input, once fixed, belongs in the
# seed corpus as a regression (regress-*).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
secs=${1:-60}
[ $# -gt 0 ] && shift
fdir=build/fuzz
work=${FUZZ_WORK:-$fdir/corpus}
logs=${FUZZ_LOGS:-$fdir/logs}
mkdir -p "$fdir/artifacts" "$logs" "$work"
if [ $# -eq 0 ]; then
	for src in tests/fuzz/*.c; do
		[ -f "$src" ] && set -- "$@" "$(basename "$src" .c)"
	done
fi
[ -f "$fdir/results.tsv" ] ||
	printf 'date\tharness\tseconds\texecs\texecs_per_sec\tcov\tft\tcorpus\tpeak_rss_mb\tresult\n' >"$fdir/results.tsv"
status=0
for h in "$@"; do
	bin=$fdir/$h
	if [ ! -x "$bin" ]; then
		echo "FAIL: fuzz $h (not built: $bin)"
		status=1
		continue
	fi
	mkdir -p "$work/$h" "tests/fuzz/corpus/$h"
	dict=
	[ -f "tests/fuzz/$h.dict" ] && dict=-dict=tests/fuzz/$h.dict
	log=$logs/$h.log
	# -close_fd_mask=3: the harness's own stdout/stderr (diagnostics of
	# the code under test) are discarded; libFuzzer and sanitizer
	# reports still reach the log.
	"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-max_len=8192 -close_fd_mask=3 -print_final_stats=1 \
		-artifact_prefix="$fdir/artifacts/$h-" $dict \
		"$work/$h" "tests/fuzz/corpus/$h" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
	last=$(grep -aE '^#[0-9]+' "$log" | tail -1)
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p')
	if [ $rc -eq 0 ] && grep -aq '^Done ' "$log"; then
		res=ok
		echo "PASS: fuzz $h (${secs}s: ${execs:-?} execs, ${eps:-?}/s, cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}, rss ${rss:-?} MB)"
	else
		res=crash
		status=1
		art=$(grep -ao 'Test unit written to [^ ]*' "$log" | tail -1 | sed 's/.* to //')
		why=$(grep -aE 'ERROR: |SUMMARY: |property failed' "$log" | head -2 | tr '\n' ' ')
		echo "FAIL: fuzz $h (status $rc; ${why:-see $log}; input ${art:-none})"
		grep -a -A12 -E '^==[0-9]+==ERROR|runtime error' "$log" | head -24 | sed 's/^/  /'
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
		"$h" "$secs" "${execs:-}" "${eps:-}" "${cov:-}" "${ft:-}" "${corp:-}" \
		"${rss:-}" "$res" >>"$fdir/results.tsv"
done
exit $status
