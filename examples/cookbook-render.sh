#!/bin/sh
# Prints the cookbook of examples/cookbook.sh as the text that goes
# between the cookbook markers of man/zhtsv.7 (mdoc), the one place of
# the recipes, or as markdown, so they cannot drift:
# tests/t-workflow-cookbook.sh compares.
#
# usage: examples/cookbook-render.sh markdown|mdoc [COOKBOOK]
#        examples/cookbook-render.sh --update    (rewrites man/zhtsv.7)
set -u
here=$(cd "$(dirname "$0")" && pwd)
book=${2:-$here/cookbook.sh}

render() {
	LC_ALL=C awk -v fmt="$1" '
	function out_md() {
		printf "\n%d. %s:\n\n   ```sh\n   %s\n   ```\n", ++n, title, $0
	}
	# roff: a backslash is \e, a line must not start with . or '"'"'.
	function out_mdoc(  s) {
		s = $0
		gsub(/\\/, "\\e", s)
		if (s ~ /^[.'"'"']/)
			s = "\\&" s
		printf ".It\n%s:\n.Bd -literal -offset 2n\n%s\n.Ed\n", title, s
	}
	/^#: / { title = substr($0, 4); next }
	/^#/ || /^$/ { next }
	title != "" {
		if (fmt == "markdown") out_md(); else out_mdoc()
		title = ""
	}
	BEGIN {
		if (fmt == "markdown") {
			print "### Cookbook"
			print ""
			print "One-line recipes, typed in bash in a directory whose `reports/`"
			print "holds the reports (the last two read the tables of"
			print "`make -C examples RAW=reports OUT=out`).  Every recipe is run on the"
			print "seed reports by `tests/t-workflow-cookbook.sh`; the source is"
			print "[examples/cookbook.sh](examples/cookbook.sh).  Sort with `LC_ALL=C`:"
			print "byte order is fast and the same on every machine."
		} else {
			print ".Bl -enum"
		}
	}
	END {
		if (fmt != "markdown")
			print ".El"
	}' "$book"
}

# replace FILE BEGIN-LINE END-LINE FORMAT: the text between the marker lines.
replace() {
	tmp=$1.tmp
	render "$4" >"$tmp.block" || exit 1
	B="$2" E="$3" BLK="$tmp.block" awk 'BEGIN { b = ENVIRON["B"]; e = ENVIRON["E"]; blk = ENVIRON["BLK"] }
		$0 == e { skip = 0 }
		!skip { print }
		$0 == b { while ((getline l < blk) > 0) print l; skip = 1 }' "$1" >"$tmp" &&
	    mv "$tmp" "$1"
	rm -f "$tmp.block"
}

case ${1:-} in
markdown|mdoc)
	render "$1" ;;
--update)
	top=$(cd "$here/.." && pwd)
	replace "$top/man/zhtsv.7" '.\" BEGIN cookbook' '.\" END cookbook' mdoc ;;
*)
	echo "usage: cookbook-render.sh markdown|mdoc [COOKBOOK] | --update" >&2
	exit 2 ;;
esac
