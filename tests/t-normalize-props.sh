#!/bin/sh
# Every input line is accounted for, over all fixtures and seeds:
#   lines in = rows out + blank + chrome dropped   (default)
#   lines in = rows out + blank                    (--keep-chrome)
# where lines in is also counted independently of zh-normalize, rows out
# is counted on its output, and the --meta counts agree with both.
: "${ZH_BIN:?}" "${ZH_TOP:?}" "${ZH_TMP:?}"
Z=$ZH_BIN/zh-normalize
T=$ZH_TMP/nprops
mkdir -p "$T"
set -- "$ZH_TOP"/tests/normalize/*.txt "$ZH_TOP"/tests/normalize/*.in
if [ -n "${ZH_SEEDS:-}" ] && [ -d "$ZH_SEEDS" ]; then
	set -- "$@" "$ZH_SEEDS"/*.txt
else
	echo "SKIP: normalize properties on seeds (no seeds)"
fi
fails=0 n=0
for f in "$@"; do
	[ -s "$f" ] || continue
	n=$((n + 1))
	"$Z" --meta "$T/m1" "$f" >"$T/o1" 2>/dev/null
	"$Z" --keep-chrome --meta "$T/m2" "$f" >"$T/o2" 2>/dev/null
	rows1=$(wc -l <"$T/o1")
	rows2=$(wc -l <"$T/o2")
	# lines_in lines_out blank chrome
	set -- $(cut -f8-11 "$T/m1") $(cut -f8-11 "$T/m2")
	[ $# -eq 8 ] || { echo "FAIL: normalize accounting $f (no meta row)"; fails=$((fails + 1)); continue; }
	why=
	[ "$1" -eq $(($2 + $3 + $4)) ] || why="$why in $1 != out $2 + blank $3 + chrome $4;"
	[ "$5" -eq $(($6 + $7)) ] || why="$why keep: in $5 != out $6 + blank $7;"
	[ "$rows1" -eq "$2" ] || why="$why rows $rows1 != meta $2;"
	[ "$rows2" -eq "$6" ] || why="$why keep rows $rows2 != meta $6;"
	[ "$4" -eq "$8" ] || why="$why chrome $4 != kept chrome $8;"
	[ $((rows2 - rows1)) -eq "$4" ] || why="$why kept-dropped $((rows2 - rows1)) != chrome $4;"
	# Independent line count for text files: LF or CRLF lines, a last
	# line without newline counts too.  An HTML page counts the lines
	# of its text, not of its source.
	case $(basename "$f") in html-*) ;; *)
	case $(cut -f3 "$T/m1") in
	UTF-8|UTF-8-BOM)
		if ! tr -d '\n' <"$f" | LC_ALL=C grep -q "$(printf '\r')"; then
			ind=$(awk 'END { print NR }' "$f")
			[ "$ind" -eq "$1" ] || why="$why awk counts $ind lines, meta $1;"
		fi ;;
	esac ;;
	esac
	if [ -n "$why" ]; then
		echo "FAIL: normalize accounting $(basename "$f"):$why"
		fails=$((fails + 1))
	fi
done
[ "$fails" -eq 0 ] && echo "PASS: normalize accounting over $n inputs"
[ "$n" -gt 10 ] || echo "FAIL: normalize accounting saw only $n inputs"
