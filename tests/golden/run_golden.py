#!/usr/bin/env python3
"""run_golden.py [--jishi BIN] [--model M] [--shared DIR] [--require S=V,...]
                 [--results FILE] [GOLD...]

Runs jishi on every hand-made gold in tests/golden (or the GOLD files
given) plus the seed, and scores each with shared/tools/score_doc.py.
The article of a gold named <id>.gold.json is
shared/data/news_articles/articles/<id>.txt, run with --date <doc.anchor>
as issue #6 asks (the reports carry their date in metadata); the seed runs
without --date (its dateline is in the text).

Prints one row per report and the mean of every section. --require fails
(exit 1) when a section's mean is below its threshold, e.g.
--require quotes=0.6,events=0.4. --results rewrites the "golden reports"
section of bench/RESULTS.md. Exit 77 when shared/ is missing.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

SECTIONS = ["layout", "entities", "coref", "times", "quotes", "events"]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def score(tool, text, gold, out):
    """Section scores as score_doc.py prints them ("name  0.123", "score: x")."""
    r = subprocess.run([sys.executable, tool, text, gold, out],
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise SystemExit(f"score_doc failed on {gold}: {r.stderr}")
    res = {}
    for line in r.stdout.splitlines():
        parts = line.replace(":", " ").split()
        if len(parts) == 2:
            try:
                res[parts[0]] = float(parts[1])
            except ValueError:
                pass
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jishi", default=os.path.join(ROOT, "build", "jishi"))
    ap.add_argument("--model", default=None)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--require", default="")
    ap.add_argument("--results", default=None)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("golds", nargs="*")
    a = ap.parse_args()
    tool = os.path.join(a.shared, "tools", "score_doc.py")
    arts = os.path.join(a.shared, "data", "news_articles", "articles")
    if not os.path.isfile(tool) or not os.path.isdir(arts):
        print(f"skip: {tool} or {arts} not found")
        return 77
    golds = a.golds or sorted(glob.glob(os.path.join(HERE, "*.gold.json")))
    cases = []
    seed = glob.glob(os.path.join(a.shared, "seed", "*.gold.json"))
    if not a.golds and seed:
        cases.append(("seed " + os.path.basename(seed[0])[:20], seed[0][:-10] + ".txt", seed[0], None))
    for g in golds:
        gid = os.path.basename(g)[: -len(".gold.json")]
        with open(g, encoding="utf-8") as f:
            anchor = (json.load(f).get("doc") or {}).get("anchor")
        cases.append((gid, os.path.join(arts, gid + ".txt"), g, anchor))
    rows = []
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        for name, text, gold, anchor in cases:
            out = os.path.join(tmp, "out.json")
            cmd = [a.jishi, "extract"]
            if a.model:
                cmd += ["--model", a.model]
            if anchor:
                cmd += ["--date", anchor]
            cmd.append(text)
            with open(out, "w") as f:
                r = subprocess.run(cmd, stdout=f, stderr=subprocess.PIPE, text=True)
            if r.returncode != 0:
                print(f"{name}: jishi failed: {r.stderr.strip()}")
                return 1
            s = score(tool, text, gold, out)
            rows.append((name, s))
            if a.verbose:
                v = subprocess.run([sys.executable, tool, text, gold, out, "--verbose"],
                                   capture_output=True, text=True).stdout
                print(f"## {name}\n{v}")
    wall = time.time() - t0
    means = {}
    for sec in SECTIONS:
        vals = [s[sec] for _, s in rows if isinstance(s.get(sec), (int, float))]
        means[sec] = sum(vals) / len(vals) if vals else None
    means["score"] = sum(s["score"] for _, s in rows) / len(rows)
    hdr = "| report | " + " | ".join(SECTIONS) + " | score |"
    lines = [hdr, "|---|" + "---:|" * (len(SECTIONS) + 1)]
    fmt = lambda x: "–" if x is None else f"{x:.3f}"
    for name, s in rows:
        lines.append(f"| {name} | " + " | ".join(fmt(s.get(k)) for k in SECTIONS) + f" | {fmt(s['score'])} |")
    lines.append("| **mean** | " + " | ".join(fmt(means[k]) for k in SECTIONS) + f" | **{fmt(means['score'])}** |")
    print("\n".join(lines))
    print(f"{len(rows)} reports, {wall:.1f} s")
    if a.results:
        write_results(a, lines, len(rows))
    bad = []
    for item in filter(None, a.require.split(",")):
        k, v = item.split("=")
        if means.get(k) is None or means[k] + 1e-9 < float(v):
            bad.append(f"{k} {fmt(means.get(k))} < {v}")
    if bad:
        print("below requirement: " + "; ".join(bad))
        return 1
    return 0


def write_results(a, lines, n):
    ver = subprocess.run([a.jishi, "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    body = [
        "## golden reports", "",
        "Written by `tests/golden/run_golden.py --results bench/RESULTS.md`; rerun it rather than editing by hand.", "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- jishi: {ver} (commit {commit}), binary `{os.path.relpath(a.jishi, ROOT)}`",
        f"- {n} reports: the seed and the hand-made golds in tests/golden/ (see its README), each run with its metadata date as `--date` and scored by `shared/tools/score_doc.py`; a section with no required item in a gold is all-or-nothing there", "",
    ] + lines + [""]
    sys.path.insert(0, os.path.join(ROOT, "bench"))
    import results
    results.write_section(a.results, "\n".join(body))


if __name__ == "__main__":
    sys.exit(main())
