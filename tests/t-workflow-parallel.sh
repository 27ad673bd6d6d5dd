#!/bin/sh
# Scale-out: what GNU parallel makes of the seed corpus equals a serial
# run.  Line-local programs (zh-extract-numbers, zh-tag-entities) must
# give the same bytes whatever the split (4 KB blocks, so a block ends in
# the middle of a report); zh-split-sections, document-level, must give
# the same rows when the stream is sharded on the doc column.
set -u
. "$ZH_TOP/tests/workflow-lib.sh"

need_seeds parallel || exit 0
if ! command -v parallel >/dev/null 2>&1; then
	skip "parallel" "GNU parallel not installed (make deps)"
	exit 0
fi
need parallel normalize || exit 0

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

set -- "$ZH_SEEDS"/* "$ZH_TOP/examples/report.txt" "$ZH_TOP/examples/report-trad.txt"
"$bin/zh-normalize" "$@" >"$t/norm.tsv" 2>/dev/null
# The line-local programs read the richest rows there are.
in=$t/norm.tsv
if have split-sections; then
	"$bin/zh-split-sections" "$t/norm.tsv" >"$t/sect.tsv" 2>/dev/null
	in=$t/sect.tsv
fi

# A 4k block must really cut the input into many jobs, or the test
# proves nothing.
$P --pipe --block 4k --joblog "$t/jobs" cat <"$in" >/dev/null
jobs=$(($(wc -l <"$t/jobs") - 1))
if [ "$jobs" -ge 8 ]; then
	pass "parallel --pipe --block 4k splits the seeds into $jobs jobs"
else
	fail "parallel --pipe --block 4k splits the seeds into several jobs" "$jobs jobs"
fi

for p in extract-numbers tag-entities; do
	if ! have "$p"; then
		skip "parallel zh-$p" "zh-$p not built yet"
		continue
	fi
	"$bin/zh-$p" <"$in" >"$t/$p.serial" 2>/dev/null
	$P --pipe --block 4k -k "$bin/zh-$p" <"$in" >"$t/$p.pipe" 2>/dev/null
	same "parallel --pipe --block 4k zh-$p equals serial" "$t/$p.serial" "$t/$p.pipe"
	$P --pipe-part -a "$in" --block 4k -k "$bin/zh-$p" >"$t/$p.part" 2>/dev/null
	same "parallel --pipe-part --block 4k zh-$p equals serial" "$t/$p.serial" "$t/$p.part"
	# ":" is this machine, reached through parallel's remote code path.
	$P -S : --pipe --block 4k -k "$bin/zh-$p" <"$in" >"$t/$p.ssh" 2>/dev/null
	same "parallel -S : --pipe zh-$p equals serial" "$t/$p.serial" "$t/$p.ssh"
done

if have split-sections; then
	LC_ALL=C sort "$t/sect.tsv" >"$t/sect.sorted"
	$P --pipe --shard 1 --colsep '\t' "$bin/zh-split-sections" <"$t/norm.tsv" 2>/dev/null |
	    LC_ALL=C sort >"$t/sect.shard"
	same "parallel --shard on doc: zh-split-sections equals serial after sort" \
	    "$t/sect.sorted" "$t/sect.shard"
	# One job per report, output kept in argument order: equal as is.
	$P -k "'$bin/zh-normalize' {} | '$bin/zh-split-sections'" ::: "$@" \
	    >"$t/sect.files" 2>/dev/null
	same "parallel per-report jobs: zh-normalize | zh-split-sections equals serial" \
	    "$t/sect.tsv" "$t/sect.files"
	$P -S : -k "'$bin/zh-normalize' {} | '$bin/zh-split-sections'" ::: "$@" \
	    >"$t/sect.sshfiles" 2>/dev/null
	same "parallel -S : per-report jobs equal serial" "$t/sect.tsv" "$t/sect.sshfiles"
else
	skip "parallel zh-split-sections" "zh-split-sections not built yet"
fi
exit 0
