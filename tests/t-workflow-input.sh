#!/bin/sh
# What every program does with input that is not what it expects:
# PDF, Word and executables are refused by their signature (gzip or not)
# with status 1 and a message naming the format and what to do; a
# header where none was announced, or none where -H announced one, is
# warned about; a bad option gives one message and status 2; --stats
# gives one line of counts; zh-normalize's progress line shows on a
# terminal only, and -q turns it off.
set -u
. "$ZH_TOP/tests/workflow-lib.sh"

t=$ZH_TMP/input
rm -rf "$t"
mkdir -p "$t"
b=$ZH_BIN
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj << /Type /Catalog >> endobj\n' >"$t/r.pdf"
gzip -c "$t/r.pdf" >"$t/r2.pdf.gz"
{ printf 'PK\003\004'; head -c 26 /dev/zero; printf '[Content_Types].xml'; head -c 64 /dev/zero
  printf 'word/document.xml'; } >"$t/r.docx"
cp "$b/zh-normalize" "$t/prog"
T=$(printf '\t')
printf 'doc\tline\tflags\ttext\nr\t1\t\t滨江区2024年法治政府建设年度报告\nr\t2\t\t今年共调解纠纷36宗。\n' >"$t/h.tsv"
tail -n +2 "$t/h.tsv" >"$t/nh.tsv"

for p in normalize split-sections extract-numbers tag-entities; do
	have "$p" || { skip "zh-$p input checks" "zh-$p not built yet"; continue; }
	x=$b/zh-$p
	for f in r.pdf:'PDF document, not text: convert it first: pdftotext -layout' \
	    r2.pdf.gz:'PDF document, gzip-compressed, not text' \
	    r.docx:'Word document (DOCX), not text: convert it first: libreoffice' \
	    prog:'ELF executable, not text'; do
		(cd "$t" && "$x" "${f%%:*}") >"$t/out" 2>"$t/err"
		rc=$?
		if [ $rc -eq 1 ] && [ ! -s "$t/out" ] && grep -qF "zh-$p: ${f%%:*}: ${f#*:}" "$t/err" &&
		    [ "$(wc -l <"$t/err")" -eq 1 ]; then
			pass "zh-$p refuses ${f%%:*}: ${f#*:}"
		else
			fail "zh-$p refuses ${f%%:*}" "status $rc, $(wc -l <"$t/out") rows, $(head -n 2 "$t/err" | tr '\n' ' ')"
		fi
	done
	# One message for a bad option.
	"$x" --no-such-option >/dev/null 2>"$t/err"
	rc=$?
	if [ $rc -eq 2 ] && [ "$(grep -c "^zh-$p: " "$t/err")" -eq 1 ] &&
	    grep -q "unknown option '--no-such-option'" "$t/err"; then
		pass "zh-$p: one message for an unknown option"
	else
		fail "zh-$p: one message for an unknown option" "status $rc: $(tr '\n' ' ' <"$t/err")"
	fi
	# --stats: one line, name=value pairs, rows_in and rows_out among them.
	in=$t/nh.tsv
	[ "$p" = normalize ] && in=$ZH_TOP/examples/report.txt
	"$x" --stats "$in" >"$t/out" 2>"$t/err"
	if [ "$(wc -l <"$t/err")" -eq 1 ] &&
	    grep -Eq "^zh-$p: stats:( [a-z0-9_]+=[0-9]+)+\$" "$t/err" &&
	    grep -q ' rows_in=[1-9]' "$t/err" &&
	    grep -q " rows_out=$(wc -l <"$t/out")\( \|\$\)" "$t/err"; then
		pass "zh-$p --stats: one line, rows_out=$(wc -l <"$t/out")"
	else
		fail "zh-$p --stats: one line of name=value" "$(tr '\n' ' ' <"$t/err")"
	fi
	[ "$p" = normalize ] && continue
	# Header mismatches.
	"$x" "$t/h.tsv" >/dev/null 2>"$t/err"
	grep -q "h.tsv:1: the first row looks like a header" "$t/err" &&
	    pass "zh-$p warns of a header read without -H" ||
	    fail "zh-$p warns of a header read without -H" "$(tr '\n' ' ' <"$t/err")"
	"$x" -H "$t/nh.tsv" >/dev/null 2>"$t/err"
	grep -q "nh.tsv:1: -H given, but the first row names no columns" "$t/err" &&
	    pass "zh-$p warns of -H on rows without a header" ||
	    fail "zh-$p warns of -H on rows without a header" "$(tr '\n' ' ' <"$t/err")"
	"$x" -H "$t/h.tsv" >/dev/null 2>"$t/err"
	"$x" "$t/nh.tsv" >/dev/null 2>>"$t/err"
	[ ! -s "$t/err" ] && pass "zh-$p: no warning when the header matches -H" ||
	    fail "zh-$p: no warning when the header matches -H" "$(tr '\n' ' ' <"$t/err")"
done

# zh-normalize's progress line: on a terminal (script(1) gives one), not
# with -q, not when standard error is a file.
if have normalize && command -v script >/dev/null 2>&1 &&
    script -qec true /dev/null >/dev/null 2>&1; then
	x=$b/zh-normalize
	ex=$ZH_TOP/examples
	script -qec "'$x' '$ex/report.txt' '$ex/report-trad.txt' '$t/r.pdf' >/dev/null" /dev/null \
	    >"$t/tty" 2>&1
	if tr '\r' '\n' <"$t/tty" | grep -Eq '^zh-normalize: 3/3 files, [0-9.]+ MB, [0-9.]+ MB/s, 1 with warnings'; then
		pass "zh-normalize shows progress on a terminal: files, MB, MB/s, files with warnings"
	else
		fail "zh-normalize shows progress on a terminal" "$(tr '\r\033' '  ' <"$t/tty" | head -c 300)"
	fi
	script -qec "'$x' -q '$ex/report.txt' >/dev/null" /dev/null >"$t/tty" 2>&1
	[ ! -s "$t/tty" ] && pass "zh-normalize -q: no progress line" ||
	    fail "zh-normalize -q: no progress line" "$(tr '\r\033' '  ' <"$t/tty" | head -c 200)"
	"$x" "$ex/report.txt" >/dev/null 2>"$t/err"
	[ ! -s "$t/err" ] && pass "zh-normalize: no progress line when stderr is not a terminal" ||
	    fail "zh-normalize: no progress line when stderr is not a terminal" "$(head -c 200 "$t/err")"
else
	skip "zh-normalize progress line" "no script(1) to give it a terminal"
fi
exit 0
