#!/usr/bin/env python3
"""The same report in Traditional and in Simplified (OpenCC t2s) must give
the same entities: same types, countries, actor codes and former-office
marks, the same number of mentions, names that convert into each other.

usage: compare_scripts.py JISHI REPORT.txt [--model PATH]
Exits 77 (skip) when the opencc command is missing.
"""
import json
import shutil
import subprocess
import sys
import tempfile


def entities(jishi, path, extra):
    r = subprocess.run([jishi, "extract", path] + extra, capture_output=True)
    if r.returncode:
        sys.exit("compare_scripts: jishi extract %s failed: %s" % (path, r.stderr.decode()))
    return json.loads(r.stdout)["entities"]


def key(e, conv):
    return (e["type"], conv(e["name"]), e.get("country"), e.get("actor"),
            any(t.get("then") for t in e.get("titles") or []), len(e.get("mentions") or []))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    jishi, report, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    if shutil.which("opencc") is None:
        print("skip: no opencc command")
        sys.exit(77)
    src = open(report, encoding="utf-8").read()

    def t2s(s):
        return subprocess.run(["opencc", "-c", "t2s.json"], input=s, capture_output=True,
                              text=True, check=True).stdout

    hans = t2s(src)
    if len(hans) != len(src):
        sys.exit("compare_scripts: t2s changed the length of the text")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(hans)
        hpath = f.name
    a = entities(jishi, report, extra)
    b = entities(jishi, hpath, extra)
    names = t2s("\n".join(e["name"] for e in a)).split("\n") if a else []
    conv_map = dict(zip((e["name"] for e in a), names))
    ka = sorted(key(e, lambda n: conv_map.get(n, n)) for e in a)
    kb = sorted(key(e, lambda n: n) for e in b)
    fails = 0
    for x in sorted(set(ka) - set(kb)):
        print("only in the Traditional text:", x)
        fails += 1
    for x in sorted(set(kb) - set(ka)):
        print("only in the Simplified text: ", x)
        fails += 1
    print("%d entities (Traditional), %d (Simplified), %d differences" % (len(a), len(b), fails))
    sys.exit(1 if fails or not a else 0)


if __name__ == "__main__":
    main()
