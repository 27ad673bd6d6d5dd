#!/bin/bash
# The zhtsv cookbook: one-line recipes a researcher types in bash, run
# from a directory with the reports in reports/ (any encoding, .gz or
# not) and, for the last recipes, the tables of `make -C examples
# RAW=reports OUT=out` in out/.
#
# This file is the only copy: the COOKBOOK of man/zhtsv.7 is made from it
# by examples/cookbook-render.sh and tests/t-workflow-cookbook.sh runs
# every recipe on the seed reports and checks that the man page
# still match.  Format: "#: title" starts a recipe, "#? regex" lines say
# what its output must contain (POSIX ERE, one line of output), the next
# line is the recipe itself.  Running the file runs them all.
#
# Column numbers after zh-normalize | zh-split-sections | zh-extract-numbers:
#   1 doc 2 line 3 flags 4 sect 5 kind 6 part 7 start 8 end 9 value
#   10 unit 11 qkind 12 approx 13 label 14 raw
# after zh-normalize | zh-extract-numbers:
#   1 doc 2 line 3 flags 4 start 5 end 6 value 7 unit 8 qkind 9 approx
#   10 label 11 raw
# in zh-normalize --meta rows (without -H):
#   1 doc 2 file 3 encoding 4 script 5 title 6 published 7 source ...
# after zh-normalize | zh-tag-entities:
#   1 doc 2 line 3 flags 4 start 5 end 6 type 7 norm 8 parent 9 entity

#: Keep the header line while sorting: the 10 largest sums of money
#? ^doc	line	flags	sect	kind	part	start	end	value	unit	qkind
#? 	money	
zh-normalize -H reports/* | zh-split-sections -H | zh-extract-numbers -H | awk -F'\t' 'NR == 1 || $11 == "money"' | (IFS= read -r h; printf '%s\n' "$h"; LC_ALL=C sort -t $'\t' -k9,9gr) | head -n 11

#: The 20 largest counts whose label says 调解 (mediation), with their report
#? 	(宗|件|起|人次)	count	
zh-normalize reports/* | zh-split-sections | zh-extract-numbers | awk -F'\t' '$11 == "count" && $13 ~ /调解|調解/' | LC_ALL=C sort -t $'\t' -k9,9gr | cut -f1,9-14 | head -n 20

#: Every percentage, per report, as label and value
#? 	[0-9.]+%$
zh-normalize reports/* | zh-extract-numbers | awk -F'\t' '$8 == "percent" { print $1 "\t" $10 "\t" $6 "%" }'

#: The shortfalls part of every report (存在的问题), without headings
#? ^[^	]+	[^	]+
zh-normalize reports/* | zh-split-sections | awk -F'\t' '$6 == "shortfalls" && $5 != "heading" { print $1 "\t" $7 }'

#: How long each part of each report is, in rows
#? [0-9]+ [^ ]+	(measures|shortfalls|plans)
zh-normalize reports/* | zh-split-sections | cut -f1,6 | LC_ALL=C sort | uniq -c

#: Laws and plans cited by the most reports
#? ^ *[0-9]+ 中华人民共和国
zh-normalize reports/* | zh-tag-entities --types LAW | cut -f1,7 | LC_ALL=C sort -u | cut -f2 | LC_ALL=C sort | uniq -c | LC_ALL=C sort -k1,1nr -k2 | head

#: Which reports use the slogan 枫桥经验 (any script), and how often
#? ^ *[0-9]+ [^ ]+
zh-normalize reports/* | zh-tag-entities --types TERM | awk -F'\t' '$7 ~ /枫桥经验|楓橋經驗/ { print $1 }' | uniq -c

#: The bodies that act in each report: outermost ORG mentions, most frequent first
#? ^ *[0-9]+ [^ ]+	.*(局|院|委|办|中心)
zh-normalize reports/* | zh-tag-entities --types ORG | awk -F'\t' '$8 == ""' | cut -f1,7 | LC_ALL=C sort | uniq -c | LC_ALL=C sort -k1,1nr | head -n 20

#: Each quantity with its report's issuing body and date: join the numbers to the --meta rows
#? ^[^	]+	[^	]*	20[0-9][0-9]-[0-9][0-9]
zh-normalize --meta meta.tsv reports/* >norm.tsv && zh-extract-numbers norm.tsv | LC_ALL=C sort -s -t $'\t' -k1,1 | LC_ALL=C join -t $'\t' -o 0,2.7,2.6,1.10,1.6,1.7 - <(LC_ALL=C sort -t $'\t' -k1,1 meta.tsv) >numbers-meta.tsv && grep -m 5 $'\t20[0-9][0-9]-' numbers-meta.tsv

#: Compare two years of one district: totals of counts per measure word, side by side
#? ^[^	]+	[0-9.]+	[0-9.]+$
per_unit() { zh-normalize "$1" | zh-extract-numbers | awk -F'\t' '$8 == "count" && $7 != "" { s[$7] += $6 } END { for (u in s) print u "\t" s[u] }' | LC_ALL=C sort; }; LC_ALL=C join -t $'\t' -a1 -a2 -e 0 -o 0,1.2,2.2 <(per_unit district/2023.txt) <(per_unit district/2024.txt)

#: From the workflow tables: the largest totals per measure word (labels.tsv)
#? ^(宗|件|人次)	[^	]+	[0-9]+
awk -F'\t' 'NR > 1 && !n[$1]++' out/labels.tsv | LC_ALL=C sort -t $'\t' -k3,3gr | head

#: From the workflow tables: the quantities in each report's plans for next year
#? ^doc +part +value
#? ^[^ ]+ +plans +[0-9]
awk -F'\t' 'NR == 1 || $6 == "plans"' out/numbers.tsv | cut -f1,6,9-14 | column -t -s $'\t'

#: Columns by name with Miller (zhtsv's escapes are Miller's TSV): every count's value, unit and label
#? ^doc	value	unit	label$
#? ^[^	]+	[0-9.]+	[^	]+	[^	]+$
zh-normalize -H reports/* | zh-split-sections -H | zh-extract-numbers -H | mlr --tsv filter '$qkind == "count"' then cut -o -f doc,value,unit,label then head -n 10

#: JSON for pandas or R (pandas.read_json, jsonlite::fromJSON): the quantities as an array of records
#? ^\[$
#? "label": 
zh-normalize -H reports/* | zh-extract-numbers -H | mlr --itsv --ojson cat >numbers.json && head -n 14 numbers.json

#: CSV for a spreadsheet: the titles each report cites
#? ^doc,entity$
#? ^[^,]+,.+
zh-normalize -H reports/* | zh-tag-entities -H --types LAW | mlr --itsv --ocsv cut -f doc,entity
