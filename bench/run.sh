#!/bin/sh
# make bench: throughput and peak memory of every program on a corpus of
# at least 200 MB made from ../shared/seeds and examples/, with reference
# commands timed in the same run.
#   bench/run.sh BINDIR
# Rows come from bench/cases/*.tsv: "label<TAB>stage[:SIZE]<TAB>command".
# The command runs under sh with BIN (optimised programs) and IN (the
# stage input); stdout goes to /dev/null.  Stages:
#   raw       IN lists ~200 MB of UTF-8 report files, one path a line,
#             copies of every seed and example
#   raw-clean ~200 MB of copies of the reports without converter damage
#   raw-damaged ~20 MB of copies of the damaged ones (pinyin, mojibake)
#   raw-mix   the raw-clean files with a raw-damaged one after every nine
#   raw-gb    the raw-clean documents in GB18030
#   raw-trad  ~100 MB of clean traditional-script documents
#   html      ~20 MB of saved web pages, copies of examples/*.html and of
#             the HTML goldens (tests/normalize/html-*.in)
#   norm      IN is zh-normalize's output for raw (doc line flags text)
#   sect      IN is zh-split-sections' output for norm
# SIZE (e.g. 1M, 200K) runs a row on a line-aligned slice, for reference
# tools too slow for the whole corpus.  MB/s counts 10^6 bytes of the
# stage input per second of wall time, best of 5 runs (1 run when a
# run takes over 60 s).  Results: a table on stdout, bench/results.tsv
# (first line: date, CPU, cores, commit, 1-minute load average at the
# start and the end) and
# bench/RESULTS.md made from it by bench/results.sh;
# BENCH_ONLY=REGEX runs only the rows whose label matches.
set -eu
BIN=$(cd "$1" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
SEEDS=${ZH_SEEDS:-$top/../shared/seeds}
C=bench/corpus
RAW_MB=${BENCH_RAW_MB:-200}
export LC_ALL=C
mkdir -p "$C"

sources() {
	ls "$SEEDS"/*.txt 2>/dev/null || true
	ls examples/*.txt 2>/dev/null | grep -v -e gbk -e big5 || true
}

# Reports without converter damage (no toned pinyin in parentheses, the
# fingerprint of the GBK-level converters): the speed targets are set on
# clean text, and damaged reports are timed apart (stage raw-damaged).
is_damaged() {
	LC_ALL=C.UTF-8 grep -q -E '\([a-z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-z]*\)' "$1"
}
clean_sources() { for f in $(sources); do is_damaged "$f" || echo "$f"; done; }
damaged_sources() { for f in $(sources); do ! is_damaged "$f" || echo "$f"; done; }

# make_docs LISTFILE DIR MB SOURCE...: copies of the sources, each one
# different (a copy number line, digits rotated by the copy number), so
# no document repeats another byte for byte.
make_docs() {
	list=$1 dir=$2 mb=$3
	shift 3
	rm -rf "$dir"
	mkdir -p "$dir"
	cat "$@" | wc -c >"$dir.size"
	awk -v dir="$dir" -v want="$mb" -v per="$(cat "$dir.size")" -v head="${DOC_HEAD:-副本 %d}" '
	BEGIN {
		copies = int(want * 1000000 / per) + 1
		# A copy differs from the others by its first line and by its
		# digits rotated by k mod 10; the ten rotations are made once.
		for (i = 1; i < ARGC; i++) {
			n = 0
			while ((getline line < ARGV[i]) > 0) {
				n++
				for (r = 0; r < 10; r++) {
					t = ""
					for (p = 1; p <= length(line); p++) {
						ch = substr(line, p, 1)
						if (ch >= "0" && ch <= "9")
							ch = (ch + r) % 10
						t = t ch
					}
					src[i, n, r] = t
				}
			}
			len[i] = n
		}
		for (k = 0; k < copies; k++)
			for (i = 1; i < ARGC; i++) {
				f = sprintf("%s/c%05d-%d.txt", dir, k, i)
				printf head "\n", k > f
				r = k % 10
				for (j = 1; j <= len[i]; j++)
					print src[i, j, r] > f
				close(f)
				print f
			}
		exit
	}' "$@" >"$list"
	rm -f "$dir.size"
}

pages() {
	ls examples/*.html tests/normalize/html-page.in tests/normalize/html-markup.in \
	    tests/normalize/html-fragment.in tests/normalize/html-gb2312.in 2>/dev/null || true
}
stamp=$( (sources; pages) | xargs cat | cksum | cut -d' ' -f1)-$RAW_MB-v3
if [ "$(cat $C/stamp 2>/dev/null)" != "$stamp" ]; then
	echo "bench: making the corpus ($RAW_MB MB) in $C ..." >&2
	# shellcheck disable=SC2046
	make_docs $C/raw.list $C/raw "$RAW_MB" $(sources)
	# shellcheck disable=SC2046
	make_docs $C/raw-clean.list $C/raw-clean "$RAW_MB" $(clean_sources)
	# shellcheck disable=SC2046
	make_docs $C/raw-damaged.list $C/raw-damaged $((RAW_MB / 10)) $(damaged_sources)
	trad=$(for f in $(clean_sources); do
		grep -l -m1 -e '們' -e '與' -e '國' -e '區' "$f" 2>/dev/null || true; done)
	# shellcheck disable=SC2086
	make_docs $C/raw-trad.list $C/raw-trad $((RAW_MB / 2)) $trad
	rm -rf $C/raw-gb
	mkdir -p $C/raw-gb
	while read -r f; do
		g=$C/raw-gb/$(basename "$f")
		iconv -f UTF-8 -t GB18030 "$f" >"$g" 2>/dev/null || iconv -c -f UTF-8 -t GB18030 "$f" >"$g" || true
		echo "$g"
	done <$C/raw-clean.list >$C/raw-gb.list
	# Pages: the copy number is a comment, so each still opens with
	# its markup.
	# shellcheck disable=SC2046
	DOC_HEAD='<!-- 副本 %d -->' make_docs $C/html.list $C/html $((RAW_MB / 10)) $(pages)
	echo "$stamp" >$C/stamp
	rm -f $C/norm.tsv $C/sect.tsv
fi

# raw-mix: the clean reports with one damaged report after every nine,
# as a crawl of real sites has them (about 1 in 10 damaged); made from
# the files above, no new copies.
if [ ! -s $C/raw-mix.list ] || [ $C/raw-mix.list -ot $C/stamp ]; then
	awk 'NR == FNR { d[++nd] = $0; next }
	    { print; if (++k % 9 == 0 && i < nd) print d[++i] }' \
	    $C/raw-damaged.list $C/raw-clean.list >$C/raw-mix.list
fi

# The parse-only reference of the html stage (bench/html-parse.c).
if pkg-config --exists gumbo 2>/dev/null; then
	cc -O2 -o bench/corpus/html-parse bench/html-parse.c $(pkg-config --cflags --libs gumbo) ||
		rm -f bench/corpus/html-parse
fi

is_real() {	# the program exists and is not a placeholder
	[ -x "$BIN/zh-$1" ] && "$BIN/zh-$1" --version >/dev/null 2>&1 &&
		! "$BIN/zh-$1" --help 2>&1 | grep -q 'not implemented'
}
if [ ! -s $C/norm.tsv ]; then
	if is_real normalize; then
		"$BIN/zh-normalize" --files-from $C/raw.list >$C/norm.tsv || true
	else
		echo "bench: zh-normalize not built; norm stage made with awk" >&2
		xargs awk '{ sub(/^[ \t]+/, ""); if ($0 != "") print FILENAME "\t" FNR "\t\t" $0 }' <$C/raw.list >$C/norm.tsv
	fi
fi
if [ ! -s $C/sect.tsv ]; then
	if is_real split-sections; then
		"$BIN/zh-split-sections" <$C/norm.tsv >$C/sect.tsv || true
	else
		echo "bench: zh-split-sections not built; sect stage made with awk" >&2
		awk -F'\t' -v OFS='\t' '{ t = $NF; $NF = "0\tpara\tother\t" t; print }' $C/norm.tsv >$C/sect.tsv
	fi
fi

stage_input() {	# stage[:SIZE] -> path of the input file
	st=${1%%:*}
	size=
	case $1 in *:*) size=${1#*:} ;; esac
	case $st in
	raw|raw-clean|raw-damaged|raw-mix|raw-gb|raw-trad|html) f=$C/$st.list ;;
	norm|sect) f=$C/$st.tsv ;;
	*) echo "bench: unknown stage $st" >&2; return 1 ;;
	esac
	if [ -n "$size" ]; then
		s=$C/$st.slice-$size
		case $st in
		raw*|html)	# whole files up to SIZE
			bytes=$(numfmt --from=iec "$size")
			awk -v max="$bytes" '{ "wc -c < \"" $0 "\"" | getline n; close("wc -c < \"" $0 "\"");
				t += n; print; if (t >= max) exit }' "$f" >"$s" ;;
		*)	head -c "$size" "$f" | awk 'BEGIN{RS="\n"} { print }' | sed '$d' >"$s" ;;
		esac
		f=$s
	fi
	echo "$f"
}

stage_bytes() {
	case $1 in
	*.list|*.slice-*) if head -1 "$1" | grep -q -e '^bench/corpus/raw' -e '^bench/corpus/html'; then
			xargs cat <"$1" | wc -c; else wc -c <"$1"; fi ;;
	*) wc -c <"$1" ;;
	esac
}

now() { date +%s.%N; }

results=bench/results.tsv
# What was measured, and how busy the machine was when the run began.
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] &&
    [ -n "$(git status --porcelain --untracked-files=no -- . ':!bench/results.tsv' ':!bench/RESULTS.md' 2>/dev/null)" ]; then
	commit="$commit with local changes"
fi
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.rss"' EXIT
printf 'label\tstage\tbytes\tseconds\tMB_per_s\tpeak_rss_MB\truns\n' >"$tmp"
{
	printf 'cat\traw\txargs cat <"$IN"\n'
	printf 'wc -m\traw\txargs cat <"$IN" | LC_ALL=C.UTF-8 wc -m\n'
	printf 'iconv GB18030\traw-gb\txargs cat <"$IN" | iconv -f GB18030 -t UTF-8\n'
	cat bench/cases/*.tsv 2>/dev/null | grep -v '^#' | grep -v '^$' || true
} >"$tmp.rows"
# BENCH_ONLY=REGEX times only the rows whose label matches, and leaves
# bench/results.tsv alone (a partial table would replace the full one).
if [ -n "${BENCH_ONLY:-}" ]; then
	awk -F '\t' -v re="$BENCH_ONLY" '$1 ~ re' "$tmp.rows" >"$tmp.only"
	mv "$tmp.only" "$tmp.rows"
	results=/dev/null
fi
export BIN
while IFS="$(printf '\t')" read -r label stage cmd; do
	IN=$(stage_input "$stage") || continue
	export IN
	bytes=$(stage_bytes "$IN")
	times=
	rss=0
	runs=0
	while [ $runs -lt 5 ]; do
		t0=$(now)
		if ! /usr/bin/time -f %M -o "$tmp.rss" sh -c "$cmd" >/dev/null 2>/dev/null; then
			echo "bench: $label: command failed (not installed?); row left out" >&2
			runs=-1
			break
		fi
		t1=$(now)
		t=$(echo "$t1 $t0" | awk '{ printf "%.4f", $1 - $2 }')
		times="$times $t"
		r=$(tail -1 "$tmp.rss")
		[ "$r" -gt "$rss" ] 2>/dev/null && rss=$r
		runs=$((runs + 1))
		awk -v t="$t" 'BEGIN { exit !(t > 60) }' && break
	done
	[ $runs -ge 0 ] || continue
	# The best run: on a shared VM the slow runs measure the neighbours.
	med=$(echo $times | tr ' ' '\n' | sort -n | head -n 1)
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$stage" "$bytes" "$med" \
		"$(awk -v b="$bytes" -v t="$med" 'BEGIN { v = (t > 0 ? b / t / 1e6 : 0); printf (v < 10 ? "%.3f" : "%.1f"), v }')" \
		"$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')" "$runs" >>"$tmp"
	tail -1 "$tmp" >&2
done <"$tmp.rows"
rm -f "$tmp.rows"
{
	printf '# %s; %s; %s; commit %s; load %s\n' "$(date -u +%Y-%m-%d)" \
		"$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')" \
		"$(nproc) cores, single-threaded runs" "$commit" \
		"$load to $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)"
	cat "$tmp"
} >$results
column -t -s "$(printf '\t')" "$tmp"
if [ "$results" != /dev/null ]; then
	bench/results.sh "$results" >bench/RESULTS.md
	echo "written to $results and bench/RESULTS.md"
fi
