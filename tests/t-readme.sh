#!/bin/sh
# README.md stays true: every ```sh block runs without error (in a scratch
# directory that sees examples/, the programs on PATH), a ```text block
# is exactly the output of the ```sh block before it (tab-separated
# columns shown aligned), and the table of programs names the columns
# each program writes, every one of them explained in a table.  The
# quick-start block is run by tests/quickstart.sh instead.
set -u
: "${ZH_BIN:?}" "${ZH_TOP:?}" "${ZH_TMP:?}"
R=$ZH_TOP/README.md
T=$ZH_TMP/readme
rm -rf "$T"
mkdir -p "$T/blocks" "$T/work"
ln -s "$ZH_TOP/examples" "$T/work/examples"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# Blocks: N.sh for the Nth sh block, N.want for a text block after it,
# N.skip for the quick start's.
awk -v d="$T/blocks" '
	/<!-- quick start/ { quick = 1 }
	/^```sh$/ { n++; f = d "/" n ".sh"; if (quick) { printf "" > (d "/" n ".skip"); quick = 0 }; inb = 1; next }
	/^```text$/ && n { f = d "/" n ".want"; printf "" > f; inb = 1; next }
	/^```/ && inb { close(f); inb = 0; next }
	inb { print > f }' "$R"

# align: tab-separated rows as columns two spaces apart, a Han or other
# wide character counting two.
align() {
	$PY -c '
import sys, unicodedata
rows = [l.rstrip("\n").split("\t") for l in sys.stdin.buffer.read().decode("utf-8").splitlines()]
def w(s):
	return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
n = max((len(r) for r in rows), default=0)
wid = [max((w(r[i]) for r in rows if i < len(r) - 1), default=0) for i in range(n)]
for r in rows:
	out = "".join(c + " " * (wid[i] - w(c) + 2) for i, c in enumerate(r[:-1])) + r[-1]
	sys.stdout.write(out.rstrip() + "\n")
'
}

nrun=0
for sh in "$T"/blocks/*.sh; do
	[ -f "$sh" ] || continue
	b=${sh%.sh}
	name="README example $(basename "$b"): $(head -n 1 "$sh" | cut -c1-60)"
	[ -f "$b.skip" ] && continue
	nrun=$((nrun + 1))
	(cd "$T/work" && PATH="$ZH_BIN:$PATH" sh "$sh") >"$b.out" 2>"$b.err"
	rc=$?
	if [ $rc -ne 0 ] || [ -s "$b.err" ]; then
		echo "FAIL: $name (status $rc: $(head -c 200 "$b.err" | tr '\n' '|'))"
	elif [ ! -s "$b.out" ]; then
		echo "FAIL: $name (no output)"
	elif [ -f "$b.want" ]; then
		align <"$b.out" >"$b.have"
		if cmp -s "$b.want" "$b.have"; then
			echo "PASS: $name: output as shown"
		else
			echo "FAIL: $name: the README shows another output; now it is:"
			diff "$b.want" "$b.have" | head -n 20 | sed 's/^/  /'
		fi
	else
		echo "PASS: $name"
	fi
done
if [ $nrun -ge 1 ]; then
	echo "PASS: README examples run: $nrun"
else
	echo "FAIL: README has no examples to run (or the parser lost them)"
fi

# The table of programs: | zh-NAME [--meta FILE] | reads | `columns` ... |
# against the -H header of each program run on the example report.
sed -n 's/^| \(zh-[^|]*[^ |]\) *|[^|]*| [^`]*`\([^`]*\)`.*/\1	\2/p' "$R" >"$T/table"
ex=$ZH_TOP/examples/report.txt
header() {	# program -> the columns it writes after its input's prefix
	case $1 in
	"zh-normalize")
		"$ZH_BIN/zh-normalize" -H "$ex" | head -n 1 ;;
	"zh-normalize --meta FILE")
		"$ZH_BIN/zh-normalize" -H --meta "$T/meta.tsv" "$ex" >/dev/null &&
		    head -n 1 "$T/meta.tsv" ;;
	*)	"$ZH_BIN/zh-normalize" -H "$ex" | "$ZH_BIN/$1" -H | head -n 1 |
		    sed 's/^doc	line	flags	//' ;;
	esac | tr '\t' ' '
}
for p in "$ZH_BIN"/zh-*; do
	[ -x "$p" ] || continue
	grep -q "^$(basename "$p")	" "$T/table" ||
		echo "FAIL: README's table of programs has no row for $(basename "$p")"
done
while IFS="$(printf '\t')" read -r prog cols; do
	have=$(header "$prog" 2>"$T/err")
	if [ "$have" = "$cols" ]; then
		echo "PASS: README columns of $prog"
	else
		echo "FAIL: README columns of $prog: the table says '$cols', $prog -H writes '$have' $(head -c 100 "$T/err")"
	fi
	# (the --meta columns are zh-normalize(1)'s to explain)
	case $prog in *--meta*) continue ;; esac
	for c in $have; do
		grep -q "^| \`$c\`" "$R" || grep -q "^| \`[^|]*, \`$c\`" "$R" ||
			echo "FAIL: README explains no column $c (a row '| \`$c\` | ...' of the Columns table)"
	done
done <"$T/table"
exit 0
