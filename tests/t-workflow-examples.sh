#!/bin/sh
# The corpus workflow of examples/Makefile on the seed reports: the
# tables have their headers, every seed, and the same rows as the serial
# pipeline; a second run does nothing; one changed report rebuilds only
# its own files; the summaries and plots are made.
set -u
. "$ZH_TOP/tests/workflow-lib.sh"

need_seeds examples || exit 0
need "examples workflow" normalize split-sections extract-numbers tag-entities || exit 0

out=$ZH_TMP/wf
rm -rf "$out"
mk() { make --no-print-directory -C "$ZH_TOP/examples" RAW="$ZH_SEEDS" OUT="$out" "$@"; }

if mk -j2 >"$ZH_TMP/wf.log" 2>&1; then
	pass "make -C examples -j2 on the seeds"
else
	fail "make -C examples -j2 on the seeds" "$(tail -n 3 "$ZH_TMP/wf.log" | tr '\n' ' ')"
	exit 0
fi

T=$(printf '\t')
header() {      # NAME WANT
	got=$(head -n 1 "$out/$1")
	if [ "$got" = "$2" ]; then
		pass "$1 header"
	else
		fail "$1 header" "got '$got'"
	fi
}
header sections.tsv "doc${T}line${T}flags${T}sect${T}kind${T}part${T}text"
header numbers.tsv "doc${T}line${T}flags${T}sect${T}kind${T}part${T}start${T}end${T}value${T}unit${T}qkind${T}approx${T}label${T}raw"
header entities.tsv "doc${T}line${T}flags${T}sect${T}kind${T}part${T}start${T}end${T}type${T}norm${T}parent${T}entity"
header labels.tsv "unit${T}label${T}total${T}rows${T}docs"
header laws.tsv "docs${T}mentions${T}law"
header terms.tsv "term${T}docs${T}doclist"
header parts.tsv "doc${T}part${T}rows${T}numbers"
header docs.tsv "doc${T}rows${T}numbers${T}entities${T}laws${T}title"
header mediation.tsv "doc${T}cases"

# The corpus tables hold exactly what the serial pipeline writes.
b=$ZH_BIN
"$b/zh-normalize" --to-simplified "$ZH_SEEDS"/* 2>/dev/null | "$b/zh-split-sections" >"$ZH_TMP/wf.sect"
"$b/zh-extract-numbers" "$ZH_TMP/wf.sect" >"$ZH_TMP/wf.num"
"$b/zh-tag-entities" "$ZH_TMP/wf.sect" >"$ZH_TMP/wf.ent"
for t in sect:sections num:numbers ent:entities; do
	tail -n +2 "$out/${t#*:}.tsv" >"$ZH_TMP/wf.body"
	if [ -s "$ZH_TMP/wf.body" ] && cmp -s "$ZH_TMP/wf.body" "$ZH_TMP/wf.${t%%:*}"; then
		pass "${t#*:}.tsv rows equal the serial pipeline ($(wc -l <"$ZH_TMP/wf.body") rows)"
	else
		fail "${t#*:}.tsv rows equal the serial pipeline" \
		    "$(wc -l <"$ZH_TMP/wf.body") vs $(wc -l <"$ZH_TMP/wf.${t%%:*}") rows"
	fi
done

# Every seed is in every table, and docs.tsv has one line per seed.
nseeds=$(ls "$ZH_SEEDS" | wc -l)
for f in "$ZH_SEEDS"/*; do
	d=$(basename "$f" .txt)
	why=
	for t in sections numbers entities docs parts; do
		cut -f 1 "$out/$t.tsv" | grep -qxF "$d" || why="$why $t.tsv"
	done
	if [ -z "$why" ]; then pass "seed $d in every table"; else fail "seed $d in every table" "missing from$why"; fi
done
n=$(($(wc -l <"$out/docs.tsv") - 1))
[ "$n" -eq "$nseeds" ] && pass "docs.tsv has $n rows" || fail "docs.tsv has one row per seed" "$n rows for $nseeds seeds"
n=$(($(wc -l <"$out/mediation.tsv") - 1))
[ "$n" -eq "$nseeds" ] && pass "mediation.tsv has $n rows" || fail "mediation.tsv has one row per seed" "$n rows"
n=$(awk -F '\t' 'NR > 1 && $1 > 0' "$out/laws.tsv" | wc -l)
[ "$n" -gt 0 ] && pass "laws.tsv lists $n titles" || fail "laws.tsv lists titles" "empty"
awk -F '\t' 'NR > 1 && $3 !~ /^[0-9.]+$/ { bad = 1 } END { exit bad }' "$out/labels.tsv" &&
    [ "$(wc -l <"$out/labels.tsv")" -gt 1 ] &&
    pass "labels.tsv totals are plain numbers" || fail "labels.tsv totals are plain numbers" "see $out/labels.tsv"
# parts.tsv must add up to the sections table.
s=$(awk -F '\t' 'NR > 1 { s += $3 } END { print s + 0 }' "$out/parts.tsv")
n=$(($(wc -l <"$out/sections.tsv") - 1))
[ "$s" -eq "$n" ] && pass "parts.tsv adds up to sections.tsv ($n rows)" || fail "parts.tsv adds up to sections.tsv" "$s vs $n"

# Incremental: nothing to do after a full run; a newer intermediate of one
# report remakes that report's later files and the tables, nothing else.
if mk -q all >/dev/null 2>&1; then pass "second run has nothing to do"; else fail "second run has nothing to do" "make -q says out of date"; fi
set -- "$out"/norm/*.tsv
one=$(basename "$1" .tsv)
touch "$1"
mk -n all >"$ZH_TMP/wf.dry" 2>&1
others=$(grep -E 'zh-(normalize|split-sections|extract-numbers|tag-entities) ' "$ZH_TMP/wf.dry" | grep -vF "/$one.tsv" | head -n 1)
ran=$(grep -cE "zh-(split-sections|extract-numbers|tag-entities) .*/$one\.tsv" "$ZH_TMP/wf.dry")
if [ -z "$others" ] && [ "$ran" -eq 3 ]; then
	pass "touching one report's rows rebuilds only that report"
else
	fail "touching one report's rows rebuilds only that report" "${others:-$ran of 3 stages rerun}"
fi
mk all >/dev/null 2>&1

if command -v gnuplot >/dev/null 2>&1; then
	if mk plots >"$ZH_TMP/wf.plot" 2>&1 &&
	    [ "$(od -An -c -N4 "$out/mediation.png" | tr -d ' ')" = '211PNG' ] &&
	    [ "$(od -An -c -N4 "$out/laws.png" | tr -d ' ')" = '211PNG' ]; then
		pass "make plots draws mediation.png and laws.png"
	else
		fail "make plots draws mediation.png and laws.png" "$(tail -n 2 "$ZH_TMP/wf.plot" | tr '\n' ' ')"
	fi
else
	skip "make plots" "gnuplot not installed"
fi

# The default run: the bundled examples (GB18030+gzip and Big5).
if make --no-print-directory -C "$ZH_TOP/examples" OUT="$ZH_TMP/wf-default" -j2 >"$ZH_TMP/wf.def" 2>&1 &&
    [ "$(($(wc -l <"$ZH_TMP/wf-default/docs.tsv") - 1))" -eq 2 ]; then
	pass "make -C examples on the bundled reports"
else
	fail "make -C examples on the bundled reports" "$(tail -n 2 "$ZH_TMP/wf.def" | tr '\n' ' ')"
fi
exit 0
