#!/usr/bin/env bash
# demo.sh -- the main job on the bundled sample reports: install build
# dependencies, build, extract every sample and print what was found, store
# the records in jishi.db and print the timeline of their events.
set -eu
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh build >/dev/null
out=build/samples.jsonl
# plain-text reports carry their own dateline; the JSON Lines records carry
# their publication date as the anchor
./build/jishi extract -j 2 --format jsonl samples/*.txt >"$out"
./build/jishi extract -j 2 --input jsonl samples/reports.jsonl >>"$out"
python3 scripts/summary.py "$out"
# the same reports into the event store (re-running skips what is stored),
# then the timeline of their events
./build/jishi ingest --db jishi.db -j 2 samples/*.txt
./build/jishi ingest --db jishi.db -j 2 --input jsonl samples/reports.jsonl
echo
echo "== timeline (jishi query --db jishi.db)"
./build/jishi query --db jishi.db
