#!/bin/sh
# zh-extract-numbers against the hand-annotated stress texts
# tests/extract-numbers/qa-*.src (fixtures written for the project, see
# qa-stress.py): precision and recall on (span, value, unit) must stay at
# or above 0.99, and every miss or extra row is named.  The golden .out
# files pin the whole output; this test pins the annotation, so that a
# regenerated .out cannot silently accept a wrong value.
set -u
: "${ZH_BIN:?}" "${ZH_TOP:?}" "${ZH_TMP:?}"
X=$ZH_BIN/zh-extract-numbers
D=$ZH_TOP/tests/extract-numbers
T=$ZH_TMP/xn-qa
mkdir -p "$T"
for c in qa-stress qa-hard qa-extra qa-blind; do
	if [ ! -f "$D/$c.in" ] || [ ! -f "$D/$c.gold" ]; then
		echo "FAIL: extract-numbers $c (no $c.in or $c.gold)"
		continue
	fi
	"$X" <"$D/$c.in" >"$T/$c.out" 2>"$T/$c.err"
	awk -F'\t' -v OFS='\t' '
		FNR == NR { g[$1 OFS $2 OFS $3 OFS $4 OFS $5 OFS $6]++; ng++; next }
		{
			k = $1 OFS $2 OFS $4 OFS $5 OFS $6 OFS $7
			np++
			if (g[k] > 0) { g[k]--; tp++ } else bad = bad " extra:" $2 ":" $11
		}
		END {
			for (k in g) if (g[k] > 0) { split(k, a, OFS); bad = bad " miss:" a[2] ":" a[3] }
			p = np ? tp / np : 0; r = ng ? tp / ng : 0
			printf "precision %.3f (%d/%d) recall %.3f (%d/%d)%s\n", p, tp, np, r, tp, ng, substr(bad, 1, 300)
			exit !(p >= 0.99 && r >= 0.99)
		}' "$D/$c.gold" "$T/$c.out" >"$T/$c.pr"
	if [ $? -eq 0 ] && [ ! -s "$T/$c.err" ]; then
		echo "PASS: extract-numbers $c $(cat "$T/$c.pr")"
	else
		echo "FAIL: extract-numbers $c $(cat "$T/$c.pr") $(head -c 200 "$T/$c.err")"
	fi
done
