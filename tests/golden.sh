#!/bin/sh
# Golden-file tests: for every tests/<program>/<case>.args
#   zh-<program> $(cat case.args) < case.in      (run inside tests/<program>/)
# must print exactly case.out on stdout, case.err on stderr (empty when
# there is no .err file) and exit with case.rc (0 when absent).  Each
# case runs under LC_ALL=C and LC_ALL=C.UTF-8: output must not depend on
# the locale.
#
#   tests/golden.sh --update PROGRAM/CASE...
# instead rewrites those cases' .out, .err and .rc from the programs in
# ZH_BIN (default: the checkout's bin/), run under LC_ALL=C, for review
# with git diff: a new case is its .args and .in and this one command.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = --update ]; then
	shift
	[ $# -gt 0 ] || { echo "usage: $0 --update PROGRAM/CASE..." >&2; exit 2; }
	bin=$(cd "${ZH_BIN:-$top/bin}" && pwd) || exit 2
	err=$(mktemp) || exit 1
	trap 'rm -f "$err"' EXIT
	for name in "$@"; do
		base=$top/tests/${name%.args}
		dir=$(dirname "$base")
		[ -f "$base.args" ] || { echo "$0: no case $base.args" >&2; exit 2; }
		in=/dev/null
		[ -f "$base.in" ] && in=$base.in
		(cd "$dir" && eval "set -- $(cat "$base.args")" &&
			LC_ALL=C exec "$bin/zh-$(basename "$dir")" "$@" <"$in" >"$base.out" 2>"$err")
		rc=$?
		if [ -s "$err" ]; then cp "$err" "$base.err"; else rm -f "$base.err"; fi
		if [ $rc -ne 0 ]; then echo $rc >"$base.rc"; else rm -f "$base.rc"; fi
		echo "updated: $name (exit $rc)"
	done
	exit 0
fi
: "${ZH_BIN:?}" "${ZH_TMP:?}"
out=$ZH_TMP/golden
mkdir -p "$out"
for args in "$top"/tests/*/*.args; do
	[ -f "$args" ] || continue
	dir=$(dirname "$args")
	prog=$(basename "$dir")
	case=$(basename "$args" .args)
	base=$dir/$case
	name="$prog/$case"
	if [ ! -x "$ZH_BIN/zh-$prog" ]; then
		echo "FAIL: $name (no program $ZH_BIN/zh-$prog)"
		continue
	fi
	want_rc=0
	[ -f "$base.rc" ] && want_rc=$(cat "$base.rc")
	ok=1
	why=
	for loc in C C.UTF-8; do
		in=/dev/null
		[ -f "$base.in" ] && in=$base.in
		(cd "$dir" && eval "set -- $(cat "$args")" &&
			LC_ALL=$loc exec "$ZH_BIN/zh-$prog" "$@" <"$in" >"$out/stdout" 2>"$out/stderr")
		rc=$?
		# Diagnostics name the program by its installed name, not path.
		if [ "$rc" != "$want_rc" ]; then
			ok=0; why="$why exit $rc, want $want_rc ($loc);"
		fi
		if ! cmp -s "$out/stdout" "$base.out"; then
			ok=0; why="$why stdout differs ($loc);"
			diff "$base.out" "$out/stdout" | head -10 | sed 's/^/  /'
		fi
		if [ -f "$base.err" ]; then
			cmp -s "$out/stderr" "$base.err" || { ok=0; why="$why stderr differs ($loc);"; diff "$base.err" "$out/stderr" | head -6 | sed 's/^/  /'; }
		elif [ -s "$out/stderr" ]; then
			ok=0; why="$why unexpected stderr ($loc): $(head -c 300 "$out/stderr")"
		fi
		[ $ok = 1 ] || break
	done
	if [ $ok = 1 ]; then echo "PASS: $name"; else echo "FAIL: $name:$why"; fi
done
