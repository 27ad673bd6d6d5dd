#!/bin/sh
# Differential and property checks of issue 9 for every program that
# exists (and the common/ stand-ins):
#   - output identical under LC_ALL=C and LC_ALL=C.UTF-8;
#   - identical between a file and the same file on stdin;
#   - identical between one input and the same input split into two files
#     (line-local programs: zh-extract-numbers, zh-tag-entities);
#   - zh-normalize accounts for every non-blank input line;
#   - values of zh-extract-numbers re-parse to themselves;
#   - start/end of zh-extract-numbers and zh-tag-entities slice the text
#     to exactly raw / entity.
set -u
. "$ZH_TOP/tests/hardening-lib.sh"
T=$ZH_TMP/diff
rm -rf "$T"
mkdir -p "$T/raw" "$T/gen"
out1=$T/out1 out2=$T/out2 err=$T/err

# Raw documents: the bundled examples, the seeds when present, and a
# generated one (so there is always input).
$PY "$ZH_TOP/tests/hardening-gen.py" "$T/gen" raw small >/dev/null || { echo "FAIL: diff: generator"; exit 0; }
cp "$T/gen/small" "$T/raw/generated.txt"
for f in "$ZH_TOP"/examples/*.txt "$ZH_SEEDS"/*.txt; do
	[ -f "$f" ] && cp "$f" "$T/raw/"
done
utf8docs=
for f in "$T"/raw/*.txt; do
	iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 && utf8docs="$utf8docs $f"
done

# TSV input for the row programs: zh-normalize | zh-split-sections of the
# documents when those exist, else the generated rows.
label=normalize
if prog_setup normalize >/dev/null; then
	"$pbin" $utf8docs >"$T/norm.tsv" 2>/dev/null
else
	# No zh-normalize yet: the UTF-8 documents' lines as rows, escaped.
	for f in $utf8docs; do
		LC_ALL=C sed 's/\r$//; s/\\/\\\\/g; s/\t/\\t/g; s/\r/\\r/g' "$f" |
			LC_ALL=C awk -v d="$(basename "$f" .txt)" '$0 != "" { print d "\t" NR "\t\t" $0 }'
	done >"$T/norm.tsv"
fi
cp "$T/norm.tsv" "$T/rows.tsv"
if prog_setup split-sections >/dev/null; then
	"$pbin" "$T/norm.tsv" >"$T/rows.tsv" 2>/dev/null
fi
if [ ! -s "$T/rows.tsv" ]; then
	echo "FAIL: diff: no TSV input (zh-normalize or zh-split-sections printed nothing)"
	exit 0
fi
# Two halves at a line boundary for the split check.
half=$(( $(wc -l <"$T/rows.tsv") / 2 ))
head -n "$half" "$T/rows.tsv" >"$T/rows-a.tsv"
tail -n +"$((half + 1))" "$T/rows.tsv" >"$T/rows-b.tsv"

same() {        # name file1 file2
	if cmp -s "$2" "$3"; then
		echo "PASS: $1"
	else
		echo "FAIL: $1 (outputs differ: $(diff "$2" "$3" | head -3 | cut -c1-100 | tr '\n' '|'))"
	fi
}

for label in $(prog_labels); do
	prog_setup "$label" || continue
	n="diff $label"
	if [ $pkind = raw ]; then
		inputs="$T/raw/*.txt"
	else
		inputs=$T/rows.tsv
	fi
	for f in $inputs; do
		b=$(basename "$f")
		LC_ALL=C "$pbin" $parg "$f" >"$out1" 2>"$err.1"
		LC_ALL=C.UTF-8 "$pbin" $parg "$f" >"$out2" 2>"$err.2"
		if cmp -s "$out1" "$out2" && cmp -s "$err.1" "$err.2"; then
			echo "PASS: $n: $b: LC_ALL=C = C.UTF-8"
		else
			echo "FAIL: $n: $b: LC_ALL=C and C.UTF-8 differ"
		fi
		if [ ! -s "$out1" ] && [ "$label" != common-lines ]; then
			echo "FAIL: $n: $b: no output"
		fi
		if [ "$label" = normalize ]; then
			# The document id comes from the file name: give stdin the same.
			doc=$(basename "$f" .txt)
			"$pbin" --doc "$doc" <"$f" >"$out2" 2>/dev/null
		else
			"$pbin" $parg <"$f" >"$out2" 2>/dev/null
		fi
		same "$n: $b: file = stdin" "$out1" "$out2"
	done

	case $label in
	common-tsv|extract-numbers|tag-entities)
		"$pbin" $parg "$T/rows.tsv" >"$out1" 2>/dev/null
		"$pbin" $parg "$T/rows-a.tsv" "$T/rows-b.tsv" >"$out2" 2>/dev/null
		same "$n: one input = split into two files" "$out1" "$out2"
		;;
	esac

	case $label in
	normalize)
		for f in $utf8docs; do
			"$pbin" --keep-chrome "$f" >"$out1" 2>/dev/null
			if $PY "$ZH_TOP/tests/hardening-check.py" lines "$f" "$out1" >"$T/why" 2>&1; then
				echo "PASS: $n: $(basename "$f"): every non-blank line accounted for"
			else
				echo "FAIL: $n: $(basename "$f"): lines not accounted for ($(head -2 "$T/why" | tr '\n' '|'))"
			fi
		done
		;;
	extract-numbers|tag-entities)
		k=8
		[ "$label" = tag-entities ] && k=6
		"$pbin" "$T/rows.tsv" >"$out1" 2>/dev/null
		if $PY "$ZH_TOP/tests/hardening-check.py" slice "$T/rows.tsv" "$out1" $k >"$T/why" 2>"$T/count"; then
			echo "PASS: $n: offsets slice the text ($(cat "$T/count"))"
		else
			echo "FAIL: $n: offsets do not slice the text ($(head -3 "$T/why" | tr '\n' '|'))"
		fi
		[ -s "$out1" ] || echo "FAIL: $n: no rows on the sample input"
		# A row of about 3 MB is worked on in 1 MB pieces: offsets
		# must still count from the row's start, to its very end.
		$PY -c 'import sys
t = "".join(l.rstrip("\n").split("\t")[-1] + "。" for l in open(sys.argv[1], encoding="utf-8"))
t = t * (3000000 // len(t.encode()) + 1)
print("long\t1\t" + t)
print(len(t), file=sys.stderr)' "$T/rows.tsv" >"$T/long.tsv" 2>"$T/long.len"
		"$pbin" "$T/long.tsv" >"$out1" 2>/dev/null
		if $PY "$ZH_TOP/tests/hardening-check.py" slice "$T/long.tsv" "$out1" $k >"$T/why" 2>"$T/count" &&
		    awk -F '\t' -v k=$k -v n="$(cat "$T/long.len")" \
		    '$(NF - k + 1) > n * 0.9 { far = 1 } END { exit !far }' "$out1"; then
			echo "PASS: $n: offsets slice a 3 MB row worked on in pieces ($(cat "$T/count"))"
		else
			echo "FAIL: $n: offsets of a 3 MB row ($(head -3 "$T/why" | tr '\n' '|'))"
		fi
		;;
	esac
	if [ "$label" = extract-numbers ]; then
		$PY "$ZH_TOP/tests/hardening-check.py" reparse-in "$out1" >"$T/values.tsv"
		"$pbin" "$T/values.tsv" >"$out2" 2>/dev/null
		if $PY "$ZH_TOP/tests/hardening-check.py" reparse-cmp "$out1" "$out2" >"$T/why" 2>"$T/count"; then
			echo "PASS: $n: values re-parse to themselves ($(cat "$T/count"))"
		else
			echo "FAIL: $n: values do not re-parse ($(head -3 "$T/why" | tr '\n' '|'))"
		fi
	fi
done
exit 0
