# Shared by the tests/t-workflow-*.sh scripts (sourced, not run).
# Environment from tests/run.sh: ZH_BIN ZH_TOP ZH_SEEDS ZH_TMP.

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1 ($2)"; }
skip() { echo "SKIP: $1 ($2)"; }

# have NAME: zh-NAME is built and is not a placeholder.  A placeholder
# exits 2 whatever it is asked, so --version tells them apart.
have() {
	[ -x "$ZH_BIN/zh-$1" ] && "$ZH_BIN/zh-$1" --version >/dev/null 2>&1
}

# have_all: the four programs of the workflow are there.
have_all() {
	for p in normalize split-sections extract-numbers tag-entities; do
		have "$p" || return 1
	done
}

# need PROGRAM... TEST-NAME: prints SKIP and fails when one is missing.
need() {
	_name=$1
	shift
	for _p; do
		if ! have "$_p"; then
			skip "$_name" "zh-$_p not built yet"
			return 1
		fi
	done
}

need_seeds() {
	if [ ! -d "${ZH_SEEDS:-}" ]; then
		skip "$1" "no seed reports at ${ZH_SEEDS:-\$ZH_SEEDS}"
		return 1
	fi
}

# The make runs of these tests stand alone: no jobserver or command-line
# variables inherited from the `make check` that started the suite.
unset MAKEFLAGS MFLAGS MAKELEVEL
