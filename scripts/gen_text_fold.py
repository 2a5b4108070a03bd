#!/usr/bin/env python3
"""Writes src/ui/core/text_fold_tables.inc, the tables behind fold_for_search()
(src/ui/core/text_fold.cpp), from Python's unicodedata. Run it by hand after a
change of rule or of Python's Unicode version, and commit its output:

    python3 scripts/gen_text_fold.py            # writes the .inc
    python3 scripts/gen_text_fold.py --dump F   # also writes "cp<TAB>folded hex" lines, for checking

The rule, per code point (the runtime applies it code point by code point, so
folding a concatenation is the concatenation of the folds, and a query found in
a text stays found once both are folded):

  1. compatibility decomposition (NFKD): precomposed letters split into base and
     marks, fullwidth/halfwidth forms, ligatures (U+FB01 -> "fi"), math letters,
     CJK compatibility ideographs, NBSP -> space;
  2. removal of combining marks (General Category Mn) and of default-ignorable
     format characters (soft hyphen, zero-width space/joiners, bidi marks,
     variation selectors, BOM);
  3. full case folding (CaseFolding.txt C+F, Python's str.casefold): "ß" -> "ss",
     final sigma -> sigma;
  4. letters whose stroke or bar is no combining mark, but which an
     accent-insensitive search is expected to match as the plain letter (as the
     Unicode Collation Algorithm does at primary strength): đ -> d, ł -> l,
     ø -> o, ħ -> h, ŧ -> t, ƀ -> b, ɨ -> i, ƶ -> z, ǥ -> g, dotless ı -> i,
     and the ligatures æ -> ae, œ -> oe;
  5. repeated until nothing changes (case folding can produce new decomposable
     letters, e.g. U+0130 -> "i" + U+0307).

Exceptions, so that Korean keeps matching syllable by syllable:
  * Hangul syllables, conjoining jamo and compatibility jamo map to themselves
    (the runtime composes conjoining jamo sequences L V [T] into syllables);
  * a character whose NFKD result contains jamo, or is only spaces although the
    character is not a space (U+00B4 ACUTE ACCENT -> " "), uses the canonical
    decomposition (NFD) instead of the compatibility one.
"""

import argparse
import os
import sys
import unicodedata as ud

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "ui", "core", "text_fold_tables.inc")

# Default-ignorable format characters removed besides the Mn marks (Hangul fillers
# U+115F, U+1160, U+3164, U+FFA0 are left alone: they belong to the jamo).
IGNORABLE = set(
    [0x00AD, 0x034F, 0x061C, 0xFEFF]
    + list(range(0x180B, 0x1810))
    + list(range(0x200B, 0x2010))
    + list(range(0x202A, 0x202F))
    + list(range(0x2060, 0x2070))
    + list(range(0xFE00, 0xFE10))
    + list(range(0xFFF0, 0xFFF9))
    + list(range(0x1BCA0, 0x1BCA4))
    + list(range(0x1D173, 0x1D17B))
    + list(range(0xE0000, 0xE1000))
)


# Step 4 (after case folding, so the capitals follow their small letters).
PLAIN_LETTER = {
    "\u0111": "d", "\u0142": "l", "\u00F8": "o", "\u0127": "h", "\u0167": "t", "\u0180": "b",
    "\u0268": "i", "\u01B6": "z", "\u01E5": "g", "\u0131": "i", "\u00E6": "ae", "\u0153": "oe",
}


def is_jamo(cp):
    return 0x1100 <= cp <= 0x11FF or 0xA960 <= cp <= 0xA97F or 0xD7B0 <= cp <= 0xD7FF or 0x3131 <= cp <= 0x318E


def is_hangul(cp):
    return 0xAC00 <= cp <= 0xD7A3 or is_jamo(cp)


def strip(s):
    return "".join(c for c in s if ud.category(c) != "Mn" and ord(c) not in IGNORABLE)


def pipeline(s, form):
    for _ in range(16):
        t = strip(ud.normalize(form, s)).casefold()
        t = "".join(PLAIN_LETTER.get(c, c) for c in t)
        t = strip(ud.normalize(form, t))
        if t == s:
            return t
        s = t
    raise RuntimeError("no fixpoint for %r" % s)


def fold_cp(cp):
    c = chr(cp)
    cat = ud.category(c)
    if cp in IGNORABLE:
        return ""
    if cat in ("Cs", "Co", "Cn") or is_hangul(cp):
        return c
    out = pipeline(c, "NFKD")
    if any(is_hangul(ord(x)) for x in out) or (out != "" and out.strip(" ") == "" and cat != "Zs"):
        out = pipeline(c, "NFD")
    return out


def build_map():
    m = {}
    for cp in range(0x110000):
        out = fold_cp(cp)
        if out != chr(cp):
            m[cp] = out
    # Idempotence: a folded string folds to itself.
    for cp, out in m.items():
        for x in out:
            assert m.get(ord(x), x) == x, (hex(cp), out)
    return m


def make_runs(m):
    """Covers the mapped code points with disjoint runs: delta runs (stride 1 or 2:
    cp -> cp + delta), constant runs (every cp -> one value) and list runs (one
    value per cp, in kFoldValues)."""
    keys = sorted(m)
    runs = []  # (first, count, kind, param) kind: 0 delta1, 1 delta2, 2 const, 3 list
    values = []
    i = 0
    pending = None  # open list run: [first, count, start index in values]

    def close_list():
        nonlocal pending
        if pending:
            if pending[1] == 1:  # a single value: inline, as a constant run
                runs.append((pending[0], 1, 2, values.pop()))
            else:
                runs.append((pending[0], pending[1], 3, pending[2]))
            pending = None

    while i < len(keys):
        cp = keys[i]
        out = m[cp]
        # constant run
        n_const = 1
        while cp + n_const in m and m[cp + n_const] == out:
            n_const += 1
        best = (n_const, 2, 1)
        if len(out) == 1:
            d = ord(out) - cp
            for kind, stride in ((0, 1), (1, 2)):
                n = 1
                while True:
                    prev = cp + stride * (n - 1)
                    nxt = prev + stride
                    if stride == 2 and prev + 1 in m:
                        break
                    if nxt in m and len(m[nxt]) == 1 and ord(m[nxt]) - nxt == d:
                        n += 1
                    else:
                        break
                if stride == 2 and n > 1 and cp + stride * (n - 1) + 1 in m:
                    pass  # the last member's odd neighbour is covered by its own run; no overlap
                if n > best[0]:
                    best = (n, kind, stride)
        n, kind, stride = best
        if n >= 3:
            close_list()
            param = (ord(out) - cp) if kind in (0, 1) else encode_value(out)
            runs.append((cp, n, kind, param))
            last = cp + stride * (n - 1)
        else:
            gap = cp - (pending[0] + pending[1]) if pending else -1
            if 0 <= gap <= 2:  # bridging a gap of unmapped code points costs less than a new run
                for k in range(gap):
                    values.append(pending[0] + pending[1] + k)
                pending[1] += gap + 1
            else:
                close_list()
                pending = [cp, 1, len(values)]
            values.append(encode_value(out))
            last = cp
        while i < len(keys) and keys[i] <= last:
            i += 1
    close_list()
    return runs, values


POOL = bytearray()
POOL_INDEX = {}


def encode_value(out):
    """A single code point as itself; anything else (empty, several code points)
    as 0x80000000 | offset << 8 | byte length in kFoldPool."""
    if len(out) == 1:
        return ord(out)
    b = out.encode("utf-8")
    if b not in POOL_INDEX:
        at = POOL.find(b)
        if at < 0:
            at = len(POOL)
            POOL.extend(b)
        POOL_INDEX[b] = at
    at = POOL_INDEX[b]
    assert len(b) < 256 and at < (1 << 23)
    return 0x80000000 | (at << 8) | len(b)


def c_string(data, width=100):
    """A narrow string literal: ASCII as is, the rest as universal character
    names, which GCC and Clang store as UTF-8 (their default execution charset)."""
    lines, cur = [], ""
    for ch in data.decode("utf-8"):
        cp = ord(ch)
        if 0x20 <= cp < 0x7F:
            piece = "\\" + ch if ch in '\\"?' else ch  # \? : no trigraph warnings
        elif cp < 0xA0:  # no universal character names below U+00A0
            piece = "".join("\\%03o" % b for b in ch.encode("utf-8"))
        else:
            piece = "\\u%04X" % cp if cp < 0x10000 else "\\U%08X" % cp
        if len(cur) + len(piece) > width:
            lines.append('"%s"' % cur)
            cur = ""
        cur += piece
    lines.append('"%s"' % cur)
    return "\n    ".join(lines)


def wrap(items, width=100):
    lines, cur = [], ""
    for item in items:
        if cur and len(cur) + len(item) + 1 > width:
            lines.append("    " + cur)
            cur = ""
        cur += item + ","
    lines.append("    " + cur)
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", help="also write every mapped code point and its fold to this file")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()

    m = build_map()
    # text_fold.cpp copies U+4000..U+9FFF (CJK ideographs) without a lookup.
    assert not any(0x4000 <= cp <= 0x9FFF for cp in m)
    runs, values = make_runs(m)
    blocks = [0] * (0x110000 // 256 // 64)
    for cp in m:
        b = cp >> 8
        blocks[b // 64] |= 1 << (b % 64)

    kinds = ["D1", "D2", "K", "L"]
    run_items = []
    for first, count, kind, param in runs:
        p = ("%d" % param) if kind in (0, 1) else ("0x%X" % param if kind == 2 else "%d" % param)
        run_items.append("{0x%X,%d,%s,%s}" % (first, count, kinds[kind], p))
    value_items = ["0x%X" % v for v in values]
    block_items = ["0x%Xu" % b if b else "0" for b in blocks]

    text = []
    text.append("// Generated by scripts/gen_text_fold.py from Unicode %s (Python %d.%d unicodedata)."
                % (ud.unidata_version, sys.version_info[0], sys.version_info[1]))
    text.append("// Do not edit: change the script and run it again. %d code points fold to something" % len(m))
    text.append("// else; see the script for the rule and src/ui/core/text_fold.cpp for the lookup.")
    text.append("// Included by text_fold.cpp only, inside its anonymous namespace.")
    text.append("")
    text.append("constexpr const char* kFoldUnicodeVersion = \"%s\";" % ud.unidata_version)
    text.append("")
    text.append("// Bit b of word b/64: the 256-code-point block b holds a mapped code point.")
    text.append("constexpr std::uint64_t kFoldBlocks[%d] = {\n%s\n};" % (len(blocks), wrap(block_items)))
    text.append("")
    text.append("// UTF-8 of the multi-code-point (and the empty) folds.")
    text.append("constexpr char kFoldPool[] =\n    %s;" % c_string(POOL))
    text.append("static_assert(sizeof(kFoldPool) == %d + 1, \"kFoldPool must be UTF-8 (the execution charset)\");" % len(POOL))
    text.append("")
    text.append("// Per-code-point values of the list runs: a code point, or 0x80000000 | offset << 8 | length in kFoldPool.")
    text.append("constexpr std::uint32_t kFoldValues[%d] = {\n%s\n};" % (len(values), wrap(value_items)))
    text.append("")
    text.append("// Sorted, disjoint runs {first, count, kind, param}: D1/D2 = cp -> cp + param for every")
    text.append("// first + k*stride (stride 1 or 2), K = every cp -> value param, L = cp -> kFoldValues[param + k].")
    text.append("constexpr FoldRun kFoldRuns[%d] = {\n%s\n};" % (len(runs), wrap(run_items)))
    text.append("")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(text))
    if args.dump:
        with open(args.dump, "w") as f:
            for cp in sorted(m):
                f.write("%X\t%s\n" % (cp, m[cp].encode("utf-8").hex()))
    print("%d mapped code points, %d runs, %d list values, %d pool bytes -> %s (%d bytes)"
          % (len(m), len(runs), len(values), len(POOL), os.path.normpath(args.out), os.path.getsize(args.out)))


if __name__ == "__main__":
    main()
