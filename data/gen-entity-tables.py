#!/usr/bin/python3
"""Generate data/entity_tables.inc: the const tables of zh-tag-entities.

Sources:
  data/entity-words.txt  the tool's word lists (written for this project)
  data/places.inc        the gazetteer (data/gen-places.py, from the
                         National Bureau of Statistics division codes):
                         its small part (provinces, prefectures, counties,
                         countries) and the bitmaps of its big part
  data/t2s_chars.inc     the character fold of keys (data/gen-t2s-chars.py,
                         OpenCC), as common/zhfold.h applies it
Usage:
  data/gen-entity-tables.py > data/entity_tables.inc
  (run from the top of the tree, or give the data directory: DIR)

Each word list becomes the image of a struct te_wl (tools/tag-entities/
wl.h) exactly as te_wlb_build() would make it at run time, so the program
starts without building anything: entries in list order, a hash table of
them (wl_hash, linear probing), tables of the lengths that start or end
at a bigram (wl_bi), and bitmaps of first, last and single characters.
tests/unit/tag-entities_tables.c builds every list again at run time and
compares.  te_cls, the character classes of the detectors, is derived
from the same lists.
"""
import os
import re
import sys

M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF

# Tags of the head list (org.c reads them by these names).
HEAD_TAGS = {"generic": 1, "level": 2, "needknown": 4, "event": 8, "conf": 16,
             "central": 32, "named": 64, "site": 128}

# Character classes (tools/tag-entities/text.h).
C_BRACKET, C_PLACE, C_FINAL, C_HEAD = 1, 2, 4, 8
C_CONGRESS, C_PERSON, C_TITLE = 16, 32, 128
BRACKETS = [0x300A, 0x300B, 0x3008, 0x3009, ord('<'), ord('>'), 0x201C, 0x201D,
            0x300C, 0x300D, 0x300E, 0x300F, ord('"'), 0xFF1C, 0xFF1E, 0xFF02]
CONGRESS = "党中十二全"


def wl_hash(k):
    h = 1469598103934665603
    for c in k:
        h = ((h ^ c) * 1099511628211) & M64
    return h ^ (h >> 29)


def wl_bi(a, b):
    return ((((a * 2654435761) & M32) ^ ((b * 40503) & M32)) >> 8) & 0xFFFF


def parse_tag(s):
    if s == "-":
        return 0
    if len(s) == 1 and not s.isdigit():
        return ord(s)
    if s.isdigit():
        return int(s)
    v = 0
    for part in s.split("+"):
        v |= HEAD_TAGS[part]
    return v


def read_words(path):
    lists, order, cur = {}, [], None
    with open(path, encoding="utf-8") as f:
        for ln in f:
            ln = ln.rstrip("\n")
            if not ln.strip() or ln.startswith("#"):
                continue
            if ln.startswith("= "):
                _, name, tag = ln.split()
                if name not in lists:
                    lists[name] = []
                    order.append(name)
                cur = (name, parse_tag(tag))
                continue
            for w in ln.split():
                lists[cur[0]].append((w, cur[1], 0))
    return order, lists


def c_string_lines(inc, name):
    """The lines of a string literal `name` in a generated .inc."""
    m = re.search(r"static const char %s\[\] =\n((?:\t\".*\"\n?)+);" % name, inc)
    body = "".join(re.findall(r'\t"(.*)"', m.group(1)))
    return body.replace('\\"', '"').replace("\\\\", "\\")


FOLD = {}


def read_fold(path):
    with open(path, encoding="utf-8") as f:
        for a, b in re.findall(r"\{ 0x([0-9A-Fa-f]+), 0x([0-9A-Fa-f]+) \}", f.read()):
            FOLD[int(a, 16)] = int(b, 16)


def fold(c):
    # zh_fold(): full-width ASCII and the ideographic space, then
    # traditional to simplified; a BMP character whose simplified form
    # lies beyond the BMP stays (data/gen-fold-table.py).
    if 0xFF01 <= c <= 0xFF5E:
        return c - 0xFEE0
    if c == 0x3000:
        return 0x20
    v = FOLD.get(c, c)
    return c if c < 0x10000 <= v else v


class Image:
    def __init__(self, entries):
        self.entries = entries
        self.pool, self.ent = [], []
        for w, tag, aux in entries:
            k = [fold(ord(c)) for c in w]
            if not k or len(k) > 255:
                raise SystemExit("bad word %r" % w)
            self.ent.append((len(self.pool), len(k), tag, aux))
            self.pool.extend(k)
        n = len(self.ent)
        size = 64
        while size < 2 * n + 2:
            size *= 2
        self.mask = size - 1
        self.slot = [0] * size
        self.first2 = [0] * size
        self.last2 = [0] * size
        self.bits = {b: bytearray(8192) for b in ("one", "fc", "lc", "f2", "l2")}
        self.maxlen = 0
        self.astral = 0
        for i, (off, ln, tag, aux) in enumerate(self.ent):
            k = self.pool[off:off + ln]
            h = wl_hash(k) & self.mask
            while self.slot[h]:
                h = (h + 1) & self.mask
            self.slot[h] = i + 1
            self.maxlen = max(self.maxlen, ln)
            if k[0] < 65536:
                self.setbit("fc", k[0])
            if k[-1] < 65536:
                self.setbit("lc", k[-1])
            if ln == 1:
                if k[0] < 65536:
                    self.setbit("one", k[0])
                else:
                    self.astral = 1
                continue
            f, l = wl_bi(k[0], k[1]), wl_bi(k[-2], k[-1])
            bit = 0x8000 if ln >= 15 else 1 << ln
            self.lens(self.first2, f, bit)
            self.lens(self.last2, l, bit)
            self.setbit("f2", f)
            self.setbit("l2", l)

    def setbit(self, b, c):
        self.bits[b][c >> 3] |= 1 << (c & 7)

    def lens(self, tab, h, bit):
        i = h & self.mask
        while tab[i] and tab[i] >> 16 != h:
            i = (i + 1) & self.mask
        tab[i] = (h << 16) | (tab[i] & 0xFFFF) | bit


def numbers(vals, per=8, fmt="0x%x"):
    out = []
    for i in range(0, len(vals), per):
        out.append("\t" + " ".join((fmt % v) + "," for v in vals[i:i + per]))
    return "\n".join(out)


def sparse_bytes(name, data):
    out = ["static const uint8_t %s[8192] = {" % name]
    nz = [(i, v) for i, v in enumerate(data) if v]
    for j in range(0, len(nz), 6):
        out.append("\t" + " ".join("[%d] = 0x%02x," % x for x in nz[j:j + 6]))
    out.append("};")
    return "\n".join(out)


def emit_image(name, im):
    p = "wl_" + name
    print("static const uint32_t %s_pool[] = {\n%s\n};" % (p, numbers(im.pool)))
    print("static const struct te_wle %s_ent[] = {" % p)
    for e in im.ent:
        print("\t{ %d, %d, %d, %d }," % e)
    print("};")
    for t in ("slot", "first2", "last2"):
        print("static const uint32_t %s_%s[%d] = {\n%s\n};" % (p, t, im.mask + 1,
                                                           numbers(getattr(im, t))))
    for b in ("one", "fc", "lc", "f2", "l2"):
        print(sparse_bytes("%s_%s" % (p, b), im.bits[b]))
    print("const struct te_wl te_%s = {" % p)
    print("\t%s_pool, %s_ent, %s_slot, %s_first2, %s_last2," % ((p,) * 5))
    print("\t%s_one, %s_fc, %s_lc, %s_f2, %s_l2," % ((p,) * 5))
    print("\t%d, %d, %d, %d" % (len(im.ent), im.mask, im.maxlen, im.astral))
    print("};\n")


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else "data"
    read_fold(os.path.join(top, "t2s_chars.inc"))
    order, lists = read_words(os.path.join(top, "entity-words.txt"))
    with open(os.path.join(top, "places.inc"), encoding="utf-8") as f:
        inc = f.read()
    # The gazetteer's small part: "K code name" lines.
    recs = []
    for ln in c_string_lines(inc, "places_small").split("\\n"):
        if not ln:
            continue
        kind, code, name = ln.split(" ", 2)
        recs.append((kind, code[:12], name))
    lists["gaz_small"] = [(r[2], ord(r[0]), i) for i, r in enumerate(recs)]
    order.append("gaz_small")
    images = {n: Image(lists[n]) for n in order}

    finals = c_string_lines(inc, "places_big_finals").split("\\n")[0]
    import base64
    pairs = base64.b64decode(c_string_lines(inc, "places_big_pairs"))

    cls = bytearray(65536)
    for c in BRACKETS:
        cls[c] |= C_BRACKET
    for c in CONGRESS:
        cls[ord(c)] |= C_CONGRESS

    def first(name, bit):
        im = images[name]
        for c in range(65536):
            if im.bits["fc"][c >> 3] & (1 << (c & 7)):
                cls[c] |= bit

    def last(name, bit):
        im = images[name]
        for c in range(65536):
            if im.bits["lc"][c >> 3] & (1 << (c & 7)):
                cls[c] |= bit

    first("gaz_small", C_PLACE)
    for c in finals:
        if ord(c) < 65536:
            cls[ord(c)] |= C_FINAL
    first("zones", C_PLACE)
    last("heads", C_HEAD)
    first("leaders", C_PERSON)
    first("surnames", C_PERSON)
    last("titles", C_TITLE)
    last("ptitles", C_TITLE)

    print("/* Generated by data/gen-entity-tables.py from data/entity-words.txt and")
    print(" * data/places.inc (%d gazetteer names), keys folded by data/t2s_chars.inc." % len(recs))
    print(" * Do not edit. */")
    for k, v in sorted(HEAD_TAGS.items(), key=lambda x: x[1]):
        print("#define TE_H_%s %d" % (k.upper(), v))
    print()
    for n in order:
        emit_image(n, images[n])
    # Gazetteer records: kind, code, name (offset and length in
    # te_gaz_names), and the indices of provinces..counties by code.
    names, offs = [], []
    pos = 0
    for kind, code, name in recs:
        b = name.encode("utf-8")
        offs.append((pos, len(b)))
        names.append(name)
        pos += len(b)
    print("static const char te_gaz_names_s[] =")
    line = ""
    for nm in names:
        line += nm
        if len(line) >= 24:
            print('\t"%s"' % line)
            line = ""
    print('\t"%s";' % line)
    print("const char *const te_gaz_names = te_gaz_names_s;")
    print("const struct te_gaz_rec te_gaz_recs[%d] = {" % len(recs))
    for (kind, code, name), (o, l) in zip(recs, offs):
        print('\t{ "%s", \'%s\', %d, %d },' % (code, kind, o, l))
    print("};")
    print("const size_t te_gaz_nrecs = %d;" % len(recs))
    bycode = sorted((i for i, r in enumerate(recs) if r[0] in "PCD"), key=lambda i: recs[i][1])
    print("const uint16_t te_gaz_bycode[%d] = {\n%s\n};" % (len(bycode), numbers(bycode, 12, "%d")))
    print("const size_t te_gaz_nbycode = %d;" % len(bycode))
    fin = bytearray(8192)
    for c in finals:
        if ord(c) < 65536:
            fin[ord(c) >> 3] |= 1 << (ord(c) & 7)
    print(sparse_bytes("te_gaz_finals_s", fin))
    print("const uint8_t *const te_gaz_finals = te_gaz_finals_s;")
    print(sparse_bytes("te_gaz_pairs_s", pairs[:8192]))
    print("const uint8_t *const te_gaz_pairs = te_gaz_pairs_s;")
    print("const uint8_t te_cls[65536] = {")
    nz = [(i, v) for i, v in enumerate(cls) if v]
    for j in range(0, len(nz), 6):
        print("\t" + " ".join("[0x%04x] = 0x%02x," % x for x in nz[j:j + 6]))
    print("};")


main()
