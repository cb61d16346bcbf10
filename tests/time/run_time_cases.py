#!/usr/bin/env python3
"""Time cases: run `jishi extract` once over the texts of CASES.tsv and check
each expected time expression against the record's times[].

usage: run_time_cases.py JISHI CASES.tsv [--model PATH]

CASES.tsv is tab-separated, '#' starts a comment line, an optional header
row starts with "id". Columns:
  id  text  anchor  expect_text  type  value  mod  tz  anchor_kind
anchor is the record's "date" (YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][±hh:mm|Z]),
"-" for none; a trailing " future" (2013-02-12 future) runs that document
with --future. Rows with the same (id, text, anchor) are one document.
For each row the runner takes the first occurrence of expect_text in text
and the jishi time whose span (code points) overlaps it, preferring one whose
text is exactly expect_text, then the largest overlap, then the earliest.
It checks type, value (unless "-"), mod and tz ("-" = must be null; tz "Z"
equals "+00:00") and anchor_kind against the time's "anchor". Every time
jishi reports must also have an in-range span whose text equals its "text".

Prints one line per failure and "N cases, M checks, K failed" (cases are
rows; a row whose time is missing counts all its checks as failed).
Exit 0 all passed, 1 some failed, 2 usage, case-file or runner error.
"""
import json
import re
import subprocess
import sys

COLUMNS = ["id", "text", "anchor", "expect_text", "type", "value", "mod", "tz", "anchor_kind"]
TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {"START", "MID", "END", "APPROX", "BEFORE", "AFTER", "LESS_THAN", "MORE_THAN"}
KINDS = {"option", "none", "text", "speech", "dateline"}
ANCHOR_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?$")
TZ_RE = re.compile(r"^([+-]\d{2}:\d{2}|Z|local)$")
_D = r"\d{2,3}|(BC)?(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?)?|\d{4}-W\d{2}(-WE)?|\d{4}-(Q[1-4]|H[12]|SP|SU|FA|WI)"
VALUE_RE = {
    "DATE": re.compile(r"^((%s)(/(%s))?|PAST_REF|PRESENT_REF|FUTURE_REF)$" % (_D, _D)),
    # a clock time, or a range of two on one day (上午9時至下午5時)
    "TIME": re.compile(r"^(\d{4}|XXXX)-(\d{2}|XX)-(\d{2}|XX)(T(\d{2}:\d{2}(:\d{2})?|MO|AF|EV|NI|MI))?"
                       r"(/(\d{4}|XXXX)-(\d{2}|XX)-(\d{2}|XX)T\d{2}:\d{2}(:\d{2})?)?$"),
    "DURATION": re.compile(r"^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?"
                           r"(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$"),
}
VALUE_RE["SET"] = VALUE_RE["DURATION"]
# a range of two durations (13—18天, 三四年)
VALUE_RE["DURATION"] = re.compile(r"^%s(/%s)?$" % ((VALUE_RE["SET"].pattern[1:-1],) * 2))


def die(msg):
    sys.stderr.write("run_time_cases: %s\n" % msg)
    sys.exit(2)


def load(path):
    rows = []
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        die("%s: %s" % (path, e))
    with f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if cols == COLUMNS:
                continue
            where = "%s:%d" % (path, n)
            if len(cols) != len(COLUMNS):
                die("%s: %d columns, want %d" % (where, len(cols), len(COLUMNS)))
            r = dict(zip(COLUMNS, cols))
            r["line"] = n
            if not r["id"] or not r["text"] or not r["expect_text"]:
                die("%s: empty id, text or expect_text" % where)
            r["future"] = r["anchor"].endswith(" future")
            anc = r["anchor"][:-len(" future")] if r["future"] else r["anchor"]
            if anc != "-" and not ANCHOR_RE.match(anc):
                die("%s: bad anchor %r" % (where, r["anchor"]))
            start = r["text"].find(r["expect_text"])
            if start < 0:
                die("%s: %r not in text" % (where, r["expect_text"]))
            r["at"] = (start, start + len(r["expect_text"]))
            if r["type"] not in TYPES:
                die("%s: bad type %r" % (where, r["type"]))
            if r["value"] != "-" and not VALUE_RE[r["type"]].match(r["value"]):
                die("%s: bad %s value %r" % (where, r["type"], r["value"]))
            if r["mod"] != "-" and r["mod"] not in MODS:
                die("%s: bad mod %r" % (where, r["mod"]))
            if r["tz"] != "-" and not TZ_RE.match(r["tz"]):
                die("%s: bad tz %r" % (where, r["tz"]))
            if r["anchor_kind"] not in KINDS:
                die("%s: bad anchor_kind %r" % (where, r["anchor_kind"]))
            rows.append(r)
    if not rows:
        die("%s: no cases" % path)
    return rows


def pick(times, at, want):
    """The time overlapping [at) best: exact text, then overlap, then first."""
    s0, e0 = at
    best, key = None, None
    for t in times:
        sp = t.get("span")
        if not (isinstance(sp, list) and len(sp) == 2
                and all(isinstance(x, int) for x in sp)):
            continue
        ov = min(e0, sp[1]) - max(s0, sp[0])
        if ov <= 0:
            continue
        k = (t.get("text") == want and sp == [s0, e0], ov, -sp[0])
        if key is None or k > key:
            best, key = t, k
    return best


def norm_tz(v):
    return "Z" if v in ("Z", "+00:00") else v


def main():
    args = sys.argv[1:]
    extra = []
    if "--model" in args:
        i = args.index("--model")
        if i + 1 >= len(args):
            die("--model needs a PATH")
        extra = ["--model", args[i + 1]]
        del args[i:i + 2]
    if len(args) != 2 or any(a.startswith("-") and a != "-" for a in args):
        sys.stderr.write(__doc__)
        sys.exit(2)
    jishi, path = args
    rows = load(path)

    docs = {}   # (id, text, anchor) -> record id
    for r in rows:
        key = (r["id"], r["text"], r["anchor"])
        if key not in docs:
            docs[key] = "%s#%d" % (r["id"], len(docs) + 1)
        r["doc"] = docs[key]
    recs = {}
    for future in (False, True):
        inp = []
        for (cid, text, anchor), rid in docs.items():
            if anchor.endswith(" future") != future:
                continue
            if future:
                anchor = anchor[:-len(" future")]
            rec = {"id": rid, "text": text}
            if anchor != "-":
                rec["date"] = anchor
            inp.append(json.dumps(rec, ensure_ascii=False) + "\n")
        if not inp:
            continue
        flag = ["--future"] if future else []
        try:
            p = subprocess.run([jishi, "extract", "--input", "jsonl", "-f", "jsonl"] + flag + extra,
                               input="".join(inp).encode("utf-8"), capture_output=True,
                               timeout=600)
        except (OSError, subprocess.TimeoutExpired) as e:
            die("cannot run %s: %s" % (jishi, e))
        # 1: some documents failed, the others are written (they fail below)
        if p.returncode not in (0, 1):
            sys.stderr.write(p.stderr.decode("utf-8", "replace"))
            die("jishi extract failed (exit %d)" % p.returncode)
        for n, line in enumerate(p.stdout.decode("utf-8", "replace").splitlines(), 1):
            if not line.strip():
                continue
            try:
                o = json.loads(line)
                recs[o["doc"]["id"]] = o
            except (ValueError, KeyError, TypeError) as e:
                die("jishi output line %d is not a record: %s" % (n, e))
        if p.returncode == 1:
            sys.stderr.write(p.stderr.decode("utf-8", "replace"))

    checks = fails = 0

    def fail(r, field, want, got):
        print("FAIL %s\t%s\t%s\texpected %s\tgot %s" % (r["id"], r["expect_text"], field,
              want, json.dumps(got, ensure_ascii=False)))

    # every reported time: span in range, text equals the input there
    for (cid, text, anchor), rid in docs.items():
        o = recs.get(rid)
        times = (o or {}).get("times")
        if not isinstance(times, list):
            continue
        for t in times:
            checks += 1
            sp, tt = t.get("span"), t.get("text")
            ok = (isinstance(sp, list) and len(sp) == 2 and all(isinstance(x, int) for x in sp)
                  and 0 <= sp[0] < sp[1] <= len(text) and text[sp[0]:sp[1]] == tt)
            if not ok:
                fails += 1
                print("FAIL %s\t-\tspan\t%s == text[span]\tgot %s" % (
                    cid, json.dumps(tt, ensure_ascii=False), json.dumps(sp)))

    for r in rows:
        fields = [("type", r["type"])]
        if r["value"] != "-":
            fields.append(("value", r["value"]))
        fields += [("mod", None if r["mod"] == "-" else r["mod"]),
                   ("tz", None if r["tz"] == "-" else r["tz"]),
                   ("anchor", r["anchor_kind"])]
        checks += len(fields)
        o = recs.get(r["doc"])
        if o is None:
            fails += len(fields)
            fail(r, "record", "a record", None)
            continue
        times = o.get("times")
        if not isinstance(times, list):
            fails += len(fields)
            fail(r, "times", "a list", times)
            continue
        t = pick(times, r["at"], r["expect_text"])
        if t is None:
            fails += len(fields)
            fail(r, "time", "one at [%d,%d)" % r["at"], [x.get("text") for x in times])
            continue
        for k, want in fields:
            got = t.get(k)
            same = norm_tz(got) == norm_tz(want) if k == "tz" else got == want
            if not same:
                fails += 1
                fail(r, "anchor_kind" if k == "anchor" else k,
                     "null" if want is None else want, got)

    print("%d cases, %d checks, %d failed" % (len(rows), checks, fails))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
