#!/bin/sh
# The corpus workflow of examples/Makefile, run as the documentation says
# (make -C examples RAW=reports OUT=out from the directory that holds
# reports/), on a corpus made from the bundled reports (and the seeds,
# when there are any): 64 reports in mixed encodings, gzip and CRLF, one
# empty, in batches of 16 so that several batches run.  The tables have
# their headers, every report and the same rows as the serial pipeline;
# a second run does nothing; one changed report remakes only its own
# files; a refused file fails the run and names its format, and its
# batch's other reports are kept; the summaries and plots are made.
set -u
. "$ZH_TOP/tests/workflow-lib.sh"

need "examples workflow" normalize split-sections extract-numbers tag-entities || exit 0

w=$ZH_TMP/wf
rm -rf "$w"
mkdir -p "$w"
set -- "$ZH_TOP/examples/report.txt" "$ZH_TOP/examples/report-trad.txt"
[ -d "${ZH_SEEDS:-}" ] && set -- "$@" "$ZH_SEEDS"/*
sh "$ZH_TOP/tests/corpus.sh" 64 "$w/reports" "$@"
nrep=$(ls "$w/reports" | wc -l)
mk() { (cd "$w" && make --no-print-directory -C "$ZH_TOP/examples" RAW=reports OUT=out BATCH=16 "$@"); }
out=$w/out

if mk -j2 >"$w/log" 2>&1; then
	pass "make -C examples RAW=reports OUT=out -j2, relative to the caller ($nrep reports)"
else
	fail "make -C examples RAW=reports OUT=out -j2" "$(tail -n 3 "$w/log" | tr '\n' ' ')"
	exit 0
fi
[ -d "$ZH_TOP/examples/reports" ] || [ -d "$ZH_TOP/examples/out" ] &&
    fail "RAW and OUT are the caller's" "examples/out or examples/reports exists" ||
    pass "RAW and OUT are taken from the caller's directory"

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
header years.tsv "year${T}reports${T}cases"

# The corpus tables hold exactly what the serial pipeline writes.
b=$ZH_BIN
(cd "$w" && LC_ALL=C "$b/zh-normalize" --to-simplified reports/* 2>/dev/null) |
    "$b/zh-split-sections" >"$w/serial.sect"
"$b/zh-extract-numbers" "$w/serial.sect" >"$w/serial.num"
"$b/zh-tag-entities" "$w/serial.sect" >"$w/serial.ent"
for t in sect:sections num:numbers ent:entities; do
	tail -n +2 "$out/${t#*:}.tsv" >"$w/body"
	if [ -s "$w/body" ] && cmp -s "$w/body" "$w/serial.${t%%:*}"; then
		pass "${t#*:}.tsv rows equal the serial pipeline ($(wc -l <"$w/body") rows)"
	else
		fail "${t#*:}.tsv rows equal the serial pipeline" \
		    "$(wc -l <"$w/body") vs $(wc -l <"$w/serial.${t%%:*}") rows"
	fi
done

# Every report is listed in docs.tsv, mediation.tsv and meta.tsv, the
# empty one too.
for t in docs mediation meta; do
	n=$(($(wc -l <"$out/$t.tsv") - 1))
	if [ "$n" -eq "$nrep" ] && cut -f 1 "$out/$t.tsv" | grep -qx empty; then
		pass "$t.tsv lists all $n reports, the empty one too"
	else
		fail "$t.tsv lists every report" "$n rows for $nrep reports"
	fi
done
n=$(awk -F '\t' 'NR > 1 { s += $2 } END { print s + 0 }' "$out/years.tsv")
[ "$n" -eq "$nrep" ] && pass "years.tsv adds up to $n reports" || fail "years.tsv adds up to the reports" "$n"
n=$(awk -F '\t' 'NR > 1 && $1 > 0' "$out/laws.tsv" | wc -l)
[ "$n" -gt 0 ] && pass "laws.tsv lists $n titles" || fail "laws.tsv lists titles" "empty"
awk -F '\t' 'NR > 1 && $3 !~ /^[0-9.]+$/ { bad = 1 } END { exit bad }' "$out/labels.tsv" &&
    [ "$(wc -l <"$out/labels.tsv")" -gt 1 ] &&
    pass "labels.tsv totals are plain numbers" || fail "labels.tsv totals are plain numbers" "see $out/labels.tsv"
s=$(awk -F '\t' 'NR > 1 { s += $3 } END { print s + 0 }' "$out/parts.tsv")
n=$(($(wc -l <"$out/sections.tsv") - 1))
[ "$s" -eq "$n" ] && pass "parts.tsv adds up to sections.tsv ($n rows)" || fail "parts.tsv adds up to sections.tsv" "$s vs $n"

# Incremental: nothing to do after a full run; a changed report remakes
# its own four files and the tables, nothing else.
if mk -q all >/dev/null 2>&1; then pass "second run has nothing to do"; else fail "second run has nothing to do" "make -q says out of date"; fi
one=c00003-1
f=$(ls "$w/reports/$one".* | head -n 1)
touch "$w/marker"
sleep 1
touch "$f"
mk all >"$w/log2" 2>&1
changed=$(cd "$out" && find sect num ent meta -newer "$w/marker" -type f | sort | tr '\n' ' ')
want="ent/$one.tsv meta/$one.tsv num/$one.tsv sect/$one.tsv "
if [ "$changed" = "$want" ] && [ "$out/sections.tsv" -nt "$w/marker" ]; then
	pass "one changed report remakes only its own files and the tables"
else
	fail "one changed report remakes only its own files" "remade: ${changed:-nothing}"
fi
# A report whose files were removed is remade; a report removed from RAW
# leaves the tables.
rm -f "$out/ent/$one.tsv"
mk all >/dev/null 2>&1 && [ -s "$out/ent/$one.tsv" ] &&
    pass "a report's removed files are remade" || fail "a report's removed files are remade" "ent/$one.tsv"
mv "$f" "$w/away"
mk all >/dev/null 2>&1
n=$(($(wc -l <"$out/docs.tsv") - 1))
[ "$n" -eq $((nrep - 1)) ] && ! cut -f1 "$out/sections.tsv" | grep -qx "$one" &&
    pass "a report removed from RAW leaves the tables" || fail "a report removed from RAW leaves the tables" "$n reports"
mv "$w/away" "$f"

# A refused file fails the run, names its format, and costs its batch
# nothing else; once it is gone the run succeeds.
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj << >> endobj\n' >"$w/reports/c00000-0.pdf"
head -c 4096 "$b/zh-normalize" >"$w/reports/c00000-00.txt"
if mk PDFTOTEXT=no all >"$w/log3" 2>&1; then
	fail "refused files fail the run" "make succeeded"
else
	grep -q 'c00000-0.pdf: PDF document, not text: convert it first: pdftotext -layout' "$w/log3" &&
	grep -q 'c00000-00.txt: ELF executable, not text' "$w/log3" &&
	    pass "refused files fail the run, named with their format" ||
	    fail "refused files are named with their format" "$(tr '\n' ' ' <"$w/log3")"
fi
[ ! -e "$out/sect/c00000-0.tsv" ] && [ -s "$out/sect/c00000-1.tsv" ] &&
    pass "a refused file gets no rows, the others of its batch keep theirs" ||
    fail "a refused file gets no rows" "see $out/sect"
rm -f "$w/reports/c00000-0.pdf" "$w/reports/c00000-00.txt"
mk all >/dev/null 2>&1 && pass "the run succeeds once the refused files are gone" ||
    fail "the run succeeds once the refused files are gone" "make failed"

# With pdftotext, a PDF report is converted first.
if command -v pdftotext >/dev/null 2>&1; then
	# A one-page PDF with one line of text, offsets computed.
	awk 'BEGIN {
		o[1] = "<< /Type /Catalog /Pages 2 0 R >>"
		o[2] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
		o[3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
		s = "BT /F1 12 Tf 72 700 Td (Mediation 2024: 321 cases settled.) Tj ET"
		o[4] = "<< /Length " length(s) " >>\nstream\n" s "\nendstream"
		o[5] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
		out = "%PDF-1.4\n"
		for (i = 1; i <= 5; i++) { off[i] = length(out); out = out i " 0 obj\n" o[i] "\nendobj\n" }
		x = length(out)
		out = out "xref\n0 6\n0000000000 65535 f \n"
		for (i = 1; i <= 5; i++) out = out sprintf("%010d 00000 n \n", off[i])
		out = out "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" x "\n%%EOF\n"
		printf "%s", out
	}' >"$w/reports/scan.pdf"
	if mk all >"$w/log4" 2>&1 && grep -q 'Mediation 2024: 321 cases' "$out/sect/scan.tsv" &&
	    grep -q '^scan	' "$out/sections.tsv"; then
		pass "a PDF report is converted with pdftotext -layout"
	else
		fail "a PDF report is converted with pdftotext -layout" "$(tail -n 2 "$w/log4" | tr '\n' ' ')"
	fi
	rm -f "$w/reports/scan.pdf"
	mk all >/dev/null 2>&1
else
	skip "PDF conversion" "pdftotext not installed (make deps)"
fi

if command -v gnuplot >/dev/null 2>&1; then
	if mk plots >"$w/plot" 2>&1; then
		bad=
		for p in mediation mediation-hist laws years; do
			[ "$(od -An -c -N4 "$out/$p.png" | tr -d ' ')" = '211PNG' ] || bad="$bad $p.png"
		done
		[ -z "$bad" ] && pass "make plots draws mediation, mediation-hist, laws and years.png" ||
		    fail "make plots draws every chart" "not PNG:$bad"
	else
		fail "make plots" "$(tail -n 2 "$w/plot" | tr '\n' ' ')"
	fi
	if fc-list :lang=zh family 2>/dev/null | grep -q .; then
		pass "a CJK font for the charts' labels: $(fc-list :lang=zh family | head -n 1)"
	else
		fail "a CJK font for the charts' labels" "none found by fc-list :lang=zh (make deps)"
	fi
else
	skip "make plots" "gnuplot not installed"
fi

# The default run: the bundled examples (GB18030+gzip and Big5).
if make --no-print-directory -C "$ZH_TOP/examples" OUT="$ZH_TMP/wf-default" -j2 >"$w/def" 2>&1 &&
    [ "$(($(wc -l <"$ZH_TMP/wf-default/docs.tsv") - 1))" -eq 2 ]; then
	pass "make -C examples on the bundled reports"
else
	fail "make -C examples on the bundled reports" "$(tail -n 2 "$w/def" | tr '\n' ' ')"
fi
exit 0
