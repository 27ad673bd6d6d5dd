#!/bin/sh
# Scale-out: what GNU parallel makes of a corpus equals a serial run.
# The corpus is 80 reports made from the bundled ones (and the seeds,
# when there are any), so that 32 KB blocks end inside reports
# many times over.  zh-extract-numbers and zh-tag-entities must give the
# same bytes whatever the split once their document context is pinned,
# and with documents kept whole by --group-by; so must zh-split-sections
# with --group-by, without a word on standard error; per-report jobs
# give the same bytes.  (--shard is no way to keep documents whole: the
# shards of different blocks interleave, and on 2,000 reports one row in
# ten came out different.)
set -u
. "$ZH_TOP/tests/workflow-lib.sh"

if ! command -v parallel >/dev/null 2>&1; then
	skip "parallel" "GNU parallel not installed (make deps)"
	exit 0
fi

# parallel's remote wrapper runs the command with $SHELL and, without
# one (CI's environment has none), prints nothing and exits 0; a user's
# login shell always has it, so the test supplies it too.
SHELL=${SHELL:-/bin/sh}
HOME=${HOME:-$ZH_TMP}
export SHELL HOME
P="parallel --will-cite -j2"
t=$ZH_TMP/par
rm -rf "$t"
mkdir -p "$t"
bin=$ZH_BIN

# same NAME FILE-A FILE-B: byte-for-byte equality of two outputs.
same() {
	if [ ! -s "$2" ]; then
		fail "$1" "serial output is empty"
	elif cmp -s "$2" "$3"; then
		pass "$1"
	else
		fail "$1" "differs from serial: $(cmp "$2" "$3" 2>&1 | head -n 1)"
	fi
}

set -- "$ZH_TOP/examples/report.txt" "$ZH_TOP/examples/report-trad.txt"
[ -d "${ZH_SEEDS:-}" ] && set -- "$@" "$ZH_SEEDS"/*
sh "$ZH_TOP/tests/corpus.sh" 80 "$t/reports" "$@"
set -- "$t"/reports/*
if have normalize; then
	"$bin/zh-normalize" "$@" >"$t/norm.tsv" 2>/dev/null
else
	# Stand-in rows (doc line flags text) so the row programs are tested
	# before zh-normalize exists: equality does not need clean text.
	awk '{ d = FILENAME; sub(/.*\//, "", d); sub(/\.txt$/, "", d)
		sub(/\r$/, ""); gsub(/\t/, " ") }
	    $0 != "" { printf "%s\t%d\t\t%s\n", d, FNR, $0 }' "$@" >"$t/norm.tsv"
fi
# The line-local programs read the richest rows there are.
in=$t/norm.tsv
if have split-sections && have normalize; then
	"$bin/zh-split-sections" "$t/norm.tsv" >"$t/sect.tsv" 2>/dev/null
	in=$t/sect.tsv
fi

# Both row programs take defaults from a document's first rows (the year
# that 今年/上年度 refer to, the issuing place that 区委 and division codes
# are resolved in), so they are line-local once that context is pinned
# (--year; the context-free types) and otherwise need whole documents per
# job: --group-by 1 cuts blocks only where the doc column changes.
# Each parallel run costs a second or two, so every form of split is
# tested once, not for both programs.
if have extract-numbers; then
	x=$bin/zh-extract-numbers
	"$x" --year=2024 <"$in" >"$t/num.pinned" 2>/dev/null
	$P --pipe --block 32k -k --joblog "$t/jobs" "$x" --year=2024 <"$in" >"$t/num.pipe" 2>/dev/null
	# A 32k block must really cut the input into many jobs, or the test
	# proves nothing.
	jobs=$(($(wc -l <"$t/jobs") - 1))
	if [ "$jobs" -ge 8 ]; then
		pass "parallel --pipe --block 32k splits the corpus into $jobs jobs"
	else
		fail "parallel --pipe --block 32k splits the corpus into several jobs" "$jobs jobs"
	fi
	same "parallel --pipe --block 32k zh-extract-numbers --year=2024 equals serial" \
	    "$t/num.pinned" "$t/num.pipe"
	"$x" <"$in" >"$t/num.serial" 2>/dev/null
	$P --pipe --group-by 1 --block 32k -k "$x" <"$in" >"$t/num.group" 2>/dev/null
	same "parallel --pipe --group-by 1 zh-extract-numbers equals serial" \
	    "$t/num.serial" "$t/num.group"
	# ":" is this machine, reached through parallel's remote code path.
	$P -S : --pipe --group-by 1 --block 32k -k "$x" <"$in" >"$t/num.ssh" 2>/dev/null
	same "parallel -S : --pipe --group-by 1 zh-extract-numbers equals serial" \
	    "$t/num.serial" "$t/num.ssh"
	# ":" runs locally without ssh; a stand-in ssh that runs the remote
	# command here takes the real remote path (parallel's perl wrapper).
	cat >"$t/ssh" <<-'EOF'
	#!/bin/sh
	while [ $# -gt 0 ]; do case $1 in -*) shift ;; *) break ;; esac; done
	shift
	[ "${1:-}" = -- ] && shift
	exec sh -c "$*"
	EOF
	chmod +x "$t/ssh"
	$P --ssh "$t/ssh" -S 2/stand-in --pipe --group-by 1 --block 32k -k "$x" <"$in" \
	    >"$t/num.remote" 2>/dev/null
	same "parallel --ssh stand-in -S host --pipe zh-extract-numbers equals serial" \
	    "$t/num.serial" "$t/num.remote"
else
	skip "parallel zh-extract-numbers" "zh-extract-numbers not built yet"
fi

if have tag-entities; then
	x=$bin/zh-tag-entities
	"$x" --types=LAW,TERM,EVENT <"$in" >"$t/ent.pinned" 2>/dev/null
	$P --pipe-part -a "$in" --block 32k -k "$x" --types=LAW,TERM,EVENT >"$t/ent.part" 2>/dev/null
	same "parallel --pipe-part --block 32k zh-tag-entities --types=LAW,TERM,EVENT equals serial" \
	    "$t/ent.pinned" "$t/ent.part"
	"$x" <"$in" >"$t/ent.serial" 2>/dev/null
	$P --pipe-part -a "$in" --group-by 1 --block 32k -k "$x" >"$t/ent.group" 2>/dev/null
	same "parallel --pipe-part --group-by 1 zh-tag-entities equals serial" \
	    "$t/ent.serial" "$t/ent.group"
else
	skip "parallel zh-tag-entities" "zh-tag-entities not built yet"
fi

if have split-sections && have normalize; then
	x=$bin/zh-split-sections
	$P --pipe --group-by 1 --block 32k -k --joblog "$t/sjobs" "$x" <"$t/norm.tsv" \
	    >"$t/sect.group" 2>"$t/sect.err"
	jobs=$(($(wc -l <"$t/sjobs") - 1))
	same "parallel --pipe --group-by 1 --block 32k zh-split-sections equals serial ($jobs jobs)" \
	    "$t/sect.tsv" "$t/sect.group"
	if [ -s "$t/sect.err" ]; then
		fail "parallel --group-by 1 zh-split-sections: nothing on stderr" "$(head -n 1 "$t/sect.err")"
	elif [ "$jobs" -lt 8 ]; then
		fail "parallel --group-by 1 zh-split-sections: blocks cut the stream" "$jobs jobs"
	else
		pass "parallel --group-by 1 zh-split-sections: nothing on stderr"
	fi
	# One job per report, output kept in argument order: equal as is.
	$P -k "'$bin/zh-normalize' {} | '$bin/zh-split-sections'" ::: "$@" \
	    >"$t/sect.files" 2>/dev/null
	same "parallel per-report jobs: zh-normalize | zh-split-sections equals serial" \
	    "$t/sect.tsv" "$t/sect.files"
else
	skip "parallel zh-split-sections" "zh-normalize or zh-split-sections not built yet"
fi
exit 0
