#!/bin/sh
# Installs the reference recognizer (Microsoft Recognizers-Text) into
# bench/node_modules for the bench rows of zh-extract-numbers.  Needs
# node and npm; installs nothing else and is never run by the tests.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
command -v npm >/dev/null 2>&1 || { echo "setup.sh: npm not found" >&2; exit 1; }
cd "$top/bench"
[ -f package.json ] || echo '{ "name": "zhtsv-bench", "private": true }' >package.json
npm install --no-audit --no-fund --loglevel=error @microsoft/recognizers-text-suite
