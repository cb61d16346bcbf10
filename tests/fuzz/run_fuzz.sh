#!/usr/bin/env bash
# run_fuzz.sh -- run the libFuzzer targets for a while and fail on a finding.
#
# usage: tests/fuzz/run_fuzz.sh BUILD_DIR SECONDS
#
# Runs BUILD_DIR/fuzz_process, BUILD_DIR/fuzz_model and, when built,
# BUILD_DIR/fuzz_dict (built by CMake with clang
# -fsanitize=fuzzer,address,undefined; this script builds nothing)
# for SECONDS each, on a scratch copy of tests/fuzz/corpus/<target>/, so the
# committed corpus is never rewritten. The model corpus is topped up with
# the real BUILD_DIR/model.bin and truncated / bit-flipped copies of it,
# made here (they are too big to commit). fuzz_process and fuzz_dict read
# the model from BUILD_DIR/model.bin.
#
# Exit 0: no finding. 1: a crash, leak, timeout, sanitizer report or
# failed CHECK; the reproducer is copied to BUILD_DIR/fuzz-findings/ and
# the command to replay it is printed. 77: the fuzz binaries were not
# built (no clang), for ctest's SKIP_RETURN_CODE.
#
# Environment: JISHI_FUZZ_JOBS=N runs N libFuzzer workers per target
# (default 1); JISHI_FUZZ_KEEP=1 keeps the scratch folder.
set -u

if [ $# -ne 2 ]; then
	echo "usage: $0 BUILD_DIR SECONDS" >&2
	exit 2
fi
BUILD=$(cd "$1" && pwd) || exit 2
SECS=$2
HERE=$(cd "$(dirname "$0")" && pwd)
JOBS=${JISHI_FUZZ_JOBS:-1}

missing=0
for t in fuzz_process fuzz_model; do
	[ -x "$BUILD/$t" ] || missing=1
done
if [ $missing = 1 ]; then
	echo "run_fuzz: $BUILD/fuzz_process or fuzz_model not built (needs clang); skipping"
	exit 77
fi
MODEL=$BUILD/model.bin
if [ ! -f "$MODEL" ]; then
	echo "run_fuzz: $MODEL missing" >&2
	exit 1
fi

W=$(mktemp -d "${TMPDIR:-/tmp}/jishi-fuzz.XXXXXX") || exit 1
cleanup() {
	if [ "${JISHI_FUZZ_KEEP:-0}" = 1 ]; then
		echo "run_fuzz: kept $W"
	else
		rm -rf "$W"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$W/process" "$W/model" "$W/art" "$BUILD/fuzz-findings"
# a private copy: a rebuild rewrites model.bin in place (SIGBUS if mapped)
cp "$MODEL" "$W/model.bin" || exit 1
MODEL=$W/model.bin
cp "$HERE"/corpus/process/* "$W/process/"
cp "$HERE"/corpus/model/* "$W/model/"

# model corpus: the real model, truncated copies, copies with flipped bits
python3 - "$MODEL" "$W/model" <<'EOF' || exit 1
import random, sys
src, out = sys.argv[1], sys.argv[2]
m = open(src, "rb").read()
rnd = random.Random(len(m))
open(out + "/real.bin", "wb").write(m)
for n in (0, 7, 31, 32, 48, 4096, len(m) // 2, len(m) - 1):
    open("%s/trunc-%d.bin" % (out, n), "wb").write(m[:n])
for k in range(2):  # the model is ~24 MB: few big seeds
    b = bytearray(m)
    for _ in range(1 + k):
        i = rnd.randrange(len(b))
        b[i] ^= 1 << rnd.randrange(8)
    open("%s/flip-%d.bin" % (out, k), "wb").write(bytes(b))
EOF

status=0
fuzz() { # TARGET MAXLEN
	local t=$1 maxlen=$2 rc par=()
	if [ "$JOBS" -gt 1 ]; then par=(-jobs="$JOBS" -workers="$JOBS"); fi
	echo "run_fuzz: $t for ${SECS}s ($(ls "$W/${t#fuzz_}" | wc -l) seeds)"
	(
		cd "$W" &&
			JISHI_MODEL=$MODEL "$BUILD/$t" \
				-max_total_time="$SECS" -max_len="$maxlen" \
				-timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
				"${par[@]}" \
				-artifact_prefix="$W/art/$t-" "$W/${t#fuzz_}"
	) >"$W/$t.log" 2>&1
	rc=$?
	tail -n 12 "$W/$t.log" | sed "s/^/  $t: /"
	local found
	found=$(ls "$W/art" 2>/dev/null | grep "^$t-" || true)
	if [ $rc -ne 0 ] || [ -n "$found" ] ||
		grep -q -e 'ERROR: AddressSanitizer' -e 'runtime error:' -e 'check failed' \
			"$W/$t.log" "$W"/fuzz-*.log 2>/dev/null; then
		status=1
		echo "run_fuzz: FINDING in $t (exit $rc)"
		grep -h -m3 -e 'ERROR:' -e 'runtime error:' -e 'check failed' \
			"$W/$t.log" "$W"/fuzz-*.log 2>/dev/null | sed 's/^/  /'
		for a in $found; do
			cp "$W/art/$a" "$BUILD/fuzz-findings/"
			echo "  reproduce: JISHI_MODEL=$BUILD/model.bin $BUILD/$t $BUILD/fuzz-findings/$a"
		done
		cp "$W/$t.log" "$BUILD/fuzz-findings/$t.log"
	fi
	rm -f "$W"/fuzz-*.log
}
fuzz fuzz_process 65536
fuzz fuzz_model $(($(stat -c %s "$MODEL") + 4096))
if [ -x "$BUILD/fuzz_dict" ]; then
	mkdir -p "$W/dict"
	cp "$HERE"/corpus/dict/* "$W/dict/"
	fuzz fuzz_dict 65536
fi

if [ $status = 0 ]; then
	echo "run_fuzz: no findings"
fi
exit $status
