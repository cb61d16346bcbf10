#!/usr/bin/env bash
# exports.sh JISHI REPORT -- the event exports keep their contracts:
# --format gdelt gives GDELT 2.0 rows of exactly 61 tab-separated columns
# with a zero-padded CAMEO code, a YYYYMMDD day and a QuadClass 1-4;
# --format plover gives one JSON object a line with id, date, actor,
# recipient and event; both give one line per event (or pair) and agree on
# the number of events with the JSON record.
set -eu
bin=$1 report=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" extract --format gdelt "$report" >"$tmp/g.tsv"
"$bin" extract --format plover "$report" >"$tmp/p.jsonl"
"$bin" extract "$report" >"$tmp/r.json"
[ -s "$tmp/g.tsv" ] || { echo "no gdelt rows"; exit 1; }
awk -F'\t' 'NF != 61 { print "line " NR ": " NF " columns"; bad = 1 }
  $27 !~ /^[0-9][0-9][0-9][0-9]?$/ { print "line " NR ": EventCode " $27; bad = 1 }
  length($2) != 8 || $2 !~ /^[0-9]+$/ { print "line " NR ": Day " $2; bad = 1 }
  $30 !~ /^[1-4]$/ { print "line " NR ": QuadClass " $30; bad = 1 }
  END { exit bad }' "$tmp/g.tsv"
python3 - "$tmp/p.jsonl" "$tmp/r.json" "$tmp/g.tsv" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
rec = json.load(open(sys.argv[2], encoding="utf-8"))
for r in rows:
    for k in ("id", "date", "actor", "recipient", "event"):
        assert k in r, f"plover row without {k}: {r}"
    assert r["event"] and r["event"][0].isupper(), r
coded = [v for v in rec["events"] if v.get("plover")]
assert len(rows) == len(coded), f"{len(rows)} plover rows for {len(coded)} PLOVER-coded events"
ids = {l.split("\t")[0].rsplit("-", 1)[1].split(".")[0] for l in open(sys.argv[3], encoding="utf-8")}
assert len(ids) <= len(rec["events"]), "more gdelt events than events"
print(f"gdelt rows ok, {len(rows)} plover rows for {len(rec['events'])} events")
PY
