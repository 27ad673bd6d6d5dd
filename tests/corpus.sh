#!/bin/sh
# Makes a corpus of N report files in mixed encodings from UTF-8 reports,
# the way a crawl delivers them:
#
#	tests/corpus.sh N DIR REPORT...
#
# Copy k of a report differs from every other copy by its first line
# (copy k) and by its digits, rotated by k mod 10, so that no two files
# are the same.  Of every 10 copies one is GB18030, one GB18030 and
# gzip-compressed, one gzip-compressed UTF-8, one CRLF, and one of a
# traditional-script report (a report with 們/區/國) is Big5; the rest
# stay UTF-8.  DIR/empty.txt is an empty report.  Files are named
# cKKKKK-I.txt[.gz] (copy K of the I-th report).  Prints nothing; the
# files are the result.
set -eu
[ $# -ge 3 ] || { echo "usage: tests/corpus.sh N DIR REPORT..." >&2; exit 2; }
n=$1 dir=$2
shift 2
rm -rf "$dir"
mkdir -p "$dir"
: >"$dir/empty.txt"
LC_ALL=C awk -v dir="$dir" -v want="$n" '
BEGIN {
	for (i = 1; i < ARGC; i++) {
		m = 0
		while ((getline line < ARGV[i]) > 0) {
			m++
			for (r = 0; r < 10; r++) {
				t = line
				if (r && line ~ /[0-9]/) {
					t = ""
					for (p = 1; p <= length(line); p++) {
						ch = substr(line, p, 1)
						if (ch >= "0" && ch <= "9")
							ch = (ch + r) % 10
						t = t ch
					}
				}
				src[i, m, r] = t
			}
		}
		len[i] = m
	}
	made = 1
	for (k = 0; made < want; k++)
		for (i = 1; i < ARGC && made < want; i++) {
			f = sprintf("%s/c%05d-%d.txt", dir, k, i)
			print "copy " k > f
			for (j = 1; j <= len[i]; j++)
				print src[i, j, k % 10] > f
			close(f)
			made++
		}
	exit
}' "$@"
for f in "$dir"/c*.txt; do
	k=${f##*/c}
	k=$((1${k%%-*} % 10))
	case $k in
	1) iconv -c -f UTF-8 -t GB18030 "$f" >"$f.tmp" && mv "$f.tmp" "$f" ;;
	2) iconv -c -f UTF-8 -t GB18030 "$f" | gzip -n >"$f.gz" && rm "$f" ;;
	3) gzip -n "$f" ;;
	4) sed 's/$/\r/' "$f" >"$f.tmp" && mv "$f.tmp" "$f" ;;
	5) if grep -q -e '們' -e '區' -e '國' "$f"; then
		iconv -c -f UTF-8 -t BIG5 "$f" >"$f.tmp" && mv "$f.tmp" "$f"
	   fi ;;
	esac
done
