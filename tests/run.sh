#!/bin/sh
# Runs the whole test suite once per build:  tests/run.sh BINDIR BUILDDIR [BINDIR BUILDDIR]...
#
# Every test prints lines "PASS: name", "FAIL: name" or "SKIP: name";
# this script counts them and ends with one line "N passed, N failed".
# Kinds of test, all found by name so new ones need no registration:
#   BUILDDIR/tests/unit/*        unit tests of common/ (C programs)
#   tests/golden.sh              golden files tests/<program>/<case>.*
#   tests/t-*.sh                 property, seed and behaviour scripts
# Each script gets ZH_BIN, ZH_BUILD, ZH_TOP, ZH_SEEDS and ZH_TMP.
# ZH_TESTS=ERE runs only the tests whose name matches it ("golden",
# "unit test_tsv", "t-normalize-bad"): make check-quick ZH_TESTS=bad.
# tests/README.md says more.
# The seed tests read the reports in SEEDS (a directory; default
# ../shared/seeds beside the checkout) and skip when there are none:
#	make check SEEDS=dir-of-reports
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
: "${SHARED:=$top/../shared}"
: "${SEEDS:=$SHARED/seeds}"
case $SEEDS in /*) ;; *) SEEDS=$(cd "$SEEDS" 2>/dev/null && pwd || echo "$SEEDS") ;; esac
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM

wanted() {          # name: whether ZH_TESTS lets it run
	[ -z "${ZH_TESTS:-}" ] || printf '%s\n' "$1" | grep -Eq -- "$ZH_TESTS"
}

run_one() {         # label command...
	label=$1
	shift
	"$@" >"$log.out" 2>&1
	rc=$?
	sed "s|^|[$label] |" "$log.out" >>"$log"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL: ' "$log.out"; then
		echo "[$label] FAIL: $* exited with status $rc" >>"$log"
	fi
	rm -f "$log.out"
}

while [ $# -ge 2 ]; do
	bindir=$(cd "$1" && pwd)
	builddir=$(cd "$2" && pwd)
	shift 2
	variant=$(basename "$builddir")
	tmp=$(mktemp -d)
	export ZH_BIN="$bindir" ZH_BUILD="$builddir" ZH_TOP="$top" ZH_TMP="$tmp"
	export ZH_SEEDS="$SEEDS"
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99
	for t in "$builddir"/tests/unit/*; do
		[ -x "$t" ] && [ -f "$t" ] || continue
		case $t in *.d|*.o) continue ;; esac
		wanted "unit $(basename "$t")" || continue
		run_one "$variant unit" "$t"
	done
	! wanted golden || run_one "$variant golden" tests/golden.sh
	for t in tests/t-*.sh; do
		[ -f "$t" ] || continue
		wanted "$(basename "$t" .sh)" || continue
		run_one "$variant $(basename "$t" .sh)" sh "$t"
	done
	rm -rf "$tmp"
done

grep -E '\] (FAIL|SKIP): ' "$log" || true
passed=$(grep -c '\] PASS: ' "$log")
failed=$(grep -c '\] FAIL: ' "$log")
skipped=$(grep -c '\] SKIP: ' "$log")
noseeds=$(grep -ci '\] SKIP: .*seed' "$log")
if [ -d "$SEEDS" ]; then
	echo "seed tests ran on $(ls "$SEEDS" | wc -l) reports in $SEEDS"
else
	echo "seed tests: $noseeds skipped, no reports in $SEEDS (run make check SEEDS=dir-of-reports)"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
