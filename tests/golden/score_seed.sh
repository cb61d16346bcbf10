#!/usr/bin/env bash
# score_seed.sh JISHI INPUT GOLD REQUIRE -- extract INPUT with JISHI and score
# it with shared/tools/score_doc.py against GOLD, failing below REQUIRE
# (e.g. layout=1.0). Exit 77 (skip) when shared/ is not there.
set -u
bin=$1 input=$2 gold=$3 require=$4
tool=$(dirname "$input")/../tools/score_doc.py
if [ ! -f "$input" ] || [ ! -f "$tool" ]; then
  echo "skip: $input or $tool not found"
  exit 77
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$bin" extract "$input" >"$out" || { echo "jishi extract failed"; exit 1; }
python3 "$tool" "$input" "$gold" "$out" --require "$require" --verbose
