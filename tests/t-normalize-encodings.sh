#!/bin/sh
# The same document in every encoding gives byte-identical output, and
# the detector names the encoding.  The encodings are made here with
# iconv and gzip from the one UTF-8 fixture.
: "${ZH_BIN:?}" "${ZH_TOP:?}" "${ZH_TMP:?}"
Z=$ZH_BIN/zh-normalize
T=$ZH_TMP/nenc
F=$ZH_TOP/tests/normalize/fixture.txt
mkdir -p "$T"
cd "$T" || exit 1
rm -f doc.*
cp "$F" doc.utf8
(printf '\357\273\277'; cat "$F") >doc.utf8bom
iconv -f UTF-8 -t UTF-16LE "$F" >doc.u16le
iconv -f UTF-8 -t UTF-16BE "$F" >doc.u16be
(printf '\377\376'; cat doc.u16le) >doc.u16lebom
(printf '\376\377'; cat doc.u16be) >doc.u16bebom
iconv -f UTF-8 -t GB18030 "$F" >doc.gb18030
gzip -cn "$F" >doc.gzip
(head -c 300 "$F" | gzip -cn; tail -c +301 "$F" | gzip -cn) >doc.gzip2
iconv -f UTF-8 -t GB18030 "$F" | gzip -cn >doc.gbgzip
sed 's/$/\r/' "$F" >doc.crlf
tr '\n' '\r' <"$F" >doc.cr
iconv -f UTF-8 -t UTF-16LE "$F" | gzip -cn >doc.u16gzip
for f in doc.*; do
	"$Z" --keep-chrome --doc D - <"$f" >"$f.out" 2>"$f.err"
done
"$Z" --keep-chrome --doc D - <doc.utf8 >want
ok=1
for f in doc.*; do
	case $f in *.out|*.err) continue ;; esac
	if ! cmp -s want "$f.out" || [ -s "$f.err" ]; then
		echo "FAIL: normalize same output from $f ($(head -c 200 "$f.err"))"
		ok=0
	fi
done
[ $ok = 1 ] && echo "PASS: normalize byte-identical output in every encoding"
"$Z" --meta meta doc.* >/dev/null 2>&1
got=$(cut -f1,3 meta | tr '\t\n' ': ')
for e in UTF-8 UTF-8-BOM UTF-16LE UTF-16BE UTF-16LE-BOM UTF-16BE-BOM GB18030; do
	case " $got" in *":$e "*) ;; *) echo "FAIL: normalize detects $e (got $got)"; ok=0 ;; esac
done
[ $ok = 1 ] && echo "PASS: normalize names every encoding"
if command -v opencc >/dev/null 2>&1; then
	# Big5 cannot hold NBSP: the traditional copy uses U+3000 instead.
	opencc -c s2tw -i "$F" -o trad.tmp
	sed 's/\xc2\xa0/\xe3\x80\x80/g' trad.tmp >trad.utf8
	iconv -f UTF-8 -t CP950 trad.utf8 >trad.big5
	"$Z" --doc D - <trad.utf8 >t1
	"$Z" --doc D - <trad.big5 >t2
	if cmp -s t1 t2 && [ -s t1 ]; then
		echo "PASS: normalize Big5 output equals UTF-8 output"
	else
		echo "FAIL: normalize Big5 output equals UTF-8 output"
	fi
	# Each paragraph alone (40+ characters) must be detected right too.
	grep -E '.{40,}' trad.utf8 | while IFS= read -r l; do
		printf '%s\n' "$l" | iconv -f UTF-8 -t CP950 >p.big5 || continue
		printf '%s\n' "$l" | iconv -f UTF-8 -t GB18030 >p.gb
		a=$("$Z" --meta /dev/stderr --doc p - <p.big5 2>&1 >/dev/null | cut -f3)
		b=$("$Z" --meta /dev/stderr --doc p - <p.gb 2>&1 >/dev/null | cut -f3)
		[ "$a" = BIG5 ] && [ "$b" = GB18030 ] || echo "$a $b"
	done >short.bad
	grep -E '.{40,}' "$F" | while IFS= read -r l; do
		printf '%s\n' "$l" | iconv -f UTF-8 -t GB18030 >p.gb
		b=$("$Z" --meta /dev/stderr --doc p - <p.gb 2>&1 >/dev/null | cut -f3)
		[ "$b" = GB18030 ] || echo "simplified: $b"
	done >>short.bad
	if [ ! -s short.bad ]; then
		echo "PASS: normalize detects GB18030 and Big5 on single paragraphs"
	else
		echo "FAIL: normalize detects GB18030 and Big5 on single paragraphs ($(head -3 short.bad | tr '\n' '|'))"
	fi
else
	echo "SKIP: normalize Big5 (no opencc to make the traditional text)"
fi
