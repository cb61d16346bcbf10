#!/usr/bin/env bash
# deps.sh -- install what jishi needs to build and test on Debian 12, as
# root. Safe to run again: apt-get skips what is already there.
set -eu
pkgs=(build-essential cmake pkg-config clang libclang-rt-14-dev
      clang-format valgrind python3 time
      libjansson-dev libcmocka-dev libsqlite3-dev sqlite3 libopencc-dev opencc
      faketime libmicrohttpd-dev wrk curl chromium fonts-wqy-zenhei)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "deps.sh: missing packages ${missing[*]}; run as root (apt-get)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# node and npm for the browser test (playwright-core from npm drives
# chromium); a node installed some other way is kept
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null || true
fi
