#!/bin/sh
# The short fuzzing pass of `make check`: every harness in tests/fuzz/
# for FUZZ_CHECK_SECONDS (10) each, once per `make check` (on the ASan
# leg only; the normal leg and machines without clang's libFuzzer SKIP).
set -u
: "${ZH_TOP:?}" "${ZH_BUILD:?}" "${ZH_TMP:?}"
secs=${FUZZ_CHECK_SECONDS:-10}
case $ZH_BUILD in
*/asan) ;;
*)	echo "SKIP: fuzz (runs once, with the ASan build)"; exit 0 ;;
esac
cc=${FUZZ_CC:-clang}
probe=$ZH_TMP/fuzzprobe
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >"$probe.c"
if ! command -v "$cc" >/dev/null 2>&1 ||
    ! "$cc" -fsanitize=fuzzer,address,undefined -o "$probe" "$probe.c" >/dev/null 2>&1; then
	echo "SKIP: fuzz ($cc with libFuzzer not available; make deps installs it)"
	exit 0
fi
cd "$ZH_TOP" || exit 1
if ! make --no-print-directory -s -j2 V=fuzz CC="$cc" fuzzers >"$ZH_TMP/fuzzbuild.log" 2>&1; then
	echo "FAIL: fuzz build (make V=fuzz fuzzers)"
	tail -20 "$ZH_TMP/fuzzbuild.log" | sed 's/^/  /'
	exit 0
fi
echo "PASS: fuzz build"
mkdir -p "$ZH_TMP/fuzzwork"
FUZZ_WORK=$ZH_TMP/fuzzwork FUZZ_LOGS=$ZH_TMP/fuzzlogs tests/fuzz/run.sh "$secs"
exit 0
