#!/bin/sh
# make install into a DESTDIR puts every program and man page in place,
# make uninstall takes exactly those away again.
set -u
. "$ZH_TOP/tests/workflow-lib.sh"

d=$ZH_TMP/inst
rm -rf "$d"
mk() { make --no-print-directory -C "$ZH_TOP" DESTDIR="$d" PREFIX=/usr "$@"; }

if ! mk install >"$ZH_TMP/inst.log" 2>&1; then
	fail "make install DESTDIR PREFIX=/usr" "$(tail -n 3 "$ZH_TMP/inst.log" | tr '\n' ' ')"
	exit 0
fi
pass "make install DESTDIR PREFIX=/usr"

# What should be there: one program per tools/ directory, every man page.
want=$ZH_TMP/inst.want
: >"$want"
for t in "$ZH_TOP"/tools/*/; do
	echo "usr/bin/zh-$(basename "$t")" >>"$want"
done
for m in "$ZH_TOP"/man/*.[1-9]; do
	[ -f "$m" ] || continue
	echo "usr/share/man/man${m##*.}/$(basename "$m")" >>"$want"
done
n=0
missing=
while IFS= read -r f; do
	n=$((n + 1))
	case $f in
	usr/bin/*) [ -x "$d/$f" ] && [ -f "$d/$f" ] || missing="$missing $f" ;;
	*) [ -s "$d/$f" ] || missing="$missing $f" ;;
	esac
done <"$want"
if [ -z "$missing" ]; then
	pass "installed $n files (programs and man pages)"
else
	fail "installed every program and man page" "missing:$missing"
fi
grep -q '^usr/share/man/man7/zhtsv.7$' "$want" && [ -s "$d/usr/share/man/man7/zhtsv.7" ] &&
    pass "zhtsv.7 installed" || fail "zhtsv.7 installed" "not in $d/usr/share/man/man7"

# Installed programs work from their new place as in the build tree
# (placeholders exit 2 in both).
bad=
for p in "$d"/usr/bin/zh-*; do
	"$ZH_TOP/bin/${p##*/}" --version >/dev/null 2>&1 || continue
	"$p" --version >/dev/null 2>&1 || bad="$bad ${p##*/}"
done
[ -z "$bad" ] && pass "installed programs run" || fail "installed programs run" "failed:$bad"

if command -v mandoc >/dev/null 2>&1; then
	out=$(mandoc -Tlint -Wwarning "$d"/usr/share/man/man*/* 2>&1)
	[ -z "$out" ] && pass "installed man pages lint clean" ||
	    fail "installed man pages lint clean" "$(echo "$out" | head -n 1)"
fi

if ! mk uninstall >"$ZH_TMP/inst.log" 2>&1; then
	fail "make uninstall" "$(tail -n 3 "$ZH_TMP/inst.log" | tr '\n' ' ')"
	exit 0
fi
left=$(cd "$d" && find . -type f | sed 's|^\./||')
if [ -z "$left" ]; then
	pass "make uninstall removes every installed file"
else
	fail "make uninstall removes every installed file" "left: $(echo "$left" | head -n 3 | tr '\n' ' ')"
fi
rm -rf "$d"
exit 0
