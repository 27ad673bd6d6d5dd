#!/usr/bin/python3
"""Score zh-normalize's repair of a document damaged by damage.py.

  score.py CLEAN.tsv DAMAGED.tsv KEY [DAMAGED.txt] [--verbose]

CLEAN.tsv and DAMAGED.tsv are zh-normalize --keep-chrome outputs of the
clean and the damaged document.  Prints, by dropped pairs (0, 1, 2+),
the damaged rows restored exactly (flag r, same text), the rows left
(flag l) and the silent misreads (flag r without l, different text),
then the same for the runs whose last character lost its trail byte.
The last line is machine-readable: "score N0 E0 N1 E1 N2 E2 ROWS SILENT".
"""
import sys


def rows(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            out[int(c[1])] = (c[2], c[3])
    return out


def main():
    verbose = "--verbose" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--verbose"]
    clean, dmg = rows(args[0]), rows(args[1])
    raw = {}
    if len(args) > 3:
        with open(args[3], encoding="utf-8") as f:
            raw = dict(enumerate(f.read().split("\n"), 1))
    tot = [0, 0, 0]
    ok = [0, 0, 0]
    left = [0, 0, 0]
    silent = [0, 0, 0]
    lost_n = lost_ok = lost_silent = 0
    kinds = {}
    with open(args[2], encoding="utf-8") as f:
        for line in f:
            no, drops, lost, kind = line.rstrip("\n").split("\t")
            no, d, lost = int(no), min(int(drops), 2), int(lost)
            want = clean.get(no, ("", ""))[1]
            flags, got = dmg.get(no, ("", ""))
            tot[d] += 1
            good = "r" in flags and got == want
            bad = "r" in flags and "l" not in flags and got != want
            ok[d] += good
            kk = kinds.setdefault(kind, [0, 0, 0])
            kk[0] += 1
            kk[1] += good
            kk[2] += bad
            left[d] += "l" in flags
            silent[d] += bad
            if lost:
                lost_n += 1
                lost_ok += good
                lost_silent += bad
            if verbose and not good:
                print("%s %d %s d=%s\n  seen %s\n  got  %s\n  want %s" % (
                    "SILENT" if bad else "miss", no, flags, drops, raw.get(no, ""),
                    got, want))
    for d in range(3):
        print("%s dropped pairs: %d rows, %d exact (%.0f%%), %d flagged l, %d silent" % (
            ("0", "1", "2+")[d], tot[d], ok[d], 100.0 * ok[d] / max(tot[d], 1),
            left[d], silent[d]))
    print("last character lost: %d rows, %d exact, %d silent" % (lost_n, lost_ok, lost_silent))
    for k in sorted(kinds):
        print("runs starting at %s: %d rows, %d exact, %d silent" % ((k,) + tuple(kinds[k])))
    n = sum(tot)
    print("silent misreads: %d of %d rows (%.1f%%)" % (sum(silent), n, 100.0 * sum(silent) / max(n, 1)))
    print("score %d %d %d %d %d %d %d %d" % (tot[0], ok[0], tot[1], ok[1], tot[2], ok[2], n, sum(silent)))


if __name__ == "__main__":
    sys.exit(main())
