#!/usr/bin/env python3
"""Derive data/script/chars.tsv from OpenCC's character tables.

usage: make_script_chars.py STCharacters.txt TSCharacters.txt > data/script/chars.tsv

A character is 'hans' (found only in Simplified text) when OpenCC's
Simplified->Traditional table maps it only to other characters, and 'hant'
when the Traditional->Simplified table maps it only to other characters.
Characters that map to themselves among other targets (后 -> 后 後,
著 -> 著 着) occur in both scripts and are left out.
"""
import sys


def only_other(path):
    out = set()
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        src, _, targets = line.rstrip("\n").partition("\t")
        if len(src) != 1:
            continue
        if src not in targets.split(" "):
            out.add(src)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    hans = only_other(sys.argv[1])
    hant = only_other(sys.argv[2])
    both = hans & hant
    print("# Characters that tell a document's script. Derived from OpenCC's")
    print("# STCharacters.txt / TSCharacters.txt (Apache-2.0) by")
    print("# tools/data/make_script_chars.py; see data/NOTICE.")
    print("char\tscript")
    for c in sorted(hant - both):
        print(f"{c}\thant")
    for c in sorted(hans - both):
        print(f"{c}\thans")


if __name__ == "__main__":
    main()
