#!/usr/bin/env bash
# api_test.sh JISHI SAMPLES_DIR -- jishi serve over a store of the sample
# reports: the API answers filters, every bad request gets a 4xx with a
# JSON error, SQL metacharacters in every parameter select nothing, 1,000
# concurrent connections (wrk) do not stop it, and the store is unchanged.
set -u
bin=$1 samples=$2
for t in curl sqlite3 python3; do
  command -v $t >/dev/null || { echo "skip: no $t"; exit 77; }
done
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; [ -f "$tmp/serve.err" ] && tail -5 "$tmp/serve.err"; exit 1; }
db=$tmp/s.db
"$bin" ingest -q --db "$db" "$samples"/*.txt 2>/dev/null || fail "ingest"
"$bin" ingest -q --db "$db" --input jsonl "$samples/reports.jsonl" 2>/dev/null || fail "ingest jsonl"
before=$(sqlite3 "$db" "SELECT count(*) FROM documents; SELECT count(*) FROM events; SELECT group_concat(sha256) FROM documents")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --db "$db" --port "$port" --max-bytes 64K 2>"$tmp/serve.err" &
pid=$!
base=http://127.0.0.1:$port
for _ in $(seq 1 50); do curl -s -o /dev/null "$base/api/events?limit=1" && break; sleep 0.1; done

# expect STATUS URL [curl args...]: the body is JSON; prints the body
expect() {
  local want=$1 url=$2; shift 2
  local out code
  out=$(curl -s -g -o "$tmp/body" -w '%{http_code}' "$@" "$url") || fail "curl $url"
  code=$out
  [ "$code" = "$want" ] || fail "$url: HTTP $code, want $want: $(head -c 200 "$tmp/body")"
  python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$tmp/body" \
    || fail "$url: body is not JSON"
  cat "$tmp/body"
}
body=$(expect 200 "$base/api/events?pair=KOR,JPN&cameo=04")
case $body in *李在明*) ;; *) fail "KOR-JPN meetings: $body" ;; esac
expect 200 "$base/api/stories?cameo=04&from=2025-01-01" >/dev/null
expect 200 "$base/api/quotes?speaker=李在明" | grep -q 李在明 || fail "quotes by speaker"
expect 200 "$base/api/documents/hkcnews-7647" | grep -q paragraphs || fail "document"
curl -s "$base/" | grep -q "<svg id=\"graph\"" || fail "the page"
echo "ok: events, stories, quotes, documents and the page"

expect 400 "$base/api/events?bogus=1" >/dev/null
expect 400 "$base/api/events?from=yesterday" >/dev/null
expect 400 "$base/api/events?limit=-5" >/dev/null
expect 400 "$base/api/events?actor=%FF%FE" >/dev/null
expect 400 "$base/api/events?pair=KOR" >/dev/null
expect 400 "$base/api/events?actor=$(python3 -c 'print("x"*300)')" >/dev/null
expect 404 "$base/api/nothing" >/dev/null
expect 404 "$base/api/documents/no-such-doc" >/dev/null
expect 405 "$base/api/events" -X DELETE >/dev/null
expect 405 "$base/api/events" -X POST --data x >/dev/null
head -c 100000 /dev/zero | tr '\0' a >"$tmp/big"
expect 413 "$base/api/extract" -X POST --data-binary @"$tmp/big" >/dev/null
printf 'ab\xff\xfecd' >"$tmp/bad"
body=$(expect 400 "$base/api/extract" -X POST --data-binary @"$tmp/bad")
case $body in *byte*) ;; *) fail "invalid UTF-8 body without its offset: $body" ;; esac
echo "ok: bad requests get 4xx JSON errors (unknown parameter, bad date, bad limit, invalid UTF-8, long value, unknown path, wrong method, body over the cap)"

for v in "x' OR 1=1 --" '"; DROP TABLE events; --' "%" "_" "\\" "1); DELETE FROM documents; --"; do
  q=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$v")
  for k in actor country cameo plover text doc; do
    body=$(expect 200 "$base/api/events?$k=$q")
    [ "$body" = "[]" ] || fail "$k=$v selected: $(echo "$body" | head -c 100)"
  done
  body=$(expect 200 "$base/api/quotes?speaker=$q")
  [ "$body" = "[]" ] || fail "speaker=$v selected"
done
echo "ok: SQL metacharacters in every parameter select nothing"

body=$(expect 200 "$base/api/extract?date=2025-08-23" -X POST --data-binary @"$samples/ettoday-korea-japan-summit-20250824.txt")
case $body in *'"events":[{'*) ;; *) fail "POST /api/extract gave no events" ;; esac
echo "ok: POST /api/extract"

if command -v wrk >/dev/null; then
  (ulimit -n 4096 2>/dev/null; wrk -t 2 -c 1000 -d 3s "$base/api/events?limit=5" >"$tmp/wrk.txt" 2>&1) || true
  expect 200 "$base/api/events?limit=1" >/dev/null
  kill -0 "$pid" || fail "the server died under load"
  echo "ok: 1,000 concurrent connections (wrk: $(grep -o 'Requests/sec:.*' "$tmp/wrk.txt" | tr -s ' '))"
else
  echo "note: no wrk, load step skipped"
fi
after=$(sqlite3 "$db" "SELECT count(*) FROM documents; SELECT count(*) FROM events; SELECT group_concat(sha256) FROM documents")
[ "$before" = "$after" ] || fail "the store changed"
echo "ok: the store is unchanged"
