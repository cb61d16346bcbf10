#!/usr/bin/env bash
# merge_test.sh JISHI SEED_REPORT OTHER_REPORT V1_SQL -- cross-report
# merging and schema migration (docs/internals/store.md):
#  1. the seed report and a syndicated copy of it (same text, a changed
#     line and an editor's note) are one wire story: its events' stories
#     count two articles but one source;
#  2. a different report of the same summit joins the same story: two
#     sources, three articles;
#  3. a version-1 store is migrated to the current version on open and
#     keeps its document and event.
set -u
bin=$1 seed=$2 other=$3 v1=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v sqlite3 >/dev/null || { echo "skip: no sqlite3 command"; exit 77; }
db=$tmp/m.db
"$bin" ingest -q --db "$db" "$seed" 2>/dev/null || fail "ingest of the seed"
python3 - "$seed" "$other" >"$tmp/more.jsonl" <<'PY'
import json, sys
seed = open(sys.argv[1], encoding="utf-8").read().split("\n")
seed[0] += "（更新）"
copy = "\n".join(seed) + "\n\n（責任編輯：王小明）\n"
print(json.dumps({"id": "copy-of-seed", "text": copy}, ensure_ascii=False))
PY
"$bin" ingest -q --db "$db" --input jsonl "$tmp/more.jsonl" 2>/dev/null || fail "ingest of the copy"
wire=$(sqlite3 "$db" "SELECT count(DISTINCT wire) FROM documents")
[ "$wire" -eq 1 ] || fail "the copy is not one wire story with the seed ($wire groups)"
line=$("$bin" query --db "$db" --stories --cameo 04 --from 2025-08-23 --to 2025-08-23 --json 2>/dev/null | head -1)
case $line in *'"num_articles":2'*'"num_sources":1'*) ;; *) fail "seed + copy story: $line" ;; esac
echo "ok: a syndicated copy counts as a second article, not a second source"
printf '%s\n' "$(python3 -c 'import json,sys; print(json.dumps({"id":"other-report","date":"2025-08-23","text":open(sys.argv[1],encoding="utf-8").read()},ensure_ascii=False))' "$other")" >"$tmp/other.jsonl"
"$bin" ingest -q --db "$db" --input jsonl "$tmp/other.jsonl" 2>/dev/null || fail "ingest of the other report"
line=$("$bin" query --db "$db" --stories --cameo 04 --from 2025-08-23 --to 2025-08-23 --json 2>/dev/null | head -1)
case $line in *'"source":"JPN,KOR"'*'"num_articles":3'*'"num_sources":2'*) ;; *) fail "summit story after the other report: $line" ;; esac
echo "ok: two different reports of the summit are one story with two sources ($line)"

# 3. migration from version 1
sqlite3 "$tmp/old.db" <"$v1" || fail "building the v1 store"
"$bin" ingest -q --db "$tmp/old.db" "$seed" 2>/dev/null || fail "ingest into a v1 store"
v=$(sqlite3 "$tmp/old.db" "PRAGMA user_version")
[ "$v" -eq 2 ] || fail "version after migration: $v"
old=$("$bin" query --db "$tmp/old.db" --doc old-doc --json 2>/dev/null)
case $old in *'"cameo":"040"'*) ;; *) fail "the v1 event is gone: $old" ;; esac
w=$(sqlite3 "$tmp/old.db" "SELECT wire FROM documents WHERE id='old-doc'")
[ "$w" = old-doc ] || fail "the v1 document has no wire group: $w"
echo "ok: a version-1 store is migrated to version 2 and keeps its facts"
