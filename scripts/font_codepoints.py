# Code points for the font subsets, for pyftsubset (CMakeLists.txt, "The static site").
# usage: font_codepoints.py cjk OUT.txt [TEXT_FILE...] | icons OUT.txt SOURCE_FILE...
import re
import sys


def table(encoding, rows):
    chars = (bytes([hi, lo]).decode(encoding, "replace") for hi in rows for lo in range(0xA1, 0xFF))
    return {c for c in chars if len(c) == 1 and c != "\ufffd"}


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def main(kind, out, files):
    if kind == "cjk":
        chars = table("gb2312", range(0xA1, 0xF8)) | table("euc_jp", range(0xB0, 0xD0))
        blocks = [(0x3000, 0x30FF), (0x31F0, 0x31FF), (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]
        chars |= {chr(c) for a, b in blocks for c in range(a, b + 1)}
        chars |= {c for f in files for c in read(f) if ord(c) >= 0x2E80}
    else:
        chars = set()
        for f in files:
            text = read(f)
            for run in re.findall(r"(?:\\x[0-9a-fA-F]{2})+", text):
                text += bytes.fromhex(run.replace("\\x", "")).decode("utf-8", "ignore")
            chars |= {c for c in text if 0xE000 <= ord(c) <= 0xF8FF}
    with open(out, "w", encoding="utf-8") as f:
        f.write("".join(sorted(chars)))


main(sys.argv[1], sys.argv[2], sys.argv[3:])
