#!/bin/sh
# Bad input: each bad file gets a clear message naming it, the good file
# after it is still processed, and the status is 1 at the end.
: "${ZH_BIN:?}" "${ZH_TOP:?}" "${ZH_TMP:?}"
Z=$ZH_BIN/zh-normalize
T=$ZH_TMP/nbad
F=$ZH_TOP/tests/normalize/fixture.txt
mkdir -p "$T"
cd "$T" || exit 1
. "$ZH_TOP/tests/hardening-lib.sh"
"$Z" --doc good - <"$F" >want.body
good_rows=$(wc -l <want.body)

as=             # the command that runs zh-normalize: as_nobody or none
check() {       # name expected-status message-regex file...
	name=$1 want=$2 msg=$3
	shift 3
	$as "$Z" "$@" good.txt >out 2>err
	rc=$?
	rows=$(awk -F'\t' '$1 == "good"' out | wc -l)
	if [ $rc -eq "$want" ] && [ "$rows" -eq "$good_rows" ] &&
	    { [ "$msg" = - ] || grep -Eq "$msg" err; }; then
		echo "PASS: normalize bad input: $name"
	else
		echo "FAIL: normalize bad input: $name (status $rc, $rows good rows, stderr: $(head -c 200 err))"
	fi
}
cp "$F" good.txt
check nonexistent 1 'nosuch\.txt: No such file' nosuch.txt
mkdir -p adir
check directory 1 'adir: is a directory' adir
: >empty.txt
check "empty file (no rows, no error)" 0 - empty.txt
[ -s err ] && echo "FAIL: normalize empty file is silent ($(cat err))"
head -c 20000 /dev/urandom >binary.bin
check binary 1 'binary\.bin: binary data' binary.bin
gzip -cn "$F" | head -c 300 >trunc.gz
check "truncated gzip" 1 'trunc\.gz: truncated gzip stream' trunc.gz
printf 'abc\000def\000\000ghi\nsecond\000line\n' >nul.txt
check "NUL bytes" 0 - nul.txt
nulrows=$(awk -F'\t' '$1 == "nul"' out | cut -f4 | tr '\n' '|')
[ "$nulrows" = "abc def ghi|second line|" ] && echo "PASS: normalize NUL bytes become spaces" ||
	echo "FAIL: normalize NUL bytes become spaces ($nulrows)"
if [ "$(id -u)" != 0 ]; then
	cp "$F" unreadable.txt
	chmod 000 unreadable.txt
	check unreadable 1 'unreadable\.txt: Permission denied' unreadable.txt
	chmod 644 unreadable.txt
elif ! nobody_init || ! nobody_prog "$Z"; then
	echo "SKIP: normalize bad input: unreadable ($NOBODY_WHY)"
	nobody_done
else
	# as nobody, from copies nobody can reach (see tests/hardening-lib.sh)
	cp "$F" "$NOBODY_DIR/good.txt"
	cp "$F" "$NOBODY_DIR/unreadable.txt"
	chmod 644 "$NOBODY_DIR/good.txt"
	chmod 000 "$NOBODY_DIR/unreadable.txt"
	(cd "$NOBODY_DIR" && Z=$nbin as=as_nobody && check "unreadable (as nobody)" 1 \
	    'unreadable\.txt: Permission denied' unreadable.txt)
	nobody_done
fi
# 100 MB on one line: no length limit, constant work per byte.
head -c 100000000 /dev/zero | tr '\0' 'a' >long.txt
"$Z" long.txt good.txt >out 2>err
rc=$?
# (awk and grep are far too slow on a 100 MB field: cut only)
len=$(head -n 1 out | cut -f4 | wc -c)
rows=$(cut -f1 out | grep -c '^good$')
first=$(cut -f1 out | head -n 1)
if [ $rc -eq 0 ] && [ "$first" = long ] && [ "$len" -eq 100000001 ] && [ "$rows" -eq "$good_rows" ]; then
	echo "PASS: normalize 100 MB single line"
else
	echo "FAIL: normalize 100 MB single line (status $rc, length $len)"
fi
rm -f long.txt out
