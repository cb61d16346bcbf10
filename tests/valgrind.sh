#!/usr/bin/env bash
# valgrind.sh BUILD SHARED -- memcheck with --leak-check=full on the seed
# article through the CLI, and on the unit tests. Any error or leak fails.
set -u
build=$1 shared=$2
vg=(valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99)
rc=0
seed=$shared/seed/000_4a3967963325df65.txt
if [ -f "$seed" ]; then
  "${vg[@]}" "$build/jishi" extract "$seed" >/dev/null || { echo "valgrind: extract seed failed"; rc=1; }
  "${vg[@]}" "$build/jishi" extract -j 2 "$seed" "$seed" >/dev/null || { echo "valgrind: extract -j 2 failed"; rc=1; }
  for f in "" --pos "-f jsonl"; do
    # shellcheck disable=SC2086 # f is zero or more words
    "${vg[@]}" "$build/jishi" seg $f "$seed" >/dev/null || { echo "valgrind: seg $f failed"; rc=1; }
  done
fi
for t in "$build"/test_base "$build"/test_doc; do
  [ -x "$t" ] || continue
  JISHI_MODEL=$build/model.bin "${vg[@]}" "$t" >/dev/null 2>&1 || { echo "valgrind: $t failed"; rc=1; }
done
[ $rc -eq 0 ] && echo "valgrind: no errors, no leaks"
exit $rc
