#!/usr/bin/env python3
"""duee_suite.py FILE [--jishi BIN] [--model M] [--results RESULTS.md]

Runs jishi over every sentence of a DuEE 1.0 file (JSON Lines: text,
event_list[{event_type, trigger, trigger_start_index, arguments[{role,
argument, argument_start_index}]}]) and scores the event types that map
to CAMEO (the table MAP below, from the DuEE MANIFEST):

- trigger recall: a gold event of a mapped type is found when a jishi
  event's trigger overlaps the gold trigger (character offsets; jishi
  spans are code points);
- argument recall: a gold participant (roles in PARTICIPANT; time and
  place are left to the time stage) is found when the matched jishi
  event has it among its sources or targets (an entity mention of one of
  them overlaps the argument);
- root precision: of the jishi events that matched a mapped gold event,
  the share whose CAMEO root is one the type maps to;
- events in sentences with no mapped gold event (jishi's false positives
  on DuEE's other 50-odd types and on its sports and business news).

The hidden DuEE dev set in the same format is scored the same way.
"""
import argparse
import json
import os
import subprocess
import sys
import time

# DuEE type -> CAMEO roots it corresponds to
MAP = {
    "交往-会见": ["04"],
    "交往-探班": ["04"],
    "交往-道歉": ["05"],
    "交往-感谢": ["05", "01"],
    "交往-点赞": ["05", "01"],
    "司法行为-拘捕": ["17"],
    "司法行为-入狱": ["17"],
    "司法行为-罚款": ["17", "16"],
    "司法行为-约谈": ["04", "17", "11"],
    "司法行为-起诉": ["11"],
    "司法行为-立案": ["09", "11"],
    "司法行为-举报": ["11"],
    "灾害/意外-袭击": ["18", "19", "20"],
    "组织行为-游行": ["14"],
    "组织行为-罢工": ["14"],
    "组织关系-退出": ["16", "12"],
}
PARTICIPANT = {"会见主体", "会见对象", "道歉者", "致谢人", "被感谢人", "点赞方", "点赞对象",
               "拘捕者", "被拘捕者", "入狱者", "执法机构", "罚款对象", "约谈发起方", "约谈对象",
               "原告", "被告", "立案机构", "立案对象", "举报对象", "袭击者", "袭击对象",
               "所属组织", "退出方", "原所属组织"}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def overlap(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--jishi", default=os.path.join(ROOT, "build", "jishi"))
    ap.add_argument("--model", default=None)
    ap.add_argument("--results", default=None)
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.file, encoding="utf-8") if l.strip()]
    inp = "".join(json.dumps({"id": r.get("id") or str(i), "text": r["text"]}, ensure_ascii=False) + "\n"
                  for i, r in enumerate(rows))
    cmd = [a.jishi, "extract", "--input", "jsonl", "--format", "jsonl", "-"]
    if a.model:
        cmd[2:2] = ["--model", a.model]
    t0 = time.time()
    r = subprocess.run(cmd, input=inp.encode(), capture_output=True)
    wall = time.time() - t0
    if r.returncode not in (0, 1):
        sys.exit(f"jishi failed: {r.stderr.decode()[:500]}")
    outs = [json.loads(l) for l in r.stdout.decode().splitlines() if l.strip()]
    if len(outs) != len(rows):
        sys.exit(f"{len(outs)} records for {len(rows)} sentences")
    per = {}  # type -> [gold, trig_found, root_ok, args, args_found]
    extra = 0
    no_gold_sent = 0
    for row, out in zip(rows, outs):
        ents = {e["id"]: e for e in out.get("entities", [])}
        evs = out.get("events", [])
        mapped = [e for e in row.get("event_list", []) if e["event_type"] in MAP]
        if not mapped:
            no_gold_sent += 1
            extra += len(evs)
            continue
        for g in mapped:
            st = per.setdefault(g["event_type"], [0, 0, 0, 0, 0])
            st[0] += 1
            g0 = g["trigger_start_index"]
            g1 = g0 + len(g["trigger"])
            hit = next((v for v in evs if overlap(v["trigger"][0], v["trigger"][1], g0, g1)), None)
            args = [x for x in g.get("arguments", []) if x["role"] in PARTICIPANT]
            st[3] += len(args)
            if hit is None:
                continue
            st[1] += 1
            st[2] += hit.get("root") in MAP[g["event_type"]]
            spans = []
            for ref in hit.get("source", []) + hit.get("target", []):
                spans += ents.get(ref, {}).get("mentions", [])
            for x in args:
                x0 = x["argument_start_index"]
                x1 = x0 + len(x["argument"])
                st[4] += any(overlap(s, e, x0, x1) for s, e in spans)
    tot = [sum(v[i] for v in per.values()) for i in range(5)]
    pct = lambda n, d: f"{100 * n / d:.1f}" if d else "–"
    lines = ["| DuEE type | CAMEO roots | gold events | trigger recall % | root precision % | participants | argument recall % |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for k in sorted(per, key=lambda k: -per[k][0]):
        g, t, ok, na, nf = per[k]
        lines.append(f"| {k} | {'/'.join(MAP[k])} | {g} | {pct(t, g)} | {pct(ok, t)} | {na} | {pct(nf, na)} |")
    lines.append(f"| **all mapped** | | {tot[0]} | **{pct(tot[1], tot[0])}** | **{pct(tot[2], tot[1])}** | {tot[3]} | **{pct(tot[4], tot[3])}** |")
    summary = (f"{len(rows)} sentences ({no_gold_sent} with no mapped event: jishi coded {extra} events there, "
               f"{extra / max(no_gold_sent, 1):.2f} a sentence); wall {wall:.2f} s")
    print("\n".join(lines))
    print(summary)
    if a.results:
        write_results(a, lines, summary, len(rows))
    return 0


def write_results(a, lines, summary, n):
    ver = subprocess.run([a.jishi, "--version"], capture_output=True, text=True).stdout.strip()
    body = ["## DuEE 1.0", "",
            "Written by `bench/duee_suite.py`; rerun it rather than editing by hand.", "",
            f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
            f"- command: `python3 bench/duee_suite.py {a.file} --results {a.results}`",
            f"- jishi: {ver}",
            "- scoring: see the script's docstring; DuEE types with no CAMEO counterpart (sports, products, finance, life events) are not scored, and the events jishi codes in their sentences are counted as extra",
            f"- {summary}", ""] + lines + [""]
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import results
    results.write_section(a.results, "\n".join(body))


if __name__ == "__main__":
    sys.exit(main())
