#!/usr/bin/env python3
"""Validate hand-made gold files (tests/golden/*.gold.json) against their articles.

usage: check_gold.py [--shared DIR] [--quiet] GOLD.json ...

For each gold file:
  1. every entity name / `also` form / `entities_optional` string, every quote
     `starts` and every time `text` (with its `at` occurrence) occurs in the
     article; event arguments name a gold entity, an optional entity string, a
     3-letter code or `*`; doc.anchor / doc.script agree with the record in
     articles.shared.jsonl; every 「」『』“” span of the article has a quote entry
     and every required quote starts such a span (or a 《》 title); an optional
     quote may also be unmarked text (a 特朗普：… dialogue line);
  2. a synthetic perfect output built from the gold scores 1.000 with
     shared/tools/score_doc.py: required items only, required + optional items,
     the latter again with UTF-8 byte offsets, and an "alternative" output whose
     events take each gold event's last root and last listed source / target
     (swapped where symmetric), so every listed alternative is checked;
  3. an empty output {"jishi":1,"doc":{}} scores low (reported; must be < 0.5).

The article is shared/data/news_articles/articles/<file> (the gold's `file`, else
<id>.txt from the gold's file name). --shared defaults to ../shared relative to
the repository root (the root being two levels above this script).
Exit status 0 when every check passes, 1 otherwise.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OPEN_CLOSE = {"「": "」", "『": "』", "“": "”", "《": "》"}
QUOTE_MARKS = "「『“"  # spans that must have a quote entry; 《》 titles may have an optional one


def occurrences(text, needle):
    """Start offsets of needle in text, counted as score_doc.py counts them (overlapping)."""
    out, pos = [], -1
    while True:
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return out
        out.append(pos)


def quote_spans(text):
    """(start_of_inner, end_of_inner) for every quote-mark or 《》 pair, in document order (nested ones too)."""
    spans = []
    for i, ch in enumerate(text):
        if ch in OPEN_CLOSE:
            close = OPEN_CLOSE[ch]
            depth, j = 0, i + 1
            while j < len(text):
                if text[j] == ch and ch != close:
                    depth += 1
                elif text[j] == close:
                    if depth == 0:
                        break
                    depth -= 1
                j += 1
            if j < len(text):
                spans.append((i + 1, j))
    return spans


class Checker:
    def __init__(self, shared, quiet):
        self.shared = shared
        self.quiet = quiet
        self.records = {}
        jl = os.path.join(shared, "data", "news_articles", "articles.shared.jsonl")
        if os.path.exists(jl):
            for line in open(jl, encoding="utf-8"):
                r = json.loads(line)
                self.records[r["id"]] = r
        self.tool = os.path.join(shared, "tools", "score_doc.py")

    def check(self, gold_path):
        errors, warnings = [], []
        gold = json.load(open(gold_path, encoding="utf-8"))
        fname = gold.get("file") or os.path.basename(gold_path).replace(".gold.json", ".txt")
        doc_id = fname[:-4] if fname.endswith(".txt") else fname
        art = os.path.join(self.shared, "data", "news_articles", "articles", fname)
        if not os.path.exists(art):
            return [f"article {art} not found"], [], {}
        text = open(art, encoding="utf-8").read()

        # --- 0. format --------------------------------------------------
        for key in ("file", "about", "notes", "doc", "entities", "entities_optional", "times", "quotes", "events"):
            if key not in gold:
                errors.append(f"missing top-level key {key}")
        rec = self.records.get(doc_id)
        if rec:
            if gold.get("doc", {}).get("anchor") != rec["date"]:
                errors.append(f"doc.anchor {gold.get('doc', {}).get('anchor')} != record date {rec['date']}")
            if gold.get("doc", {}).get("script") != rec["script"]:
                errors.append(f"doc.script {gold.get('doc', {}).get('script')} != record script {rec['script']}")
        else:
            warnings.append(f"{doc_id} not in articles.shared.jsonl")

        # --- 1. strings occur ---------------------------------------------
        names = {}
        for ge in gold.get("entities", []):
            for form in [ge["name"]] + list(ge.get("also") or []):
                if not occurrences(text, form):
                    errors.append(f"entity form {form!r} not in article")
                if form in names:
                    errors.append(f"entity form {form!r} listed twice")
                names[form] = ge["name"]
            if ge.get("distinct_from") and ge["distinct_from"] not in names and ge["distinct_from"] not in [
                    e["name"] for e in gold["entities"]]:
                errors.append(f"distinct_from {ge['distinct_from']!r} is not a gold entity")
        optional = list(gold.get("entities_optional") or [])
        for s in optional:
            if not occurrences(text, s):
                errors.append(f"optional entity {s!r} not in article")
            if s in names:
                errors.append(f"optional entity {s!r} is also a required form")
        if len(set(optional)) != len(optional):
            warnings.append("entities_optional has duplicates")
        for gt in gold.get("times", []):
            occ = occurrences(text, gt["text"])
            if len(occ) < gt.get("at", 1):
                errors.append(f"time {gt['text']!r} occurrence {gt.get('at', 1)} not in article ({len(occ)} found)")
            if len(occ) > 1 and "at" not in gt:
                warnings.append(f"time {gt['text']!r} occurs {len(occ)} times; no `at` (first one is meant)")
        spans = quote_spans(text)
        inner = [text[s:e] for s, e in spans]
        used = set()
        for gq in gold.get("quotes", []):
            if not occurrences(text, gq["starts"]):
                errors.append(f"quote starts {gq['starts']!r} not in article")
                continue
            hit = next((i for i, t in enumerate(inner) if i not in used and t.strip().startswith(gq["starts"])), None)
            if hit is None:
                if not gq.get("optional"):
                    errors.append(f"quote {gq['starts']!r} does not start a 「」/『』/“”/《》 span (or has no span left)")
            else:
                used.add(hit)
            for role in ("speaker", "addressee"):
                if gq.get(role) and gq[role] not in names:
                    errors.append(f"quote {gq['starts']!r}: {role} {gq[role]!r} is not a gold entity form")
        for i, t in enumerate(inner):
            if i not in used and text[spans[i][0] - 1] in QUOTE_MARKS:
                errors.append(f"quoted span without a quote entry: {t[:30]!r}")
        known = set(names) | set(optional)
        for ge in gold.get("events", []):
            for side in ("source", "target"):
                for a in ge.get(side, []):
                    if a == "*" or a in known or re.fullmatch(r"[A-Z]{3}", a):
                        continue
                    errors.append(f"event {ge['name']!r}: {side} {a!r} is neither an entity form, an optional string, a code nor *")
            if not ge.get("roots"):
                errors.append(f"event {ge['name']!r} has no roots")
            for r in ge.get("roots", []):
                if not (ge.get("prefix_roots") or re.fullmatch(r"[0-2][0-9]", r)):
                    errors.append(f"event {ge['name']!r}: bad root {r!r}")
        if gold.get("events") and not (gold["events"][-1].get("prefix_roots") and gold["events"][-1].get("optional")):
            errors.append("last event is not the optional prefix_roots catch-all")

        if errors:
            return errors, warnings, {}

        # --- 2. synthetic outputs -------------------------------------------
        scores = {}
        for label, with_optional, unit, alt in (("required", False, "chars", False), ("all", True, "chars", False),
                                                ("all-bytes", True, "bytes", False), ("alternative", True, "chars", True)):
            synth = self.synthesise(gold, text, with_optional, unit, alt)
            s, out = self.score(art, gold_path, synth)
            scores[label] = s
            if s != "1.000":
                errors.append(f"synthetic output ({label}) scores {s}:\n{out}")
        s, out = self.score(art, gold_path, {"jishi": 1, "doc": {}})
        scores["empty"] = s
        if s is None or float(s) >= 0.5:
            errors.append(f"empty output scores {s} (should be low)")
        return errors, warnings, scores

    def synthesise(self, gold, text, with_optional, unit, alt=False):
        """A perfect output. With alt, each event takes the last root and the last listed source and
        target (swapped where the gold is symmetric): every listed alternative must be acceptable."""
        data = text.encode("utf-8")

        def conv(s, e):
            if unit == "chars":
                return [s, e]
            b = len(text[:s].encode("utf-8"))
            return [b, b + len(text[s:e].encode("utf-8"))]

        def span_at(needle, at=1):
            pos = occurrences(text, needle)[at - 1]
            return conv(pos, pos + len(needle))

        ents, ids = [], {}
        for n, ge in enumerate(gold["entities"], 1):
            eid = f"e{n}"
            forms = [ge["name"]] + list(ge.get("also") or [])
            mentions = sorted(conv(p, p + len(f)) for f in forms for p in occurrences(text, f))
            ent = {"id": eid, "type": ge["type"], "name": ge["name"], "aliases": list(ge.get("also") or []),
                   "country": ge.get("country"), "actor": ge.get("actor"), "mentions": mentions}
            ent["titles"] = [{"text": "", "then": True}] if ge.get("then_title") else []
            ents.append(ent)
            for f in forms:
                ids[f] = eid
        if with_optional:
            for k, s in enumerate(gold.get("entities_optional") or [], 1):
                eid = f"o{k}"
                ents.append({"id": eid, "type": "ORG", "name": s, "aliases": [], "country": None, "actor": None,
                             "mentions": [span_at(s)]})
                ids.setdefault(s, eid)

        def ref(names):
            for a in (list(reversed(names)) if alt else names):
                if a == "*":
                    continue
                if a in ids:
                    return [ids[a]]
                if re.fullmatch(r"[A-Z]{3}", a):
                    return [a]
            return [ents[0]["id"]] if ents else ["XXX"]

        times = []
        for gt in gold["times"]:
            if gt.get("optional") and not with_optional:
                continue
            t = {"span": span_at(gt["text"], gt.get("at", 1)), "text": gt["text"], "value": gt["value"],
                 "mod": gt.get("mod"), "tz": gt.get("tz"), "anchor": gt.get("anchor", "dateline")}
            times.append(t)
        times.sort(key=lambda t: t["span"])

        quotes = []
        spans = quote_spans(text)
        used = set()
        for gq in gold["quotes"]:
            if gq.get("optional") and not with_optional:
                continue
            i = next((i for i, (s, e) in enumerate(spans) if i not in used and text[s:e].strip().startswith(gq["starts"])), None)
            if i is None:  # an optional quote without quote marks (e.g. a 特朗普：… dialogue line)
                s = occurrences(text, gq["starts"])[0]
                e = s + len(gq["starts"])
            else:
                used.add(i)
                s, e = spans[i]
            q = {"span": conv(s, e), "text": text[s:e], "kind": gq["kind"], "speaker": None, "addressee": None}
            if gq.get("speaker"):
                q["speaker"] = ids[gq["speaker"]]
            if gq.get("addressee"):
                q["addressee"] = ids[gq["addressee"]]
            quotes.append(q)
        quotes.sort(key=lambda q: q["span"])

        events = []
        for n, ge in enumerate(gold["events"], 1):
            if ge.get("optional") and not with_optional:
                continue
            root = ge["roots"][-1 if alt else 0]
            if ge.get("prefix_roots"):
                root = (root + "1")[:2]
            src, tgt = ref(ge["source"]), ref(ge["target"])
            if alt and ge.get("symmetric"):
                src, tgt = tgt, src
            v = {"id": f"v{n}", "cameo": root + "0", "root": root, "source": src,
                 "target": tgt, "status": "asserted", "evidence": ge["name"]}
            if "when" in ge:
                v["when"] = ge["when"]
            if "duration" in ge:
                v["duration"] = ge["duration"]
            events.append(v)

        doc = {"id": gold.get("file", ""), "offsets": unit}
        doc.update(gold.get("doc") or {})
        return {"jishi": 1, "doc": doc, "entities": ents, "times": times, "quotes": quotes, "events": events}

    def score(self, art, gold_path, out):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False)
            path = f.name
        try:
            p = subprocess.run([sys.executable, self.tool, art, gold_path, path, "--verbose"],
                               capture_output=True, text=True)
        finally:
            os.unlink(path)
        m = re.search(r"score: ([0-9.]+)\s*$", p.stdout)
        return (m.group(1) if m else None), p.stdout + p.stderr


def counts(gold):
    req = [e for e in gold["entities"]]
    also = sum(len(e.get("also") or []) for e in req)
    def ro(items):
        r = sum(1 for x in items if not x.get("optional"))
        return f"{r} / {len(items) - r}"
    return (f"entities {len(req)} (+{also}) / {len(gold.get('entities_optional') or [])}, "
            f"times {ro(gold['times'])}, quotes {ro(gold['quotes'])}, events {ro(gold['events'])}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("gold", nargs="*", help="gold files (default: every tests/golden/*.gold.json)")
    a = ap.parse_args()
    c = Checker(os.path.abspath(a.shared), a.quiet)
    if not os.path.exists(c.tool):
        print(f"skip: {c.tool} not found")
        return 77
    golds = a.gold or sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "*.gold.json")))
    bad = 0
    for g in golds:
        errors, warnings, scores = c.check(g)
        name = os.path.basename(g)
        if errors:
            bad += 1
            print(f"FAIL {name}")
            for e in errors:
                print(f"  error: {e}")
        else:
            gold = json.load(open(g, encoding="utf-8"))
            print(f"ok   {name}: synthetic {scores['required']}/{scores['all']}/{scores['all-bytes']}/{scores['alternative']}, "
                  f"empty {scores['empty']}; {counts(gold)}")
        if not a.quiet:
            for w in warnings:
                print(f"  warning: {w}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
