#!/usr/bin/env python3
"""The same report in Traditional and in Simplified (OpenCC t2s) must give
the same quotes and events: for every event its CAMEO code, status, date,
and the countries (or names converted with t2s) of its sources and
targets; for every quote its kind and its speaker's name.

usage: compare_scripts.py JISHI REPORT.txt [extract options...]
Exits 77 (skip) when the opencc command is missing.
"""
import json
import shutil
import subprocess
import sys
import tempfile


def t2s(s):
    return subprocess.run(["opencc", "-c", "t2s.json"], input=s, capture_output=True,
                          text=True, check=True).stdout


def record(jishi, path, extra):
    r = subprocess.run([jishi, "extract", path] + extra, capture_output=True)
    if r.returncode:
        sys.exit("compare_scripts: jishi extract %s failed: %s" % (path, r.stderr.decode()))
    return json.loads(r.stdout)


def summary(doc, conv):
    ents = {e["id"]: e for e in doc.get("entities", [])}

    def who(ref):
        e = ents.get(ref)
        if e is None:
            return str(ref)
        return e.get("country") or conv(e["name"])

    evs = sorted((v["cameo"], v["status"], str(v.get("when")),
                  tuple(sorted(who(x) for x in v.get("source", []))),
                  tuple(sorted(who(x) for x in v.get("target", []))))
                 for v in doc.get("events", []))
    qs = [(q["kind"], conv(ents[q["speaker"]]["name"]) if q.get("speaker") in ents else None)
          for q in doc.get("quotes", [])]
    return evs, qs


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    jishi, report, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    if shutil.which("opencc") is None:
        print("skip: no opencc command")
        sys.exit(77)
    src = open(report, encoding="utf-8").read()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(t2s(src))
        hans = f.name
    a_ev, a_q = summary(record(jishi, report, extra), lambda s: t2s(s).strip())
    b_ev, b_q = summary(record(jishi, hans, extra), lambda s: s)
    bad = 0
    for x in sorted(set(a_ev) ^ set(b_ev)):
        print(("only Traditional: " if x in a_ev else "only Simplified: ") + repr(x))
        bad += 1
    if a_q != b_q:
        print(f"quotes differ:\n  {a_q}\n  {b_q}")
        bad += 1
    print(f"{len(a_ev)} events, {len(a_q)} quotes; {'same' if not bad else 'DIFFERENT'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
