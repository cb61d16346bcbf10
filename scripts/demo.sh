#!/usr/bin/env bash
# demo.sh -- the main job on the bundled sample reports: install build
# dependencies, build, extract every sample and print what was found.
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
