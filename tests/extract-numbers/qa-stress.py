#!/usr/bin/python3
"""Builds CASE.in (zhtsv rows) and CASE.gold (expected quantities: doc
line start end value unit kind approx raw) from CASE.src, for CASE
qa-stress (docs qa, qb), qa-hard (ha, hb), qa-extra (xa, xb)
and qa-blind (ba, bb).  Needs opencc for the
traditional (T) rows.  Run from this directory:
    /usr/bin/python3 qa-stress.py
"""
import re
import subprocess

KINDS = {}
for u in ("件 宗 次 个 名 人 家 户 项 场 场次 人次 件次 家次 户次 辆次 条 份 支 艘 所 "
          "批 期 篇 册 本 台 辆 套 处 座 间 起 轮 卷 块 部 栋 批次 艘次 "
          "学时").split():
    KINDS[u] = "count"
for u in "天 小时 个工作日 个月 年 分钟".split():
    KINDS[u] = "duration"
for u in "吨 公斤 亩 平方米 公里 公顷 平方公里 岁".split():
    KINDS[u] = "other"
KINDS.update({"%": "percent", "个百分点": "ppoint", "倍": "ratio", "分": "score"})


def t2(s):
    return subprocess.run(["opencc", "-c", "s2t"], input=s, text=True,
                          capture_output=True, check=True).stdout


def plain(v):
    v = v.replace(",", "")
    if "." in v:
        v = v.rstrip("0").rstrip(".")
    return v


def derive(raw):
    m = re.fullmatch(r"(\d{4})年(度?)", raw)
    if m and 1900 <= int(m.group(1)) <= 2100:
        return m.group(1), "年" + m.group(2), "year", ""
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)(.+)", raw)
    if not m or m.group(2) not in KINDS:
        raise SystemExit("cannot derive " + raw)
    return plain(m.group(1)), m.group(2), KINDS[m.group(2)], ""


def build(case, docs):
    rows = []
    for line in open(case + ".src", encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        if line[:2] in ("S ", "T "):
            rows.append([line[0], line[2:], []])
        elif line.startswith("= "):
            for item in line[2:].split(" ; "):
                f = item.split()
                f[0] = f[0].replace("_", " ")   # a space inside the span
                if len(f) == 1:
                    rows[-1][2].append((f[0],) + derive(f[0]))
                elif len(f) == 5:
                    f = [x if x != "-" else "" for x in f]
                    rows[-1][2].append(tuple(f))
                else:
                    raise SystemExit("bad item: " + item)
        else:
            raise SystemExit("bad line: " + line)
    trad = [r for r in rows if r[0] == "T"]
    if trad:
        conv = t2("\n".join(r[1] for r in trad) + "\n").split("\n")
        for r, c in zip(trad, conv):
            r[1] = c
            r[2] = [(t2(i[0]).rstrip("\n"),) + i[1:] for i in r[2]]
    with open(case + ".in", "w", encoding="utf-8") as fin, \
            open(case + ".gold", "w", encoding="utf-8") as fg:
        n = {"S": 0, "T": 0}
        for script, text, items in rows:
            doc = docs[0] if script == "S" else docs[1]
            n[script] += 1
            fin.write("%s\t%d\t\t%s\n" % (doc, n[script], text))
            pos = 0
            for raw, value, unit, kind, approx in items:
                k = text.find(raw, pos)
                if k < 0:
                    raise SystemExit("not found: %s in %s" % (raw, text))
                pos = k + len(raw)
                fg.write("\t".join([doc, str(n[script]), str(k), str(pos),
                                    value, unit, kind, approx, raw]) + "\n")


build("qa-stress", ("qa", "qb"))
build("qa-hard", ("ha", "hb"))
build("qa-extra", ("xa", "xb"))
build("qa-blind", ("ba", "bb"))
