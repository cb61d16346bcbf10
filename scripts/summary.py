#!/usr/bin/env python3
"""summary.py RECORDS.jsonl -- print what jishi found, one block per report."""
import json
import sys


def main(path):
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        d = r["doc"]
        by = r.get("byline") or {}
        print(f"== {d['id'][:40]}  ({d['bytes']} bytes, {d['script']})")
        print(f"   dateline {d['dateline']}   anchor {d['anchor']}")
        if by:
            print(f"   byline   {'、'.join(by['reporters'])} / {by.get('desk') or '-'}"
                  f"{' / ' + by['agency'] if by.get('agency') else ''}")
        print(f"   {len(r['paragraphs'])} paragraphs, {len(r['captions'])} captions")
        for c in r["captions"]:
            print(f"     caption: {c['text'][:28]}…  credits {c['credits']}")
        if r["sources"]:
            print(f"   cited media: {', '.join(s['name'] for s in r['sources'])}")
        for d in r.get("diagnostics", []):
            print(f"   note: {d['stage']} {d['code']}")
        print()


if __name__ == "__main__":
    main(sys.argv[1])
