#!/bin/sh
# The repair pass on seed 004 (traditional, with pinyin insertions and
# misaligned-GBK runs), through the unit-test driver until zh-normalize
# runs it end to end (then through zh-normalize as well).
set -u
drv=$ZH_BUILD/tests/unit/normalize_repair
seed=$(ls "$ZH_SEEDS"/004_*.txt 2>/dev/null | head -n 1)
if [ -z "$seed" ]; then
	echo "SKIP: repair seed 004 (no seeds at $ZH_SEEDS)"
	exit 0
fi
if [ ! -x "$drv" ]; then
	echo "FAIL: repair seed 004 (no driver $drv)"
	exit 0
fi
out=$ZH_TMP/repair-004.out
"$drv" --filter "$seed" >"$out" 2>"$out.stats"
check() {       # name, then a command that must succeed
	name=$1
	shift
	if "$@"; then echo "PASS: $name"; else echo "FAIL: $name"; fi
}
n_in=$(wc -l <"$seed")
n_out=$(wc -l <"$out")
# the seed's last line has no newline: allow one more row out
check "repair 004: one row per line" [ "$n_out" -ge "$n_in" -a "$n_out" -le $((n_in + 1)) ]
# Fixed strings, one per line: no character ranges, whatever the locale.
toned=$ZH_TMP/repair-toned
printf '%s\n' 'ā)' 'á)' 'ǎ)' 'à)' 'ē)' 'é)' 'ě)' 'è)' 'ī)' 'í)' 'ǐ)' 'ì)' 'ō)' 'ó)' \
	'ǒ)' 'ò)' 'ū)' 'ú)' 'ǔ)' 'ù)' 'ǖ)' 'ǘ)' 'ǚ)' 'ǜ)' 'ā' 'á' 'ǎ' 'à' 'ē' 'é' 'ě' \
	'è' 'ī' 'í' 'ǐ' 'ì' 'ō' 'ó' 'ǒ' 'ò' 'ū' 'ú' 'ǔ' 'ù' 'ǘ' >"$toned"
symrow=$ZH_TMP/repair-symrow
printf '%s\n' ㄅ ㄆ ㄇ ㄈ ㄉ ㄊ ㄋ ㄌ ㄍ ㄎ ㄏ ㄐ ㄑ ㄒ ㄓ ㄔ ㄕ ㄖ ㄗ ㄘ ㄙ ㄚ ㄛ ㄜ ㄝ ㄞ \
	ㄟ ㄠ ㄡ ㄢ ㄣ ㄤ ㄥ ㄦ ㄧ ㄨ ㄩ ┌ ┐ └ ┘ ├ ┤ ┬ ┴ ┼ ┰ ┓ ┥ ┩ ┢ ┳ ﹫ >"$symrow"
check "repair 004: no pinyin insertion left" sh -c "! grep -qF -f '$toned' '$out'"
check "repair 004: no misaligned run left" \
	sh -c "! grep -qF -f '$symrow' '$out' && ! grep -q '^[rl]*	?' '$out'"
# the indent is 3 bytes, a marker （一） 9: bytes are the same in any locale
markers=$(cut -f2 "$out" | grep '^　（' | cut -b 4-12 | tr -d '\n')
check "repair 004: section markers back (got $markers)" [ "$markers" = "（一）（二）（一）（二）（三）" ]
check "repair 004: run with a lost last character flagged l, nothing invented" \
	sh -c "grep '^rl	　（三）' '$out' | grep -q '?'"
pinyin=$(sed -n 's/.*pinyin_removed \([0-9]*\).*/\1/p' "$out.stats")
runs=$(sed -n 's/.*runs_repaired \([0-9]*\).*/\1/p' "$out.stats")
check "repair 004: about 410 readings removed (got $pinyin)" [ "${pinyin:-0}" -ge 400 ]
check "repair 004: six runs repaired (got $runs)" [ "${runs:-0}" -eq 6 ]
check "repair 004: real parenthetical kept" grep -q '解(員)' "$out"

# End to end, once zh-normalize runs the pass.
if "$ZH_BIN/zh-normalize" --help 2>&1 | grep -q -- '--no-repair'; then
	"$ZH_BIN/zh-normalize" "$seed" >"$ZH_TMP/n4.out" 2>/dev/null
	"$ZH_BIN/zh-normalize" --no-repair "$seed" >"$ZH_TMP/n4.raw" 2>/dev/null
	check "zh-normalize 004: no pinyin insertion left" \
		sh -c "! grep -qF -f '$toned' '$ZH_TMP/n4.out'"
	check "zh-normalize 004: no misaligned run left" \
		sh -c "! grep -qF -f '$symrow' '$ZH_TMP/n4.out'"
	m=$(cut -f4 "$ZH_TMP/n4.out" | grep '^（' | cut -b 1-9 | tr -d '\n')
	check "zh-normalize 004: section markers back (got $m)" [ "$m" = "（一）（二）（一）（二）（三）" ]
	check "zh-normalize 004: flag r on repaired rows" \
		sh -c "cut -f3 '$ZH_TMP/n4.out' | grep -q r"
	check "zh-normalize 004: --no-repair leaves the damage" \
		grep -q 'ㄒ' "$ZH_TMP/n4.raw"
else
	echo "SKIP: zh-normalize 004 end to end (zh-normalize has no --no-repair yet)"
fi
