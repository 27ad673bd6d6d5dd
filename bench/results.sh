#!/bin/sh
# Prints bench/RESULTS.md from the results of make bench: the machine,
# date and commit of the run, every row, and each program's speed against
# its reference command (the pairs of bench/compare.tsv).
#   bench/results.sh [RESULTS.TSV [COMPARE.TSV]] >bench/RESULTS.md
# The output depends on these files and on bench/run.sh's description of
# its stages only, so tests/t-bench-results.sh can check that the
# committed RESULTS.md is the one its results.tsv gives.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
res=${1:-$here/results.tsv}
cmp=${2:-$here/compare.tsv}
[ -r "$res" ] || { echo "results.sh: cannot read $res" >&2; exit 1; }
[ -r "$cmp" ] || { echo "results.sh: cannot read $cmp" >&2; exit 1; }
export LC_ALL=C

# The stages of bench/run.sh's header comment: "#   NAME  text" lines
# and their indented continuations, as "NAME<TAB>text".
stages() {
	awk '
	/^#.*Stages:$/ { on = 1; next }
	on && /^#   [a-z]/ {
		if (name != "") print name "\t" text
		name = $2
		text = $0
		sub(/^#   [^ ]+ +/, "", text)
		next
	}
	on && /^#     / && name != "" {
		t = $0
		sub(/^# +/, "", t)
		text = text " " t
		next
	}
	on { if (name != "") print name "\t" text; exit }' "$here/run.sh"
}

stages >"${TMPDIR:-/tmp}/zhtsv-stages.$$"
trap 'rm -f "${TMPDIR:-/tmp}/zhtsv-stages.$$"' EXIT
awk -F '\t' -v stagefile="${TMPDIR:-/tmp}/zhtsv-stages.$$" -v cmpfile="$cmp" '
function num(v) { return v + 0 }
# A ratio with the digits that mean something: 5,417×, 68×, 1.42×, 0.0015×.
function ratio(a, b,  r, s, i) {
	if (b <= 0) return "-"
	r = a / b
	if (r >= 100) {
		s = sprintf("%d", r + 0.5)
		for (i = length(s) - 3; i > 0; i -= 3)
			s = substr(s, 1, i) "," substr(s, i + 1)
		return s "×"
	}
	if (r >= 10) return sprintf("%d×", r + 0.5)
	return sprintf("%.3g×", r)
}
function field(s, name,  n, i, f) {	# "commit abc" among "; " parts
	n = split(s, f, /; /)
	for (i = 1; i <= n; i++)
		if (index(f[i], name " ") == 1) return substr(f[i], length(name) + 2)
	return ""
}
NR == 1 && /^# / {
	meta = substr($0, 3)
	n = split(meta, m, /; /)
	date = m[1]; cpu = m[2]; cores = m[3]
	commit = field(meta, "commit"); load = field(meta, "load")
	next
}
$1 == "label" { next }
{
	rows++
	label[rows] = $1; stage[rows] = $2; mb[rows] = $3 / 1e6
	rate[rows] = $5; rss[rows] = $6; runs[rows] = $7
	byname[$1] = $5
	st = $2; sub(/:.*/, "", st); used[st] = 1
}
END {
	if (rows == 0) { print "results.sh: no rows" > "/dev/stderr"; exit 1 }
	print "# Benchmark results"
	print ""
	print "Made by `make bench` (bench/run.sh, then bench/results.sh) from"
	print "[results.tsv](results.tsv); run it again rather than edit this file."
	print ""
	print "| run | |"
	print "|---|---|"
	printf "| date | %s |\n", date != "" ? date : "not recorded"
	printf "| machine | %s; %s |\n", cpu != "" ? cpu : "CPU not recorded", cores
	printf "| commit | %s |\n", commit != "" ? commit : "not recorded"
	printf "| load average (1 min) at the start and end | %s |\n", load != "" ? load : "not recorded"
	print ""
	print "Each row is one command over one stage of the benchmark corpus, in one"
	print "process: wall time, the best of `runs` runs (one when a run takes over"
	print "a minute), MB/s in 10^6 bytes of the stage input per second, and the"
	print "peak resident memory of the command.  On a machine shared with other"
	print "work the best run is the least disturbed one, and figures fall with"
	print "the load: compare rows of one run, not runs."
	print ""
	print "| command | stage | MB | MB/s | peak RSS MB | runs |"
	print "|---|---|---:|---:|---:|---:|"
	for (i = 1; i <= rows; i++)
		printf "| %s | %s | " (mb[i] < 10 ? "%.2f" : "%.0f") " | %s | %s | %s |\n", label[i], stage[i], mb[i], rate[i], rss[i], runs[i]
	print ""
	print "## Against the references"
	print ""
	print "MB/s of the program divided by MB/s of the reference in the same run"
	print "(pairs from bench/compare.tsv; a reference on a slice is timed on the"
	print "slice only)."
	print ""
	print "| program | reference | ratio | compared |"
	print "|---|---|---:|---|"
	while ((getline line < cmpfile) > 0) {
		if (line ~ /^#/ || line == "") continue
		split(line, c, "\t")
		if (!(c[1] in byname) || !(c[2] in byname)) continue
		printf "| %s | %s | %s | %s |\n", c[1], c[2], ratio(num(byname[c[1]]), num(byname[c[2]])), c[3]
	}
	print ""
	print "## Stages"
	print ""
	while ((getline line < stagefile) > 0) {
		split(line, s, "\t")
		if (s[1] in used) printf "- `%s`: %s\n", s[1], s[2]
	}
}' "$res"
