#!/usr/bin/env python3
"""List jishi's false and missed entity spans on an NER set, one per line.

    tools/ner_errors.py [--jishi BIN] [--type PER] FILE > errors.txt

FILE is any set bench/ner_suite.py reads (People's Daily BIO, Weibo CoNLL,
CLUENER JSON lines), scored the same way (exact spans after the type
mapping). Each line is "FP|MISS <sentence> <text> | <context>"; per-type
counts and F1 go to stderr. To see what a change did, run it with the old
and the new binary and diff the two lists on the part before " | ":

    diff <(cut -d'|' -f1 old.txt | sort) <(cut -d'|' -f1 new.txt | sort)
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "bench"))
import ner_suite as ns  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--jishi", default=os.path.join(ns.REPO, "build", "jishi"))
    ap.add_argument("--type", default="PER", choices=ns.TYPES)
    a = ap.parse_args()
    ds = ns.load_dataset(a.file, "auto")
    run = ns.run_jishi(a.jishi, None, [s.text for s in ds.sentences])
    rows = ns.score(ds.sentences, run.preds)
    for t in ns.TYPES:
        g, p, c = rows[t]
        P, R, F = ns.prf(g, p, c)
        print(f"{t} gold {g} predicted {p} correct {c} "
              f"P {P:.4f} R {R:.4f} F {F:.4f}", file=sys.stderr)
    for i, (s, p) in enumerate(zip(ds.sentences, run.preds)):
        gold = {x for x in s.gold if x[2] == a.type}
        pred = {x for x in p if x[2] == a.type}
        for kind, spans in (("FP", pred - gold), ("MISS", gold - pred)):
            for b, e, _ in sorted(spans):
                ctx = (s.text[max(0, b - 12):b] + "[" + s.text[b:e] + "]" +
                       s.text[e:e + 12])
                print(kind, i, s.text[b:e], "|", ctx)


if __name__ == "__main__":
    main()
