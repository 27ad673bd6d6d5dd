#!/usr/bin/python3
"""Writes the inputs of the bad-input matrix (tests/t-hardening-badinput.sh).

usage: hardening-gen.py DIR KIND SCALE
KIND is raw (a text document) or tsv (zh-normalize-like rows, columns
doc line flags text).  SCALE "small" makes the make-check sizes, "big"
the full ones of issue 9 (200 MB random, 100 MB line, 10M lines).
All text is the project's own (a fictional district), deterministic.
"""
import gzip
import os
import random
import sys

d, kind, scale = sys.argv[1], sys.argv[2], sys.argv[3]
big = scale == "big"
SENT = "青川市滨江区司法局办理行政复议案件126件，同比增长12.5%，“放管服”工作持续深化。"
rng = random.Random(2026)


def row(n, text):
    if kind == "tsv":
        return b"d1\t%d\t-\t" % n + text + b"\n"
    return text + b"\n"


def put(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def doc(nlines):
    return b"".join(row(i + 1, ("第%d段：" % (i + 1) + SENT).encode()) for i in range(nlines))


put("empty", b"")
put("newlines", b"\n" * 1000)
put("small", doc(20))
put("nul", row(1, b"a\x00b") + row(2, b"\x00" * 10) + row(3, "滨江\x00区".encode()) + b"\x00")
put("badutf8", row(1, b"ok") + row(2, b"\xff\xfe bad \xc0\xaf overlong \xed\xa0\x80 surrogate \xe4\xb8")
    + row(3, b"\xf8\x88\x80\x80\x80 five-byte \xf4\x90\x80\x80 too big"))
put("escapes", b"d1\t1\t-\ta\\x\\\n" + b"d1\t2\t-\t\\\\\\\n" + b"d1\t3\t-\t\\t\\n\\r\\\\t\\q\\\n")
put("fewcols", b"d1\t1\t-\tfirst\n" + b"d1\tsecond\n" + b"third\n" + b"d1\t4\t-\tx\ty\n")
u16 = "青川市".encode("utf-16-le") + b"\x00\xd8" + "A滨\n".encode("utf-16-le") + b"\x00\xdc" + "江\n".encode("utf-16-le")
put("utf16", b"\xff\xfe" + u16)
gz = gzip.compress(doc(2000), mtime=0)
put("truncated.gz", gz[: len(gz) // 2])

# Sizes: make check uses small ones; ZH_BIG=1 the full matrix.
rsize = (200 << 20) if big else (2 << 20)
with open(os.path.join(d, "random"), "wb") as f:
    left = rsize
    while left > 0:
        k = min(left, 1 << 20)
        f.write(rng.randbytes(k))
        left -= k

lsize = (100 << 20) if big else (5 << 20)
unit = SENT.encode()
with open(os.path.join(d, "longline"), "wb") as f:
    if kind == "tsv":
        f.write(b"d1\t1\t-\t")
    left = lsize
    while left > 0:
        chunk = unit * (1 << 14)
        f.write(chunk[:left])
        left -= len(chunk)
    f.write(b"\n")

nl = 10_000_000 if big else 300_000
with open(os.path.join(d, "manylines"), "wb") as f:
    for start in range(0, nl, 100_000):
        f.write(b"".join(row(i + 1, b"%d: 12 \xe4\xbb\xb6" % i) for i in range(start, min(nl, start + 100_000))))

# Slow writer for the SIGINT case: rows for ~400 KB of output.
put("sigint", doc(4000))
