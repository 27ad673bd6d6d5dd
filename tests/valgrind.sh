#!/bin/sh
# make check-valgrind: Valgrind memcheck over the seed pipeline
#   zh-normalize | zh-split-sections | zh-extract-numbers, zh-tag-entities
# (each stage under memcheck on the output of the one before), and over
# the common/ stand-ins and every program on the bad inputs of the
# matrix.  Any memcheck error or leak (definite, indirect, possible) is a
# FAIL; memory still reachable at exit is reported only.
#   tests/valgrind.sh [BINDIR] [BUILDDIR]     (default bin build/rel)
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
ZH_BIN=$(cd "${1:-bin}" && pwd)
ZH_BUILD=$(cd "${2:-build/rel}" && pwd)
ZH_TOP=$top
ZH_TMP=$(mktemp -d)
: "${ZH_SEEDS:=$top/../shared/seeds}"
export ZH_BIN ZH_BUILD ZH_TOP ZH_TMP ZH_SEEDS
trap 'rm -rf "$ZH_TMP"' EXIT INT TERM
. "$top/tests/hardening-lib.sh"
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind not found (make deps installs it)" >&2
	exit 1
fi
T=$ZH_TMP
pass=0 fail=0 skip=0
vg() {          # name input-file command... (stdout to $T/vg.out)
	_name=$1 _in=$2
	shift 2
	valgrind -q --tool=memcheck --leak-check=full --show-leak-kinds=all \
		--errors-for-leak-kinds=definite,indirect,possible \
		--error-exitcode=42 --log-file="$T/vg.log" "$@" <"$_in" >"$T/vg.out" 2>"$T/vg.err"
	_rc=$?
	if [ $_rc -eq 42 ] || grep -q 'ERROR SUMMARY: [1-9]\|definitely lost\|Invalid\|uninitialised' "$T/vg.log"; then
		echo "FAIL: valgrind $_name"
		head -30 "$T/vg.log" | sed 's/^/  /'
		fail=$((fail + 1))
	else
		_reach=$(grep -o 'still reachable: [0-9,]* bytes' "$T/vg.log" | head -1)
		echo "PASS: valgrind $_name (status $_rc${_reach:+, $_reach})"
		pass=$((pass + 1))
	fi
}

mkdir -p "$T/docs" "$T/bad"
for f in "$ZH_SEEDS"/*.txt "$top"/examples/*.txt "$top"/examples/*.gz; do
	[ -f "$f" ] && cp "$f" "$T/docs/"
done
$PY "$top/tests/hardening-gen.py" "$T/bad" tsv small >/dev/null
cp "$T/bad/small" "$T/docs/generated.txt"
ndocs=$(ls "$T/docs" | wc -l)
echo "inputs: $ndocs documents ($(cat "$T"/docs/* | wc -c) bytes)"

# The pipeline: each stage's input made by the normal build.
stage_in=
for label in normalize split-sections extract-numbers tag-entities; do
	if ! prog_setup "$label" >"$T/skip"; then
		cat "$T/skip"
		skip=$((skip + 1))
		continue
	fi
	case $label in
	normalize)
		vg "zh-normalize (seed pipeline)" /dev/null "$pbin" "$T"/docs/*
		"$pbin" "$T"/docs/* >"$T/norm.tsv" 2>/dev/null
		;;
	split-sections)
		[ -s "$T/norm.tsv" ] || cp "$T/bad/small" "$T/norm.tsv"
		vg "zh-split-sections (seed pipeline)" "$T/norm.tsv" "$pbin" --sentences
		"$pbin" "$T/norm.tsv" >"$T/sect.tsv" 2>/dev/null
		;;
	*)
		stage_in=$T/sect.tsv
		[ -s "$stage_in" ] || stage_in=$T/norm.tsv
		[ -s "$stage_in" ] || stage_in=$T/bad/small
		vg "zh-$label (seed pipeline)" "$stage_in" "$pbin"
		;;
	esac
done

prog_setup common-lines >/dev/null && vg "common-lines on the documents" /dev/null "$pbin" $parg "$T"/docs/*

# Bad inputs: every program that exists, and the common/ stand-ins.
for label in $(prog_labels); do
	prog_setup "$label" >/dev/null || continue
	for f in nul badutf8 escapes fewcols truncated.gz random; do
		[ -f "$T/bad/$f" ] || continue
		vg "$label on $f" /dev/null "$pbin" $parg "$T/bad/$f"
	done
done
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
