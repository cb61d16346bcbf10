#!/usr/bin/env bash
# store_test.sh JISHI SAMPLES_DIR -- the event store's promises
# (docs/internals/store.md):
#  1. ingest is idempotent: the same reports again change nothing;
#  2. a changed text replaces its document's facts, leaving none behind;
#  3. kill -9 in the middle of an ingest of STORE_DOCS documents (default
#     800; 10,000 in the release run), then the same ingest again, gives
#     the same facts as one uninterrupted run, and readers during the
#     ingest only ever see whole documents;
#  4. a store of an unknown schema version is refused with a message;
#  5. query filters take SQL metacharacters as plain values.
set -u
bin=$1 samples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# every fact of the store except the ingest time, in a stable order
dump() {
  sqlite3 "$1" "SELECT id, url, dateline, anchor, script, sha256, bytes, record FROM documents ORDER BY id;
    SELECT * FROM entities ORDER BY doc, eid; SELECT * FROM mentions ORDER BY doc, eid, start;
    SELECT * FROM times ORDER BY doc, start; SELECT * FROM quotes ORDER BY doc, qid;
    SELECT * FROM events ORDER BY doc, vid; SELECT * FROM event_actors ORDER BY doc, vid, side, ref;
    SELECT doc, kind, text FROM fts ORDER BY doc, kind, text;"
}
command -v sqlite3 >/dev/null || { echo "skip: no sqlite3 command"; exit 77; }

# 1. idempotent
db=$tmp/a.db
"$bin" ingest -q --db "$db" "$samples"/*.txt 2>/dev/null || fail "ingest of the text samples"
"$bin" ingest -q --db "$db" --input jsonl "$samples/reports.jsonl" 2>/dev/null || fail "ingest of the jsonl samples"
n1=$(sqlite3 "$db" "SELECT count(*) FROM documents")
e1=$(sqlite3 "$db" "SELECT count(*) FROM events")
[ "$n1" -eq 4 ] || fail "expected 4 documents, got $n1"
[ "$e1" -gt 10 ] || fail "expected events, got $e1"
dump "$db" >"$tmp/d1"
msg=$("$bin" ingest --db "$db" --input jsonl "$samples/reports.jsonl" 2>&1 >/dev/null)
case $msg in *"0 new, 0 replaced, 3 unchanged"*) ;; *) fail "re-ingest said: $msg" ;; esac
dump "$db" >"$tmp/d2"
cmp -s "$tmp/d1" "$tmp/d2" || fail "re-ingest changed the store"
echo "ok: idempotent ($n1 documents, $e1 events)"

# 2. a changed text replaces the document's facts
python3 - "$samples/reports.jsonl" "$tmp/changed.jsonl" <<'PY'
import json, sys
r = json.loads(open(sys.argv[1], encoding="utf-8").readline())
r["text"] = r["text"].split("\n")[0]  # keep the first paragraph only
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(r, ensure_ascii=False) + "\n")
print(r["id"])
PY
id=$(head -1 "$samples/reports.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
msg=$("$bin" ingest --db "$db" --input jsonl "$tmp/changed.jsonl" 2>&1 >/dev/null)
case $msg in *"0 new, 1 replaced"*) ;; *) fail "changed text said: $msg" ;; esac
want=$("$bin" extract --input jsonl "$tmp/changed.jsonl" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(len(r["events"]), len(r["entities"]))')
got=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM events WHERE doc='$id') || ' ' || (SELECT count(*) FROM entities WHERE doc='$id')")
[ "$want" = "$got" ] || fail "after the change the store has $got events/entities, the record $want"
echo "ok: a changed text replaces its facts ($got events/entities)"

# 3. kill -9 and resume = one uninterrupted run
ndocs=${STORE_DOCS:-800}
python3 - "$samples/reports.jsonl" "$tmp/many.jsonl" "$ndocs" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for i in range(int(sys.argv[3])):
        r = dict(recs[i % len(recs)])
        r["id"] = f"gen-{i:05d}"
        r["text"] = r["text"] + f"\n\n（第{i}號）"
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
"$bin" ingest -q -j 2 --db "$tmp/whole.db" --input jsonl "$tmp/many.jsonl" 2>/dev/null || fail "uninterrupted ingest"
"$bin" ingest -q -j 2 --db "$tmp/killed.db" --input jsonl "$tmp/many.jsonl" 2>/dev/null &
pid=$!
for _ in $(seq 1 100); do
  c=$(sqlite3 "$tmp/killed.db" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
  [ "${c:-0}" -ge $((ndocs / 3)) ] && break
  sleep 0.05
done
# a reader while the writer works: every visible document is whole (as
# many events stored as its record has)
torn=$(sqlite3 "$tmp/killed.db" "SELECT count(*) FROM documents d WHERE
  json_array_length(json_extract(d.record, '$.events')) <>
  (SELECT count(*) FROM events WHERE doc = d.id)" 2>/dev/null || echo 0)
[ "${torn:-0}" -eq 0 ] || fail "a reader saw $torn partial documents during the ingest"
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
part=$(sqlite3 "$tmp/killed.db" "SELECT count(*) FROM documents")
half=$(sqlite3 "$tmp/killed.db" "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM fts WHERE doc=d.id)")
[ "$half" -eq 0 ] || fail "$half documents without their facts after the kill"
"$bin" ingest -q -j 2 --db "$tmp/killed.db" --input jsonl "$tmp/many.jsonl" 2>/dev/null || fail "resumed ingest"
dump "$tmp/whole.db" >"$tmp/w"
dump "$tmp/killed.db" >"$tmp/k"
cmp -s "$tmp/w" "$tmp/k" || fail "killed+resumed store differs from the uninterrupted one"
echo "ok: readers saw whole documents; kill -9 after $part of $ndocs documents, resumed: same store"

# 4. unknown schema version
sqlite3 "$tmp/v.db" "PRAGMA user_version=99; CREATE TABLE x(y);"
msg=$("$bin" ingest --db "$tmp/v.db" "$samples"/*.txt 2>&1)
[ $? -ne 0 ] || fail "a version-99 store was accepted"
case $msg in *"newer"*) ;; *) fail "version message: $msg" ;; esac
echo "ok: a newer store is refused ($msg)"

# 5. metacharacters are values
for v in "x' OR 1=1 --" '"; DROP TABLE events; --' '%' '_' "\\"; do
  out=$("$bin" query --db "$db" --actor "$v" --text "$v" --cameo "$v" 2>&1) || fail "query with $v: $out"
  case $out in "0 events") ;; *) fail "query with $v gave: $out" ;; esac
done
[ "$(sqlite3 "$db" "SELECT count(*) FROM events")" -gt 0 ] || fail "events lost"
echo "ok: SQL metacharacters in filters select nothing and change nothing"
