# zhtsv — plain GNU make; settings in config.mk.
#
# Every directory tools/NAME/ becomes the program zh-NAME; common/ is a
# static library linked into all of them.  V selects a build variant
# (rel, asan, bench) with its own object tree under build/, so the
# sanitizer and benchmark builds never disturb the normal one.

include config.mk

V ?= rel
BUILD := build/$(V)
ifeq ($(V),rel)
BINDIR := bin
VFLAGS := $(CFLAGS)
else ifeq ($(V),asan)
BINDIR := $(BUILD)/bin
VFLAGS := $(ASAN_FLAGS)
else ifeq ($(V),bench)
BINDIR := $(BUILD)/bin
VFLAGS := $(BENCH_FLAGS)
else ifeq ($(V),fuzz)
BINDIR := $(BUILD)/bin
VFLAGS := $(FUZZ_FLAGS)
else
$(error unknown build variant V=$(V))
endif

ALL_CFLAGS = $(WARN) $(VFLAGS) $(CPPFLAGS) -DZH_VERSION='"$(VERSION)"' \
	-Icommon $(TOOL_INC) $(PCRE2_CFLAGS) $(ZLIB_CFLAGS) $(GUMBO_CFLAGS) -MMD -MP
LIBS = $(PCRE2_LIBS) $(ZLIB_LIBS) $(ICONV_LIBS) -lm
# Libraries only one program needs (its unit tests and fuzzers too).
TOOL_LIBS_normalize = $(GUMBO_LIBS)

COMMON_SRC := $(sort $(wildcard common/*.c))
COMMON_OBJ := $(COMMON_SRC:%.c=$(BUILD)/%.o)
LIBZH := $(BUILD)/libzhtsv.a

TOOLS := $(sort $(notdir $(patsubst %/,%,$(dir $(wildcard tools/*/*.c)))))
PROGS := $(TOOLS:%=$(BINDIR)/zh-%)

UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
UNITS := $(UNIT_SRC:%.c=$(BUILD)/%)

MAN1 := $(sort $(wildcard man/*.1))
MAN5 := $(sort $(wildcard man/*.5))
MAN7 := $(sort $(wildcard man/*.7))

.PHONY: all units check check-quick bench install uninstall clean deps demo lint-man \
	fuzz fuzzers check-big check-valgrind check-quickstart golden-update
.DELETE_ON_ERROR:
.SECONDARY:

all: $(PROGS)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIBZH): $(COMMON_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# Each program: all .c files of its directory, linked with common/.
define tool_rule
$(BUILD)/tools/$(1)/%.o: TOOL_INC = -Itools/$(1)
$(BINDIR)/zh-$(1): $(patsubst %.c,$(BUILD)/%.o,$(wildcard tools/$(1)/*.c)) $(LIBZH)
	@mkdir -p $$(@D)
	$$(CC) $$(VFLAGS) -o $$@ $$^ $$(TOOL_LIBS_$(1)) $$(LIBS)
endef
$(foreach t,$(TOOLS),$(eval $(call tool_rule,$(t))))

# zh-normalize's script converter takes the index of its dictionaries as
# constant data, computed here rather than at every start of the program.
ZHCONV_GEN := $(BUILD)/data/gen-zhconv-index
ZHCONV_INDEX := $(BUILD)/data/zhconv_index.inc
ZHCONV_GEN_OBJ := $(addprefix $(BUILD)/common/,utf8.o cli.o out.o)
$(ZHCONV_GEN): data/gen-zhconv-index.c data/zhconv_tables.inc tools/normalize/zhconv_index.h $(ZHCONV_GEN_OBJ)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(VFLAGS) $(CPPFLAGS) -Icommon -Itools/normalize -o $@ $< $(ZHCONV_GEN_OBJ) $(LIBS)
$(ZHCONV_INDEX): $(ZHCONV_GEN)
	$(ZHCONV_GEN) >$@.tmp && mv $@.tmp $@
$(BUILD)/tools/normalize/zhconv.o: $(ZHCONV_INDEX)
$(BUILD)/tools/normalize/zhconv.o: TOOL_INC = -Itools/normalize -I$(BUILD)/data

# The repair pass's tables, unpacked from data/repair_*.inc and indexed
# here as constant data, not at run time.
REPAIR_GEN := $(BUILD)/data/gen-repair-index
REPAIR_INDEX := $(BUILD)/data/repair_index.inc
REPAIR_GEN_OBJ := $(addprefix $(BUILD)/common/,utf8.o cli.o out.o zhfold.o)
$(REPAIR_GEN): data/gen-repair-index.c data/repair_gbk.inc data/repair_pinyin.inc data/repair_bigram.inc $(REPAIR_GEN_OBJ)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(VFLAGS) $(CPPFLAGS) -Icommon -Idata -o $@ $< $(REPAIR_GEN_OBJ) $(LIBS)
$(REPAIR_INDEX): $(REPAIR_GEN)
	$(REPAIR_GEN) >$@.tmp && mv $@.tmp $@
$(BUILD)/tools/normalize/repair_tab.o: $(REPAIR_INDEX)
$(BUILD)/tools/normalize/repair_tab.o: TOOL_INC = -Itools/normalize -I$(BUILD)/data

# A unit test named tests/unit/TOOL_*.c also links that tool's objects
# (all but main.c), so a program's internals can be tested directly.
units: $(UNITS)
tool_objs = $(patsubst %.c,$(BUILD)/%.o,$(filter-out %/main.c,$(wildcard tools/$(1)/*.c)))
define unit_rule
$(BUILD)/tests/unit/$(1).o: TOOL_INC = -Itools/$(firstword $(subst _, ,$(1)))
$(BUILD)/tests/unit/$(1): $(BUILD)/tests/unit/$(1).o $(call tool_objs,$(firstword $(subst _, ,$(1)))) $(LIBZH)
	$$(CC) $$(VFLAGS) -o $$@ $$^ $$(TOOL_LIBS_$(firstword $(subst _, ,$(1)))) $$(LIBS)
endef
$(foreach u,$(UNIT_SRC:tests/unit/%.c=%),$(eval $(call unit_rule,$(u))))

# libFuzzer harnesses tests/fuzz/NAME.c -> build/fuzz/NAME (V=fuzz only,
# clang): like unit tests, NAME = TOOL_* also links that tool's objects.
FUZZ_SRC := $(sort $(wildcard tests/fuzz/*.c))
ifeq ($(V),fuzz)
fuzzers: $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/%)
define fuzz_rule
$(BUILD)/$(1): $(BUILD)/tests/fuzz/$(1).o $(call tool_objs,$(firstword $(subst _, ,$(1)))) $(LIBZH)
	$$(CC) $$(VFLAGS) -fsanitize=fuzzer -o $$@ $$^ $$(TOOL_LIBS_$(firstword $(subst _, ,$(1)))) $$(LIBS)
$(BUILD)/tests/fuzz/$(1).o: TOOL_INC = -Itools/$(firstword $(subst _, ,$(1)))
endef
$(foreach f,$(FUZZ_SRC:tests/fuzz/%.c=%),$(eval $(call fuzz_rule,$(f))))
endif

-include $(shell find build/$(V) -name '*.d' 2>/dev/null)

# Seed tests read SEEDS (a directory of reports; ../shared/seeds by default).
ifdef SEEDS
export SEEDS
endif

# The test suite: unit, golden, property and seed tests, first on the
# normal build and then on the ASan+UBSan build.  Ends with one line
# "N passed, N failed".
check: all units lint-man
	$(MAKE) --no-print-directory V=asan all units
	tests/run.sh bin build/rel build/asan/bin build/asan

# Rewrites the expected output of golden cases from bin/, for review
# with git diff: make golden-update CASE="split-sections/basic ...".
golden-update: all
	tests/golden.sh --update $(CASE)

# One pass over the normal build only, for quick iteration.
check-quick: all units
	tests/run.sh bin build/rel

# The README's quick start in a fresh clone of HEAD inside a mode-700
# directory (make deps demo, then make check-quick there); CI runs it.
check-quickstart:
	tests/quickstart.sh

# Every fuzz harness for FUZZ_SECONDS each (make check runs 10 s each).
fuzz:
	$(MAKE) --no-print-directory V=fuzz CC=$(FUZZ_CC) fuzzers
	tests/fuzz/run.sh $(FUZZ_SECONDS)

# The bad-input matrix at full size (200 MB random, 100 MB line, 10M
# lines, gzip bomb): too slow to run twice under ASan in make check.
check-big: all units
	ZH_BIG=1 tests/run.sh bin build/rel

# Valgrind memcheck over the seed pipeline and the bad-input cases.
check-valgrind: all units
	tests/valgrind.sh bin

lint-man:
	@if command -v mandoc >/dev/null 2>&1; then \
		mandoc -Tlint -Wwarning $(MAN1) $(MAN5) $(MAN7) && echo "mandoc -Tlint: clean"; \
	else echo "mandoc not found: man pages not linted (run make deps)" >&2; exit 1; fi

bench:
	$(MAKE) --no-print-directory V=bench all
	bench/run.sh build/bench/bin

demo: all
	examples/demo.sh bin

deps:
	scripts/deps.sh

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(MANPREFIX)/man7
	cp -f $(PROGS) $(DESTDIR)$(PREFIX)/bin/
	cd $(DESTDIR)$(PREFIX)/bin && chmod 755 $(notdir $(PROGS))
	$(if $(MAN1),cp -f $(MAN1) $(DESTDIR)$(MANPREFIX)/man1/)
	$(if $(MAN5),cp -f $(MAN5) $(DESTDIR)$(MANPREFIX)/man5/)
	$(if $(MAN7),cp -f $(MAN7) $(DESTDIR)$(MANPREFIX)/man7/)

uninstall:
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/bin/,$(notdir $(PROGS)))
	rm -f $(addprefix $(DESTDIR)$(MANPREFIX)/man1/,$(notdir $(MAN1)))
	rm -f $(addprefix $(DESTDIR)$(MANPREFIX)/man5/,$(notdir $(MAN5)))
	rm -f $(addprefix $(DESTDIR)$(MANPREFIX)/man7/,$(notdir $(MAN7)))

clean:
	rm -rf build bin tests/out examples/out bench/corpus
