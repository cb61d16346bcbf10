#!/usr/bin/env bash
# fake_clock.sh JISHI INPUT... -- jishi's output must not depend on the
# machine's clock: extract the inputs with the real clock and with the
# clock faked to another year (libfaketime) and compare byte for byte.
# Exit 77 (skip) when faketime is not installed.
set -u
bin=$1
shift
if ! command -v faketime >/dev/null; then
  echo "skip: faketime not installed"
  exit 77
fi
a=$(mktemp) b=$(mktemp)
trap 'rm -f "$a" "$b"' EXIT
"$bin" extract -f jsonl "$@" >"$a" || { echo "jishi extract failed"; exit 1; }
# libfaketime is preloaded; an ASan build must accept a preload before it
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
  faketime '2031-03-15 08:00:00' "$bin" extract -f jsonl "$@" >"$b" ||
  { echo "jishi extract failed under faketime"; exit 1; }
# the faked clock must really be in effect
[ "$(faketime '2031-03-15 08:00:00' date +%Y)" = 2031 ] ||
  { echo "faketime did not fake the clock"; exit 1; }
n=$(grep -c '"times":\[{' "$a")
if cmp -s "$a" "$b"; then
  echo "identical output under a clock faked to 2031 ($n records with times)"
  exit 0
fi
echo "output differs under a faked clock:"
diff "$a" "$b" | head -20
exit 1
