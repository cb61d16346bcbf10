#!/usr/bin/env bash
# e2e_test.sh JISHI SAMPLES_DIR ARTIFACT_DIR -- the page in a real browser:
# Debian's chromium driven by playwright-core (npm, installed into
# ARTIFACT_DIR/node_modules on first use). Skips (77) when chromium, node
# or the npm registry is not there. The screenshot is ARTIFACT_DIR/
# serve-e2e.png.
set -u
bin=$1 samples=$2 art=$3
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-$(command -v chromium || true)}
[ -n "$chromium" ] || { echo "skip: no chromium"; exit 77; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "skip: no node/npm"; exit 77; }
mkdir -p "$art"
if [ ! -d "$art/node_modules/playwright-core" ]; then
  timeout 300 npm install --prefix "$art" --no-audit --no-fund --silent playwright-core@1 >/dev/null 2>&1 \
    || { echo "skip: npm install playwright-core failed (no registry?)"; exit 77; }
fi
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
"$bin" ingest -q --db "$tmp/s.db" "$samples"/*.txt 2>/dev/null || { echo "FAIL: ingest"; exit 1; }
"$bin" ingest -q --db "$tmp/s.db" --input jsonl "$samples/reports.jsonl" 2>/dev/null || { echo "FAIL: ingest"; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --db "$tmp/s.db" --port "$port" 2>"$tmp/serve.err" &
pid=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
CHROMIUM=$chromium NODE_PATH="$art/node_modules" timeout 120 node "$here/e2e.js" "http://127.0.0.1:$port" "$art/serve-e2e.png"
