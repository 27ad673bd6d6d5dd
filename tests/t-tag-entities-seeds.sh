#!/bin/sh
# zh-tag-entities on the seed reports: exact counts of 《》 titles and
# quoted terms, agency names found in full, generic words never tagged.
# The seeds are fed raw (doc, line, empty flags, text), as a user would
# before zh-normalize exists; expected names are agency names only.
set -u
: "${ZH_BIN:?}" "${ZH_TMP:?}"
bin=$ZH_BIN/zh-tag-entities
seeds=${ZH_SEEDS:-}
if [ -z "$seeds" ] || [ ! -d "$seeds" ]; then
	echo "SKIP: tag-entities seeds (no seed directory \$ZH_SEEDS)"
	exit 0
fi
out=$ZH_TMP/ent-seeds
mkdir -p "$out"

tag() {		# tag NNN: tags seed NNN into $out/NNN.tsv
	f=$(ls "$seeds"/"$1"_*.txt 2>/dev/null | head -n 1)
	[ -n "$f" ] || return 1
	awk -v d="$1" 'NF { print d "\t" NR "\t\t" $0 }' "$f" | "$bin" >"$out/$1.tsv" 2>"$out/$1.err"
}

# count NNN TYPE: rows of that type (column 6 after the 3 prefix columns)
count() {
	awk -F '\t' -v t="$2" '$6 == t' "$out/$1.tsv" | wc -l | tr -d ' '
}

# Titles: every 《》 (003 also cites one title in <> inside another).
# Terms: every “” pair (004's three quotes with pinyin insertions too:
# a quote is a term up to 64 characters).
while read -r n laws terms; do
	if ! tag "$n"; then
		echo "SKIP: tag-entities seed $n (not in $seeds)"
		continue
	fi
	got=$(count "$n" LAW)
	if [ "$got" = "$laws" ]; then echo "PASS: tag-entities seed $n titles ($laws)"
	else echo "FAIL: tag-entities seed $n titles (got $got, want $laws)"; fi
	got=$(count "$n" TERM)
	if [ "$got" = "$terms" ]; then echo "PASS: tag-entities seed $n terms ($terms)"
	else echo "FAIL: tag-entities seed $n terms (got $got, want $terms)"; fi
done <<'EOF2'
000 5 46
001 3 22
002 8 60
003 16 37
004 8 39
EOF2

# want NNN TYPE NAME...: each name must be a mention of TYPE, in full.
want() {
	n=$1 t=$2
	shift 2
	[ -s "$out/$n.tsv" ] || return 0
	miss=
	for name in "$@"; do
		awk -F '\t' -v t="$t" -v e="$name" '$6 == t && $9 == e { f = 1 } END { exit !f }' \
		    "$out/$n.tsv" || miss="$miss $name"
	done
	if [ -z "$miss" ]; then echo "PASS: tag-entities seed $n $t names ($#)"
	else echo "FAIL: tag-entities seed $n $t names (missing:$miss)"; fi
}

want 000 ORG 区委常委会 区政府党组 区委全面依法治区委员会 区投资促进中心 \
    新质生产力促进中心 营商环境投诉监督中心 企业合规建设委员会 \
    眼镜行业协会调委会 区委依法治区办 区营商环境投诉监督中心
want 001 ORG 深圳市罗湖区人民政府 街道党工委 \
    街道综合行政执法队 街道人民调解委员会 罗湖区人民法院 区交警大队 \
    区城管局 区市场监督管理局 东晓街道办
want 002 ORG 區委常委會 區委全面依法治區委員會 區法院 區檢察院 區委黨校
want 003 ORG 高新区综治局 区党工委 区管委会 高新区司法所 高新区综治中心 \
    市委政法委 高新区劳动争议人民调解委员会 区依法治区办 高新科创诉联法庭
want 000 EVENT 党的二十大 二十届三中全会 党的二十届三中全会
want 000 PLACE 深圳市 龙岗区 坂田 龙岗街道 园山街道 银荷社区 大湾区 新加坡
want 003 LAW 珠海经济特区国家高新技术产业开发区条例

# Norms: the issuer's place before a bare level word, division codes.
norm() {	# norm NNN TYPE ENTITY NORM
	[ -s "$out/$1.tsv" ] || return 0
	if awk -F '\t' -v t="$2" -v e="$3" -v n="$4" \
	    '$6 == t && $9 == e && $7 == n { f = 1 } END { exit !f }' "$out/$1.tsv"; then
		echo "PASS: tag-entities seed $1 norm $3"
	else
		echo "FAIL: tag-entities seed $1 norm $3 (want $4)"
	fi
}
norm 000 ORG 区委常委会 龙岗区委常委会
norm 001 ORG 街道党工委 东湖街道党工委
norm 003 ORG 市委政法委 珠海市委政法委
norm 003 ORG 区管委会 珠海高新技术产业开发区管委会
norm 000 PLACE 龙岗区 440307000000
norm 000 PLACE 银荷社区 440307020005

# Generic words and bare heads are never organisations; neither are
# kinds of department (市场监管部门: zhtsv(7), conventions).
bad=$(cat "$out"/*.tsv 2>/dev/null | awk -F '\t' '$6 == "ORG" && ($9 ~ /^(法治政府|各部门|相关部门|有关部门|部门|中心|委员会|局|办公室|执法部门|职能部门)$/ || $9 ~ /^(各|相关|有关)/ || $9 ~ /部门$/) { print $9 }' | sort -u | tr '\n' ' ')
if [ -z "$bad" ]; then echo "PASS: tag-entities seeds no generic ORG"
else echo "FAIL: tag-entities seeds no generic ORG (got: $bad)"; fi

# Precision first for people: only the leader's name, in all five.
bad=$(cat "$out"/*.tsv 2>/dev/null | awk -F '\t' '$6 == "PERSON" && $9 !~ /^(习近平|習近平)$/ { print $9 }' | sort -u | tr '\n' ' ')
if [ -z "$bad" ]; then echo "PASS: tag-entities seeds PERSON precision"
else echo "FAIL: tag-entities seeds PERSON precision (got: $bad)"; fi

errs=$(cat "$out"/*.err 2>/dev/null | grep -v 'invalid UTF-8' | head -3)
if [ -z "$errs" ]; then echo "PASS: tag-entities seeds no diagnostics"
else echo "FAIL: tag-entities seeds no diagnostics ($errs)"; fi
