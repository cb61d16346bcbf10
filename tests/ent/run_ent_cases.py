#!/usr/bin/env python3
"""Entity cases: run `jishi extract` over CASES (JSON Lines) and check each
case's expectations.

usage: run_ent_cases.py JISHI CASES.jsonl [--model PATH]

A case is {"id", "date", "text", "expect": [...]}; an expectation names an
entity by one of its forms and type:
  name, type        an entity of that type has `name` among its forms
                    (name, aliases, mention texts)
  country, actor    its country / actor code (null: must be null)
  forms             other forms it must also have (coreference)
  mentions          texts some mention span of it must cover exactly (the
                    name's part of a surname and title: 毛 in 毛主席)
  then              true: one of its titles has then == true
  distinct          it must not be the entity that has this form
  absent            true: no entity of that type has that form
Every mention span must cover exactly the text of one of the entity's
forms. Prints one line per failed check and a summary; exits 1 on any
failure.
"""
import json
import subprocess
import sys


def forms(ent, text):
    f = {ent.get("name")} | set(ent.get("aliases") or [])
    for s, e in ent.get("mentions") or []:
        f.add(text[s:e])
    return f


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    jishi, path = sys.argv[1], sys.argv[2]
    extra = sys.argv[3:]
    cases = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    inp = "".join(json.dumps({"id": c["id"], "text": c["text"], "date": c["date"]},
                             ensure_ascii=False) + "\n" for c in cases)
    r = subprocess.run([jishi, "extract", "--input", "jsonl", "-f", "jsonl"] + extra,
                       input=inp.encode(), capture_output=True)
    if r.returncode not in (0,):
        sys.stderr.write(r.stderr.decode(errors="replace"))
        sys.exit("run_ent_cases: jishi extract failed (%d)" % r.returncode)
    recs = {}
    for line in r.stdout.decode().splitlines():
        o = json.loads(line)
        recs[o["doc"]["id"]] = o
    checks = fails = 0
    for c in cases:
        o = recs.get(c["id"])
        if o is None:
            print("FAIL %s: no record" % c["id"])
            fails += 1
            continue
        text = c["text"]
        ents = o.get("entities") or []
        for e in ents:  # spans must point at the forms they claim
            for s, t in e.get("mentions") or []:
                checks += 1
                if not (0 <= s < t <= len(text)):
                    fails += 1
                    print("FAIL %s: %s mention [%d,%d) out of range" % (c["id"], e.get("name"), s, t))
        for x in c["expect"]:
            checks += 1
            cands = [e for e in ents if e.get("type") == x["type"] and x["name"] in forms(e, text)]
            if x.get("absent"):
                if cands:
                    fails += 1
                    print("FAIL %s: %s %s should not be an entity" % (c["id"], x["type"], x["name"]))
                continue
            if len(cands) != 1:
                fails += 1
                got = [(e.get("type"), e.get("name")) for e in ents]
                print("FAIL %s: %s %s found %d times; entities %s" % (c["id"], x["type"], x["name"], len(cands), got))
                continue
            e = cands[0]
            bad = []
            for k in ("country", "actor"):
                if k in x and e.get(k) != x[k]:
                    bad.append("%s %r != %r" % (k, e.get(k), x[k]))
            for f in x.get("forms") or []:
                if f not in forms(e, text):
                    bad.append("form %s missing" % f)
            spans = {text[s:t] for s, t in e.get("mentions") or []}
            for m in x.get("mentions") or []:
                if m not in spans:
                    bad.append("no mention %s (mentions %s)" % (m, sorted(spans)))
            if x.get("then") and not any(t.get("then") for t in e.get("titles") or []):
                bad.append("no former title")
            if "distinct" in x and x["distinct"] in forms(e, text):
                bad.append("merged with %s" % x["distinct"])
            if bad:
                fails += 1
                print("FAIL %s: %s: %s" % (c["id"], x["name"], "; ".join(bad)))
    print("%d cases, %d checks, %d failed" % (len(cases), checks, fails))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
