#!/usr/bin/env bash
# seg_bench.sh -- accuracy and speed of `jishi seg` next to peer segmenters.
#
# usage: bench/seg_bench.sh [BUILD_DIR [SHARED_DIR]]
#   BUILD_DIR   the build folder holding jishi (default: build/; use a non-ASan build)
#   SHARED_DIR  the shared data folder (default: ../shared next to the repo)
#
# Tools, all run in this one script on the same inputs:
#   jishi        BUILD_DIR/jishi seg            (skipped, and said so, while
#                                                `jishi seg --help` fails)
#   jieba        python3-jieba (Debian), bench/peers/jieba_seg.py
#   node-rs      @node-rs/jieba (npm, jieba-rs), bench/peers/nodejieba_seg.js
#   ICU          ICU word BreakIterator, locale zh, bench/peers/icu_seg.c
#   friso        libfriso (Debian, mmseg complex mode), bench/peers/friso_seg.c
# Missing Debian packages are installed with apt-get (needs root); the npm
# package goes into bench/.peers/node (git-ignored); the two C peers are
# compiled into the scratch folder.
#
# 1. Accuracy: each tool segments SHARED/data/sighan2005/dev/{pku,cityu}_dev_input.utf8,
#    scored by SHARED/tools/seg_score.py --json --dict <corpus>_training_words.utf8:
#    F1, P, R, OOV recall, IV recall.  jishi, jieba and node-rs also run with
#    that training word list as a user dictionary.
# 2. Speed: the CityU + PKU dev inputs (BOM removed, LF line ends) repeated to
#    >= $JISHI_SEG_BENCH_MB (default 50) MB.  Fast tools: median wall time of
#    $JISHI_SEG_BENCH_RUNS (default 3) runs on the whole file; friso: one run on
#    the whole file; python jieba: one run on the first
#    $JISHI_SEG_BENCH_SLOW_MB (default 5) MB.  Output is piped to `wc -lc`
#    (line count checked).  Also: load time (median of 3 runs on empty input,
#    also with the PKU word list as user dictionary), peak RSS (GNU time %M),
#    and for jishi `--stats` (load_ms / seg_ms).  MB = 10^6 bytes of input.
# The figures replace the "## segmentation" section of bench/RESULTS.md
# (other sections are left alone) and are printed.  Scratch files live in one
# mktemp -d folder, removed at the end.
set -u
set -o pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$REPO/build}
SHARED=${2:-$REPO/../shared}
MB=${JISHI_SEG_BENCH_MB:-50}
RUNS=${JISHI_SEG_BENCH_RUNS:-3}
SLOW_MB=${JISHI_SEG_BENCH_SLOW_MB:-5}
TIMEOUT=${JISHI_SEG_BENCH_TIMEOUT:-600}
NODE_JIEBA=${JISHI_SEG_BENCH_NODE_JIEBA:-@node-rs/jieba@2.0.3}
RESULTS=${JISHI_SEG_BENCH_RESULTS:-$REPO/bench/RESULTS.md}
PEERS=$REPO/bench/.peers
PY=/usr/bin/python3 # Debian's python: python3-jieba lives there
START=$(date +%s)
LOAD0=$(cut -d' ' -f1 /proc/loadavg)

case $BUILD in /*) ;; *) BUILD=$PWD/$BUILD ;; esac
case $SHARED in /*) ;; *) SHARED=$PWD/$SHARED ;; esac
SHARED=$(cd "$SHARED" 2>/dev/null && pwd) || SHARED=${2:-$REPO/../shared}
JISHI=$BUILD/jishi
DEV=$SHARED/data/sighan2005/dev
WORDS=$SHARED/data/sighan2005/gold
SCORE=$SHARED/tools/seg_score.py
die() {
	echo "seg_bench: $*" >&2
	exit 1
}
log() { echo "seg_bench: $*" >&2; }
for f in "$DEV/pku_dev_input.utf8" "$DEV/cityu_dev_input.utf8" "$DEV/pku_dev_gold.utf8" \
	"$DEV/cityu_dev_gold.utf8" "$WORDS/pku_training_words.utf8" "$WORDS/cityu_training_words.utf8" "$SCORE"; do
	[ -f "$f" ] || die "missing $f (SHARED_DIR is $SHARED)"
done

# ---- what the peers need ------------------------------------------------------
need=()
for p in python3-jieba friso libfriso-dev friso-dict libicu-dev pkg-config time gcc libc6-dev; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
[ -x "$PY" ] || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
	[ "$(id -u)" -eq 0 ] || die "missing packages (${need[*]}); run as root or: apt-get install -y ${need[*]}"
	log "installing ${need[*]}"
	apt-get update -qq >&2 || die "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2 ||
		die "apt-get install ${need[*]} failed"
fi
NODEMOD=$PEERS/node/node_modules
if [ ! -f "$NODEMOD/@node-rs/jieba/package.json" ]; then
	log "installing $NODE_JIEBA into bench/.peers/node"
	mkdir -p "$PEERS/node"
	[ -f "$PEERS/node/package.json" ] || echo '{ "private": true }' >"$PEERS/node/package.json"
	npm install --prefix "$PEERS/node" --no-audit --no-fund --loglevel=error "$NODE_JIEBA" >&2 ||
		log "npm install $NODE_JIEBA failed"
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/jishi-segbench.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$T/acc" "$T/speed" "$T/bin"

# ---- the tools ------------------------------------------------------------------
TOOLS=(jishi jieba node icu friso)
declare -A NAME=([jishi]="jishi seg" [jieba]="jieba (python)" [node]="@node-rs/jieba"
	[icu]="ICU BreakIterator" [friso]="friso")
declare -A WHY # set when a tool cannot run
# shellcheck disable=SC2034 # the CMD_* arrays are used through declare -n
{
	CMD_jishi=("$JISHI" seg)
	CMD_jieba=("$PY" "$REPO/bench/peers/jieba_seg.py")
	CMD_node=(env "NODE_PATH=$NODEMOD" node "$REPO/bench/peers/nodejieba_seg.js")
	CMD_icu=("$T/bin/icu_seg")
	CMD_friso=("$T/bin/friso_seg")
}
declare -A HASDICT=([jishi]=1 [jieba]=1 [node]=1)

if [ ! -x "$JISHI" ]; then
	WHY[jishi]="$JISHI does not exist (build it first)"
elif ! "$JISHI" seg --help >"$T/jishi.help" 2>&1; then
	WHY[jishi]="\`jishi seg --help\` failed: $(head -n 1 "$T/jishi.help")"
elif grep -q __asan_init "$JISHI" 2>/dev/null; then
	log "warning: $JISHI is an ASan build; its figures will be slow"
fi
"$PY" -c 'import jieba' 2>"$T/jieba.err" || WHY[jieba]="python3-jieba does not import: $(tail -n 1 "$T/jieba.err")"
NODE_PATH=$NODEMOD node -e "require('@node-rs/jieba'); require('@node-rs/jieba/dict')" 2>"$T/node.err" ||
	WHY[node]="@node-rs/jieba does not load: $(grep -m1 -i error "$T/node.err")"
# shellcheck disable=SC2046
cc -O2 -o "$T/bin/icu_seg" "$REPO/bench/peers/icu_seg.c" $(pkg-config --cflags --libs icu-uc icu-i18n) 2>"$T/icu.err" ||
	WHY[icu]="icu_seg.c does not build: $(head -n 1 "$T/icu.err")"
# shellcheck disable=SC2046
cc -O2 -o "$T/bin/friso_seg" "$REPO/bench/peers/friso_seg.c" $(pkg-config --cflags --libs friso) 2>"$T/friso.err" ||
	WHY[friso]="friso_seg.c does not build: $(head -n 1 "$T/friso.err")"
for t in "${TOOLS[@]}"; do
	[ -n "${WHY[$t]:-}" ] && log "${NAME[$t]}: skipped: ${WHY[$t]}"
done
ok() { [ -z "${WHY[$1]:-}" ]; }

# ---- 1. accuracy -----------------------------------------------------------------
log "accuracy on the SIGHAN 2005 dev sets"
for corpus in pku cityu; do
	IN=$DEV/${corpus}_dev_input.utf8
	GOLD=$DEV/${corpus}_dev_gold.utf8
	W=$WORDS/${corpus}_training_words.utf8
	for t in "${TOOLS[@]}"; do
		ok "$t" || continue
		declare -n cmd=CMD_$t
		for v in default dict; do
			extra=()
			if [ $v = dict ]; then
				[ -n "${HASDICT[$t]:-}" ] || continue
				extra=(--dict "$W")
			fi
			key=$t.$v.$corpus
			s=$(date +%s%N)
			timeout "$TIMEOUT" "${cmd[@]}" "${extra[@]}" <"$IN" >"$T/acc/$key.out" 2>"$T/acc/$key.stderr"
			rc=$?
			e=$(date +%s%N)
			if [ $rc -ne 0 ]; then
				echo "exit $rc: $(tail -c 300 "$T/acc/$key.stderr" | tr '\n' ' ')" >"$T/acc/$key.fail"
			elif ! "$PY" "$SCORE" --json --dict "$W" "$GOLD" "$T/acc/$key.out" >"$T/acc/$key.json" 2>"$T/acc/$key.serr"; then
				echo "seg_score.py: $(tail -n 1 "$T/acc/$key.serr")" >"$T/acc/$key.fail"
				rm -f "$T/acc/$key.json"
			fi
			echo $(((e - s) / 1000000)) >"$T/acc/$key.ms"
			log "  $corpus ${NAME[$t]} ($v): $(cat "$T/acc/$key.fail" 2>/dev/null ||
				"$PY" -c 'import json,sys; r=json.load(open(sys.argv[1])); print("F1 %.4f" % r["f1"])' "$T/acc/$key.json")"
		done
		unset -n cmd
	done
done

# ---- 2. speed ----------------------------------------------------------------------
"$PY" - "$DEV" "$T" "$MB" "$SLOW_MB" <<'EOF' || die "cannot build the speed corpus"
import os, sys
dev, t, mb, slow = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
one = b""
for c in ("cityu", "pku"):
    d = open(os.path.join(dev, c + "_dev_input.utf8"), "rb").read()
    d = d[3:] if d.startswith(b"\xef\xbb\xbf") else d
    one += d.replace(b"\r\n", b"\n").rstrip(b"\n") + b"\n"
reps = -(-int(mb * 1e6) // len(one))
with open(os.path.join(t, "full.txt"), "wb") as f:
    for _ in range(reps):
        f.write(one)
lines = one.splitlines(keepends=True)
out, n = [], 0
while n < slow * 1e6:
    l = lines[len(out) % len(lines)]
    out.append(l)
    n += len(l)
open(os.path.join(t, "slice.txt"), "wb").write(b"".join(out))
EOF
FULL=$T/full.txt
SLICE=$T/slice.txt
cat "$FULL" "$SLICE" >/dev/null # page cache
log "speed corpus: $(wc -c <"$FULL") bytes, $(wc -l <"$FULL") lines; slice $(wc -c <"$SLICE") bytes"

# measure TOOL LABEL INPUT RUNS [ARGS...]: appends "seconds rss_kb cpu_s lines bytes load_ms seg_ms"
# per run to $T/speed/TOOL.LABEL (cpu_s = user + system)
measure() {
	local t=$1 label=$2 in=$3 runs=$4 i s e rc
	shift 4
	declare -n c=CMD_$t
	: >"$T/speed/$t.$label"
	for ((i = 1; i <= runs; i++)); do
		s=$(date +%s%N)
		/usr/bin/time -f "%M %U %S" -o "$T/time.out" timeout "$TIMEOUT" "${c[@]}" "$@" <"$in" 2>"$T/stderr" | wc -lc >"$T/wc.out"
		rc=${PIPESTATUS[0]}
		e=$(date +%s%N)
		if [ "$rc" -ne 0 ]; then
			echo "exit $rc: $(grep -v '^Command' "$T/stderr" | tail -c 300 | tr '\n' ' ')" >"$T/speed/$t.$label.fail"
			log "  ${NAME[$t]} $label: failed (exit $rc)"
			return 1
		fi
		local lm sm
		lm=$(grep -o 'load_ms=[0-9.]*' "$T/stderr" | tail -n 1 | cut -d= -f2)
		sm=$(grep -o 'seg_ms=[0-9.]*' "$T/stderr" | tail -n 1 | cut -d= -f2)
		echo "$(((e - s) / 1000)) $(tail -n 1 "$T/time.out") $(cat "$T/wc.out") ${lm:--} ${sm:--}" |
			awk '{ printf "%.6f %s %.2f %s %s %s %s\n", $1 / 1e6, $2, $3 + $4, $5, $6, $7, $8 }' >>"$T/speed/$t.$label"
		log "  ${NAME[$t]} $label run $i: $(tail -n 1 "$T/speed/$t.$label")"
	done
}
log "speed (seconds rss_kb cpu_s out_lines out_bytes load_ms seg_ms)"
for t in "${TOOLS[@]}"; do
	ok "$t" || continue
	stats=()
	[ "$t" = jishi ] && stats=(--stats)
	if ! measure "$t" load /dev/null 3 "${stats[@]}"; then
		[ ${#stats[@]} -gt 0 ] || continue
		log "  ${NAME[$t]}: retrying without ${stats[*]}"
		stats=()
		rm -f "$T/speed/$t.load.fail"
		measure "$t" load /dev/null 3 || continue
	fi
	if [ -n "${HASDICT[$t]:-}" ]; then
		measure "$t" loaddict /dev/null 3 "${stats[@]}" --dict "$WORDS/pku_training_words.utf8"
	fi
	case $t in
	jieba) echo "slice 1" >"$T/speed/$t.how" && measure "$t" timed "$SLICE" 1 ;;
	friso) echo "full 1" >"$T/speed/$t.how" && measure "$t" timed "$FULL" 1 ;;
	*) echo "full $RUNS" >"$T/speed/$t.how" && measure "$t" timed "$FULL" "$RUNS" "${stats[@]}" ;;
	esac
done

# ---- report -------------------------------------------------------------------------
rel() { # a command line, repo-relative, scratch folder as $TMP
	local a out=""
	for a in "$@"; do
		a=${a//$T/\$TMP}
		a=${a//$REPO\//}
		out+="${out:+ }$a"
	done
	echo "$out"
}
{
	for t in "${TOOLS[@]}"; do
		declare -n c=CMD_$t
		echo "cmd	$t	$(rel "${c[@]}")"
		unset -n c
		echo "why	$t	${WHY[$t]:-}"
	done
	COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "no commit")
	DIRTY=$(git -C "$REPO" status --porcelain 2>/dev/null | grep -q . && echo " (with uncommitted changes)")
	BTYPE=$(grep -m1 '^CMAKE_BUILD_TYPE:' "$BUILD/CMakeCache.txt" 2>/dev/null | cut -d= -f2-)
	echo "ver	jishi	$("$JISHI" --version 2>/dev/null | head -n 1) (commit $COMMIT$DIRTY)${BTYPE:+, CMAKE_BUILD_TYPE=$BTYPE}"
	echo "ver	jieba	python3-jieba $(dpkg-query -W -f='${Version}' python3-jieba 2>/dev/null) (Debian), $("$PY" --version 2>&1)"
	echo "ver	node	$(npm ls --prefix "$PEERS/node" --depth=0 2>/dev/null | grep -o '@node-rs/jieba@[^ ]*' | head -n 1) (npm, native part $(cd "$NODEMOD" 2>/dev/null && for p in @node-rs/jieba-*/package.json; do [ -f "$p" ] && node -p "const j = require('./$p'); j.name + '@' + j.version"; done | paste -sd ' ')), node $(node --version 2>/dev/null)"
	echo "ver	icu	ICU $(pkg-config --modversion icu-uc 2>/dev/null) (Debian libicu-dev $(dpkg-query -W -f='${Version}' libicu-dev 2>/dev/null))"
	echo "ver	friso	friso $(dpkg-query -W -f='${Version}' libfriso0 2>/dev/null) (Debian libfriso0/libfriso-dev; friso-dict $(dpkg-query -W -f='${Version}' friso-dict 2>/dev/null), /etc/friso/friso.ini)"
	echo "machine	$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr); 1-min load average $LOAD0 at the start, $(cut -d' ' -f1 /proc/loadavg) at the end (other work on the machine slows every figure)"
	echo "date	$(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "jishibin	$(rel "$JISHI")"
	echo "shared	$SHARED"
	echo "full	$(wc -c <"$FULL") $(wc -l <"$FULL")"
	echo "slice	$(wc -c <"$SLICE") $(wc -l <"$SLICE")"
	echo "runs	$RUNS"
	echo "elapsed	$(($(date +%s) - START))"
} >"$T/meta.tsv"

"$PY" - "$T" "$RESULTS" "$REPO/bench" <<'EOF' || die "cannot write $RESULTS"
import json, os, statistics, sys
T, path = sys.argv[1], sys.argv[2]
sys.path.insert(0, sys.argv[3])
import results
tools = ["jishi", "jieba", "node", "icu", "friso"]
name = {"jishi": "jishi seg", "jieba": "jieba (python)", "node": "@node-rs/jieba",
        "icu": "ICU BreakIterator", "friso": "friso"}
meta = {"cmd": {}, "why": {}, "ver": {}}
for line in open(os.path.join(T, "meta.tsv"), encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if f[0] in meta:
        meta[f[0]][f[1]] = f[2] if len(f) > 2 else ""
    else:
        meta[f[0]] = f[1]
why = {t: meta["why"].get(t, "") for t in tools}
full_bytes, full_lines = map(int, meta["full"].split())
slice_bytes, slice_lines = map(int, meta["slice"].split())

def rd(p):
    p = os.path.join(T, p)
    return open(p, encoding="utf-8").read().strip() if os.path.exists(p) else None

L = ["## segmentation", "",
     "Written by `bench/seg_bench.sh` (see bench/README.md); rerun it rather than editing by hand.", "",
     "- date: %s" % meta["date"],
     "- machine: %s" % meta["machine"],
     "- jishi: %s, binary `%s`%s" % (meta["ver"]["jishi"], meta["jishibin"],
                                   "" if not why["jishi"] else " -- **not measured: %s**" % why["jishi"])]
for t in tools[1:]:
    L.append("- %s: %s" % (name[t], meta["ver"][t]))
L += ["- accuracy input: SIGHAN 2005 dev sets in `SHARED/data/sighan2005/dev/`: pku_dev_input.utf8 "
      "(whole PKU test set, Simplified, 1,945 lines) and cityu_dev_input.utf8 (first half of the CityU test set, "
      "Traditional, 746 lines), fed as they are (CRLF; CityU has a BOM); scored with "
      "`python3 SHARED/tools/seg_score.py --json --dict SHARED/data/sighan2005/gold/<corpus>_training_words.utf8 GOLD OUT`. "
      "OOV = not in that training word list. \"user dict\" = the same list given to the tool as a user dictionary.",
      "", "### accuracy", "",
      "| tool | user dict | PKU F1 | P | R | OOV R | IV R | CityU F1 | P | R | OOV R | IV R |",
      "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
notes = []
for t in tools:
    for v in ("default", "dict"):
        label = "none" if v == "default" else "training list"
        if v == "dict" and t not in ("jishi", "jieba", "node"):
            L.append("| %s | %s |%s" % (name[t], "n/a", " n/a |" * 10))
            continue
        cells = []
        for c in ("pku", "cityu"):
            key = "%s.%s.%s" % (t, v, c)
            j = rd("acc/%s.json" % key)
            if why[t]:
                cells += ["not run"] + [""] * 4
            elif j is None:
                cells += ["failed"] + [""] * 4
                notes.append("%s %s (%s): %s" % (name[t], c, label, rd("acc/%s.fail" % key)))
            else:
                r = json.loads(j)
                cells += ["%.4f" % r[k] for k in ("f1", "precision", "recall", "oov_recall", "iv_recall")]
                if r["char_mismatch_lines"]:
                    notes.append("%s %s (%s): %d lines whose characters differ from the gold's"
                                 % (name[t], c, label, r["char_mismatch_lines"]))
        L.append("| %s | %s | %s |" % (name[t], label, " | ".join(cells)))
if notes:
    L += [""] + ["- note: " + n for n in notes]

# ---- speed
def runs(t, label):
    p = os.path.join(T, "speed", "%s.%s" % (t, label))
    if not os.path.exists(p):
        return None
    rows = [l.split() for l in open(p) if l.strip()]
    return rows or None

def med(xs):
    return statistics.median(xs)

S = {}
for t in tools:
    if why[t]:
        continue
    r, ld, ldd = runs(t, "timed"), runs(t, "load"), runs(t, "loaddict")
    how = (rd("speed/%s.how" % t) or "full 0").split()
    fail = rd("speed/%s.timed.fail" % t) or rd("speed/%s.load.fail" % t)
    if fail or not r or not ld:
        S[t] = {"fail": fail or "no runs"}
        continue
    nbytes, nlines = (full_bytes, full_lines) if how[0] == "full" else (slice_bytes, slice_lines)
    wall = med([float(x[0]) for x in r])
    load = med([float(x[0]) for x in ld])
    d = {"how": how, "bytes": nbytes, "lines": nlines, "n": len(r), "wall": wall, "load": load,
         "rss": max(int(x[1]) for x in r) / 1024.0, "cpu": med([float(x[2]) for x in r]),
         "outlines": int(r[0][3]),
         "loaddict": med([float(x[0]) for x in ldd]) if ldd else None}
    d["mbs"] = nbytes / 1e6 / wall
    segms = [float(x[6]) for x in r if x[6] != "-"]
    if segms:
        d["seg_s"] = med(segms) / 1000.0
        d["load_ms"] = med([float(x[5]) for x in ld if x[5] != "-"] or [float("nan")])
        d["mbs_seg"] = nbytes / 1e6 / d["seg_s"]
    # the same measure for every tool: I/O and output formatting count
    d["mbs_x"] = nbytes / 1e6 / max(wall - load, 1e-3)
    S[t] = d

L += ["", "- speed input: the CityU + PKU dev inputs (BOM removed, LF line ends) repeated into one file of "
      "%.1f MB (%d lines); python jieba ran on its first %.1f MB (%d lines) instead, once (marked *slice*). "
      "Fast tools: median of %s runs; friso and python jieba: 1 run (python jieba's wall MB/s carries its "
      "load time over the slice, not the whole file: compare the excl. load column). MB = 10^6 bytes of UTF-8 input. "
      "Output piped to `wc -lc`; every run gave one output line per input line unless noted."
      % (full_bytes / 1e6, full_lines, slice_bytes / 1e6, slice_lines, meta["runs"]),
      "- wall s: whole run (start-up + dictionary load + segmentation); CPU s: user + system (GNU time); MB/s = input MB / wall s; "
      "MB/s excl. load: input MB / (wall s - load s) for every tool, jishi included (reading, segmenting, "
      "formatting and writing all count); jishi's own `--stats` seg_ms (inside jishi_segment only) is shown "
      "beside its load time for reference, not used in the ratios; "
      "load s: median of 3 runs on empty input (`< /dev/null`), with the PKU training list as user dict in "
      "brackets; peak RSS: GNU time %M over the timed runs. python jieba's dictionary cache "
      "(/tmp/jieba.cache) is warm.",
      "", "### speed", "",
      "| tool | input | runs | wall s | CPU s | MB/s | MB/s excl. load | load s (+ user dict) | peak RSS MB | jishi ÷ tool (wall) | jishi ÷ tool (excl. load) |",
      "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
speed_notes = []
J = S.get("jishi") if S.get("jishi") and "fail" not in S["jishi"] else None
for t in tools:
    if why[t]:
        L.append("| %s | not run | | | | | | | | | |" % name[t])
        continue
    d = S[t]
    if "fail" in d:
        L.append("| %s | failed | | | | | | | | | |" % name[t])
        speed_notes.append("%s speed: %s" % (name[t], d["fail"]))
        continue
    inp = "%.1f MB%s" % (d["bytes"] / 1e6, " *slice*" if d["how"][0] == "slice" else "")
    ld = "%.3f" % d["load"] + (" (%.3f)" % d["loaddict"] if d["loaddict"] is not None else "")
    if t == "jishi" and "load_ms" in d:
        ld += "; load_ms %.0f; seg_ms alone: %.2f MB/s" % (d["load_ms"], d["mbs_seg"])
    if d["outlines"] != d["lines"]:
        speed_notes.append("%s speed run: %d output lines for %d input lines" % (name[t], d["outlines"], d["lines"]))
    r1 = r2 = "—"
    if J and t != "jishi":
        r1, r2 = "%.2f×" % (J["mbs"] / d["mbs"]), "%.2f×" % (J["mbs_x"] / d["mbs_x"])
    L.append("| %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %s | %.1f | %s | %s |"
             % (name[t], inp, d["n"], d["wall"], d["cpu"], d["mbs"], d["mbs_x"], ld, d["rss"], r1, r2))
peers = [t for t in tools[1:] if t in S and "fail" not in S[t]]
L.append("")
if peers:
    fw = max(peers, key=lambda t: S[t]["mbs"])
    fx = max(peers, key=lambda t: S[t]["mbs_x"])
    if J:
        L.append("- jishi vs the fastest peer: %.2f× %s by wall-clock MB/s (%.2f vs %.2f MB/s); "
                 "%.2f× %s with load excluded (%.2f vs %.2f MB/s)."
                 % (J["mbs"] / S[fw]["mbs"], name[fw], J["mbs"], S[fw]["mbs"],
                    J["mbs_x"] / S[fx]["mbs_x"], name[fx], J["mbs_x"], S[fx]["mbs_x"]))
    else:
        L.append("- fastest peer: %s, %.2f MB/s wall-clock; jishi not measured: %s"
                 % (name[fw], S[fw]["mbs"], why["jishi"] or S.get("jishi", {}).get("fail", "")))
L += ["- note: " + n for n in speed_notes]
L += ["- not measured: " + "; ".join("%s: %s" % (name[t], why[t]) for t in tools if why[t])] \
    if any(why.values()) else []
L += ["", "Commands (IN = an input file, OUT = an output file, WORDS = a training word list; `$TMP` is the "
      "script's scratch folder; the C peers are compiled there):", "", "```sh"]
L.append("cc -O2 -o $TMP/bin/icu_seg bench/peers/icu_seg.c $(pkg-config --cflags --libs icu-uc icu-i18n)")
L.append("cc -O2 -o $TMP/bin/friso_seg bench/peers/friso_seg.c $(pkg-config --cflags --libs friso)")
for t in tools:
    extra = " [--dict WORDS]" if t in ("jishi", "jieba", "node") else ""
    stats = " [--stats]" if t == "jishi" else ""
    L.append("%s%s%s < IN > OUT" % (meta["cmd"][t], stats, extra))
L.append("python3 SHARED/tools/seg_score.py --json --dict SHARED/data/sighan2005/gold/<corpus>_training_words.utf8 "
         "SHARED/data/sighan2005/dev/<corpus>_dev_gold.utf8 OUT")
L.append("/usr/bin/time -f '%M %U %S' timeout 600 CMD < $TMP/full.txt | wc -lc     # speed; wall time from date +%s%N around it")
L.append("```")
L.append("")
L.append("Whole benchmark: %s s." % meta["elapsed"])
section = "\n".join(L) + "\n"
print(section)
results.write_section(path, section)
EOF
log "wrote the '## segmentation' section of $RESULTS ($(($(date +%s) - START)) s)"
