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
# Splits a memcheck log into error blocks and counts the real ones.  A
# block whose every frame is "???" is code with no object file: PCRE2's
# JIT, whose vector loads read past the subject (inside the allocation)
# and which memcheck cannot see into; such reports are counted apart.
# (Built with pcre2_jit_compile() removed, the same runs report nothing.)
classify() {    # log -> "real jit"
	awk '
	/^==[0-9]+== $/ { flush(); next }
	{ sub(/^==[0-9]+== /, "") }
	/^ *(at|by) 0x/ { frames++; if ($0 !~ /: \?\?\?$/) known++; next }
	/^ *(Uninitialised value was created|Address 0x)/ { known++ }
	{ if (head == "") head = $0 }
	function flush() {
		if (head != "" && head !~ /still reachable/) {
			if (frames > 0 && known == 0) jit++; else real++
		}
		head = ""; frames = 0; known = 0
	}
	END { flush(); print real + 0, jit + 0 }' "$1"
}

vg() {          # name input-file command... (stdout to $T/vg.out)
	_name=$1 _in=$2
	shift 2
	valgrind -q --tool=memcheck --leak-check=full --show-leak-kinds=all \
		--errors-for-leak-kinds=definite,indirect,possible \
		--log-file="$T/vg.log" "$@" <"$_in" >"$T/vg.out" 2>"$T/vg.err"
	_rc=$?
	set -- $(classify "$T/vg.log")
	_reach=$(grep -o 'still reachable in loss record' "$T/vg.log" | wc -l)
	_note="status $_rc"
	[ "$2" -gt 0 ] && _note="$_note, $2 PCRE2-JIT reports ignored"
	[ "$_reach" -gt 0 ] && _note="$_note, $_reach blocks still reachable at exit"
	if [ "$1" -gt 0 ] || [ $_rc -ge 128 ]; then
		echo "FAIL: valgrind $_name ($1 errors or leaks; $_note)"
		grep -v 'still reachable' "$T/vg.log" | head -30 | sed 's/^/  /'
		fail=$((fail + 1))
	else
		echo "PASS: valgrind $_name ($_note)"
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
