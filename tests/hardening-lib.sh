# Shared by tests/t-hardening-*.sh (sourced, not run): which programs
# exist, how to run them, and how to judge a run.
#
# Programs: the four zh-* tools once they are implemented (a placeholder
# that says "not implemented yet" is SKIPped), plus two stand-ins built
# from tests/unit/common_hardening.c that drive common/ like a tool:
# common-tsv (tsv_run) and common-lines (zin + zlines).

: "${ZH_BIN:?}" "${ZH_BUILD:?}" "${ZH_TOP:?}" "${ZH_TMP:?}"
HELPER=$ZH_BUILD/tests/unit/common_hardening
TOOLS="normalize split-sections extract-numbers tag-entities"

# Sets pbin, parg, pname, pkind (raw or tsv) for a program label;
# returns 1 (after printing SKIP) when it cannot be tested.
prog_setup() {
	case $1 in
	common-tsv|common-lines)
		pbin=$HELPER
		pname=common_hardening
		if [ "$1" = common-tsv ]; then parg=--tsv; pkind=tsv; else parg=--lines; pkind=raw; fi
		if [ ! -x "$pbin" ]; then
			echo "SKIP: $1 (helper $pbin not built)"
			return 1
		fi
		;;
	*)
		pbin=$ZH_BIN/zh-$1
		parg=
		pname=zh-$1
		pkind=tsv
		[ "$1" = normalize ] && pkind=raw
		if [ ! -x "$pbin" ]; then
			echo "SKIP: $1 (not built)"
			return 1
		fi
		if "$pbin" </dev/null 2>&1 >/dev/null | grep -q 'not implemented yet'; then
			echo "SKIP: $1 (not implemented yet)"
			return 1
		fi
		;;
	esac
	return 0
}

# The labels of every program to test.
prog_labels() {
	echo "common-tsv common-lines $TOOLS"
}

# Runs the current program with a time limit; stdout/stderr as given.
run_p() {
	timeout "${ZH_TIMEOUT:-60}" "$pbin" $parg "$@"
}

# judge NAME RC ERRFILE WANT_RCS [STDERR_ERE]
# PASS when the status is one of WANT_RCS, there is no sanitizer report,
# every stderr line is a diagnostic of the program ("NAME: ..."), and,
# when given, stderr matches STDERR_ERE (the file, and line, named).
judge() {
	_n=$1 _rc=$2 _err=$3 _want=$4 _pat=${5:-}
	if grep -qE 'Sanitizer|runtime error:|^==[0-9]+==' "$_err"; then
		echo "FAIL: $_n (sanitizer report, status $_rc)"
		grep -E 'ERROR|SUMMARY|runtime error' "$_err" | head -3 | sed 's/^/  /'
		return 1
	fi
	case " $_want " in
	*" $_rc "*) ;;
	*)	echo "FAIL: $_n (exit $_rc, want $_want: $(head -c 200 "$_err" | tr '\n' '|'))"
		return 1 ;;
	esac
	if grep -qv "^$pname: " "$_err"; then
		echo "FAIL: $_n (stray stderr: $(grep -v "^$pname: " "$_err" | head -2 | cut -c1-160 | tr '\n' '|'))"
		return 1
	fi
	if [ -n "$_pat" ] && ! grep -qE "$_pat" "$_err"; then
		echo "FAIL: $_n (no message matching '$_pat': $(head -c 200 "$_err" | tr '\n' '|'))"
		return 1
	fi
	echo "PASS: $_n"
	return 0
}

# Escapes a path for use in an ERE.
ere() {
	printf '%s' "$1" | sed 's/[][\.*^$+?(){}|/]/\\&/g'
}

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# Root reads every file, so an "unreadable path" case runs the program as
# nobody.  nobody may not be able to reach the checkout (a clone inside a
# mode-700 directory, or in root's home), so the program and its files
# are copied to a directory under /tmp that nobody can enter.
# nobody_init: makes that directory, NOBODY_DIR; else returns 1 with the
# reason in NOBODY_WHY.  nobody_done removes it.
nobody_init() {
	NOBODY_DIR=
	if ! command -v setpriv >/dev/null 2>&1; then
		NOBODY_WHY="running as root, no setpriv to drop to nobody"
		return 1
	fi
	if ! NOBODY_DIR=$(mktemp -d /tmp/zhtsv-nobody.XXXXXX) || ! chmod 755 "$NOBODY_DIR"; then
		NOBODY_WHY="running as root, no directory in /tmp for nobody"
		NOBODY_DIR=
		return 1
	fi
	return 0
}
nobody_done() {
	[ -z "$NOBODY_DIR" ] || rm -rf "$NOBODY_DIR"
	NOBODY_DIR=
}
as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups timeout "${ZH_TIMEOUT:-60}" "$@"
}
# nobody_prog PATH [ARG...]: copies a program to NOBODY_DIR as nbin and
# runs it there as nobody on empty input; returns 1 with NOBODY_WHY only
# when nobody cannot execute it at all (status 126 or 127: /tmp mounted
# noexec, say), so that any other failure is left to the test to see.
nobody_prog() {
	nbin=$NOBODY_DIR/$(basename "$1")
	if ! cp "$1" "$nbin" 2>/dev/null || ! chmod 755 "$nbin"; then
		NOBODY_WHY="cannot copy $1 to $NOBODY_DIR"
		return 1
	fi
	shift
	as_nobody "$nbin" "$@" </dev/null >/dev/null 2>&1
	case $? in
	126|127)
		NOBODY_WHY="nobody cannot run $nbin (is /tmp mounted noexec?)"
		return 1 ;;
	esac
	return 0
}
