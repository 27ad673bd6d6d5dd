#!/bin/sh
# Runs the main pipeline on the bundled example and prints a short view
# of every stage:
#
#	zh-normalize report.gbk.txt.gz | zh-split-sections | zh-extract-numbers
#	                                                   | zh-tag-entities
#
# and zh-normalize on a saved web page (district-page.gb2312.html).
#
# usage: examples/demo.sh BINDIR
#
# The demo starts from the GB18030+gzip copy on purpose: decoding and
# decompression are the first thing users need.  Programs that are not
# built yet (or are still placeholders) are skipped and named, and the
# later stages read the output of the last stage that ran, so the demo
# is useful at every point of the project's life.
set -u
[ $# -eq 1 ] || { echo "usage: examples/demo.sh BINDIR" >&2; exit 2; }
bin=$(cd "$1" 2>/dev/null && pwd) || { echo "demo.sh: no directory $1" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
report=$here/report.gbk.txt.gz
rows=${DEMO_ROWS:-12}
width=${DEMO_WIDTH:-28}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
tab=$(printf '\t')

# A placeholder exits 2 even for --version, so this tells both apart.
have() {
	[ -x "$bin/zh-$1" ] && "$bin/zh-$1" --version >/dev/null 2>&1
}

# The display only: column(1) and sed(1) need a UTF-8 locale to count
# characters, the programs themselves never look at the locale.
ulocale=C.UTF-8
locale -a 2>/dev/null | grep -qix 'c.utf-\{0,1\}8' || ulocale=C

# show TITLE FILE: header + first $rows rows, long text cut, aligned.
show() {
	n=$(($(wc -l <"$2") - 1))
	echo
	echo "== $1 ($n rows, first $rows shown)"
	head -n $((rows + 1)) "$2" |
	    LC_ALL=$ulocale sed -e "s/\t\t/\t-\t/g; s/\t\t/\t-\t/g; s/\t\$/\t-/" \
		-e "s/\([^\t]\{$width\}\)[^\t][^\t]*/\1…/g" |
	    LC_ALL=$ulocale column -t -s "$tab"
}

ran=
skipped=
note() { ran="$ran $1"; }
skip() { skipped="$skipped $1"; }

echo "zhtsv demo: $(basename "$report") ($(gzip -dc "$report" | wc -c) bytes of GB18030 text, gzip-compressed)"

if have normalize; then
	"$bin/zh-normalize" -H "$report" >"$tmp/norm.tsv" || exit 1
	note zh-normalize
	show "zh-normalize -H $(basename "$report")" "$tmp/norm.tsv"
else
	# Stand-in so the other stages still have input: decode, number the
	# lines, keep the non-blank ones (no chrome removal, no folding).
	skip zh-normalize
	{
		printf 'doc\tline\tflags\ttext\n'
		gzip -dc "$report" | iconv -f GB18030 -t UTF-8 |
		    awk '{ sub(/\r$/, ""); sub(/^[ \t]+/, "") } $0 != "" { printf "report\t%d\t\t%s\n", NR, $0 }'
	} >"$tmp/norm.tsv" || exit 1
	show "stand-in for zh-normalize (gzip -dc | iconv -f GB18030)" "$tmp/norm.tsv"
fi

# A saved web page as served: GB2312, with its navigation, metadata
# table, share widgets, related links and footer around the article.
page=$here/district-page.gb2312.html
if have normalize; then
	"$bin/zh-normalize" -H --keep-chrome --meta "$tmp/page-meta.tsv" "$page" >"$tmp/page.tsv" || exit 1
	rows=40 show "zh-normalize -H --keep-chrome $(basename "$page")  (flag c: page chrome, dropped without --keep-chrome)" "$tmp/page.tsv"
	echo
	echo "== its --meta row: title, published, source, doc_number, url"
	awk -F "$tab" 'NR > 1 { printf "%s\n%s\n%s\n%s\n%s\n", $5, $6, $7, $17, $18 }' "$tmp/page-meta.tsv"
fi

last=$tmp/norm.tsv
if have split-sections; then
	"$bin/zh-split-sections" -H "$last" >"$tmp/sect.tsv" || exit 1
	note zh-split-sections
	last=$tmp/sect.tsv
	awk -F "$tab" 'NR == 1 || $5 == "title" || $5 == "heading"' "$last" >"$tmp/head.tsv"
	rows=40 show "… | zh-split-sections -H  (title and heading rows)" "$tmp/head.tsv"
else
	skip zh-split-sections
fi

# row NAME: a row program on the last stage's output, first 25 rows shown.
row() {
	if have "$1"; then
		"$bin/zh-$1" -H "$last" >"$tmp/$1.tsv" || exit 1
		note "zh-$1"
		rows=25 show "… | zh-$1 -H" "$tmp/$1.tsv"
	else
		skip "zh-$1"
	fi
}
row extract-numbers
row tag-entities

echo
echo "ran:${ran:- nothing}"
[ -z "$skipped" ] || echo "skipped (not built yet):$skipped"
exit 0
