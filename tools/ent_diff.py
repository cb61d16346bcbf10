#!/usr/bin/env python3
"""What changed in the entities between two runs of jishi on the same input.

usage: python3 tools/ent_diff.py [--no-country] OLD.jsonl NEW.jsonl

OLD and NEW are `jishi extract --input jsonl -f jsonl` outputs of the same
records (one JSON object a line, in the same order), e.g. of the 195
shared reports by two binaries:

  old/jishi extract --input jsonl -f jsonl < articles.shared.jsonl > old.jsonl
  build/jishi extract --input jsonl -f jsonl < articles.shared.jsonl > new.jsonl

Prints, over all records: mentions added and removed by (type, name,
country) -- with --no-country by (type, name), so that a country filled
in is no change; persons' titles added and removed by (name, title, org,
country); and how many persons have a name in Latin letters among their
aliases in each run. Used to check rules on reports that have no gold.
"""
import collections
import json
import re
import sys


def load(path):
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
    return docs


NO_COUNTRY = False


def mentions(doc):
    return collections.Counter(
        (e["type"], e["name"]) if NO_COUNTRY else
        (e["type"], e["name"], e.get("country"))
        for e in doc.get("entities") or []
        for _ in e.get("mentions") or [])


def titles(doc):
    return collections.Counter(
        (e["name"], t.get("text"), t.get("org"), e.get("country"))
        for e in doc.get("entities") or [] if e.get("type") == "PERSON"
        for t in e.get("titles") or [])


def latin(doc):
    return sum(1 for e in doc.get("entities") or []
               if e.get("type") == "PERSON" and
               any(re.match(r"[A-Za-z]", a) for a in e.get("aliases") or []))


def show(title, added, removed):
    print(f"{title}: +{sum(added.values())} -{sum(removed.values())}")
    for k, v in added.most_common():
        print("  +", k, v)
    for k, v in removed.most_common():
        print("  -", k, v)


def main():
    global NO_COUNTRY
    args = sys.argv[1:]
    if args and args[0] == "--no-country":
        NO_COUNTRY = True
        args = args[1:]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    old, new = load(args[0]), load(args[1])
    if len(old) != len(new):
        print(f"ent_diff: {len(old)} records against {len(new)}",
              file=sys.stderr)
        return 1
    ma, mr, ta, tr = (collections.Counter() for _ in range(4))
    changed = 0
    for a, b in zip(old, new):
        x, y = mentions(a), mentions(b)
        changed += x != y
        ma.update(y - x)
        mr.update(x - y)
        x, y = titles(a), titles(b)
        ta.update(y - x)
        tr.update(x - y)
    print(f"records: {len(old)}, with other mentions: {changed}")
    show("mentions", ma, mr)
    show("titles", ta, tr)
    print("persons with a Latin alias:", sum(map(latin, old)), "->",
          sum(map(latin, new)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
