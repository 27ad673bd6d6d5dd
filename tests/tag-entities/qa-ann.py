#!/usr/bin/python3
"""Turns an annotated fixture (qa-*.ann) into zhtsv rows and gold spans.

  tests/tag-entities/qa-ann.py qa-dev.ann qa-dev.in qa-dev.gold

Annotation: {TYPE|text}, nestable, TYPE one of L T O P E N (LAW TERM ORG
PLACE EVENT PERSON); a LAW or TERM span is the text inside its brackets.
"#DOC name" starts a document; "#DOC-T2S name" one converted to
traditional script with opencc s2t before the spans are measured.
Gold rows: doc line start end type entity (code points, half-open).
The fixtures are fictional report text written for these tests."""
import subprocess
import sys

T = {'L': 'LAW', 'T': 'TERM', 'O': 'ORG', 'P': 'PLACE', 'E': 'EVENT', 'N': 'PERSON'}


def parse(line):
    out, stack, spans, i = [], [], [], 0
    while i < len(line):
        c = line[i]
        if c == '{' and i + 2 < len(line) and line[i + 1] in T and line[i + 2] == '|':
            stack.append((line[i + 1], len(out)))
            i += 3
            continue
        if c == '}' and stack:
            t, s = stack.pop()
            spans.append((s, len(out), T[t]))
            i += 1
            continue
        out.append(c)
        i += 1
    if stack:
        sys.exit('unclosed span: ' + line)
    return ''.join(out), sorted(spans)


def main():
    src, rows_path, gold_path = sys.argv[1:4]
    lines = open(src, encoding='utf-8').read().split('\n')
    rows, gold = open(rows_path, 'w'), open(gold_path, 'w')
    doc, no, t2s = None, 0, False
    for line in lines:
        if line.startswith('#DOC'):
            tag, doc = line.split(' ', 1)
            no, t2s = 0, tag == '#DOC-T2S'
            continue
        if not line:
            continue
        if t2s:
            line = subprocess.run(['opencc', '-c', 's2t.json'], input=line,
                                  capture_output=True, text=True, check=True).stdout.rstrip('\n')
        no += 1
        text, spans = parse(line)
        rows.write('%s\t%d\t\t%s\n' % (doc, no, text))
        for s, e, t in spans:
            gold.write('%s\t%d\t%d\t%d\t%s\t%s\n' % (doc, no, s, e, t, text[s:e]))


main()
