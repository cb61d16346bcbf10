#!/usr/bin/env bash
# store_bench.sh [N] [SHARED_DIR] -- the event store at scale: ingest N
# reports generated from the real shared ones (each shared article repeated
# with its own id and a numbered line, so that extraction does real work
# and nothing is skipped as unchanged), then the latency of the queries
# users run (jishi query, 20 runs each: p50 and p95), and peak memory.
# Writes the "event store" section of bench/RESULTS.md.
set -eu
cd "$(dirname "$0")/.."
n=${1:-100000}
shared=${2:-../shared}
bin=build/jishi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$shared/data/news_articles/articles.shared.jsonl" "$tmp/in.jsonl" "$n" <<'PY'
import json, sys
src = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
n = int(sys.argv[3])
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for i in range(n):
        r = src[i % len(src)]
        f.write(json.dumps({"id": f"{r['id']}#{i}", "date": r["date"], "url": r.get("url"),
                            "text": r["text"] + f"\n\n（{i}）"}, ensure_ascii=False) + "\n")
PY
mb=$(python3 -c "import os,sys; print(round(os.path.getsize(sys.argv[1])/1e6,1))" "$tmp/in.jsonl")
t0=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$tmp/rss" $bin ingest -q -j 2 --db "$tmp/b.db" --input jsonl "$tmp/in.jsonl" 2>"$tmp/ingest.err"
t1=$(date +%s.%N)
wall=$(python3 -c "print(round($t1-$t0,1))")
rate=$(python3 -c "print(round($n/($t1-$t0)))")
rss=$(( $(cat "$tmp/rss") / 1024 ))
dbmb=$(python3 -c "import os,sys; print(round(sum(os.path.getsize(p) for p in [sys.argv[1]] if os.path.exists(p))/1e6,1))" "$tmp/b.db")
events=$(sqlite3 "$tmp/b.db" "SELECT count(*) FROM events")
stories=$(sqlite3 "$tmp/b.db" "SELECT count(*) FROM stories")
q() { # label args...
  local label=$1; shift
  python3 - "$bin" "$tmp/b.db" "$label" "$@" <<'PY'
import subprocess, sys, time
bin, db, label, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
ts = []
rows = 0
for _ in range(20):
    t = time.perf_counter()
    r = subprocess.run([bin, "query", "--db", db, "--json"] + args, capture_output=True)
    ts.append((time.perf_counter() - t) * 1000)
    rows = r.stdout.count(b"\n")
ts.sort()
print(f"| {label} | `{' '.join(args)}` | {rows} | {ts[9]:.0f} | {ts[18]:.0f} |")
PY
}
{
  echo "| query | arguments | rows | p50 ms | p95 ms |"
  echo "|---|---|---:|---:|---:|"
  q "actor" --actor 习近平 --limit 100
  q "actor pair" --pair KOR,JPN
  q "country" --country USA --limit 100
  q "CAMEO root" --cameo 04 --limit 100
  q "date range" --from 2024-01-01 --to 2024-03-31 --limit 100
  q "text" --text 联合国 --limit 100
  q "stories" --stories --cameo 04 --limit 100
} >"$tmp/q.md"
cat "$tmp/q.md"
python3 - bench/RESULTS.md "$tmp/q.md" <<PY
import sys, time, os, subprocess
path, qmd = sys.argv[1], sys.argv[2]
ver = subprocess.run(["$bin", "--version"], capture_output=True, text=True).stdout.strip()
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
body = ["## event store", "",
        "Written by \`bench/store_bench.sh\`; rerun it rather than editing by hand.", "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- jishi: {ver} (commit {commit}); machine: {os.cpu_count()} CPUs",
        f"- input: $n reports generated from the 195 shared articles (each repeated with its own id and a numbered line), $mb MB of JSON Lines",
        f"- ingest (\`jishi ingest -j 2 --input jsonl\`, extraction included): $wall s, **$rate documents/s**, peak RSS $rss MB; the store: $dbmb MB, $events events, $stories stories",
        "- queries: \`jishi query --db … --json\` as a whole process (open, query, print), 20 runs each", ""]
body += open(qmd, encoding="utf-8").read().splitlines() + [""]
sys.path.insert(0, "bench")  # the script runs from the top of the tree
import results
results.write_section(path, "\n".join(body))
PY
echo "ingest: $n documents in $wall s ($rate docs/s), peak RSS $rss MB"
