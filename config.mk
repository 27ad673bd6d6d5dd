# zhtsv build configuration.  Override on the command line:
#   make PREFIX=/usr CC=clang

VERSION = 0.1.0

PREFIX ?= /usr/local
MANPREFIX ?= $(PREFIX)/share/man

CC ?= cc
CFLAGS ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE

PKG_CONFIG ?= pkg-config
PCRE2_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null)
PCRE2_LIBS := $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
ZLIB_CFLAGS := $(shell $(PKG_CONFIG) --cflags zlib 2>/dev/null)
ZLIB_LIBS := $(shell $(PKG_CONFIG) --libs zlib 2>/dev/null || echo -lz)
# The HTML parser of zh-normalize: gumbo, HTML5 tree construction.
GUMBO_CFLAGS := $(shell $(PKG_CONFIG) --cflags gumbo 2>/dev/null)
GUMBO_LIBS := $(shell $(PKG_CONFIG) --libs gumbo 2>/dev/null || echo -lgumbo)
# iconv is part of glibc; set ICONV_LIBS=-liconv where it is separate.
ICONV_LIBS ?=

# Sanitizer build used by `make check`.
ASAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
# Optimised build used by `make bench`.
BENCH_FLAGS = -O3 -g -DNDEBUG
# libFuzzer build used by `make fuzz` (needs clang with its fuzzer runtime).
FUZZ_CC = clang
FUZZ_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=all
FUZZ_SECONDS ?= 60
