#!/usr/bin/python3
"""Damage clean text the way a misaligned GBK decoder does, for the tests
of zh-normalize's repair pass.  Independent of tests/unit/repair_sim.h:
Python's gbk codec, one pair at a time, instead of glibc's iconv.

A run starts at a character (an indent at the head of a line, or a 。
《 “ ， in the middle of one): its first byte is lost and shows as '?',
and the bytes after it are read one byte late.  A pair unassigned in
CP936 vanishes (both bytes, as glibc does; with --lead-only only its
first byte, which puts the decoder back in step), a lead byte before a
byte below 0x40 vanishes alone, and the first ASCII byte puts the
decoder back in step.

  damage.py [options] CLEAN DAMAGED KEY

CLEAN is read as text, prepared as a page would have it (--punct,
--indent, --size) and written to CLEAN.as-page, the twin to compare
with.  KEY gets one row per damaged line: line number, dropped pairs, 1 when
the run's last character lost its trail byte, where the run started.
"""
import argparse
import random
import re
import sys

STARTS = {"stop": "。", "book": "《", "quote": "“", "comma": "，"}


def misalign(raw, start, lead_only, ascii_lead):
    """raw: GBK bytes of a line; start: byte offset of the run's first
    character.  Returns (text, drops, lost)."""
    out = [raw[:start].decode("gbk"), "?"]
    p = start + 1
    n = len(raw)
    drops = lost = 0
    while p < n:
        c = raw[p]
        if c < 0x80:
            break
        if c == 0x80:           # CP936's one single-byte character
            out.append("\u20ac")
            p += 1
            break
        if c == 0xFF:
            p += 1
            break
        if p + 1 >= n:          # a lead byte at the end of the line
            lost = 1
            p += 1
            break
        d = raw[p + 1]
        if d < 0x40 or d == 0x7F or d == 0xFF or (ascii_lead and d < 0x80):
            lost = 1            # the lead vanishes, the byte is read again
            p += 1
            break
        try:
            out.append(bytes([c, d]).decode("gbk"))
            p += 2
        except UnicodeDecodeError:
            if lead_only:
                lost = 1
                p += 1
                break
            drops += 1
            p += 2
    out.append(raw[p:].decode("gbk"))
    return "".join(out), drops, lost


def prepare(line, a):
    """The line as the page has it: a heading's full-width marker kept,
    the body's , : ; ( ) in ASCII with --punct ascii, an indent."""
    if a.punct == "ascii":
        head = re.match(r"^（[一二三四五六七八九十]+）", line)
        head = head.group(0) if head else ""
        body = line[len(head):]
        for f, t in (("，", ","), ("：", ":"), ("；", ";"), ("（", "("), ("）", ")")):
            body = body.replace(f, t)
        line = head + body
    if a.indent and not line.startswith("\u3000"):
        line = "\u3000" + line
    return line


def starts_of(line, kinds):
    """Character offsets where a run may start."""
    pos = []
    if "indent" in kinds and line.startswith("\u3000"):
        pos.append((0, "indent"))
    for i, ch in enumerate(line):
        for k in kinds:
            if k in STARTS and ch == STARTS[k] and 0 < i < len(line) - 2:
                pos.append((i, k))
    return pos


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("clean")
    ap.add_argument("damaged")
    ap.add_argument("key")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--density", type=float, default=1.0,
                    help="share of the lines that get a run")
    ap.add_argument("--starts", default="indent,stop,book,quote",
                    help="where runs start: indent,stop,book,quote,comma")
    ap.add_argument("--lead-only", action="store_true",
                    help="an unassigned pair loses its first byte only")
    ap.add_argument("--ascii-lead", action="store_true",
                    help="a lead byte before any ASCII byte (letters too) vanishes alone")
    ap.add_argument("--size", type=int, default=0,
                    help="repeat the text's lines up to about this many bytes")
    ap.add_argument("--punct", choices=("full", "ascii"), default="full",
                    help="ascii: , : ; ( ) in the body as mirror sites have them")
    ap.add_argument("--indent", action="store_true", help="indent every line with U+3000")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    kinds = a.starts.split(",")
    with open(a.clean, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [prepare(l, a) for l in lines]
    if a.size:
        base, total, lines = lines, 0, []
        while total < a.size:
            for l in base:
                lines.append(l)
                total += len(l.encode("utf-8")) + 1
                if total >= a.size:
                    break
    out = []
    key = []
    for no, line in enumerate(lines, 1):
        cand = starts_of(line, kinds)
        try:
            raw = line.encode("gbk")
        except UnicodeEncodeError:
            cand = []
        if not cand or rnd.random() >= a.density:
            out.append(line)
            continue
        i, kind = rnd.choice(cand)
        text, drops, lost = misalign(raw, len(line[:i].encode("gbk")), a.lead_only,
                                     a.ascii_lead)
        out.append(text)
        key.append("%d\t%d\t%d\t%s" % (no, drops, lost, kind))
    with open(a.clean + ".as-page", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(a.damaged, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    with open(a.key, "w", encoding="utf-8") as f:
        f.write("\n".join(key) + ("\n" if key else ""))


if __name__ == "__main__":
    sys.exit(main())
