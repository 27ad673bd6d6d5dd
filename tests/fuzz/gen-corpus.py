#!/usr/bin/python3
"""Writes the seed corpora of the common/ fuzz harnesses.

Run from the repository root: /usr/bin/python3 tests/fuzz/gen-corpus.py
Byte 0 of every seed is the harness's option byte (see each harness).
The text is the project's own (a fictional district), never seed reports.
"""
import gzip
import os

TEXT = ("青川市滨江区2025年滨江新区治理简报\n"
        "一、主要举措\r\n"
        "（一）深化“放管服”工作，办理行政复议案件126件。\n"
        "滨江区司法局\r"
        "二、存在的不足").encode()


def write(harness, name, data):
    d = os.path.join("tests/fuzz/corpus", harness)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def gz(b):
    return gzip.compress(b, mtime=0)


# common_lines: bit 0 ZL_CR_EOL, bit 1 two gzip members, bit 2 cut short.
for opt in (0, 1, 2, 3, 5, 0x36, 0x77):
    write("common_lines", "text-%02x" % opt, bytes([opt]) + TEXT)
write("common_lines", "empty", b"\x00")
write("common_lines", "newlines", b"\x01" + b"\n\r\n\r\r\n\n")
write("common_lines", "nul", b"\x00" + b"a\x00b\n\x00\n\x00")
write("common_lines", "cr-split", b"\x01" + b"x" * 127 + b"\r\n" + b"y" * 126 + b"\r")
write("common_lines", "gzip", b"\x00" + gz(TEXT))
write("common_lines", "gzip-2members", b"\x01" + gz(TEXT[:40]) + gz(TEXT[40:]))
write("common_lines", "gzip-truncated", b"\x00" + gz(TEXT)[:-9])
write("common_lines", "gzip-garbage", b"\x00" + gz(TEXT) + b"\x00\x00junk")
write("common_lines", "gzip-bad-header", b"\x00\x1f\x8b\x09\x00" + TEXT)

# common_tsv: bit 0 -H, bit 1 the input given twice.
ROWS = ("doc\tline\tflags\ttext\n"
        "d1\t1\t-\t一、主要举措\n"
        "d1\t2\t-\t制度\\t汇编\\n第\\\\二\\x版\\\n"
        "d1\t3\t行政复议\n"
        "\t\t\t\n"
        "d1\t4\tr\t@TRUNC@\n"
        "d1\t5\t-\t@OVERLONG@ 过长\r\n"
        "d1\t6\t-\tA\x00B\n"
        "d1\t7\t-\textra\tcolumn").encode()
ROWS = ROWS.replace(b"@TRUNC@", b"\xe4\xb8").replace(b"@OVERLONG@", b"\xc0\xaf\xed\xa0\x80")
for opt in (0, 1, 2, 3):
    write("common_tsv", "rows-%d" % opt, bytes([opt]) + ROWS)
write("common_tsv", "empty-h", b"\x01")
write("common_tsv", "header-only", b"\x01doc\tline\tflags\ttext\n")
write("common_tsv", "no-tabs", b"\x00" + TEXT)
write("common_tsv", "escapes", b"\x00" + b"\\\\\\t\\n\\r\\a\\\n\\\\\\\n")
write("common_tsv", "gzip", b"\x01" + gz(ROWS))

# extract-numbers_values: byte 0 < 16 anchors the year 2000+N.
VALUES = {
    "money": "滨江区财政安排专项经费3996.98万元，减免罚款约860万元，涉及金额1.37亿元。",
    "counts": "受理申请384件，审结339件，惠及群众超5万人次，培训执法人员800余人次。",
    "percent": "成功率98.2%，下降4.7个百分点，百分之八十七，增长两成，翻了1.5倍。",
    "dates": "2024年12月24日，2021/03/29，“3·15”，10月底，2023-2025年，2024年1月至11月，今年，上年度。",
    "numerals": "一千二百三十四人，两万余件，廿三项，壹佰贰拾元，第三名，一年半，十四五，二十大。",
    "digits": "１２３４５件，12,345元，0.05%，000123人，99999999999999999999999元。",
}
for name, text in VALUES.items():
    for opt in (0, 7):
        write("extract-numbers_values", "%s-%d" % (name, opt), bytes([opt]) + text.encode())

# normalize_decode: bits 0-3 force an encoding (0 detects), bit 4
# --keep-chrome, bit 5 --punct=ascii, bits 6-7 script conversion.
DOC = ("当前位置：首页 > 政务公开 > 工作动态\n"
       "青川市滨江区2025年滨江新区治理简报\n"
       "来源：滨江区司法局　发布时间：2025-01-15\n"
       "  一、主要举措\n"
       "（一）办理行政复议案件126件，ＡＢＣ１２３，同比增长12.5%。\n"
       "\n"
       "二、存在的不足\n"
       "【打印本页】【关闭窗口】\n")
TRAD = "青川市濱江區司法局辦理行政複議案件126件，「放管服」工作持續深化。\n"
for name, opt, data in (
        ("utf8", 0x00, DOC.encode()),
        ("utf8-keep", 0x10, DOC.encode()),
        ("utf8-bom", 0x00, b"\xef\xbb\xbf" + DOC.encode()),
        ("utf8-crlf", 0x20, DOC.replace("\n", "\r\n").encode()),
        ("utf16le-bom", 0x00, b"\xff\xfe" + DOC.encode("utf-16-le")),
        ("utf16be", 0x00, DOC.encode("utf-16-be")),
        ("utf16le-forced", 0x03, DOC.encode("utf-16-le")),
        ("gb18030", 0x00, DOC.encode("gb18030")),
        ("gb18030-forced", 0x07, DOC.encode("gb18030")),
        ("big5", 0x00, TRAD.encode("big5")),
        ("big5-to-s", 0x48, TRAD.encode("big5")),
        ("trad-to-s", 0x40, TRAD.encode()),
        ("simp-to-t", 0x80, DOC.encode()),
        ("lone-surrogate", 0x00, b"\xff\xfe" + "滨江".encode("utf-16-le") + b"\x00\xd8A\x00\n\x00"),
        ("invalid", 0x00, DOC.encode()[:40] + b"\xff\xc0\xaf\xed\xa0\x80" + DOC.encode()[40:]),
        ("binary", 0x00, bytes(range(256)) * 4),
        ("nul", 0x00, b"a\x00b\n" * 20)):
    write("normalize_decode", name, bytes([opt]) + data)

# tag-entities_user: DICT \0 PATTERNS \0 TEXT (the files of --dict and
# --patterns are the fuzz input too).
DICT = "ORG\t滨江区司法局\tBJ-SFJ\nPLACE\t滨江\nTERM\t枫桥经验\nLAW\t滨江区条例\n"
PATS = "EVENT\t第[一二三]届\\S{1,6}博览会\nLAW\t(a+)+b\nPERSON\t(?:x|xx)*y\n"
TEXT = "青川市滨江区司法局在滨江举办第三届青川法治博览会，坚持“枫桥经验”。aaaaaaaaaaaaaaaaaaaaaaaac"
for name, d, pt in (
        ("basic", DICT, PATS),
        ("bad-lines", "ORG\nNOPE\tx\n\t\nPLACE\t\n" + DICT, "LAW\t[\nORG\t(?<\nXX\ta\n" + PATS),
        ("crlf", DICT.replace("\n", "\r\n"), PATS.replace("\n", "\r\n")),
        ("empty", "", "")):
    write("tag-entities_user", name, (d + "\0" + pt + "\0" + TEXT).encode())
write("tag-entities_user", "invalid", b"ORG\t\xff\xfe\n\0LAW\t\xc0\xaf\n\0" + TEXT.encode())
