#!/usr/bin/env bash
# run_cli_tests.sh -- black-box tests of `jishi extract` (and `jishi seg`)
# against docs/cli.md: usage errors and exit codes; the seed article's
# spans sliced from the input in code points and in bytes; --tokens and
# --dict; empty, NUL/CRLF/BOM, binary, over-cap, missing and dot files;
# symlink loops; 1,000 generated files with three invalid ones (exact
# error lines, -j 1 == -j 2 == -j 8 byte for byte); JSON Lines input with
# bad records; the 195 real articles with -j 1 and -j 2; a 200 MB JSON
# Lines stream on stdin with -j 2 (every record out, peak RSS bounded).
#
# usage: tests/cli/run_cli_tests.sh BIN [SHARED_DIR]
#   BIN         the jishi binary (build/jishi or build-asan/jishi)
#   SHARED_DIR  the shared data folder (default: ../shared next to the repo)
#
# Prints one line per check ("ok - ..." or "FAIL - ..."), then exactly
# "N passed, M failed"; exits 1 if any check failed. Everything it writes
# goes under one mktemp -d folder, removed on exit. Needs python3 (JSON
# checks and input generation) and /usr/bin/time (peak RSS).
#
# Environment:
#   JISHI_CLI_KEEP=1      keep the temp folder (its path is printed)
#   JISHI_CLI_BIG_MB=N    size of the streaming JSON Lines check (default 200)
#   JISHI_CLI_RSS_KB=N    peak-RSS limit for that check (default 61440, or
#                         the RSS of a one-record run + 32 MB if more);
#                         the RSS check is skipped for ASan builds
set -u
set -o pipefail

if [ $# -lt 1 ]; then
	echo "usage: $0 BIN [SHARED_DIR]" >&2
	exit 2
fi
BIN=$1
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${2:-$REPO/../shared}
BIG_MB=${JISHI_CLI_BIG_MB:-200}
RSS_KB=${JISHI_CLI_RSS_KB:-61440}

case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
if [ ! -x "$BIN" ]; then
	echo "FAIL - binary $BIN is not executable"
	echo "0 passed, 1 failed"
	exit 1
fi
SEED=$SHARED/seed/000_4a3967963325df65.txt
ARTS=$SHARED/data/news_articles/articles
ARTJ=$SHARED/data/news_articles/articles.shared.jsonl
for f in "$SEED" "$ARTS" "$ARTJ"; do
	if [ ! -e "$f" ]; then
		echo "FAIL - shared data missing: $f"
		echo "0 passed, 1 failed"
		exit 1
	fi
done

T=$(mktemp -d "${TMPDIR:-/tmp}/jishi-cli.XXXXXX") || exit 1
cleanup() {
	if [ "${JISHI_CLI_KEEP:-0}" = 1 ]; then
		echo "# kept $T" >&2
	else
		rm -rf "$T"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

NPASS=0
NFAIL=0
pass() {
	NPASS=$((NPASS + 1))
	echo "ok - $*"
}
fail() {
	NFAIL=$((NFAIL + 1))
	echo "FAIL - $*"
}
# check NAME CONDITION-COMMAND...: pass if the command succeeds.
check() {
	local name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}

# run NAME [jishi args...]: runs BIN with a timeout, stdin from $RUN_IN
# (default /dev/null); stdout in $T/NAME.out, stderr in $T/NAME.err, exit
# status in RC. A crash (signal) or timeout is reported as a failed check.
RUN_IN=/dev/null
RUN_TIMEOUT=300
run() {
	local name=$1
	shift
	timeout "$RUN_TIMEOUT" "$BIN" "$@" <"$RUN_IN" >"$T/$name.out" 2>"$T/$name.err"
	RC=$?
	if [ $RC -eq 124 ]; then
		fail "$name: timed out after ${RUN_TIMEOUT}s"
	elif [ $RC -ge 128 ]; then
		fail "$name: killed by signal $((RC - 128)): $(head -c 300 "$T/$name.err")"
	fi
	if grep -Eq 'Sanitizer|runtime error:' "$T/$name.err"; then
		fail "$name: sanitizer report: $(grep -Em1 'Sanitizer|runtime error:' "$T/$name.err")"
	fi
	return 0
}
# expect_rc NAME WANT: check the last run's exit status.
expect_rc() {
	if [ "$RC" -eq "$2" ]; then
		pass "$1: exit $2"
	else
		fail "$1: exit $RC, want $2; stderr: $(head -c 300 "$T/$1.err" | tr '\n' '|')"
	fi
}

# The JSON side of the checks lives in one python helper; each line it
# prints is "PASS text" or "FAIL text".
cat >"$T/h.py" <<'PYEOF'
import hashlib, json, os, random, sys

def P(msg): print("PASS " + msg, flush=True)
def F(msg): print("FAIL " + msg, flush=True)
def C(cond, msg, detail=""):
    (P(msg) if cond else F(msg + (": " + detail if detail else "")))

def values(path):
    """All JSON values in a file (pretty objects back to back or JSON Lines)."""
    s = open(path, encoding="utf-8").read()
    dec, i, out = json.JSONDecoder(), 0, []
    while True:
        while i < len(s) and s[i] in " \t\r\n":
            i += 1
        if i == len(s):
            return out
        v, i = dec.raw_decode(s, i)
        out.append(v)

def jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.endswith("\n"):
                raise ValueError("line %d has no newline" % n)
            out.append(json.loads(line))
    return out

def first_bad(b):
    try:
        b.decode("utf-8")
        return None
    except UnicodeDecodeError as e:
        return e.start

def articles(path):
    return [json.loads(l) for l in open(path, encoding="utf-8")]

def cmd_nvalues(name, path, want):
    try:
        v = values(path)
    except Exception as e:
        return F("%s: output is not JSON: %s" % (name, e))
    C(len(v) == int(want), "%s: %s JSON value(s)" % (name, want), "got %d" % len(v))

def cmd_format(name, path, kind):
    """kind json: one indented object; jsonl: lines of one object each."""
    s = open(path, encoding="utf-8").read()
    if kind == "jsonl":
        try:
            n = len(jsonl(path))
            C(n >= 1, name + ": JSON Lines", "empty")
        except Exception as e:
            F("%s: not JSON Lines: %s" % (name, e))
    else:
        C(s.count("\n") > 2 and s.lstrip().startswith("{"), name + ": indented JSON",
          "%d newline(s)" % s.count("\n"))

def slice_of(data, text, unit, span):
    s, e = span
    return (data[s:e].decode("utf-8", "replace") if unit == "bytes" else text[s:e])

def span_checks(name, data, rec, unit, need_captions):
    """Offsets unit, spans in range, caption/time/quote text == slice."""
    text = data.decode("utf-8")
    n = len(data) if unit == "bytes" else len(text)
    doc = rec.get("doc", {})
    C(doc.get("offsets") == unit, "%s: doc.offsets == %s" % (name, unit), repr(doc.get("offsets")))
    C(doc.get("bytes") == len(data), "%s: doc.bytes == %d" % (name, len(data)), repr(doc.get("bytes")))
    bad = []
    def sp(where, v):
        if not (isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) for x in v)
                and 0 <= v[0] <= v[1] <= n):
            bad.append("%s=%r" % (where, v))
            return False
        return True
    for i, p in enumerate(rec.get("paragraphs", [])):
        sp("paragraphs[%d]" % i, p)
    if rec.get("byline"):
        sp("byline.span", rec["byline"].get("span"))
    for key in ("captions", "sources", "times", "quotes", "events"):
        for i, o in enumerate(rec.get(key) or []):
            sp("%s[%d].span" % (key, i), o.get("span"))
            if key == "events" and "trigger" in o:
                sp("events[%d].trigger" % i, o.get("trigger"))
    for i, e in enumerate(rec.get("entities") or []):
        for k, m in enumerate(e.get("mentions") or []):
            sp("entities[%d].mentions[%d]" % (i, k), m)
    C(not bad, "%s: every span inside [0,%d]" % (name, n), "; ".join(bad[:5]))
    caps = rec.get("captions") or []
    if need_captions:
        C(len(caps) > 0, "%s: captions found" % name, "none")
    mism = []
    for i, c in enumerate(caps):
        got = slice_of(data, text, unit, c["span"])
        if got != c.get("text"):
            mism.append("captions[%d] %r != %r" % (i, got[:40], (c.get("text") or "")[:40]))
    if caps:
        C(not mism, "%s: caption text == input[span] (%s)" % (name, unit), "; ".join(mism[:3]))
    for key in ("times", "quotes", "sources"):
        field = "name" if key == "sources" else "text"
        objs = rec.get(key) or []
        if key == "sources":
            continue  # a source's name may be normalised; not a slice
        mism = [("%s[%d] %r != %r" % (key, i, slice_of(data, text, unit, o["span"])[:30], o.get(field, "")[:30]))
                for i, o in enumerate(objs)
                if o.get(field) is not None and slice_of(data, text, unit, o["span"]) != o[field]]
        if objs:
            C(not mism, "%s: %s text == input[span] (%s)" % (name, key, unit), "; ".join(mism[:3]))
    paras = [slice_of(data, text, unit, p) for p in rec.get("paragraphs", [])]
    empty = [i for i, p in enumerate(paras) if not p.strip()]
    C(paras and not empty, "%s: paragraphs non-empty (%s)" % (name, unit),
      "%d paragraphs, empty: %r" % (len(paras), empty[:5]))
    return paras

def cmd_seed(name, inp, out_chars, out_bytes):
    data = open(inp, "rb").read()
    try:
        rc, = values(out_chars)
        rb, = values(out_bytes)
    except Exception as e:
        return F("%s: output is not one JSON object: %s" % (name, e))
    C(rc.get("jishi") == 1, name + ": \"jishi\": 1", repr(rc.get("jishi")))
    C(rc.get("doc", {}).get("id") == hashlib.sha256(data).hexdigest(),
      name + ": doc.id == sha256(input)", repr(rc.get("doc", {}).get("id")))
    pc = span_checks(name + " chars", data, rc, "chars", True)
    pb = span_checks(name + " bytes", data, rb, "bytes", True)
    C(pc == pb and len(pc) > 0, name + ": same paragraph texts in chars and bytes",
      "%d vs %d paragraphs" % (len(pc), len(pb)))
    a = [c.get("text") for c in rc.get("captions") or []]
    b = [c.get("text") for c in rb.get("captions") or []]
    C(a == b, name + ": same captions in chars and bytes")

def cmd_bomfile(name, inp, out_chars, out_bytes):
    data = open(inp, "rb").read()
    try:
        rc, = values(out_chars)
        rb, = values(out_bytes)
    except Exception as e:
        return F("%s: output is not one JSON object: %s" % (name, e))
    pc = span_checks(name + " chars", data, rc, "chars", False)
    pb = span_checks(name + " bytes", data, rb, "bytes", False)
    C(pc == pb, name + ": same paragraph texts in chars and bytes")
    C(len(pc) >= 2, name + ": at least 2 paragraphs", "%d" % len(pc))
    lead = [p for p in pc if p.startswith("\ufeff")]
    C(not lead, name + ": no paragraph starts with the BOM", repr(lead[:1]))
    merged = [p for p in pc if "\r\n\r\n" in p or "\n\n" in p]
    C(not merged, name + ": no paragraph spans a blank line", repr(merged[:1])[:80])

def cmd_gen_dir(d, artj, manifest):
    """1000 short reports in d/<k>/doc-NNNN.txt; three invalid at known offsets."""
    arts = articles(artj)
    rnd = random.Random(1000)
    bad = {137: b"\xff", 503: b"\xe5\x9c", 999: b"\xed\xa0\x80"}
    rows = []
    for i in range(1000):
        a = arts[(i * 7) % len(arts)]
        t = a["text"]
        k = rnd.randrange(0, max(1, len(t) - 400))
        body = t[k:k + rnd.randrange(80, 400)].strip() or "外交部表示。"
        head = "%s\n\n" % a["title"] if i % 3 else ""
        raw = (head + body + "\n").encode("utf-8")
        if i in bad:
            cut = len((head + body[:40]).encode("utf-8"))
            raw = raw[:cut] + bad[i] + b"x" + raw[cut:]
        rel = "%d/doc-%04d.txt" % (i // 100, i)
        os.makedirs(os.path.join(d, str(i // 100)), exist_ok=True)
        with open(os.path.join(d, rel), "wb") as f:
            f.write(raw)
        fb = first_bad(raw)
        assert (fb is None) == (i not in bad)
        rows.append("%s\t%s\t%s" % (rel, "-" if fb is None else fb, hashlib.sha256(raw).hexdigest()))
    with open(manifest, "w") as f:
        f.write("\n".join(rows) + "\n")

def cmd_dir_out(name, out, err, manifest, d):
    rows = [l.rstrip("\n").split("\t") for l in open(manifest)]
    good = [r for r in rows if r[1] == "-"]
    try:
        recs = jsonl(out)
    except Exception as e:
        return F("%s: stdout is not JSON Lines: %s" % (name, e))
    C(len(recs) == len(good), "%s: %d records on stdout" % (name, len(good)), "got %d" % len(recs))
    order = [r.get("doc", {}).get("id") in (g[2], g[0], os.path.join(d, g[0]), os.path.basename(g[0]))
             for r, g in zip(recs, good)]
    C(len(recs) == len(good) and all(order), name + ": records in path order (id = sha256 or path)",
      "first mismatch at record %d" % (order.index(False) if False in order else -1))
    lines = open(err, encoding="utf-8", errors="replace").read().splitlines()
    errs = [l for l in lines if ": byte " in l]
    C(len(errs) == 3, name + ": exactly 3 error lines on stderr", "got %d: %r" % (len(errs), errs[:5]))
    for r in rows:
        if r[1] == "-":
            continue
        want = "%s: byte %s: " % (os.path.join(d, r[0]), r[1])
        hit = [l for l in errs if l.startswith("jishi: ") and want in l]
        C(len(hit) == 1, "%s: error line 'jishi: %s: byte %s: ...'" % (name, r[0], r[1]),
          repr([l for l in errs if r[0] in l]))

def cmd_gen_jsonl_in(path, artj):
    arts = articles(artj)
    a, b, c = arts[0], arts[120], arts[150]
    L = []
    L.append(json.dumps({"id": "r1", "text": a["text"], "date": a["date"], "url": a["url"]}, ensure_ascii=False))
    L.append('{"id": "r2", "text": "外交部表示')   # 2: JSON syntax error
    L.append(json.dumps({"id": "r3", "text": 12345, "date": "2020-01-02", "url": None}))  # 3: text not a string
    L.append(json.dumps({"id": "r4", "text": b["text"], "date": b["date"], "url": b["url"]}))
    L.append(json.dumps({"id": "r5", "text": "外交部發言人表示，雙方將繼續保持溝通。", "date": "2019-03-04"}, ensure_ascii=False))
    raw = "\n".join(L).encode("utf-8") + b"\n"
    raw += b'{"id": "r6", "text": "\xe5\xa4\x96\xff\xe4\xba\xa4", "date": "2020-01-01"}\n'  # 6: raw bad byte
    raw += json.dumps({"id": "r7", "text": c["text"], "date": c["date"], "url": c["url"]}, ensure_ascii=False).encode()  # no final newline
    open(path, "wb").write(raw)

def cmd_jsonl_out(name, out, err, artj):
    try:
        recs = jsonl(out)
    except Exception as e:
        return F("%s: stdout is not JSON Lines: %s" % (name, e))
    ids = [r.get("doc", {}).get("id") for r in recs]
    C(ids == ["r1", "r4", "r5", "r7"], name + ": records r1 r4 r5 r7 written, in order", repr(ids))
    want = {"r1": None, "r4": None, "r5": "2019-03-04", "r7": None}
    arts = articles(artj)
    want["r1"], want["r4"], want["r7"] = arts[0]["date"], arts[120]["date"], arts[150]["date"]
    bad = [(r["doc"].get("id"), r["doc"].get("anchor")) for r in recs
           if r.get("doc", {}).get("id") in want and r["doc"].get("anchor") != want[r["doc"]["id"]]]
    C(not bad and recs, name + ": doc.anchor == record date", repr(bad))
    lines = open(err, encoding="utf-8", errors="replace").read().splitlines()
    errs = [l for l in lines if ": byte " in l]
    import re
    for ln in (2, 3, 6):
        hit = [l for l in errs if re.match(r"^jishi: .*:%d: byte [0-9]+: \S" % ln, l)]
        C(len(hit) == 1, "%s: error line for line %d" % (name, ln), repr(errs))
    C(len(errs) == 3, name + ": exactly 3 error lines", repr(errs))

def cmd_gen_big(path, artj, mb):
    """Repeat the real articles with fresh ids until the file is mb MB."""
    arts = articles(artj)
    limit, n, size = int(mb) * 1000000, 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while size < limit:
            a = arts[n % len(arts)]
            line = json.dumps({"id": "big-%06d-%s" % (n, a["id"]), "text": a["text"],
                               "date": a["date"], "url": a["url"]}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    print(n)

def cmd_stream(name, nwant):
    """Read jishi's JSON Lines on stdin; check count, JSON and id order."""
    nwant, n, bad = int(nwant), 0, []
    for line in sys.stdin.buffer:
        try:
            i = json.loads(line)["doc"]["id"]
            if not i.startswith("big-%06d-" % n):
                bad.append("record %d has id %r" % (n, i))
        except Exception as e:
            bad.append("record %d: %s" % (n, e))
        n += 1
    C(n == nwant, "%s: %d records out" % (name, nwant), "got %d" % n)
    C(not bad, name + ": every line JSON, ids in input order", "; ".join(bad[:3]))

def cmd_sameset(name, a, b):
    """Same error lines (as sets) on two stderr files."""
    la = sorted(l for l in open(a, errors="replace").read().splitlines() if ": byte " in l)
    lb = sorted(l for l in open(b, errors="replace").read().splitlines() if ": byte " in l)
    C(la == lb, name, "%r vs %r" % (la[:2], lb[:2]))

def cmd_real(name, out, n):
    try:
        recs = jsonl(out)
    except Exception as e:
        return F("%s: stdout is not JSON Lines: %s" % (name, e))
    C(len(recs) == int(n), "%s: %s records" % (name, n), "got %d" % len(recs))

def cmd_same(name, a, b):
    """Same records in two outputs, doc.id aside (a path may serve as id)."""
    try:
        va, vb = values(a), values(b)
    except Exception as e:
        return F("%s: output is not JSON: %s" % (name, e))
    for v in va + vb:
        if isinstance(v, dict) and isinstance(v.get("doc"), dict):
            v["doc"].pop("id", None)
    C(va == vb and len(va) > 0, name, "%d vs %d records" % (len(va), len(vb)))

def cmd_firstbad(path):
    print(first_bad(open(path, "rb").read()))

def cmd_anchor(name, out, want):
    try:
        r, = values(out)
    except Exception as e:
        return F("%s: not one JSON object: %s" % (name, e))
    C(r.get("doc", {}).get("anchor") == want, "%s: doc.anchor == %s" % (name, want),
      repr(r.get("doc", {}).get("anchor")))

def cmd_tokens(name, inp, out_chars, out_bytes, want_word=""):
    """--tokens: spans in range, ordered, tagged; same words in both units;
    together they are the input less its whitespace."""
    data = open(inp, "rb").read()
    text = data.decode("utf-8")
    try:
        rc, = values(out_chars)
        rb, = values(out_bytes)
    except Exception as e:
        return F("%s: output is not one JSON object: %s" % (name, e))
    words = {}
    for unit, r in (("chars", rc), ("bytes", rb)):
        t = r.get("tokens")
        if not isinstance(t, list) or not t:
            F("%s (%s): no tokens array" % (name, unit))
            continue
        n = len(text) if unit == "chars" else len(data)
        bad, prev = [], 0
        for i, tok in enumerate(t):
            if not (isinstance(tok, list) and len(tok) == 3 and isinstance(tok[2], str) and tok[2]
                    and isinstance(tok[0], int) and isinstance(tok[1], int)
                    and prev <= tok[0] < tok[1] <= n):
                bad.append("tokens[%d]=%r" % (i, tok))
            else:
                prev = tok[1]
        C(not bad, "%s (%s): tokens ordered, non-empty, tagged, in range" % (name, unit), "; ".join(bad[:3]))
        if bad:
            continue
        words[unit] = [slice_of(data, text, unit, tok[:2]) for tok in t]
    if len(words) == 2:
        C(words["chars"] == words["bytes"], name + ": same words in chars and bytes")
        joined = "".join(words["chars"])
        rest = "".join(ch for ch in text if not ch.isspace())
        C(joined == rest, name + ": the tokens are the input less whitespace",
          "%d vs %d chars" % (len(joined), len(rest)))
        if want_word:
            C(want_word in words["chars"], "%s: user word %s is one token" % (name, want_word),
              repr([w for w in words["chars"] if w and w[0] in want_word][:8]))

def cmd_notokens(name, out):
    try:
        r, = values(out)
    except Exception as e:
        return F("%s: output is not one JSON object: %s" % (name, e))
    C("tokens" not in r, name + ": no tokens without --tokens")

def cmd_segjsonl(name, inp, out):
    lines = open(inp, "rb").read().split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    try:
        recs = jsonl(out)
    except Exception as e:
        return F("%s: stdout is not JSON Lines: %s" % (name, e))
    C(len(recs) == len(lines), "%s: one record per input line" % name, "%d vs %d" % (len(recs), len(lines)))
    bad = []
    for k, (r, raw) in enumerate(zip(recs, lines), 1):
        if r.get("line") != k:
            bad.append("record %d has line %r" % (k, r.get("line")))
            continue
        if first_bad(raw) is not None:
            if r.get("tokens"):
                bad.append("line %d (not UTF-8) has tokens" % k)
            continue
        t = raw.decode("utf-8")
        for w, s0, e0, tag in r.get("tokens", []):
            if t[s0:e0] != w or not tag:
                bad.append("line %d: %r at [%d,%d) is %r" % (k, w, s0, e0, t[s0:e0]))
    C(not bad, name + ": words == line[start:end], tagged", "; ".join(bad[:3]))

globals()["cmd_" + sys.argv[1].replace("-", "_")](*sys.argv[2:])
PYEOF

# py CMD ARGS...: run a helper check, turning its PASS/FAIL lines into checks.
py() {
	local line any=0
	while IFS= read -r line; do
		any=1
		case $line in
		"PASS "*) pass "${line#PASS }" ;;
		"FAIL "*) fail "${line#FAIL }" ;;
		*) fail "helper $1: $line" ;;
		esac
	done < <(python3 "$T/h.py" "$@" 2>&1)
	[ $any = 1 ] || fail "helper $1 printed nothing"
}

ISASAN=0
if grep -q __asan_init "$BIN" 2>/dev/null; then ISASAN=1; fi
echo "# binary: $BIN (asan=$ISASAN), shared: $SHARED, temp: $T"

# ---------------------------------------------------------------- usage
run help --help
expect_rc help 0
check "--help prints usage naming extract" grep -q extract "$T/help.out"
run xhelp extract --help
expect_rc xhelp 0
for opt in --format --offsets --date --jobs --input --max-bytes --model --quiet; do
	check "extract --help documents $opt" grep -q -e "$opt" "$T/xhelp.out"
done
check "extract --help documents the default --max-bytes cap (16M)" \
	grep -Eqi '16 ?(M|MiB|MB)|16777216' "$T/xhelp.out"
run version --version
expect_rc version 0
check "--version prints a version number" grep -Eq '[0-9]+\.[0-9]+\.[0-9]+' "$T/version.out"

printf '外交部表示。\n' >"$T/small.txt"
usage_case() { # NAME ARGS...: exit 2, message on stderr, nothing on stdout
	local name=$1
	shift
	run "$name" "$@"
	expect_rc "$name" 2
	check "$name: message on stderr" test -s "$T/$name.err"
	check "$name: nothing on stdout" test ! -s "$T/$name.out"
}
usage_case "unknown option" extract --no-such-option "$T/small.txt"
usage_case "unknown top-level option" --no-such-option
usage_case "unknown subcommand" no-such-command "$T/small.txt"
usage_case "--offsets words" extract --offsets words "$T/small.txt"
usage_case "--format xml" extract --format xml "$T/small.txt"
usage_case "-j 0" extract -j 0 "$T/small.txt"
usage_case "-j abc" extract -j abc "$T/small.txt"
usage_case "--jobs -1" extract --jobs -1 "$T/small.txt"
usage_case "--input csv" extract --input csv "$T/small.txt"
usage_case "--max-bytes 1Q" extract --max-bytes 1Q "$T/small.txt"
usage_case "--date 2025-02-30" extract --date 2025-02-30 "$T/small.txt"
usage_case "--offsets without value" extract "$T/small.txt" --offsets
usage_case "--model missing" extract --model "$T/no-such-model.bin" "$T/small.txt"
head -c 100 /dev/urandom >"$T/bad-model.bin"
usage_case "--model corrupt" extract --model "$T/bad-model.bin" "$T/small.txt"

# ---------------------------------------------------------------- the seed
run seed-chars extract "$SEED"
expect_rc seed-chars 0
py format seed-chars "$T/seed-chars.out" json
run seed-bytes extract --offsets bytes "$SEED"
expect_rc seed-bytes 0
py seed seed "$SEED" "$T/seed-chars.out" "$T/seed-bytes.out"
run seed-jsonl extract -f jsonl "$SEED"
expect_rc seed-jsonl 0
check "seed -f jsonl: exactly one line" test "$(wc -l <"$T/seed-jsonl.out")" -eq 1
py format seed-jsonl "$T/seed-jsonl.out" jsonl
RUN_IN=$SEED run seed-stdin extract
expect_rc seed-stdin 0
py same "seed from stdin (no argument) == from file" "$T/seed-stdin.out" "$T/seed-chars.out"
RUN_IN=$SEED run seed-dash extract -
expect_rc seed-dash 0
check "seed from '-' == from stdin" cmp -s "$T/seed-dash.out" "$T/seed-stdin.out"

# ---------------------------------------------------------------- --tokens, --dict
py notokens "seed" "$T/seed-chars.out"
run tok-chars extract --tokens "$SEED"
expect_rc tok-chars 0
run tok-bytes extract --tokens --offsets bytes "$SEED"
expect_rc tok-bytes 0
py tokens "seed --tokens" "$SEED" "$T/tok-chars.out" "$T/tok-bytes.out"
printf '# user words\n李在明 100000 nr\n穿梭外交 50000\n' >"$T/user.dict"
run dict-chars extract --tokens --dict "$T/user.dict" "$SEED"
expect_rc dict-chars 0
run dict-bytes extract --tokens --dict "$T/user.dict" --offsets bytes "$SEED"
expect_rc dict-bytes 0
py tokens "seed --dict" "$SEED" "$T/dict-chars.out" "$T/dict-bytes.out" 李在明
usage_case "--dict missing" extract --tokens --dict "$T/no-such.dict" "$T/small.txt"
printf '外交部 10 no-such-tag\n' >"$T/badtag.dict"
usage_case "--dict with an unknown tag" extract --tokens --dict "$T/badtag.dict" "$T/small.txt"

# ---------------------------------------------------------------- jishi seg
printf '外交部發言人表示\n\xff美國\n\n美国总统特朗普\r\n石破茂' >"$T/seg.txt"
RUN_IN=$T/seg.txt run seg seg
expect_rc seg 1
check "seg: one output line per input line" test "$(wc -l <"$T/seg.out")" -eq 5
check "seg: the bad line is an empty output line" test -z "$(sed -n 2p "$T/seg.out")"
check "seg: error 'jishi seg: FILE:2: byte 25: ...' (offset from the input start)" \
	grep -Eq '^jishi seg: .*:2: byte 25: ' "$T/seg.err"
RUN_IN=$T/seg.txt run segj seg -f jsonl --pos
expect_rc segj 1
py segjsonl "seg -f jsonl" "$T/seg.txt" "$T/segj.out"
usage_case "seg --format xml" seg --format xml

# ---------------------------------------------------------------- empty, --date
: >"$T/empty.txt"
run empty extract "$T/empty.txt"
expect_rc empty 0
py nvalues empty "$T/empty.out" 1
printf '外交部發言人表示，雙方將繼續保持溝通。\n' >"$T/nodate.txt"
run date extract --date 2024-02-29 "$T/nodate.txt"
expect_rc date 0
py anchor "--date 2024-02-29" "$T/date.out" 2024-02-29

# ---------------------------------------------------------------- NUL, CRLF, BOM
printf '\xef\xbb\xbf外交部發言人表示，\x00雙方將繼續保持溝通。\r\n\r\n美國國務卿布林肯週二抵達北京。\r\n' >"$T/bom.txt"
run bom-chars extract "$T/bom.txt"
expect_rc bom-chars 0
run bom-bytes extract --offsets bytes "$T/bom.txt"
expect_rc bom-bytes 0
py bomfile "NUL+CRLF+BOM" "$T/bom.txt" "$T/bom-chars.out" "$T/bom-bytes.out"

# ---------------------------------------------------------------- binary file
cp /bin/ls "$T/ls.bin"
LSBAD=$(python3 "$T/h.py" firstbad "$T/ls.bin")
run binary extract "$T/ls.bin"
expect_rc binary 1
check "binary: error line 'jishi: PATH: byte $LSBAD: ...'" \
	grep -qF "jishi: $T/ls.bin: byte $LSBAD: " "$T/binary.err"
check "binary: nothing on stdout" test ! -s "$T/binary.out"

# ---------------------------------------------------------------- size cap
python3 -c 'import sys; open(sys.argv[1],"wb").write((("外交部表示。"*200)[:682]+"\n\n").encode())' "$T/2k.txt"
python3 -c 'import sys; open(sys.argv[1],"wb").write(b"a"*1024)' "$T/1k.txt"
python3 -c 'import sys; open(sys.argv[1],"wb").write(b"a"*1025)' "$T/1k1.txt"
run cap extract --max-bytes 1K "$T/2k.txt"
expect_rc cap 1
check "cap: error line names the file and the cap (1K or 1024)" \
	grep -Eq "^jishi: $T/2k.txt: .*(1024|1K|1 ?KiB)" "$T/cap.err"
run cap-edge extract --max-bytes 1K "$T/1k.txt" "$T/1k1.txt"
expect_rc cap-edge 1
check "cap: a 1024-byte file passes --max-bytes 1K, 1025 does not" \
	test "$(wc -l <"$T/cap-edge.out")" -eq 1 -a "$(grep -c "1k1.txt" "$T/cap-edge.err")" -eq 1
run cap-ok extract --max-bytes 4K "$T/2k.txt"
expect_rc cap-ok 0
printf '{"id":"c1","text":"%s"}\n{"id":"c2","text":"ok"}\n' "$(head -c 2048 /dev/zero | tr '\0' a)" >"$T/cap.jsonl"
RUN_IN=$T/cap.jsonl run cap-jsonl extract --input jsonl --max-bytes 1K
expect_rc cap-jsonl 1
check "cap: JSON Lines record over the cap reported at line 1" grep -Eq '^jishi: .*:1: ' "$T/cap-jsonl.err"
check "cap: the record under the cap is written" test "$(wc -l <"$T/cap-jsonl.out")" -eq 1

# ---------------------------------------------------------------- missing file
cp "$ARTS/$(ls "$ARTS" | head -1)" "$T/a.txt"
cp "$ARTS/$(ls "$ARTS" | tail -1)" "$T/b.txt"
run missing extract "$T/a.txt" "$T/no-such-file.txt" "$T/b.txt"
expect_rc missing 1
check "missing: error line names the file" grep -q "^jishi: $T/no-such-file.txt: " "$T/missing.err"
py real "missing: the other two written (JSON Lines)" "$T/missing.out" 2
run missing-q extract -q "$T/a.txt" "$T/no-such-file.txt" "$T/b.txt"
expect_rc missing-q 1
check "missing -q: no per-document error line" sh -c "! grep -q 'no-such-file.txt' '$T/missing-q.err'"
check "missing -q: same stdout" cmp -s "$T/missing.out" "$T/missing-q.out"

# ---------------------------------------------------------------- dot files
mkdir -p "$T/dots/.hidden" "$T/dots/sub"
cp "$T/a.txt" "$T/dots/sub/z.txt"
cp "$T/b.txt" "$T/dots/a.txt"
printf '\xff' >"$T/dots/.skip.txt"
printf '\xff' >"$T/dots/.hidden/x.txt"
run dots extract "$T/dots"
expect_rc dots 0
check "dot files and folders skipped, 2 records" test "$(wc -l <"$T/dots.out")" -eq 2
run dots-ab extract "$T/b.txt" "$T/a.txt"
py same "directory walked in byte order of paths (a.txt before sub/z.txt)" "$T/dots.out" "$T/dots-ab.out"

# ---------------------------------------------------------------- symlinks
# A symlink back to a parent must not make the walk visit files twice
# (docs/cli.md: "a directory is walked recursively"; each file once).
mkdir -p "$T/loop/sub"
cp "$T/a.txt" "$T/loop/sub/a.txt"
ln -s .. "$T/loop/sub/up"
run loop extract "$T/loop"
expect_rc loop 0
check "symlink loop in a directory: the one file written once" \
	test "$(wc -l <"$T/loop.out")" -eq 1

# ---------------------------------------------------------------- 1000 files
python3 "$T/h.py" gen-dir "$T/many" "$ARTJ" "$T/many.tsv" || fail "generating 1000 files"
run many1 extract "$T/many"
expect_rc many1 1
py dir-out "1000 files -j1" "$T/many1.out" "$T/many1.err" "$T/many.tsv" "$T/many"
run many2 extract -j 2 "$T/many"
expect_rc many2 1
check "1000 files: -j 2 stdout byte-for-byte == -j 1" cmp -s "$T/many1.out" "$T/many2.out"
py sameset "1000 files: -j 2 error lines == -j 1" "$T/many1.err" "$T/many2.err"
run many8 extract -j 8 -f jsonl "$T/many"
check "1000 files: -j 8 stdout == -j 1" cmp -s "$T/many1.out" "$T/many8.out"

# ---------------------------------------------------------------- JSON Lines in
python3 "$T/h.py" gen-jsonl-in "$T/in.jsonl" "$ARTJ" || fail "generating JSON Lines input"
RUN_IN=$T/in.jsonl run jl1 extract --input jsonl
expect_rc jl1 1
py jsonl-out "jsonl stdin" "$T/jl1.out" "$T/jl1.err" "$ARTJ"
RUN_IN=$T/in.jsonl run jl2 extract --input jsonl -j 2
check "jsonl stdin: -j 2 stdout == -j 1" cmp -s "$T/jl1.out" "$T/jl2.out"
run jlf extract --input jsonl "$T/in.jsonl"
check "jsonl from a file argument == from stdin" cmp -s "$T/jl1.out" "$T/jlf.out"
check "jsonl from a file: error lines name the file" grep -q "^jishi: $T/in.jsonl:2: byte " "$T/jlf.err"
printf '{"id":"d1","text":"外交部表示。","date":"2020-13-01"}\n{"id":"d2","text":"外交部表示。","date":"2020-12-01"}\n' >"$T/baddate.jsonl"
RUN_IN=$T/baddate.jsonl run jldate extract --input jsonl
expect_rc jldate 1
check "jsonl: a record with a malformed date reported at its line" grep -q '^jishi: .*:1: ' "$T/jldate.err"
check "jsonl: the record after it still written" grep -q '"d2"' "$T/jldate.out"
printf '{"id":"n1","text":"外交部\\u0000表示。","date":"2020-01-01"}\n' >"$T/nul.jsonl"
RUN_IN=$T/nul.jsonl run jlnul extract --input jsonl
expect_rc jlnul 0
check "jsonl: a text with \\u0000 gives a record" test "$(wc -l <"$T/jlnul.out")" -eq 1

# ---------------------------------------------------------------- 195 articles
run real1 extract "$ARTS"
expect_rc real1 0
py real "195 articles" "$T/real1.out" 195
run real2 extract -j 2 "$ARTS"
expect_rc real2 0
check "195 articles: -j 2 stdout == -j 1" cmp -s "$T/real1.out" "$T/real2.out"

# ---------------------------------------------------------------- 200 MB stream
# baseline: the same command on one record (model mapped, threads up)
head -n 1 "$ARTJ" | /usr/bin/time -f %M -o "$T/one.rss" "$BIN" extract --input jsonl -j 2 >/dev/null 2>&1
RSS1=$(tail -n 1 "$T/one.rss")
NBIG=$(python3 "$T/h.py" gen-big "$T/big.jsonl" "$ARTJ" "$BIG_MB") || fail "generating ${BIG_MB} MB"
BIGSZ=$(stat -c %s "$T/big.jsonl")
t0=$(date +%s.%N)
cat "$T/big.jsonl" |
	timeout 1200 /usr/bin/time -f %M -o "$T/big.rss" "$BIN" extract --input jsonl -j 2 2>"$T/big.err" |
	python3 "$T/h.py" stream "${BIG_MB} MB stream" "$NBIG" >"$T/big.py"
BIGRC=("${PIPESTATUS[@]}")
t1=$(date +%s.%N)
SECS=$(awk "BEGIN{printf \"%.1f\", $t1 - $t0}")
echo "# ${BIG_MB} MB stream: $BIGSZ bytes, $NBIG records, ${SECS}s, peak RSS $(tail -1 "$T/big.rss") KB"
check "${BIG_MB} MB stream: exit 0" test "${BIGRC[1]}" -eq 0
while IFS= read -r line; do
	case $line in "PASS "*) pass "${line#PASS }" ;; *) fail "${line#FAIL }" ;; esac
done <"$T/big.py"
RSS=$(tail -1 "$T/big.rss")
# The bound: JISHI_CLI_RSS_KB (60 MB), or the one-record run + 32 MB if
# that is more (the mapped model counts in RSS and will grow).
LIM=$RSS_KB
case ${RSS1:-x} in *[!0-9]* | "") ;; *) [ $((RSS1 + 32768)) -gt "$LIM" ] && LIM=$((RSS1 + 32768)) ;; esac
if [ $ISASAN = 1 ]; then
	echo "# skip - ${BIG_MB} MB stream: peak RSS (ASan build: ${RSS} KB)"
else
	check "${BIG_MB} MB stream: peak RSS ${RSS} KB < ${LIM} KB (one record: ${RSS1} KB)" \
		test "${RSS:-999999999}" -lt "$LIM"
fi
rm -f "$T/big.jsonl"

echo "$NPASS passed, $NFAIL failed"
[ "$NFAIL" -eq 0 ]
