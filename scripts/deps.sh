#!/bin/sh
# Installs what zhtsv needs on Debian/Ubuntu with apt-get, printing what
# it runs.  Does nothing when everything is present; without root or apt
# it names the missing packages and fails.
#   build: compiler, pkg-config, pcre2, zlib, gumbo (HTML parser)
#   tests: mandoc (man lint), opencc (tw2s reference), clang + runtime
#          (libFuzzer, sanitizers), parallel, valgrind, time, miller (the
#          cookbook's mlr recipes), poppler-utils (pdftotext, for PDF
#          reports in examples/Makefile)
#   data generators and bench: unicode-data, python3-jieba,
#          python3-readability (the HTML reference of make bench)
#   charts (make -C examples plots): gnuplot, a CJK font for the labels
set -u
PKGS="build-essential pkg-config libpcre2-dev zlib1g-dev libgumbo-dev
mandoc opencc clang libclang-rt-dev parallel valgrind time miller poppler-utils
python3 unicode-data python3-jieba gnuplot-nox python3-readability fonts-wqy-microhei"

missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
if [ -z "$missing" ]; then
	echo "deps: all packages present"
	exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: no apt-get here; install these packages:$missing" >&2
	exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: not root; run as root or install:$missing" >&2
	exit 1
fi
echo "+ apt-get update"
apt-get update -qq || exit 1
echo "+ apt-get install -y --no-install-recommends$missing"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing || exit 1
