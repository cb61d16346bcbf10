#!/usr/bin/env python3
"""ner_suite.py -- score jishi's entities on Chinese NER data sets, next to jieba.

usage: python3 bench/ner_suite.py [--jishi BUILD/jishi] [--model M]
           [--format auto|bio|conll|cluener] [--t2s|--s2t] [--limit N]
           [--results bench/RESULTS.md] FILE...

Input formats (read in their native form; UTF-8, with or without a BOM, LF or
CRLF line ends, trailing blanks and a missing or doubled final blank line are
all accepted; invalid UTF-8 is replaced by U+FFFD and reported):

  bio      People's Daily / MSRA: one "CHAR TAG" per line (space or tab),
           a blank line between sentences.  Tags B-X / I-X / O (BIOES/BMES
           prefixes S-, M-, E- are accepted too).  X = PER|LOC|ORG, or MSRA's
           NR|NS|NT (-> PER|LOC|ORG).
  conll    Weibo NER: "CHAR<digits>\tTAG"; the trailing ASCII digits after the
           character are jieba's segment position (a release artefact) and are
           dropped, keeping at least one code point.  Tags X.NAM / X.NOM; only
           named (.NAM) mentions are scored, GPE.NAM and LOC.NAM both -> LOC.
  cluener  CLUENER2020 JSON Lines: {"text": ..., "label": {LABEL: {ENTITY:
           [[start, end], ...]}}} with INCLUSIVE end offsets.  name -> PER,
           address -> LOC (long addresses are kept as they are),
           organization / government / company -> ORG; other labels ignored.

--format auto picks cluener when the content starts like a JSON object or
array (or the name ends in .json / .jsonl), conll when a tag carries a ".NAM"/".NOM" kind or
nearly every token is a character followed by digits, and bio otherwise.
In the column formats a sentence's text is its tokens joined without
separators, so gold offsets are code points into that text.

Tools.  All sentences of a file go to ONE process per tool, as JSON Lines of
{"id": "s<N>", "text": sentence} (N counts from 1) on stdin:

  jishi    `jishi extract --input jsonl -f jsonl [--model M]`; every
           mentions[] span of an entity is one prediction; PERSON -> PER,
           GPE / LOC -> LOC, ORG / MEDIA -> ORG, other types ignored.  Without
           --model and $JISHI_MODEL, a model.bin next to the binary is passed.
           A non-zero exit or missing records are reported; a sentence with no
           record counts as predicting nothing.
  jieba    Debian's python3-jieba (this file run with --jieba-worker under an
           interpreter that can import jieba.posseg: this one, else
           /usr/bin/python3); jieba.posseg.cut, HMM on; words tagged
           nr / nrfg / nrt -> PER, ns -> LOC, nt -> ORG, span = the word.
           Skipped with a note when jieba is not importable.

Both are timed as wall seconds of the whole process (start-up and model or
dictionary load included); sentences/s = sentences / wall seconds.

--t2s / --s2t convert every sentence with OpenCC (`opencc -c t2s.json` /
`s2twp.json`, one call per file) before both tools see it, and the gold stays
as it is.  Character conversion is 1:1, but phrase tables can change lengths
(s2twp: U盘 -> 隨身碟, 航天飞机 -> 太空梭), so a sentence is fed unconverted when
its length changed, or when a longer and a shorter phrase cancel out and
move a gold boundary (checked on a difflib alignment); both counts are
reported.

Scoring: exact match.  Gold and predictions are sets of (start, end, type)
per sentence, type in PER / LOC / ORG; a prediction is correct when the
triple is in the gold set.  P = correct / predicted, R = correct / gold,
F1 = 2PR / (P + R), per type and micro-averaged over the three types.

Output: a Markdown section "## NER" on stdout (progress goes to stderr): per
file the gold counts per type and per source label, anything odd met while
parsing, and per tool a table type | gold | predicted | correct | P | R | F1
plus timing.  --results FILE replaces the section that starts with the line
"## NER" up to the next line starting with "## " in FILE (appended when
absent); every other section is left alone.  With --s2t or --t2s the
section is "## NER (Traditional: opencc s2twp)" or "## NER (Simplified:
opencc t2s)", so the converted run sits next to the native one.

Pure Python 3 standard library; jieba only inside the baseline worker.
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import json
import os
import re
import shlex
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

TYPES = ("PER", "LOC", "ORG")

# Entity type of a BIO / CoNLL tag (kind suffix removed), upper-cased.
TAG_TYPES = {
    "PER": "PER", "NR": "PER", "PERSON": "PER",
    "LOC": "LOC", "NS": "LOC", "GPE": "LOC",
    "ORG": "ORG", "NT": "ORG",
}
CLUENER_TYPES = {
    "name": "PER",
    "address": "LOC",
    "organization": "ORG", "government": "ORG", "company": "ORG",
}
JISHI_TYPES = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "MEDIA": "ORG"}
JIEBA_TYPES = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}

OPENCC_CONFIGS = {"t2s": "t2s.json", "s2t": "s2twp.json"}
JIEBA_PYTHONS = (sys.executable, "/usr/bin/python3")
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_EXAMPLES = 3  # examples kept per kind of oddity


def log(msg: str) -> None:
    print(f"ner_suite: {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# data

Span = tuple[int, int, str]  # (start, end exclusive, PER|LOC|ORG)


@dataclass
class Sentence:
    text: str
    gold: set[Span]


@dataclass
class Dataset:
    path: str
    fmt: str
    sentences: list[Sentence] = field(default_factory=list)
    labels: Counter = field(default_factory=Counter)  # source label -> mentions
    names: Counter = field(default_factory=Counter)  # CLUENER label -> entity names
    odd: Counter = field(default_factory=Counter)  # oddity -> count
    examples: dict[str, list[str]] = field(default_factory=dict)

    def note(self, kind: str, example: str = "") -> None:
        self.odd[kind] += 1
        ex = self.examples.setdefault(kind, [])
        if example and len(ex) < MAX_EXAMPLES:
            ex.append(example)

    def gold_counts(self) -> Counter:
        return Counter(t for s in self.sentences for (_, _, t) in s.gold)


def read_lines(path: str) -> tuple[list[str], bool]:
    """(the file's lines, whether invalid UTF-8 was replaced): BOM dropped,
    split on LF only (a token may be any code point, U+2028 or U+0085
    included), a trailing CR removed."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        text, bad = data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        text, bad = data.decode("utf-8-sig", errors="replace"), True
    return [ln[:-1] if ln.endswith("\r") else ln for ln in text.split("\n")], bad


# A JSON object or array of objects (a column line such as "{ O" is not one).
JSON_START = re.compile(r'\{\s*("|}|$)|\[\s*(\{|$)')


def detect_format(path: str, lines: list[str]) -> str:
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    if JSON_START.match(first) or path.lower().endswith((".json", ".jsonl")):
        return "cluener"
    tokens = tags = digit_tokens = 0
    for ln in lines:
        cols = split_columns(ln.rstrip(" \t"))
        if cols is None:
            continue
        token, tag = cols
        tokens += 1
        if re.search(r"\.(NAM|NOM)$", tag, re.I):
            tags += 1
        if len(token) >= 2 and token[-1] in "0123456789":
            digit_tokens += 1
        if tokens >= 5000:
            break
    if tags or (tokens and digit_tokens >= 0.9 * tokens):
        return "conll"
    return "bio"


_COLS = re.compile(r"([ \t]|[^ \t]+)[ \t]+(.+)")


def split_columns(line: str) -> tuple[str, str] | None:
    """(token, tag) of a column line: the first field (a lone space or tab
    when the line starts with one: the character is a blank) and the last."""
    m = _COLS.fullmatch(line)
    if not m:
        return None
    return m.group(1), re.split(r"[ \t]+", m.group(2))[-1]


def tag_parts(tag: str) -> tuple[str, str | None] | None:
    """("O", None), or (prefix B|I|M|E|S, label such as PER or PER.NAM);
    None for a tag that is neither."""
    if tag.upper() == "O":
        return "O", None
    m = re.fullmatch(r"([BIMESbimes])[-_](.+)", tag)
    if not m:
        return None
    return m.group(1).upper(), m.group(2)


def label_type(label: str) -> str | None:
    """PER|LOC|ORG for a BIO / CoNLL label, None when not scored (other
    types, and nominal .NOM mentions)."""
    base, _, kind = label.upper().partition(".")
    if kind and kind != "NAM":
        return None
    return TAG_TYPES.get(base)


def parse_columns(ds: Dataset, lines: list[str], limit: int | None) -> None:
    strip_digits = ds.fmt == "conll"
    tokens: list[tuple[str, str, int]] = []  # (token, tag, line number)

    def flush() -> None:
        if tokens:
            ds.sentences.append(decode_sentence(ds, tokens))
            tokens.clear()

    for lineno, raw in enumerate(lines, 1):
        if limit is not None and len(ds.sentences) >= limit:
            return
        line = raw.rstrip(" \t")
        if not line:
            flush()
            continue
        cols = split_columns(line)
        if cols is None:
            ds.note("line without a token and a tag (skipped)", f"line {lineno}: {raw!r}")
            continue
        token, tag = cols
        if strip_digits:
            body = token.rstrip("0123456789")
            if body != token:
                token = body or token[0]
            else:
                ds.note("token without the segment-position digits", f"line {lineno}: {raw!r}")
        if len(token) != 1:
            ds.note("token of more than one code point (kept whole)", f"line {lineno}: {raw!r}")
        tokens.append((token, tag, lineno))
    if limit is None or len(ds.sentences) < limit:
        flush()


def decode_sentence(ds: Dataset, tokens: list[tuple[str, str, int]]) -> Sentence:
    """BIO (also BIOES / BMES) decoding; an I- that does not continue an
    entity of its label starts one, as conlleval does."""
    text_parts: list[str] = []
    spans: list[list] = []  # [start, end, label]
    cur: list | None = None
    pos = 0
    for token, tag, lineno in tokens:
        start, pos = pos, pos + len(token)
        text_parts.append(token)
        parts = tag_parts(tag)
        if parts is None:
            ds.note("unknown tag (read as O)", f"line {lineno}: {tag!r}")
            parts = ("O", None)
        prefix, label = parts
        if prefix == "O":
            cur = None
            continue
        if prefix in "BS" or cur is None or cur[2] != label:
            if prefix not in "BS":
                ds.note(f"{prefix}- tag that does not continue an entity (starts one)",
                        f"line {lineno}: {tag}")
            cur = [start, pos, label]
            spans.append(cur)
        else:
            cur[1] = pos
        if prefix in "ES":
            cur = None
    gold: set[Span] = set()
    for start, end, label in spans:
        ds.labels[label] += 1
        t = label_type(label)
        if t:
            gold.add((start, end, t))
    return Sentence("".join(text_parts), gold)


def parse_cluener(ds: Dataset, lines: list[str], limit: int | None) -> None:
    def records():
        first = next((ln.strip() for ln in lines if ln.strip()), "")
        if first.startswith("[") and JSON_START.match(first):  # a JSON array, not JSON Lines
            yield from enumerate(json.loads("\n".join(lines)), 1)
            return
        for lineno, ln in enumerate(lines, 1):
            if not ln.strip():
                continue
            try:
                yield lineno, json.loads(ln)
            except json.JSONDecodeError as e:
                ds.note("line that is not JSON (skipped)", f"line {lineno}: {e}")

    for lineno, rec in records():
        if limit is not None and len(ds.sentences) >= limit:
            return
        text = rec.get("text") if isinstance(rec, dict) else None
        if not isinstance(text, str):
            ds.note("record without a text (skipped)", f"record {lineno}")
            continue
        if not text:
            ds.note("empty text (skipped)", f"record {lineno}")
            continue
        labels = rec.get("label")
        if not isinstance(labels, dict):
            ds.note("record without a label object (no gold)", f"record {lineno}")
            labels = {}
        gold: dict[Span, str] = {}
        for label, entities in labels.items():
            t = CLUENER_TYPES.get(label.lower())
            if not isinstance(entities, dict):
                ds.note("label whose value is not an object (skipped)", f"record {lineno}: {label}")
                continue
            for name, offsets in entities.items():
                ds.names[label] += 1
                if not isinstance(offsets, list):
                    ds.note("entity whose spans are not a list (skipped)",
                            f"record {lineno}: {name}")
                    continue
                for se in offsets:
                    ds.labels[label] += 1
                    if not (isinstance(se, list) and len(se) == 2
                            and all(isinstance(x, int) for x in se)
                            and 0 <= se[0] <= se[1] < len(text)):
                        ds.note("bad span (skipped)", f"record {lineno}: {label} {name} {se}")
                        continue
                    start, end = se[0], se[1] + 1  # inclusive -> exclusive end
                    if text[start:end] != name:
                        ds.note("span text differs from the entity (span kept)",
                                f"record {lineno}: {name!r} vs {text[start:end]!r}")
                    if not t:
                        continue
                    key = (start, end, t)
                    if key in gold:
                        ds.note("same span and type under two labels (counted once)",
                                f"record {lineno}: {name} {gold[key]}/{label}")
                        continue
                    gold[key] = label
        ds.sentences.append(Sentence(text, set(gold)))


def load_dataset(path: str, fmt: str, limit: int | None = None) -> Dataset:
    """Parse a file; with a limit, only its first `limit` sentences (the
    counts and the oddities noted then cover those only)."""
    lines, bad_utf8 = read_lines(path)
    if fmt == "auto":
        fmt = detect_format(path, lines)
    ds = Dataset(path, fmt)
    if bad_utf8:
        ds.note("file with invalid UTF-8 (read with U+FFFD in its place)")
    if fmt == "cluener":
        parse_cluener(ds, lines, limit)
    else:
        parse_columns(ds, lines, limit)
    return ds


# --------------------------------------------------------------------------
# script conversion


def keeps_offsets(orig: str, conv: str, bounds: set[int]) -> bool:
    """True when conv has orig's length and every gold boundary in bounds
    stays where it was.  The length check alone lets a longer phrase and a
    shorter one cancel out (索马里 -> 索馬利亞 and 肯尼亚 -> 肯亞 in one
    sentence); so the two strings are aligned with difflib and a boundary
    must fall where the alignment has no shift: at the same offset in both,
    or inside a same-length replacement at the same offset."""
    if len(orig) != len(conv):
        return False
    if orig == conv or not bounds:
        return True
    ops = difflib.SequenceMatcher(None, orig, conv, autojunk=False).get_opcodes()
    for b in bounds:
        if b >= len(orig):
            continue
        tag, i1, i2, j1, j2 = next(op for op in ops if op[1] <= b < op[2])
        if tag == "equal":
            ok = j1 == i1
        else:
            ok = (b == i1 and j1 == i1) or (i1 == j1 and i2 == j2)
        if not ok:
            return False
    return True


def convert_script(sentences: list[Sentence], direction: str) -> tuple[list[str], str]:
    """(texts fed to the tools, note) for --t2s / --s2t: one opencc call for
    all sentences, then each sentence whose gold offsets would move is fed
    unconverted."""
    config = OPENCC_CONFIGS[direction]
    texts = [s.text for s in sentences]
    # One line a sentence: line breaks inside a sentence are blanked for the
    # call and put back afterwards.
    flat = [re.sub(r"[\r\n]", " ", t) for t in texts]
    try:
        proc = subprocess.run(["opencc", "-c", config], input="\n".join(flat).encode() + b"\n",
                              capture_output=True, check=False)
    except FileNotFoundError:
        sys.exit("ner_suite: opencc not found (Debian: apt-get install opencc)")
    if proc.returncode != 0:
        sys.exit(f"ner_suite: opencc -c {config} failed: {proc.stderr.decode(errors='replace')}")
    out = proc.stdout.decode("utf-8").split("\n")
    if out and out[-1] == "":
        out.pop()
    if len(out) != len(texts):
        return texts, (f"**opencc -c {config} returned {len(out)} lines for {len(texts)} "
                       "sentences: nothing converted**")
    result, longer, shifted = [], 0, 0
    for sent, orig, conv in zip(sentences, flat, out):
        bounds = {b for start, end, _ in sent.gold for b in (start, end)}
        if len(conv) != len(orig):
            longer += 1
        elif not keeps_offsets(orig, conv, bounds):
            shifted += 1
        else:
            result.append("".join(o if o in "\r\n" else c for o, c in zip(sent.text, conv)))
            continue
        result.append(sent.text)
    changed = sum(1 for a, b in zip(texts, result) if a != b)
    note = (f"OpenCC `opencc -c {config}`: {changed} of {len(texts)} sentences converted; "
            f"fed unconverted: {longer} whose length changed, {shifted} of the same length "
            "where a gold boundary moved")
    return result, note


# --------------------------------------------------------------------------
# tools


@dataclass
class Run:
    tool: str
    preds: list[set[Span]] | None = None  # None: not run
    wall: float = 0.0
    records: int = 0
    notes: list[str] = field(default_factory=list)


def jsonl_input(texts: list[str]) -> bytes:
    return "".join(json.dumps({"id": f"s{i}", "text": t}, ensure_ascii=False) + "\n"
                   for i, t in enumerate(texts, 1)).encode("utf-8")


def sentence_index(rec_id, n: int) -> int | None:
    m = re.fullmatch(r"s(\d+)", rec_id) if isinstance(rec_id, str) else None
    if m and 1 <= int(m.group(1)) <= n:
        return int(m.group(1)) - 1
    return None


def stderr_summary(err: bytes, run: Run) -> None:
    lines = [ln for ln in err.decode("utf-8", errors="replace").splitlines() if ln.strip()]
    if lines:
        shown = "; ".join(f"`{ln[:200]}`" for ln in lines[:MAX_EXAMPLES])
        more = f" (+{len(lines) - MAX_EXAMPLES} more)" if len(lines) > MAX_EXAMPLES else ""
        run.notes.append(f"stderr ({len(lines)} line{'s' * (len(lines) != 1)}): {shown}{more}")


def read_records(out: bytes, texts: list[str], run: Run, convert) -> None:
    """Fill run.preds from JSON Lines output; convert(record) yields the
    record's spans as (start, end, type), type None when not scored."""
    run.preds = [set() for _ in texts]
    seen: set[int] = set()
    bad_json = bad_id = dup = bad_span = 0
    for line in out.decode("utf-8", errors="replace").split("\n"):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            bad_json += 1
            continue
        if not isinstance(rec, dict):
            bad_json += 1
            continue
        doc = rec.get("doc")
        rec_id = doc.get("id") if isinstance(doc, dict) else rec.get("id")
        i = sentence_index(rec_id, len(texts))
        if i is None:
            bad_id += 1
            continue
        if i in seen:
            dup += 1
            continue
        seen.add(i)
        n = len(texts[i])
        for start, end, t in convert(rec):
            if not (isinstance(start, int) and isinstance(end, int)):
                bad_span += 1
                continue
            if not 0 <= start < end <= n:
                bad_span += 1
            if t:
                run.preds[i].add((start, end, t))
    run.records = len(seen)
    for count, what in ((bad_json, "output lines that are not JSON"),
                        (bad_id, "records with an unknown doc id"),
                        (dup, "records repeating a doc id (first kept)"),
                        (bad_span, "spans that are not [start, end) inside their sentence "
                                   "(never correct)")):
        if count:
            run.notes.append(f"{count} {what}")
    if run.records and not any(run.preds):
        run.notes.append("no PER / LOC / ORG prediction in any record")
    if 0 < run.records < len(texts):
        run.notes.append(f"**{len(texts) - run.records} of {len(texts)} sentences have no record** "
                         "(counted as predicting nothing)")


def jishi_spans(rec: dict):
    """(start, end, PER|LOC|ORG|None) for every mention of every entity."""
    for ent in rec.get("entities") or []:
        if not isinstance(ent, dict):
            continue
        t = JISHI_TYPES.get(ent.get("type"))
        for m in ent.get("mentions") or []:
            if isinstance(m, list) and len(m) == 2:
                yield m[0], m[1], t
            else:
                yield None, None, t


def jieba_spans(rec: dict):
    for span in rec.get("spans") or []:
        yield tuple(span)


def run_jishi(binary: str, model: str | None, texts: list[str]) -> Run:
    run = Run("jishi")
    cmd = [binary, "extract", "--input", "jsonl", "-f", "jsonl"]
    if model:
        cmd += ["--model", model]
    log(f"jishi: {len(texts)} sentences")
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, input=jsonl_input(texts), capture_output=True, check=False)
    except OSError as e:
        run.notes.append(f"not run: {e}")
        return run
    run.wall = time.perf_counter() - t0
    if proc.returncode != 0:
        run.notes.append(f"**exit status {proc.returncode}**")
    stderr_summary(proc.stderr, run)
    read_records(proc.stdout, texts, run, jishi_spans)
    if run.records == 0:
        run.preds = None
    return run


def find_jieba_python() -> tuple[str | None, str]:
    """(interpreter that imports jieba.posseg, version note) or (None, why)."""
    probe = "import sys, jieba, jieba.posseg; print(jieba.__version__, sys.version.split()[0])"
    for exe in dict.fromkeys(p for p in JIEBA_PYTHONS if p):
        try:
            p = subprocess.run([exe, "-c", probe], capture_output=True, text=True, check=False)
        except OSError:
            continue
        if p.returncode == 0:
            jv, pv = p.stdout.split()
            return exe, f"jieba {jv} (`{exe}`, Python {pv})"
    return None, ("jieba is not importable by " + " or ".join(dict.fromkeys(JIEBA_PYTHONS))
                  + " (Debian: apt-get install python3-jieba)")


def run_jieba(python: str, texts: list[str]) -> Run:
    run = Run("jieba")
    log(f"jieba: {len(texts)} sentences")
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([python, os.path.abspath(__file__), "--jieba-worker"],
                              input=jsonl_input(texts), capture_output=True, check=False)
    except OSError as e:
        run.notes.append(f"not run: {e}")
        return run
    run.wall = time.perf_counter() - t0
    if proc.returncode != 0:
        run.notes.append(f"**exit status {proc.returncode}**")
    stderr_summary(proc.stderr, run)
    read_records(proc.stdout, texts, run, jieba_spans)
    if run.records == 0:
        run.preds = None
    return run


def jieba_worker() -> None:
    """--jieba-worker: JSON Lines {"id","text"} in, {"id","spans"} out."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    out = sys.stdout
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        rec = json.loads(line)
        text = rec["text"]
        spans, pos = [], 0
        for pair in jieba.posseg.cut(text, HMM=True):
            word, flag = pair.word, pair.flag
            start = pos if text.startswith(word, pos) else text.find(word, pos)
            if start < 0:  # not found: cannot place the word
                continue
            pos = start + len(word)
            t = JIEBA_TYPES.get(flag)
            if t:
                spans.append([start, pos, t])
        out.write(json.dumps({"id": rec["id"], "spans": spans}, ensure_ascii=False) + "\n")
    out.flush()


# --------------------------------------------------------------------------
# scoring and report


def score(sentences: list[Sentence], preds: list[set[Span]]) -> dict[str, tuple[int, int, int]]:
    gold, pred, corr = Counter(), Counter(), Counter()
    for sent, p in zip(sentences, preds):
        gold.update(t for _, _, t in sent.gold)
        pred.update(t for _, _, t in p)
        corr.update(t for _, _, t in sent.gold & p)
    rows = {t: (gold[t], pred[t], corr[t]) for t in TYPES}
    rows["micro"] = tuple(sum(r[k] for r in rows.values()) for k in range(3))
    return rows


def prf(g: int, p: int, c: int) -> tuple[float | None, float | None, float | None]:
    prec = c / p if p else None
    rec = c / g if g else None
    f1 = 2 * c / (g + p) if g + p else None  # = 2PR / (P + R), 0 when either is 0
    return prec, rec, f1


def fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.4f}"


def score_table(rows: dict[str, tuple[int, int, int]]) -> list[str]:
    out = ["| type | gold | predicted | correct | P | R | F1 |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for name, (g, p, c) in rows.items():
        label = "**micro**" if name == "micro" else name
        out.append(f"| {label} | {g} | {p} | {c} | " + " | ".join(map(fmt, prf(g, p, c))) + " |")
    return out


def dataset_lines(ds: Dataset, conv_note: str | None) -> list[str]:
    counts = ds.gold_counts()
    chars = sum(len(s.text) for s in ds.sentences)
    out = [f"- {len(ds.sentences)} sentences, {chars} characters; format {ds.fmt}",
           "- gold mentions scored: " + ", ".join(f"{t} {counts[t]}" for t in TYPES)
           + f" (total {sum(counts.values())})",
           "- source labels (mentions, before mapping; unscored ones included): "
           + (", ".join(f"{k} {v}" for k, v in sorted(ds.labels.items())) or "none")]
    if ds.names:
        out.append("- distinct entity names per sentence, by label (CLUENER's own count): "
                   + ", ".join(f"{k} {v}" for k, v in sorted(ds.names.items())))
    if conv_note:
        out.append(f"- {conv_note}")
    for kind, n in ds.odd.items():
        ex = "; ".join(ds.examples.get(kind, []))
        out.append(f"- data: {n} × {kind}" + (f" — e.g. {ex}" if ex else ""))
    return out


def run_lines(run: Run, ds: Dataset) -> list[str]:
    out = [f"#### {run.tool}", ""]
    n = len(ds.sentences)
    if run.preds is None:
        out.append("Not scored: no records; " + "; ".join(run.notes))
        return out + [""]
    out += score_table(score(ds.sentences, run.preds))
    rate = n / run.wall if run.wall else 0.0
    out += ["", f"- time: {run.wall:.2f} s wall for {n} sentences = {rate:.0f} sentences/s; "
            f"{run.records} of {n} records"]
    out += [f"- {note}" for note in run.notes]
    return out + [""]


def tool_version(binary: str) -> str:
    try:
        p = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False)
        v = (p.stdout or p.stderr).strip().splitlines()
        return v[0] if v else f"(--version printed nothing, exit {p.returncode})"
    except OSError as e:
        return f"(not runnable: {e})"


def git_commit() -> str | None:
    """Short commit of this repository, "-dirty" when the tree has changes."""
    try:
        p = subprocess.run(["git", "-C", REPO, "describe", "--always", "--dirty", "--abbrev=7"],
                           capture_output=True, text=True, check=False)
        return p.stdout.strip() or None
    except OSError:
        return None


def describe_file(path: str | None) -> str:
    if not path:
        return "jishi's default"
    try:
        st = os.stat(path)
    except OSError:
        return f"`{path}` (missing)"
    when = datetime.datetime.fromtimestamp(st.st_mtime, datetime.timezone.utc)
    return f"`{path}` ({st.st_size / 1e6:.1f} MB, modified {when:%Y-%m-%d %H:%M} UTC)"


def replace_section(path: str, section: str) -> None:
    """Put section (starting "## NER") in place of the old one, or append it."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import results
    results.write_section(path, section)


# --------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description="Score jishi's entities (and a jieba baseline) on NER data sets.")
    ap.add_argument("files", nargs="+", metavar="FILE")
    ap.add_argument("--jishi", default=os.path.join(REPO, "build", "jishi"),
                    help="jishi binary (default: build/jishi of this repository)")
    ap.add_argument("--model", help="model for jishi (default: $JISHI_MODEL if set, "
                    "else model.bin next to the binary if present, else jishi's own default)")
    ap.add_argument("--format", choices=("auto", "bio", "conll", "cluener"), default="auto")
    conv = ap.add_mutually_exclusive_group()
    conv.add_argument("--t2s", action="store_const", dest="convert", const="t2s",
                      help="convert the sentences to Simplified (opencc t2s.json) first")
    conv.add_argument("--s2t", action="store_const", dest="convert", const="s2t",
                      help="convert the sentences to Traditional (opencc s2twp.json) first")
    ap.add_argument("--limit", type=int, metavar="N", help="first N sentences of each file")
    ap.add_argument("--results", metavar="FILE",
                    help='replace the "## NER" section of FILE (e.g. bench/RESULTS.md); '
                         'with --s2t or --t2s its own "## NER (…)" section')
    return ap.parse_args(argv)


def evaluate_file(path: str, args: argparse.Namespace, model: str | None,
                  jieba_python: str | None, jieba_note: str) -> tuple[list[str], list[str]]:
    """(Markdown lines of the file's subsection, rows of the summary table)."""
    log(f"reading {path}")
    name = os.path.basename(path)
    try:
        ds = load_dataset(path, args.format, args.limit)
    except (OSError, json.JSONDecodeError) as e:
        log(f"{path}: not read: {e}")
        return [f"### {path}", "", f"Not read: {e}", ""], [f"| {name} | — | not read | | | | |"]
    texts = [s.text for s in ds.sentences]
    conv_note = None
    if args.convert and texts:
        texts, conv_note = convert_script(ds.sentences, args.convert)
    body = [f"### {path}", ""] + dataset_lines(ds, conv_note) + [""]
    if not texts:
        return body + ["No sentences: nothing run.", ""], [f"| {name} | — | no sentences | | | | |"]
    runs = [run_jishi(args.jishi, model, texts)]
    if jieba_python:
        runs.append(run_jieba(jieba_python, texts))
    else:
        runs.append(Run("jieba", notes=[f"skipped: {jieba_note}"]))
    summary = []
    for run in runs:
        body += run_lines(run, ds)
        if run.preds is None:
            summary.append(f"| {name} | {run.tool} | not scored | | | | |")
            continue
        p, r, f1 = prf(*score(ds.sentences, run.preds)["micro"])
        rate = len(texts) / run.wall if run.wall else 0.0
        summary.append(f"| {name} | {run.tool} | {fmt(p)} | {fmt(r)} | {fmt(f1)} "
                       f"| {run.wall:.2f} | {rate:.0f} |")
    return body, summary


def main(argv: list[str]) -> int:
    if argv == ["--jieba-worker"]:
        jieba_worker()
        return 0
    args = parse_args(argv)
    model = args.model
    if not model and "JISHI_MODEL" not in os.environ:
        beside = os.path.join(os.path.dirname(os.path.abspath(args.jishi)), "model.bin")
        model = beside if os.path.exists(beside) else None
    jieba_python, jieba_note = find_jieba_python()
    if not jieba_python:
        log(f"baseline skipped: {jieba_note}")

    started = datetime.datetime.now(datetime.timezone.utc)
    body: list[str] = []
    summary = ["| file | tool | P | R | F1 | wall s | sentences/s |",
               "|---|---|---:|---:|---:|---:|---:|"]
    for path in args.files:
        lines, rows = evaluate_file(path, args, model, jieba_python, jieba_note)
        body += lines
        summary += rows

    commit = git_commit()
    cmd = shlex.join(["python3", sys.argv[0], *argv])
    title = "## NER"
    if args.convert:
        title += (" (Traditional: opencc s2twp)" if args.convert == "s2t"
                  else " (Simplified: opencc t2s)")
    head = [
        title, "",
        "Written by `bench/ner_suite.py` (see bench/README.md); "
        "rerun it rather than editing by hand.",
        "",
        f"- date: {started:%Y-%m-%d %H:%M} UTC",
        f"- command: `{cmd}`",
        f"- jishi: {tool_version(args.jishi)}" + (f" (commit {commit})" if commit else "")
        + f", binary `{args.jishi}`, model {describe_file(model)}",
        f"- baseline: {jieba_note}; posseg nr/nrfg/nrt → PER, ns → LOC, nt → ORG",
        "- scoring: exact (start, end, type) match per sentence over PER / LOC / ORG; "
        "jishi PERSON → PER, GPE/LOC → LOC, ORG/MEDIA → ORG; micro = the three types pooled; "
        "P/R/F1 micro in the summary; wall s = the whole process, start-up and model or "
        "dictionary load included",
    ]
    if args.convert:
        config = OPENCC_CONFIGS[args.convert]
        head.append(f"- script: sentences converted with `opencc -c {config}` before both tools; "
                    "gold offsets unchanged (see the OpenCC line of each file)")
    if args.limit is not None:
        head.append(f"- limit: first {args.limit} sentences of each file")
    section = "\n".join(head + ["", *summary, "", *body]).rstrip("\n") + "\n"
    sys.stdout.write(section)
    if args.results:
        replace_section(args.results, section)
        log(f"wrote the {title} section of {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
