#!/usr/bin/env bash
# extract_bench.sh -- throughput and peak memory of `jishi extract`.
#
# usage: bench/extract_bench.sh [BIN [SHARED_DIR]]
#   BIN         the jishi binary (default: build/jishi; use a Release build)
#   SHARED_DIR  the shared data folder (default: ../shared next to the repo)
#
# Builds a corpus of at least $JISHI_BENCH_MB (default 50) MB by repeating
# the 195 real articles of SHARED_DIR/data/news_articles -- once as files
# in a folder tree, once as one JSON Lines file with fresh ids -- then times
# six runs, each 3 times, taking the median:
#   files -j 1, files -j 2    jishi extract DIR            (one file a document)
#   jsonl -j 1, jsonl -j 2    jishi extract --input jsonl < FILE
#   one document x1, x8       jishi extract FILE  (all articles joined into
#                             one document, once and 8 times over: the
#                             stages must not slow down with its length)
# Output goes through a pipe to `wc -c`, not to a disk. Peak RSS is the
# largest of the three runs (GNU time %M). MB is 10^6 bytes of input.
# The figures replace the "## extract throughput" section of
# bench/RESULTS.md (other sections are left alone) and are also printed.
# Everything generated lives in one mktemp -d folder, removed at the end.
set -u
set -o pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$REPO/build/jishi}
SHARED=${2:-$REPO/../shared}
MB=${JISHI_BENCH_MB:-50}
RUNS=${JISHI_BENCH_RUNS:-3}
RESULTS=$REPO/bench/RESULTS.md
ARTS=$SHARED/data/news_articles/articles
ARTJ=$SHARED/data/news_articles/articles.shared.jsonl

case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
die() {
	echo "extract_bench: $*" >&2
	exit 1
}
[ -x "$BIN" ] || die "$BIN is not executable (build first: cmake --build build)"
[ -d "$ARTS" ] && [ -f "$ARTJ" ] || die "shared articles not found under $SHARED"
[ -x /usr/bin/time ] || die "/usr/bin/time missing (apt-get install -y time)"
if grep -q __asan_init "$BIN" 2>/dev/null; then
	echo "extract_bench: warning: $BIN is an ASan build; figures will be slow" >&2
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/jishi-bench.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT TERM

LOAD0=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$LOAD0" 'BEGIN { exit !(l > 0.5) }'; then
	echo "extract_bench: warning: load average $LOAD0 before the run;" \
		"other work will skew the figures" >&2
fi

# ---- corpus ---------------------------------------------------------------
python3 - "$ARTS" "$ARTJ" "$T" "$MB" <<'EOF' || die "cannot build the corpus"
import json, os, shutil, sys
arts, artj, t, mb = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
names = sorted(n for n in os.listdir(arts) if not n.startswith("."))
one = sum(os.path.getsize(os.path.join(arts, n)) for n in names)
reps = -(-mb * 1000000 // one)
for r in range(reps):
    d = os.path.join(t, "files", "%03d" % r)
    os.makedirs(d)
    for n in names:
        shutil.copyfile(os.path.join(arts, n), os.path.join(d, n))
recs = [json.loads(l) for l in open(artj, encoding="utf-8")]
size = n = 0
with open(os.path.join(t, "in.jsonl"), "w", encoding="utf-8") as f:
    while size < mb * 1000000:
        a = recs[n % len(recs)]
        line = json.dumps({"id": "%s-%06d" % (a["id"], n), "text": a["text"],
                           "date": a["date"], "url": a["url"]}, ensure_ascii=False) + "\n"
        f.write(line)
        size += len(line.encode("utf-8"))
        n += 1
# one long document: every article joined, once and eight times (how
# the stages scale with a document's length, not the number of documents)
joined = b"".join(open(os.path.join(arts, n), "rb").read().rstrip(b"\n") + b"\n\n"
                  for n in names)
open(os.path.join(t, "one1.txt"), "wb").write(joined)
open(os.path.join(t, "one8.txt"), "wb").write(joined * 8)
with open(os.path.join(t, "corpus.txt"), "w") as f:
    f.write("%d %d %d %d %d\n" % (reps * one, reps * len(names), size, n, len(joined)))
EOF
read -r FBYTES FDOCS JBYTES JDOCS OBYTES <"$T/corpus.txt"
echo "corpus: files $FDOCS docs / $FBYTES bytes; jsonl $JDOCS records / $JBYTES bytes"

# Run a private copy of the binary and the model beside it: a rebuild
# during the benchmark rewrites model.bin in place, which would kill a
# process that has it mapped (SIGBUS).
RUNBIN=$BIN
if [ -f "$(dirname "$BIN")/model.bin" ] && [ -z "${JISHI_MODEL:-}" ]; then
	mkdir -p "$T/bin"
	cp "$BIN" "$T/bin/jishi" && cp "$(dirname "$BIN")/model.bin" "$T/bin/model.bin" &&
		RUNBIN=$T/bin/jishi
fi

# ---- runs -------------------------------------------------------------------
# measure NAME STDIN ARGS...: RUNS runs; prints "median_seconds max_rss_kb out_bytes"
measure() {
	local name=$1 in=$2 i
	shift 2
	: >"$T/$name.times"
	for ((i = 1; i <= RUNS; i++)); do
		/usr/bin/time -f "%e %M" -o "$T/$name.$i.time" "$RUNBIN" "$@" <"$in" 2>"$T/$name.err" |
			wc -c >"$T/$name.bytes"
		local rcs=("${PIPESTATUS[@]}")
		[ "${rcs[0]}" -eq 0 ] || die "$name: jishi exit ${rcs[0]}: $(tail -c 400 "$T/$name.err")"
		tail -n 1 "$T/$name.$i.time" >>"$T/$name.times"
		echo "  $name run $i: $(tail -n 1 "$T/$name.$i.time" | awk '{print $1 " s, " $2 " KB"}')" >&2
	done
	sort -n -k1,1 "$T/$name.times" | awk -v out="$(cat "$T/$name.bytes")" '
		{ t[NR] = $1; if ($2 > m) m = $2 }
		END { printf "%s %d %d\n", t[int((NR + 1) / 2)], m, out }'
}
echo "timing ($RUNS runs each, median):"
R_F1=$(measure files-j1 /dev/null extract -f jsonl "$T/files") || exit 1
R_F2=$(measure files-j2 /dev/null extract -f jsonl -j 2 "$T/files") || exit 1
R_J1=$(measure jsonl-j1 "$T/in.jsonl" extract --input jsonl) || exit 1
R_J2=$(measure jsonl-j2 "$T/in.jsonl" extract --input jsonl -j 2) || exit 1
R_O1=$(measure one-x1 /dev/null extract "$T/one1.txt") || exit 1
R_O8=$(measure one-x8 /dev/null extract "$T/one8.txt") || exit 1

# ---- report -----------------------------------------------------------------
VERSION=$("$RUNBIN" --version 2>/dev/null | head -n 1)
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "no commit")
DIRTY=$(git -C "$REPO" status --porcelain 2>/dev/null | grep -q . && echo " (with uncommitted changes)")
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
BUILDDIR=$(dirname "$BIN")
BTYPE=$(grep -m1 '^CMAKE_BUILD_TYPE:' "$BUILDDIR/CMakeCache.txt" 2>/dev/null | cut -d= -f2-)
CC=$(grep -m1 '^CMAKE_C_COMPILER:' "$BUILDDIR/CMakeCache.txt" 2>/dev/null | cut -d= -f2-)

python3 - "$RESULTS" "$REPO/bench" <<EOF || die "cannot write $RESULTS"
import os, sys
path = sys.argv[1]
sys.path.insert(0, sys.argv[2])
import results
rows = [("files", 1, "$R_F1", $FBYTES, $FDOCS), ("files", 2, "$R_F2", $FBYTES, $FDOCS),
        ("jsonl (stdin)", 1, "$R_J1", $JBYTES, $JDOCS), ("jsonl (stdin)", 2, "$R_J2", $JBYTES, $JDOCS),
        ("one document: all 195 articles joined", 1, "$R_O1", $OBYTES, 1),
        ("one document: the same, 8 times over", 1, "$R_O8", 8 * $OBYTES, 1)]
L = ["## extract throughput", "",
     "Written by \`bench/extract_bench.sh\` (see bench/README.md); rerun it rather than editing by hand.", "",
     "- date: $(date -u '+%Y-%m-%d %H:%M UTC')",
     "- version: ${VERSION:-unknown} (commit $COMMIT$DIRTY), binary \`${BIN#$REPO/}\`"
     + (", CMAKE_BUILD_TYPE=${BTYPE}" if "${BTYPE}" else "") + (", ${CC}" if "${CC}" else ""),
     "- machine: $(nproc) CPUs, ${CPU:-unknown CPU}, $(uname -sr); load average $LOAD0 before, $(cut -d' ' -f1 /proc/loadavg) after",
     "- input: the 195 shared articles repeated: %d files / %.1f MB; one JSON Lines file of %d records / %.1f MB"
     % ($FDOCS, $FBYTES / 1e6, $JDOCS, $JBYTES / 1e6),
     "- one document: the articles joined with blank lines into one file (%.2f MB), and that 8 times over (%.2f MB): MB/s should not fall with length"
     % ($OBYTES / 1e6, 8 * $OBYTES / 1e6),
     "- method: median wall time of $RUNS runs, output piped to \`wc -c\`; peak RSS is the largest of the runs; MB = 10^6 bytes of input", "",
     "| input | -j | wall s | MB/s | docs/s | peak RSS MB | output MB |",
     "|---|---:|---:|---:|---:|---:|---:|"]
for kind, j, r, nbytes, ndocs in rows:
    t, rss, out = r.split()
    t = max(float(t), 0.01)
    L.append("| %s | %d | %.2f | %.1f | %.0f | %.1f | %.1f |"
             % (kind, j, t, nbytes / 1e6 / t, ndocs / t, int(rss) / 1024, int(out) / 1e6))
section = "\n".join(L) + "\n"
print(section)
results.write_section(path, section)
EOF
echo "extract_bench: wrote the '## extract throughput' section of $RESULTS"
