#!/usr/bin/env bash
# test.sh -- the whole test suite, as CI runs it (.ci/run calls this):
#   1. install build dependencies (apt-get, as root)
#   2. release build + ctest (unit, table-driven layout cases, golden seed,
#      CLI contract incl. the 1,000-file and 200 MB stream checks)
#   3. ASan+UBSan build + ctest (the same tests but the heavy CLI checks)
#   4. valgrind --leak-check=full on the seed article and the unit tests
#   5. libFuzzer: each target for JISHI_FUZZ_SECONDS (default 60) seconds
#   6. clang-format and tools/checksrc.sh over src/, include/, tools/, tests/
# Prints ctest's summaries and ends with "N passed, M failed" for the steps.
set -u
cd "$(dirname "$0")/.."
bash scripts/deps.sh || exit 1
shared=${JISHI_SHARED_DIR:-$(cd .. && pwd)/shared}
passed=0 failed=0
step() { # step NAME CMD...
  local name=$1; shift
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); echo "--- $name: ok"
  else failed=$((failed + 1)); echo "--- $name: FAILED"; fi
}

step "release build" bash scripts/build.sh build -DJISHI_SHARED_DIR="$shared"
step "release tests" ctest --test-dir build --output-on-failure -j 2
step "asan+ubsan build" bash scripts/build.sh build-asan -DJISHI_SANITIZE=ON \
  -DJISHI_SHARED_DIR="$shared" -DJISHI_HEAVY_TESTS=OFF -DJISHI_FUZZ=OFF
step "asan+ubsan tests" env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j 2
step "valgrind" bash tests/valgrind.sh build "$shared"
step "fuzz" bash tests/fuzz/run_fuzz.sh build "${JISHI_FUZZ_SECONDS:-60}"
step "format and checksrc" bash tools/checksrc.sh
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
