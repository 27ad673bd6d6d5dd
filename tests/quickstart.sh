#!/bin/sh
# The README's quick start, in a fresh clone inside a directory only its
# owner can enter (as after `mkdir -m 700 ~/src`, or in root's home), with
# no ../shared beside it.  The first command is run as the README writes
# it (make deps demo); for the second, make check, runs make check-quick:
# CI has just run the full suite, and its ASan leg would double CI's time.
#   tests/quickstart.sh [REPO]    (default: this checkout; a clone takes
#                                  its committed HEAD, not local changes)
# Prints PASS/FAIL lines and exits 1 on a failure; run by .ci/run.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
repo=${1:-$top}
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT INT TERM
failed=0
fail() {
	echo "FAIL: quick start: $1"
	failed=1
}

mkdir -m 700 "$d/src"
if ! git clone -q "$repo" "$d/src/zhtsv" 2>"$d/clone.err"; then
	fail "git clone $repo: $(head -c 200 "$d/clone.err")"
	exit 1
fi
cd "$d/src/zhtsv" || exit 1
echo "quick start in $PWD (parent mode $(stat -c %a "$d/src"))"

# The two commands of the README's quick-start block.
awk '/<!-- quick start/ { q = 1; next }
	q && /^```sh/ { b = 1; next }
	b && /^```/ { exit }
	b && NF { print }' README.md >"$d/commands"
first=$(sed -n 1p "$d/commands")
second=$(sed -n 2p "$d/commands")
if [ "$(wc -l <"$d/commands")" -ne 2 ] || [ "$second" != "make check" ]; then
	fail "the README's quick start is not two commands ending in make check: $(tr '\n' '|' <"$d/commands")"
	exit 1
fi
echo "PASS: quick start: the README gives two commands"

t0=$(date +%s)
if sh -c "$first" >"$d/first.out" 2>&1; then
	missing=
	for p in normalize split-sections extract-numbers tag-entities; do
		grep -q "^== .*zh-$p" "$d/first.out" || missing="$missing zh-$p"
	done
	if [ -n "$missing" ]; then
		fail "$first: the demo shows no output of$missing"
	else
		echo "PASS: quick start: $first ($(($(date +%s) - t0)) s)"
	fi
else
	fail "$first: $(tail -n 5 "$d/first.out" | tr '\n' '|')"
	exit 1
fi

t0=$(date +%s)
if make check-quick >"$d/second.out" 2>&1; then
	echo "PASS: quick start: make check-quick for $second ($(grep 'passed,' "$d/second.out"); $(($(date +%s) - t0)) s)"
else
	grep -E '\] FAIL: ' "$d/second.out" | head -n 20
	fail "make check-quick for $second: $(grep 'passed,' "$d/second.out" || tail -n 1 "$d/second.out")"
fi
exit $failed
