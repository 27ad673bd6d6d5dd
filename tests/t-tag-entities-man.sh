#!/bin/sh
# The samples of zh-tag-entities(1) are what the program prints: every
# literal block of the man page whose first line starts with "$ " is a
# command (lines joined while they end in "\" or "|", mdoc escapes
# undone) and the rest of the block its exact output.  Fails when a
# rule change makes the page stale.
set -u
: "${ZH_BIN:?}" "${ZH_TOP:?}" "${ZH_TMP:?}"
M=$ZH_TOP/man/zh-tag-entities.1
T=$ZH_TMP/ent-man
mkdir -p "$T"
rm -f "$T"/cmd.* "$T"/want.*

# Split the samples into cmd.N and want.N.
awk -v dir="$T" '
function unesc(s) { gsub(/\\&/, "", s); gsub(/\\e/, "\\", s); return s }
/^\.Bd -literal/ { inblk = 1; first = 1; next }
/^\.Ed/ { inblk = 0; sample = 0; next }
inblk && first { first = 0; if ($0 !~ /^\$ /) next; n++; sample = 1; cont = 1
	line = substr($0, 3) }
inblk && sample {
	if (cont) {
		if (line == "") line = $0
		print unesc(line) > (dir "/cmd." n)
		cont = line ~ /(\\e|\|)[ \t]*$/
		line = ""
		next
	}
	print unesc($0) > (dir "/want." n)
}
' "$M"

n=0
for c in "$T"/cmd.*; do
	[ -f "$c" ] || continue
	n=$((n + 1))
	k=${c##*.}
	PATH=$ZH_BIN:$PATH LC_ALL=C sh "$c" >"$T/got.$k" 2>"$T/err.$k"
	if cmp -s "$T/got.$k" "$T/want.$k"; then
		echo "PASS: tag-entities man sample $k"
	else
		echo "FAIL: tag-entities man sample $k (output differs from the man page)"
		diff "$T/want.$k" "$T/got.$k" | head -6 | sed 's/^/  /'
	fi
done
if [ "$n" -lt 2 ]; then
	echo "FAIL: tag-entities man samples (found $n, want 2 or more)"
fi
