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
        people = [e for e in r.get("entities", []) if e["type"] == "PERSON"]
        for e in people[:8]:
            titles = ", ".join(("former " if t["then"] else "") + t["text"]
                               for t in e.get("titles") or [])
            print(f"   person   {e['name']:<8} {e.get('country') or '-':<4} "
                  f"{e.get('actor') or '-':<7} {len(e['mentions'])} mentions"
                  f"{'  (' + titles + ')' if titles else ''}")
        others = [e for e in r.get("entities", []) if e["type"] != "PERSON"]
        if others:
            print(f"   also     {len(others)} places, organisations and outlets: "
                  f"{'、'.join(e['name'] for e in others[:10])}…")
        times = [t for t in r.get("times", []) if t["type"] in ("DATE", "TIME")
                 and t["value"][:1].isdigit()]
        if times:
            print("   timeline " + "; ".join(f"{t['text']}={t['value']}" for t in times[:8]))
        ents = {e["id"]: e for e in r.get("entities", [])}
        name = lambda ref: ents[ref]["name"] if ref in ents else ref
        quotes = [q for q in r.get("quotes", []) if q["kind"] == "speech"]
        for q in quotes[:4]:
            who = name(q["speaker"]) if q.get("speaker") else "?"
            print(f"   quote    {who}: 「{q['text'][:24]}…」")
        evs = sorted(r.get("events", []), key=lambda v: (v.get("when") or "9999", v["id"]))
        for v in evs[:12]:
            src = "、".join(name(x) for x in v["source"]) or "?"
            tgt = "、".join(name(x) for x in v["target"]) or "-"
            st = "" if v["status"] == "asserted" else f" [{v['status']}]"
            print(f"   event    {v.get('when') or '          '}  {v['cameo']:<4} "
                  f"{v.get('plover') or '':<9} {src} -> {tgt}{st}")
        if len(evs) > 12:
            print(f"   …        {len(evs) - 12} more events")
        for d in r.get("diagnostics", []):
            print(f"   note: {d['stage']} {d['code']}")
        print()


if __name__ == "__main__":
    main(sys.argv[1])
