#!/usr/bin/python3
"""jieba (Debian python3-jieba) as a SIGHAN-format segmenter.

usage: jieba_seg.py [--dict WORDS] < INPUT > OUTPUT

Reads UTF-8 lines on stdin (LF or CRLF) and writes, for each, the words of
jieba.cut(line, HMM=True) (the default "accurate" mode) separated by single
spaces; whitespace-only tokens are dropped.  --dict loads a word list (one
word a line, optional frequency / tag) with jieba.load_userdict, which gives
words without a frequency the one suggest_freq() computes.
Run it with /usr/bin/python3: python3-jieba is installed there.
"""
import argparse
import logging
import sys

import jieba


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dict", help="user dictionary for jieba.load_userdict")
    a = ap.parse_args()
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    if a.dict:
        jieba.load_userdict(a.dict)
    inp = open(sys.stdin.fileno(), encoding="utf-8", newline="", closefd=False)
    out = sys.stdout
    for line in inp:
        line = line.rstrip("\r\n")
        out.write(" ".join(w for w in jieba.cut(line, HMM=True) if w.strip()))
        out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
