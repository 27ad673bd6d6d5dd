#!/bin/sh
# No false repair: the pass leaves every clean text unchanged and
# unflagged: seeds 000-003 and every clean fixture in the repository
# (damaged repair-* cases and seed 004 excepted).
set -u
drv=$ZH_BUILD/tests/unit/normalize_repair
if [ ! -x "$drv" ]; then
	echo "FAIL: repair identity (no driver $drv)"
	exit 0
fi
same() {        # name file
	"$drv" --filter "$2" 2>/dev/null >"$ZH_TMP/id.out"
	# every row must be "TAB line" (no flag) and equal the input
	if sed 's/^/	/' "$2" | cmp -s - "$ZH_TMP/id.out"; then
		echo "PASS: repair identity: $1"
	else
		why=$(sed 's/^/	/' "$2" | diff - "$ZH_TMP/id.out" | sed -n 2p | cut -c1-60)
		echo "FAIL: repair identity: $1 ($why)"
	fi
}
if [ -d "$ZH_SEEDS" ]; then
	for f in "$ZH_SEEDS"/00[0-3]_*.txt; do
		[ -f "$f" ] || continue
		# a last line without newline gains one in the driver's output
		cp "$f" "$ZH_TMP/id.in" && [ -z "$(tail -c 1 "$f")" ] || echo >>"$ZH_TMP/id.in"
		same "seed $(basename "$f" | cut -c1-3)" "$ZH_TMP/id.in"
	done
else
	echo "SKIP: repair identity on seeds (no seeds at $ZH_SEEDS)"
fi
n=0
cd "$ZH_TOP" || exit 2
for f in $(git ls-files 'tests/*.in' 'tests/*.txt' 'tests/*.tsv' 'examples/*.txt' 2>/dev/null); do
	# damaged on purpose: the fuzz corpus and the repair cases but one
	case $f in
	tests/fuzz/*) continue ;;
	*/repair-clean.txt) ;;
	*/repair-*) continue ;;
	esac
	# UTF-8 text only: the pass sees decoded lines
	iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || continue
	cp "$f" "$ZH_TMP/id.in"
	[ -z "$(tail -c 1 "$f")" ] || echo >>"$ZH_TMP/id.in"
	same "$f" "$ZH_TMP/id.in"
	n=$((n + 1))
done
[ "$n" -gt 0 ] || echo "SKIP: repair identity on fixtures (none yet)"
