#!/bin/sh
# Runs every recipe of examples/cookbook.sh on the seed reports, and checks
# that man/zhtsv.7, the one place of the recipes, carries exactly the
# rendered cookbook.  Recipes with mlr run when Miller is installed.
set -u
. "$ZH_TOP/tests/workflow-lib.sh"

book=$ZH_TOP/examples/cookbook.sh
render=$ZH_TOP/examples/cookbook-render.sh

# between FILE BEGIN END: the lines strictly between two marker lines.
between() {
	B="$2" E="$3" awk 'BEGIN { b = ENVIRON["B"]; e = ENVIRON["E"] } $0 == e { f = 0 } f { print } $0 == b { f = 1 }' "$1"
}
# same_block FORMAT FILE BEGIN END: the file carries the rendered cookbook.
same_block() {
	sh "$render" "$1" >"$ZH_TMP/cb.want"
	between "$2" "$3" "$4" >"$ZH_TMP/cb.have"
	if cmp -s "$ZH_TMP/cb.want" "$ZH_TMP/cb.have"; then
		pass "cookbook in $(basename "$2") matches examples/cookbook.sh"
	else
		fail "cookbook in $(basename "$2") matches examples/cookbook.sh" \
		    "run examples/cookbook-render.sh --update"
	fi
}
same_block mdoc "$ZH_TOP/man/zhtsv.7" '.\" BEGIN cookbook' '.\" END cookbook'

# Split the book into r/N.title, r/N.exp (regexes), r/N.cmd.
r=$ZH_TMP/cb.r
rm -rf "$r"
mkdir -p "$r"
awk -v d="$r" '
	/^#: / { n++; t = substr($0, 4); print t > (d "/" n ".title"); close(d "/" n ".title")
		printf "" > (d "/" n ".exp"); inr = 1; next }
	/^#\? / && inr { print substr($0, 4) >> (d "/" n ".exp"); close(d "/" n ".exp"); next }
	/^#/ || /^$/ { next }
	inr { print > (d "/" n ".cmd"); close(d "/" n ".cmd"); inr = 0 }
	END { print n + 0 > (d "/count") }' "$book"
nrec=$(cat "$r/count")
if [ "$nrec" -ge 8 ] && [ "$nrec" -le 16 ]; then
	pass "cookbook has $nrec recipes"
else
	fail "cookbook has 8-16 recipes" "found $nrec"
fi

need_seeds cookbook || exit 0

# The recipes' working directory: reports/ holds the seeds, district/ two
# of them standing for two years of one district, out/ the workflow tables.
w=$ZH_TMP/cb.work
rm -rf "$w"
mkdir -p "$w/reports" "$w/district"
for f in "$ZH_SEEDS"/*; do
	ln -s "$f" "$w/reports/"
done
set -- "$ZH_SEEDS"/*
ln -s "$1" "$w/district/2023.txt"
ln -s "$2" "$w/district/2024.txt"
tables=no
if have_all; then
	if make -s -C "$ZH_TOP/examples" RAW="$w/reports" OUT="$w/out" -j2 >"$ZH_TMP/cb.make" 2>&1; then
		tables=yes
	else
		fail "cookbook workflow tables" "make failed: $(tail -n 3 "$ZH_TMP/cb.make" | tr '\n' ' ')"
	fi
fi

i=0
while [ "$i" -lt "$nrec" ]; do
	i=$((i + 1))
	name="cookbook $i: $(cat "$r/$i.title")"
	missing=
	for p in $(grep -o 'zh-[a-z-]*' "$r/$i.cmd" | sort -u); do
		have "${p#zh-}" || missing="${missing:+$missing }$p"
	done
	if [ -n "$missing" ]; then
		skip "$name" "$missing not built yet"
		continue
	fi
	if grep -q '| mlr ' "$r/$i.cmd" && ! command -v mlr >/dev/null 2>&1; then
		skip "$name" "Miller (mlr) not installed (make deps)"
		continue
	fi
	if grep -q 'out/' "$r/$i.cmd" && [ "$tables" = no ]; then
		skip "$name" "workflow tables not made: a program is not built yet"
		continue
	fi
	(cd "$w" && PATH="$ZH_BIN:$PATH" bash -c "$(cat "$r/$i.cmd")") \
	    >"$r/$i.out" 2>"$r/$i.err"
	rc=$?
	why=
	[ $rc -eq 0 ] || why="exit status $rc"
	# Programs may warn (zh-x: file:line: ...); anything else on stderr is
	# a broken recipe (awk, sort or join complaining).
	bad=$(grep -v '^zh-[a-z-]*: ' "$r/$i.err" | head -n 1)
	[ -z "$bad" ] || why="${why:+$why; }stderr: $bad"
	[ -s "$r/$i.out" ] || why="${why:+$why; }no output"
	while IFS= read -r re; do
		grep -Eq -- "$re" "$r/$i.out" || why="${why:+$why; }no line matches /$re/"
	done <"$r/$i.exp"
	if [ -z "$why" ]; then
		pass "$name"
	else
		fail "$name" "$why"
	fi
done
exit 0
