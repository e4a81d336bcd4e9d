#!/usr/bin/env python3
"""Grow a Reuters-format corpus with SYNTHETIC copies, for scale benchmarks.

    bench/grow.py SRC_DIR DST_DIR K

Writes DST_DIR/copy-<k>/... for k = 1..K: each article of SRC_DIR again, with
its date line shifted by 8*k years, a new id (file name), and its paragraphs
shuffled (each paragraph kept whole). The original is linked as copy-0. Every
figure measured on the result must be labelled synthetic. Never commit it.
"""
import os
import random
import re
import sys

MONTH_DAY = re.compile(r"^(-- \w{3} \w{3} \d{1,2}, )(\d{4})( .*)$")


def grow(src, dst, k):
    os.makedirs(dst, exist_ok=True)
    if not os.path.exists(os.path.join(dst, "copy-0")):
        os.symlink(os.path.abspath(src), os.path.join(dst, "copy-0"))
    for copy in range(1, k + 1):
        rng = random.Random(copy)
        for folder, _, files in os.walk(src):
            rel = os.path.relpath(folder, src)
            out_dir = os.path.join(dst, f"copy-{copy}", rel)
            os.makedirs(out_dir, exist_ok=True)
            for name in files:
                if name.startswith(".") or name.endswith(".gz"):
                    continue
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                    text = f.read()
                head, _, body = text.partition("\n\n")
                lines = head.split("\n")
                lines = [MONTH_DAY.sub(lambda m: f"{m[1]}{int(m[2]) + 8 * copy}{m[3]}", l) for l in lines]
                paras = [p for p in body.split("\n") if p.strip()]
                rng.shuffle(paras)
                with open(os.path.join(out_dir, f"{name}-synthetic{copy}"), "w", encoding="utf-8") as f:
                    f.write("\n".join(lines) + "\n\n" + "\n".join(paras) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    grow(sys.argv[1], sys.argv[2], int(sys.argv[3]))
