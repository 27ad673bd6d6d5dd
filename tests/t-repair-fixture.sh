#!/bin/sh
# Our own damaged document (tests/normalize/repair-damaged.txt: pinyin
# insertions, misaligned runs with 0 to 3 dropped pairs, a reading inside a
# character, UTF-8 read as GBK, GB read as Latin-1) repairs to exactly
# tests/normalize/repair-clean.txt, through the pass and through zh-normalize.
set -u
drv=$ZH_BUILD/tests/unit/normalize_repair
dir=$ZH_TOP/tests/normalize
if [ ! -x "$drv" ]; then
	echo "FAIL: repair fixture (no driver $drv)"
	exit 0
fi
"$drv" --filter "$dir/repair-damaged.txt" >"$ZH_TMP/rf.out" 2>/dev/null
if cut -f2 "$ZH_TMP/rf.out" | cmp -s - "$dir/repair-clean.txt"; then
	echo "PASS: repair fixture: damaged document restored exactly"
else
	echo "FAIL: repair fixture: damaged document restored exactly" \
	    "($(cut -f2 "$ZH_TMP/rf.out" | diff - "$dir/repair-clean.txt" | sed -n 2p | cut -c1-40))"
fi
# every damaged line (all but the one left clean) is flagged r; at most
# one, a close call with this little of the document before it, also l
nr=$(cut -f1 "$ZH_TMP/rf.out" | grep -c '^r')
nl=$(cut -f1 "$ZH_TMP/rf.out" | grep -c 'l')
nd=$(paste "$dir/repair-damaged.txt" "$dir/repair-clean.txt" | awk -F'\t' '$1 != $2' | wc -l)
if [ "$nr" -eq "$nd" ] && [ "$nl" -le 1 ]; then
	echo "PASS: repair fixture: flag r on the $nd damaged lines only"
else
	echo "FAIL: repair fixture: flag r on the $nd damaged lines only (got $nr, $nl with l)"
fi

if "$ZH_BIN/zh-normalize" --help 2>&1 | grep -q -- '--no-repair'; then
	n=$ZH_BIN/zh-normalize
	"$n" --doc f <"$dir/repair-damaged.txt" >"$ZH_TMP/rf.d" 2>/dev/null
	"$n" --doc f <"$dir/repair-clean.txt" >"$ZH_TMP/rf.c" 2>/dev/null
	"$n" --doc f --no-repair <"$dir/repair-damaged.txt" >"$ZH_TMP/rf.n" 2>/dev/null
	if [ -s "$ZH_TMP/rf.c" ] &&
	    [ "$(cut -f1,2,4 "$ZH_TMP/rf.d")" = "$(cut -f1,2,4 "$ZH_TMP/rf.c")" ]; then
		echo "PASS: zh-normalize repairs the damaged document like its clean twin"
	else
		echo "FAIL: zh-normalize repairs the damaged document like its clean twin"
	fi
	if cut -f3 "$ZH_TMP/rf.d" | grep -q r && [ "$(cut -f4 "$ZH_TMP/rf.n")" != "$(cut -f4 "$ZH_TMP/rf.c")" ]; then
		echo "PASS: zh-normalize flags r; --no-repair leaves the damage"
	else
		echo "FAIL: zh-normalize flags r; --no-repair leaves the damage"
	fi
else
	echo "SKIP: zh-normalize on the repair fixture (no --no-repair yet)"
fi
