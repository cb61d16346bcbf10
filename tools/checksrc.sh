#!/usr/bin/env bash
# checksrc.sh -- source hygiene (curl's checksrc, in spirit):
#  - clang-format --dry-run -Werror on every C file we own
#  - no strcpy, strcat, sprintf, vsprintf, gets, strtok, atoi, atol, gmtime,
#    localtime, exit, abort or printf-to-stdout in the library (src/ less cli)
#  - no time() or clock reads in the library: nothing resolves against the
#    machine's clock
set -u
cd "$(dirname "$0")/.."
rc=0
files=$(git ls-files 'src/*.c' 'src/*.h' 'include/*.h' 'tools/*.c' 'tests/*.c' 2>/dev/null)
if command -v clang-format >/dev/null; then
  if ! clang-format --dry-run -Werror $files 2>/tmp/checksrc.$$; then
    head -40 /tmp/checksrc.$$
    echo "checksrc: clang-format would change the files above (run clang-format -i)"
    rc=1
  fi
  rm -f /tmp/checksrc.$$
else
  echo "checksrc: clang-format not installed"; rc=1
fi
lib=$(git ls-files 'src/*.c' 'src/*.h' | grep -v '^src/cli/')
banned='\b(strcpy|strcat|sprintf|vsprintf|gets|strtok|atoi|atol|gmtime|localtime|exit|abort|printf|puts|time|clock_gettime|gettimeofday)\s*\('
if grep -nE "$banned" $lib | grep -vE '^\S+:[0-9]+:\s*(\*|/\*)' | grep -vE '(snprintf|vsnprintf|jx_buf_printf)\s*\('; then
  echo "checksrc: banned call in the library (see above)"
  rc=1
fi
[ $rc -eq 0 ] && echo "checksrc: ok"
exit $rc
