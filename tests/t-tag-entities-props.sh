#!/bin/sh
# Properties of zh-tag-entities output on every input we have (the seeds
# when present, the example report, the golden fixtures): the offsets
# slice the unescaped text to exactly the entity; rows are in text
# order; a parent encloses its child; and pathological lines finish.
set -u
: "${ZH_BIN:?}" "${ZH_TMP:?}" "${ZH_TOP:?}"
bin=$ZH_BIN/zh-tag-entities
t=$ZH_TMP/ent-props
mkdir -p "$t"

# Inputs: one doc per source file, rows "doc<TAB>line<TAB>text".
: >"$t/in.tsv"
n=0
for f in ${ZH_SEEDS:+"$ZH_SEEDS"/*.txt} "$ZH_TOP"/examples/report.txt "$ZH_TOP"/examples/report-trad.txt; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	awk -v d="d$n" 'NF { gsub(/\\/, "\\\\"); print d "\t" NR "\t" $0 }' "$f" >>"$t/in.tsv"
done
for f in "$ZH_TOP"/tests/tag-entities/*.in; do
	# edge.in holds invalid bytes, NULs and CRs on purpose: golden only.
	case $f in */edge.in) continue ;; esac
	n=$((n + 1))
	# Fixtures already are rows; keep their last column as the text.
	awk -F '\t' -v d="f$n" 'NF { print d "\t" NR "\t" $NF }' "$f" >>"$t/in.tsv"
done
"$bin" <"$t/in.tsv" >"$t/out.tsv" 2>"$t/err"
rows=$(wc -l <"$t/out.tsv" | tr -d ' ')

perl -e '
use strict; use warnings;
binmode STDOUT, ":encoding(UTF-8)";
sub unesc { my $s = shift; $s =~ s/\\(.)/$1 eq "t" ? "\t" : $1 eq "n" ? "\n" : $1 eq "r" ? "\r" : $1 eq "\\" ? "\\" : "\\$1"/ge; return $s; }
my %text;
open my $in, "<:encoding(UTF-8)", $ARGV[0] or die;
while (<$in>) { chomp; my @f = split /\t/, $_, -1; $text{"$f[0]\t$f[1]"} = unesc($f[-1]); }
open my $out, "<:encoding(UTF-8)", $ARGV[1] or die;
my ($slice, $order, $nest, $types) = (0, 0, 0, 0);
my ($key0, $s0, $e0) = ("", -1, -1);
my %spans;
while (<$out>) {
	chomp;
	my ($d, $l, $s, $e, $type, $norm, $parent, $ent) = split /\t/, $_, -1;
	my $k = "$d\t$l";
	my $txt = $text{$k};
	if (!defined $txt || substr($txt, $s, $e - $s) ne unesc($ent)) {
		print "slice: $_\n" if $slice++ < 3;
	}
	$types++, print "type: $_\n" unless $type =~ /^(LAW|TERM|ORG|PLACE|EVENT|PERSON)$/;
	if ($k eq $key0 && ($s < $s0 || ($s == $s0 && $e > $e0))) {
		print "order: $_\n" if $order++ < 3;
	}
	%spans = () if $k ne $key0;
	($key0, $s0, $e0) = ($k, $s, $e);
	if ($parent ne "") {
		my $ok = 0;
		for my $pe (@{ $spans{$parent} || [] }) { $ok = 1 if $pe >= $e; }
		print "parent: $_\n" if !$ok && $nest++ < 3;
	}
	push @{ $spans{$s} }, $e;
}
print "counts $slice $order $nest $types\n";
' "$t/in.tsv" "$t/out.tsv" >"$t/check"
counts=$(sed -n 's/^counts //p' "$t/check")
set -- $counts
if [ "$rows" -gt 100 ] && [ "${1:-x}" = 0 ]; then echo "PASS: tag-entities offsets slice the entity ($rows rows)"
else echo "FAIL: tag-entities offsets slice the entity ($rows rows; $(head -n 3 "$t/check" | tr '\n' ' '))"; fi
if [ "${2:-x}" = 0 ]; then echo "PASS: tag-entities rows in text order"
else echo "FAIL: tag-entities rows in text order ($(grep '^order' "$t/check" | head -n 2 | tr '\n' ' '))"; fi
if [ "${3:-x}" = 0 ]; then echo "PASS: tag-entities parents enclose children"
else echo "FAIL: tag-entities parents enclose children ($(grep '^parent' "$t/check" | head -n 2 | tr '\n' ' '))"; fi
if [ "${4:-x}" = 0 ]; then echo "PASS: tag-entities types are the six names"
else echo "FAIL: tag-entities types are the six names"; fi

# Same output whatever the prefix: one column or three.
awk -F '\t' '{ print $1 "\tx\ty\t" $3 }' "$t/in.tsv" | "$bin" 2>/dev/null |
    awk -F '\t' '{ print $1 "\t" $4 "\t" $5 "\t" $6 "\t" $7 "\t" $8 "\t" $9 }' >"$t/a"
awk -F '\t' '{ print $1 "\t" $3 "\t" $4 "\t" $5 "\t" $6 "\t" $7 "\t" $8 }' "$t/out.tsv" >"$t/b"
if cmp -s "$t/a" "$t/b"; then echo "PASS: tag-entities prefix passed through generically"
else echo "FAIL: tag-entities prefix passed through generically"; fi

# --types only filters: each type alone gives the rows of the full run
# (parents aside, which point to the nearest written mention).
bad=
for ty in LAW TERM ORG PLACE EVENT PERSON; do
	"$bin" --types "$ty" <"$t/in.tsv" 2>/dev/null | cut -f 1-6,8 >"$t/ty.a"
	awk -F '\t' -v ty="$ty" '$5 == ty' "$t/out.tsv" | cut -f 1-6,8 >"$t/ty.b"
	cmp -s "$t/ty.a" "$t/ty.b" || bad="$bad $ty"
done
if [ -z "$bad" ]; then echo "PASS: tag-entities --types only filters"
else echo "FAIL: tag-entities --types only filters (differs for$bad)"; fi

# Pathological lines: unclosed and nested brackets, quotes, heads and
# level words by the hundred thousand; each must finish promptly.
awk 'BEGIN {
	for (i = 0; i < 40000; i++) a = a "《";
	for (i = 0; i < 40000; i++) b = b "“区委";
	for (i = 0; i < 30000; i++) c = c "区委局中心";
	for (i = 0; i < 30000; i++) d = d "《<〈";
	for (i = 0; i < 30000; i++) e = e "十九届二中、";
	for (i = 0; i < 30000; i++) f = f "深圳市园山街道";
	for (i = 0; i < 30000; i++) g = g "，王小明局长";
	for (i = 0; i < 30000; i++) h = h "三中、";
	print "p\t" a; print "p\t" b; print "p\t" c; print "p\t" d; print "p\t" e
	print "p\t" f; print "p\t" g; print "p\t十九届" h
}' >"$t/patho.tsv"
start=$(date +%s)
if "$bin" <"$t/patho.tsv" >"$t/patho.out" 2>&1; then
	secs=$(($(date +%s) - start))
	if [ "$secs" -le 10 ]; then echo "PASS: tag-entities pathological lines (${secs}s)"
	else echo "FAIL: tag-entities pathological lines (took ${secs}s)"; fi
else
	echo "FAIL: tag-entities pathological lines (exit status $?)"
fi
