#!/usr/bin/python3
"""Property checks over zhtsv output, for tests/t-hardening-diff.sh.

  slice IN OUT K        every OUT row (prefix of IN, then K columns: start
                        end ... last) slices its IN row's text [start,end)
                        in code points to exactly its last column
  reparse-in OUT        rows "r<N>\\t<value><unit>" for each plain value
  reparse-cmp OUT OUT2  each value re-extracted as itself
  lines RAW OUT         zh-normalize --keep-chrome: the line numbers of OUT
                        are exactly the non-blank lines of RAW (UTF-8)
Prints one line per failure (at most 5) and exits 1 on any.
"""
import re
import sys
from decimal import Decimal

ESC = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def unescape(s):
    return re.sub(r"\\([\\tnr])", lambda m: ESC[m.group(1)], s)


def text_of(b):
    # common/ replaces each invalid byte by one U+FFFD: do the same.
    s = b.decode("utf-8", "surrogateescape")
    return re.sub("[\udc80-\udcff]", "\ufffd", s)


def rows(path):
    with open(path, "rb") as f:
        for line in f.read().split(b"\n"):
            if line:
                yield text_of(line).split("\t")


fails = []


def fail(msg):
    fails.append(msg)


def slice_check(inp, out, k):
    texts = {}
    for r in rows(inp):
        texts.setdefault("\t".join(r[:-1]), unescape(r[-1]))
    n = 0
    for r in rows(out):
        n += 1
        prefix = "\t".join(r[:-k])
        if prefix not in texts:
            fail("row %d: prefix %r not in input" % (n, prefix[:60]))
            continue
        try:
            start, end = int(r[-k]), int(r[-k + 1])
        except ValueError:
            fail("row %d: start/end not numbers: %r %r" % (n, r[-k], r[-k + 1]))
            continue
        got = texts[prefix][start:end]
        want = unescape(r[-1])
        if not 0 <= start <= end <= len(texts[prefix]) or got != want:
            fail("row %d: text[%d:%d] = %r, last column %r" % (n, start, end, got, want))
    return n


PLAIN = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
KINDS = ("count", "money", "percent", "ppoint", "year")
# numbers output: prefix.. start end value unit qkind approx label raw


def reparse_items(out):
    for r in rows(out):
        if len(r) < 8:
            continue
        value, unit, kind = r[-6], r[-5], r[-4]
        # a year a title gives without 年 (街道2024法治政府建设年度报告)
        # needs its row: alone it is a bare number
        if kind == "year" and not unit:
            continue
        if kind in KINDS and PLAIN.match(value):
            yield value, unit, kind


def main():
    cmd = sys.argv[1]
    if cmd == "slice":
        n = slice_check(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        print("rows %d" % n, file=sys.stderr)
    elif cmd == "reparse-in":
        for i, (v, u, k) in enumerate(reparse_items(sys.argv[2])):
            sys.stdout.write("r%d\t%s%s\n" % (i, v, u))
    elif cmd == "reparse-cmp":
        want = list(reparse_items(sys.argv[2]))
        got = {}
        for r in rows(sys.argv[3]):
            got.setdefault(r[0], r[-6])
        for i, (v, u, k) in enumerate(want):
            g = got.get("r%d" % i)
            same = g == v or (g is not None and PLAIN.match(g) and Decimal(g) == Decimal(v))
            if not same:
                fail("%s%s (%s) re-parsed as %r" % (v, u, k, g))
        print("values %d" % len(want), file=sys.stderr)
    elif cmd == "lines":
        with open(sys.argv[2], "rb") as f:
            raw = text_of(f.read())
        lines = re.split(r"\r\n|\r|\n", raw)
        if lines and lines[-1] == "":
            lines.pop()
        want = {i + 1 for i, l in enumerate(lines) if l.strip()}
        got = set()
        for r in rows(sys.argv[3]):
            try:
                got.add(int(r[1]))
            except (IndexError, ValueError):
                fail("bad row %r" % r[:3])
        for l in sorted(want - got):
            fail("line %d not accounted for: %r" % (l, lines[l - 1][:40]))
        for l in sorted(got - want):
            fail("row for blank or missing line %d" % l)
    for m in fails[:5]:
        print(m)
    sys.exit(1 if fails else 0)


main()
