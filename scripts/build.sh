#!/usr/bin/env bash
# build.sh [DIR [cmake args...]] -- configure and build jishi into DIR
# (default build/).
set -eu
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
