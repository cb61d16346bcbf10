#!/usr/bin/env python3
"""time_suite.py -- score jishi's times[] on the shared time-expression test cases,
next to chrono-node's Chinese parsers.

usage: python3 bench/time_suite.py TSV [--jishi BUILD/jishi] [--model M]
           [--no-peer] [--results bench/RESULTS.md] [--verbose]

Data.  TSV is time_examples.*.tsv (see its MANIFEST.md): a header line, then one
case a line with seven tab-separated columns phrase, expected_value,
grain_or_type, reference_time, source, context, resolved.  Read as UTF-8 (a BOM
and CRLF are accepted, fields are not quoted); a line with another field count
is padded / its extra fields are joined into the last, and reported.  The suite
is source.split("@")[0] (recognizers-text is written recognizers_text here);
the options after ";" in source (locale=, forwardDate, ret_future=,
not_supported_in=, ...) are read as name[=value].

Running the tools.  Rows whose source resolves an expression that leaves past
or future open to the future (all of Duckling's: it always takes the next
occurrence, facebook/duckling#29; chrono's with forwardDate; JioNLP's with
ret_future=True) are run with `jishi extract --future`, the rest without;
chrono is given its forwardDate option for the same rows.
Every case is one JSON Lines record
{"id": "r<N>" (N = case number from 1), "text": context if given else phrase,
 "date": the reference, when there is one}, all sent to ONE process per tool:

  jishi   `jishi extract --input jsonl -f jsonl [--model M]`; each output line
          is a record whose doc.id names the case and whose times[] are
          {span [s, e) in code points, text, type, value, mod, tz, anchor}.
          Without --model and $JISHI_MODEL, a model.bin next to the binary is
          passed.  A missing record (non-zero exit, a rejected document) counts
          as "no expression" and is reported.
  chrono  bench/peers/chrono_time.js under node, with chrono-node 2.x from
          bench/.peers/node (installed there with `npm install --prefix
          bench/.peers/node chrono-node@2` when missing; --no-peer skips it).
          It parses with chrono.zh (the package's combined Traditional +
          Simplified + Cantonese configuration), falling back to zh.hans then
          zh.hant when that finds nothing, and prints each result's code-point
          index, text and start / end components (known and implied).  Each
          result becomes a jishi-shaped expression: TIME when the hour is known
          (YYYY-MM-DDThh:mm, :ss only when the second is known), else DATE at the
          finest known of day or weekday (YYYY-MM-DD) / month (YYYY-MM) / year,
          the unknown coarser parts taken from chrono's implied values; an end
          makes a range a/b; a known timezoneOffset becomes tz.  chrono gives its
          components in the reference's offset (the reference is passed as
          {instant, timezone: offset}, and the node process's TZ is set to that
          offset for the record, since chrono works relative expressions out in
          the process's zone; a reference without offset is read as UTC with
          offset 0, i.e. as written), which is jishi's convention too, so
          both tools go through the same comparison code below.  A case without
          a reference gets chrono's fixed reference 2000-01-01T00:00Z (never the
          wall clock); such cases are only scored where the value cannot depend
          on it.

References.  reference_time is passed as jishi's `date` in the form jishi
accepts, YYYY-MM-DDThh:mm[:ss][±hh:mm|Z]: Duckling's 2013-02-12T04:30:00-02:00
as is, JioNLP's +08:00 times as is, chrono's / Recognizers-Text's local times
without offset as is.  "(now)", "(none)" or empty: no date at all (jishi must then
not resolve against the clock).  JioNLP's partial references ("...;given=[2019,
9]", the time_base list, and "dict:{"year": 2020}", the time_base dict, where
JioNLP leaves the other fields unset) are passed filled with the start of the
period (2019-09-01T00:00:00, 2020-01-01T00:00:00), as the data file itself
writes the list ones; those cases count in the totals and are also shown
apart ("jionlp rows with a partial reference"),
because JioNLP fills a bare month-day from the given year while a tool given a
full date may rightly pick the previous year.

Which expression answers a case.  The phrase is located in the text (first
occurrence; failing that, after folding each character with NFKC, e.g. a
full-width colon, then ignoring white space; failing that the whole text is
used and the case is reported).  Every expression whose span overlaps the
phrase is a piece.  One piece: it answers.  Several: they are sorted by start
and the text between neighbours decides --
  * only white space, commas, 、 or 的 between them: they are one value said in
    parts (a date, then a clock time; a weekday, then a date).  DATE/TIME pieces
    are merged left to right: the earlier piece gives the parts down to its own
    precision, the later piece the finer ones (at equal precision the later
    piece wins); when the last piece is a range, the earlier ones are merged
    into each of its ends (2014年, 3月5日早上6点至7点);
  * a range word (到 至 - – — ~ ～ 〜 ー 和 與 与 及 跟) between two such groups:
    they make a range start/end (the start of the first, the end of the last);
    two durations make a range of durations;
  * anything else (overlapping pieces, more than two groups, a piece that is
    not a DATE/TIME in a merge): the piece with the longest overlap answers.
"missed" = no expression overlaps the phrase.  A case where some letter of
the phrase lies outside every overlapping expression (and outside the joiners
/ range words between them) is filed as "partial span", even when the value is
right (今個礼拜三 answered by 礼拜三 alone; the value is shown); white space,
punctuation, symbols (～ -) and a framing preposition at the phrase's edges
(从 從 自 自从 由 在 于 於 ... 止 为止 之间 期间 间 的) need not be covered.
An answer may extend beyond the phrase.

Value model.  jishi's value (and chrono's, built as above) is read as:
  DATE / TIME point   YY (a century: 19 = 1900-1999), YYY (a decade: 197 =
                      1970-1979), YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Www-d,
                      YYYY-Www-WE (weekend), YYYY-Qn, YYYY-Hn, YYYY-SP|SU|FA|WI,
                      + Thh[:mm[:ss]] or a TIMEX day part TMO|TAF|TEV|TNI|TMI|TDT,
                      + an offset; any part may be X (XXXX-XX-23, XXXX-WXX-4) =
                      unresolved.  A trailing offset or the tz field
                      (±hh:mm, Z; "local" = no fixed offset) gives the zone.
  range               point/point (DATE or TIME; an abbreviated end such as
                      2025-08-23/25 is completed from the start).
  DURATION / SET      ISO 8601 P[nY][nM][nW][nD][T[nH][nM][nS]] (decimals
                      allowed); a range of two durations d1/d2.
  vague               PAST_REF, FUTURE_REF: never convertible; PRESENT_REF
                      ("now") is the reference instant for the sources that
                      write "now" as one (Duckling: the current second,
                      JioNLP: ref/ref), unconvertible elsewhere.
A point's interval is [start, end) at its precision (a year, a quarter, a
month, an ISO week Monday..Monday, a weekend Saturday..Monday -- Friday 18:00
..Monday for Duckling, whose weekend starts then --, a day, an hour, a minute,
a second).  A TIMEX part of the day (TMO TAF TEV TNI TMI) is bounded as each
source bounds it: Recognizers-Text MO 08-12, AF 12-16, EV 16-20, NI 20-24,
MI 11-13; Duckling (its ZH rules) morning 04-12, afternoon 12-19, evening /
night 18-24, noon the hour 12; JioNLP 上午 07-12; chrono implies an hour
(MO 6, AF 15, MI 12, EV/NI 22), as its casual parser does.  jishi always writes minutes in a clock time (16:00 for
"4時"), so a got clock time with :00 and no seconds is read both as that minute
and as that hour; either reading may match.  A range's interval is [start of
the first, end of the last).  Durations are compared in the canonical form
(months = 12*Y + M, seconds = W*7d + D*86400 + H*3600 + M*60 + S), so PT90M =
PT1H30M = PT5400S and P0.5D = PT12H, but P1M != P30D.

Per source (expected value -> comparison):

  duckling  time:G: expected_value is the start instant in -02:00 (the
            reference's offset) at grain G (second ... year, week = ISO week),
            i.e. the interval [start, start + 1 G); time:interval:G: "s/e", end
            exclusive as in Duckling.  The answer must be a DATE/TIME whose
            interval (one of its readings) is exactly that one.  A clock time
            with an explicit zone (tz, e.g. +01:00 for CET) is moved into the
            reference's offset first; "local" is taken as the reference's
            offset.  Durations (duration:G): ISO 8601, compared canonically
            with a DURATION.  numeral / ordinal rows are out of scope (not time
            expressions; jishi outputs no bare numbers).  Holidays count as
            time:day.
  recognizers_text  expected_value is a TIMEX; alternatives " | " (any may
            match).  P... = a duration (or the period of a set, type set:
            compared with a SET's period).  (a,b,Pn) = a range: when a and b
            are complete dates/times it is the interval [a, b) and jishi's
            range x/y is read both as [x, start of y) and [x, end of y),
            because Recognizers-Text writes "2019年6月1日-6月30日" as
            (2019-06-01,2019-06-30,P29D) (end = the start of the last said day)
            but "今年第一季度" as (2017-01-01,2017-04-01,P3M) (end = the end of
            the period) and the data does not say which a case is; when a or b
            has X parts (no year: upstream does not resolve them), only the
            given parts of each end are compared with the answer's ends.  A
            single complete timex is an interval ([2017-04-01, 2017-05-01) for
            2017-04, RT's day parts MO 08-12, AF 12-16, EV 16-20, NI 20-24,
            MI 11-13, DT 08-18, weekend Sat..Mon), matched by the answer's
            interval (a range answer again read with both ends); a timex with
            X parts (XXXX-XX-29, XXXX-WXX-1, T10) compares only its given parts
            (year, month, day, weekday, hour, minute, second, day part) and its
            precision with the answer (a resolved 2018-01-29 matches
            XXXX-XX-29; a range answer counts when it covers exactly one day,
            ISO week, month or year, or, for a day part, is that day's RT
            hours).  PAST_REF / PRESENT_REF / FUTURE_REF must be given as such.
            A set written as a timex (每周一 = XXXX-WXX-1) is matched only by
            that same string: a SET with just the period is "unconvertible".
            When the resolution carries a Mod, the answer's mod must agree
            (before/until = BEFORE, after/since = AFTER), and an answer with
            BEFORE/AFTER where the case has no Mod is wrong -- unless the
            word that gives it lies after the case's phrase, inside the
            answer (他07 年以前就毕业了: Recognizers-Text's case is the phrase
            "07 年", value 2007 with no Mod, its extraction stopping before
            以前; the value of the phrase is then the one compared).
            Rows whose value is a lunar-calendar date (RT writes 春节 as
            XXXX-01-01 and 中秋 as XXXX-08-15, lunar month-day; isLunar) are out
            of scope.
  jionlp    time_point / time_span: "start/end", inclusive end, second
            precision; -inf / inf for open ends.  The answer becomes
            [start, end - 1 s] of its interval (a DATE 2021-06-08 ->
            2021-06-08 00:00:00/2021-06-08 23:59:59, a month its first/last
            second, a clock time its minute, or hour at :00, or -- as JioNLP
            writes the end of "1点半到3点" -- the instant itself for the end).
            mod BEFORE makes [reference or -inf (when the value has ended
            by the reference), end of the value]; START / END are narrowed
            as JioNLP's time_parser does (a year's 初 = January-February, its
            末/底 = November-December, a quarter's 末 = its last month, a
            century's 初 = its first 20 years), AFTER [start of the value, inf (or the
            reference when the value is past)].  A value with another START /
            MID / END (a month's, 年中) that does not match is "unconvertible":
            JioNLP's rule for it is not known here.  A point N units before /
            after the reference (6个小时前, 17分钟后, 4个星期之后) is written by
            JioNLP's test_time_parser as the one unit next to that instant on
            the far side of the reference (6个小时前 at 07:00 -> 00:00:00/
            01:00:00, 17分钟后 at 07:18 -> 07:35:00/07:36:00); an answer that
            is the instant (a point without mod) matches such a one-minute,
            quarter-hour, hour, day or week window when the phrase ends in
            前 / 后 / 之后 ... and the instant is the window's end (前) or start.  time_delta: JSON
            {unit: n} (or a list of two for a range), units year month day hour
            minute second (+ workday, which no ISO duration expresses:
            unconvertible), compared canonically with a DURATION (or a range of
            two).  time_period: {"delta": {...}, "point": ...}: the delta is
            compared canonically with a SET's period; the point (a first
            occurrence) is not compared, jishi's SET carrying only the period.
            Rows that set ret_future=True run with --future.
  chrono    span_only: the answer's span (pieces combined as above) must have
            exactly the phrase's text (white space at the ends aside).
            date (an asserted expectDate; expectStartDate / expectEndDate
            for a range): the answer's start (and end) must give the same
            year-month-day hh:mm:ss; parts finer than the answer says are taken
            as chrono implies them: seconds and minutes 0, and hour 12 for a
            bare date when the phrase has no clock or noon word (chrono puts a
            bare date at 12:00).  Component rows (day,month,year / hour /
            weekday ... ;end=...): every asserted component of the start (and
            of the end, which then needs a range answer) must be equal, read
            from the answer (weekday from its date, 0 = Sunday; meridiem from
            the hour; timezoneOffset from tz), with the same implied defaults.
            Rows with forwardDate run with --future.

Outcome of a case, per tool: correct; "missed" (no expression);
"partial span" (see above); "wrong value"; "wrong grain" (the answer's interval
and the expected one are nested -- one contains the other -- or the asserted
date parts agree but the time part is absent, or the precision differs where
only parts are compared); "unconvertible" (the answer cannot be put in the
case's convention: a DURATION for an instant, a vague PAST_REF, an X-less
answer type the source has no form for, a workday count ...; the reason is
shown).  An answer left unresolved (X parts) where the case expects a resolved
value is a wrong value.

Out of scope (listed with the reason, counted in no accuracy): numeral /
ordinal rows; rows with no expected value; rows whose reference is (now) /
(none) / empty while the expected value holds a resolved year the phrase does
not say (it would depend on the wall clock); Recognizers-Text
lunar-calendar values; groups of rows with the same input (suite, text, phrase,
reference) but different expected values (Duckling's 國慶 is 10-01 under
zh_CN / zh_HK / zh_MO and 10-10 under zh_TW); rows whose expected value this
script cannot read (listed, so the reader can be extended).

Output: Markdown on stdout (progress on stderr): accuracy per source and per
type (grain_or_type family) for jishi and chrono side by side, outcome counts,
the out-of-scope rows and why, and jishi's failures by category with phrase,
expected and got (15 per category unless --verbose, which also lists chrono's).
--results FILE replaces the section starting with a line "## time" (up to the
next line starting with "## ") of FILE with the tables, date, command line and
versions, or appends it; other sections are left alone.

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import unicodedata
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from typing import Any

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEER_JS = os.path.join(REPO, "bench", "peers", "chrono_time.js")
PEER_PREFIX = os.path.join(REPO, "bench", ".peers", "node")
PEER_MODULES = os.path.join(PEER_PREFIX, "node_modules")

COLUMNS = ("phrase", "expected_value", "grain_or_type", "reference_time", "source",
           "context", "resolved")
SUITES = ("duckling", "recognizers_text", "jionlp", "chrono")
CATEGORIES = ("missed", "partial span", "wrong value", "wrong grain", "unconvertible")
CAP = 15

ONE_S = dt.timedelta(seconds=1)


def log(msg: str) -> None:
    print(f"time_suite: {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- data ----


@dataclass
class Ref:
    raw: str
    jishi: str | None = None          # what goes into the record's "date"
    local: dt.datetime | None = None  # naive local time of the reference
    offset: int | None = None         # minutes east of UTC, None = not given
    partial: bool = False             # JioNLP given= / dict: (filled)


@dataclass
class Row:
    n: int
    phrase: str
    expected: str
    grain: str
    ref_raw: str
    source: str
    context: str
    resolved_raw: str
    suite: str = ""
    options: dict = field(default_factory=dict)
    resolved: Any = None
    text: str = ""
    ps: int = 0
    pe: int = 0
    ref: Ref | None = None
    oos: str | None = None
    exp: Any = None                   # parsed expected value
    family: str = ""

    @property
    def rid(self) -> str:
        return f"r{self.n}"


def parse_ref(raw: str) -> Ref | None:
    s = raw.strip()
    if s in ("", "(now)", "(none)"):
        return None
    ref = Ref(raw=s)
    if s.startswith("dict:"):
        try:
            d = json.loads(s[5:])
        except ValueError:
            raise ValueError(f"unreadable reference {raw!r}")
        vals = [d.get("year"), d.get("month", 1), d.get("day", 1), d.get("hour", 0),
                d.get("minute", 0), d.get("second", 0)]
        if vals[0] is None:
            raise ValueError(f"reference without a year {raw!r}")
        ref.local = dt.datetime(*[int(v) for v in vals])
        ref.partial = set(d) != {"year", "month", "day", "hour", "minute", "second"}
        ref.jishi = ref.local.strftime("%Y-%m-%dT%H:%M:%S")
        return ref
    main, _, extra = s.partition(";")
    if "given=" in extra:
        m = re.search(r"given=\[([^\]]*)\]", extra)
        ref.partial = not m or len([x for x in m.group(1).split(",") if x.strip()]) < 6
    m = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?)?"
                 r"\s*(Z|[+-]\d{2}:?\d{2})?$", main)
    if not m:
        raise ValueError(f"unreadable reference {raw!r}")
    clock = m.group(2) or "00:00:00"
    if len(clock) == 5:
        clock += ":00"
    ref.local = dt.datetime.fromisoformat(f"{m.group(1)}T{clock}")
    z = m.group(3)
    ref.offset = tz_minutes(z) if z else None
    ref.jishi = f"{m.group(1)}T{clock}" + (("Z" if z == "Z" else fmt_offset(ref.offset)) if z else "")
    return ref


def tz_minutes(z: str | None):
    """'+08:00' / '-0530' / 'Z' -> minutes; 'local' -> 'local'; else None."""
    if not z:
        return None
    z = z.strip()
    if z.lower() == "local":
        return "local"
    if z == "Z":
        return 0
    m = re.match(r"^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$", z)
    if not m:
        return None
    v = int(m.group(2)) * 60 + int(m.group(3) or 0)
    return -v if m.group(1) == "-" else v


def fmt_offset(minutes: int | None) -> str:
    if minutes is None:
        return ""
    sign = "-" if minutes < 0 else "+"
    a = abs(minutes)
    return f"{sign}{a // 60:02d}:{a % 60:02d}"


def read_tsv(path: str, notes: list[str]) -> list[Row]:
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8", errors="replace")
    if "\ufffd" in text and b"\xef\xbf\xbd" not in raw:
        notes.append("invalid UTF-8 replaced by U+FFFD")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines()
    rows: list[Row] = []
    bad = 0
    start = 1 if lines and lines[0].split("\t")[0].strip() == "phrase" else 0
    for line in lines[start:]:
        if not line.strip():
            continue
        f = line.split("\t")
        if len(f) != len(COLUMNS):
            bad += 1
            if len(f) < len(COLUMNS):
                f += [""] * (len(COLUMNS) - len(f))
            else:
                f = f[:len(COLUMNS) - 1] + ["\t".join(f[len(COLUMNS) - 1:])]
        rows.append(Row(len(rows) + 1, *f))
    if bad:
        notes.append(f"{bad} lines without exactly {len(COLUMNS)} fields (padded / joined)")
    return rows


def prepare(row: Row, notes: list[str]) -> None:
    src, _, opts = row.source.partition(";")
    row.suite = src.split("@")[0].strip().lower().replace("-", "_")
    for o in opts.split(";") if opts else []:
        k, eq, v = o.partition("=")
        row.options[k.strip()] = v.strip() if eq else True
    if row.resolved_raw.strip():
        try:
            row.resolved = json.loads(row.resolved_raw)
        except ValueError:
            row.resolved = None
    row.text = row.context if row.context else row.phrase
    row.ps, row.pe, note = locate(row.phrase, row.text)
    if note:
        notes.append(f"{row.rid} ({row.phrase!r}): {note}")
    try:
        row.ref = parse_ref(row.ref_raw)
    except ValueError as e:
        row.ref = None
        row.oos = f"unreadable reference time: {e}"
    row.family = family(row)


def family(row: Row) -> str:
    g = row.grain
    if row.suite == "duckling":
        if g.startswith("duration"):
            return "duration"
        if g in ("numeral", "ordinal") or not g:
            return g or "(none)"
        parts = g.split(":")
        hol = any(p.startswith("holiday=") for p in parts)
        base = ":".join(p for p in parts if not p.startswith("holiday="))
        return base + (" (holiday)" if hol else "")
    if row.suite == "recognizers_text":
        return "rt:" + g.split(":", 1)[-1].replace("datetimeV2.", "")
    if row.suite == "jionlp":
        p = g.split(":")
        return "jio:" + (p[1] if len(p) > 1 else g)
    if row.suite == "chrono":
        spec = g.split(":", 2)[-1]
        if spec == "span_only":
            return "chrono:span_only"
        if spec == "date":
            return "chrono:date (expectDate)"
        return "chrono:range" if "end=" in spec else "chrono:components"
    return g


def fold_char(ch: str) -> str:
    n = unicodedata.normalize("NFKC", ch)
    return n if len(n) == 1 else ch


def locate(phrase: str, text: str) -> tuple[int, int, str | None]:
    if not phrase:
        return 0, len(text), "empty phrase; whole text used"
    i = text.find(phrase)
    if i >= 0:
        return i, i + len(phrase), None
    ft = "".join(fold_char(c) for c in text)
    fp = "".join(fold_char(c) for c in phrase)
    i = ft.find(fp)
    if i >= 0:
        return i, i + len(fp), "phrase found in the context only after NFKC folding"
    core = [c for c in fp if not c.isspace()]
    if core:
        m = re.search(r"\s*".join(re.escape(c) for c in core), ft)
        if m:
            return m.start(), m.end(), "phrase found in the context only ignoring white space"
    return 0, len(text), "phrase not found in the context; whole text used"


# ---------------------------------------------------------- value model ----

POINT_RE = re.compile(r"""^
  (?P<y>\d{4}|XXXX)?
  (?:-(?:
        W(?P<wk>\d{2}|XX)(?:-(?P<wd>[1-7]))?(?P<we>-WE)?
      | Q(?P<q>[1-4])
      | H(?P<half>[12])
      | (?P<season>SP|SU|FA|WI)
      | (?P<mo>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?
  ))?
  (?:T(?:(?P<h>\d{2}|XX)(?::(?P<mi>\d{2}|XX)(?::(?P<s>\d{2})(?:\.\d+)?)?)?
        |(?P<dp>MO|AF|EV|NI|MI|DT)))?
  (?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?
$""", re.X)

DUR_RE = re.compile(r"^P(?!$)(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?"
                    r"(?:(?P<W>\d+(?:\.\d+)?)W)?(?:(?P<D>\d+(?:\.\d+)?)D)?"
                    r"(?:T(?=\d)(?:(?P<H>\d+(?:\.\d+)?)H)?(?:(?P<MI>\d+(?:\.\d+)?)M)?"
                    r"(?:(?P<S>\d+(?:\.\d+)?)S)?)?$")

VAGUE = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
PREC_ORDER = ("year", "half", "quarter", "season", "month", "week", "weekend", "day",
              "daypart", "hour", "minute", "second")
RT_DAYPARTS = {"MO": (8, 12), "AF": (12, 16), "EV": (16, 20), "NI": (20, 24),
               "MI": (11, 13), "DT": (8, 18)}
# A TIMEX day part as each source bounds it (hours [a, b)): Recognizers-Text's
# own; Duckling's ZH rules (morning 早上/早晨 04-12, afternoon 下午/晏晝 12-19,
# evening / night 晚上/今晚 18-24, noon 中午 the hour 12); JioNLP's (上午
# 07:00-11:59:59).  chrono implies an hour instead (CHRONO_DAYPART_HOUR).
DAYPARTS = {
    "rt": RT_DAYPARTS,
    "duckling": {"MO": (4, 12), "AF": (12, 19), "EV": (18, 24), "NI": (18, 24),
                 "MI": (12, 13)},
    "jionlp": {"MO": (7, 12)},
}
CHRONO_DAYPART_HOUR = {"MO": 6, "AF": 15, "MI": 12, "EV": 22, "NI": 22}


@dataclass
class Point:
    y: int | None = None
    mo: int | None = None
    d: int | None = None
    wk: int | None = None
    wd: int | None = None          # ISO 1 = Monday .. 7 = Sunday
    we: bool = False
    q: int | None = None
    half: int | None = None
    season: str | None = None
    dp: str | None = None
    h: int | None = None
    mi: int | None = None
    s: int | None = None
    tz: Any = None                 # minutes, "local" or None
    xs: bool = False               # some part written X
    raw: str = ""
    years: int = 1                 # a TIMEX century (19: 100) or decade (197: 10)

    @property
    def prec(self) -> str:
        if self.s is not None:
            return "second"
        if self.mi is not None:
            return "minute"
        if self.h is not None:
            return "hour"
        if self.dp:
            return "daypart"
        if self.d is not None or self.wd is not None:
            return "day"
        if self.we:
            return "weekend"
        if self.wk is not None:
            return "week"
        if self.mo is not None:
            return "month"
        if self.season:
            return "season"
        if self.q is not None:
            return "quarter"
        if self.half is not None:
            return "half"
        return "year"

    def date(self) -> dt.date | None:
        try:
            if self.y is not None and self.mo is not None and self.d is not None:
                return dt.date(self.y, self.mo, self.d)
            if self.y is not None and self.wk is not None and self.wd is not None:
                return dt.date.fromisocalendar(self.y, self.wk, self.wd)
        except ValueError:
            return None
        return None

    def has_time(self) -> bool:
        return self.h is not None


@dataclass
class Value:
    kind: str                      # point range dur durrange set vague raw
    a: Any = None                  # Point | canon tuple
    b: Any = None
    raw: str = ""


def parse_point(s: str) -> Point | None:
    cm = re.fullmatch(r"(\d{2,3})", s.strip())
    if cm:   # TIMEX3 century (19 = 1900-1999) or decade (197 = 1970-1979)
        n = int(cm.group(1))
        return Point(y=n * (100 if len(cm.group(1)) == 2 else 10),
                     years=100 if len(cm.group(1)) == 2 else 10, raw=s)
    m = POINT_RE.match(s.strip())
    if not m or not any(m.group(k) for k in ("y", "wk", "wd", "we", "q", "half", "season",
                                              "mo", "d", "h", "dp")):
        return None
    p = Point(raw=s)

    def num(k):
        v = m.group(k)
        if v is None:
            return None
        if "X" in v:
            p.xs = True
            return None
        return int(v)

    p.y, p.mo, p.d, p.wk = num("y"), num("mo"), num("d"), num("wk")
    p.wd, p.q, p.half = num("wd"), num("q"), num("half")
    p.h, p.mi, p.s = num("h"), num("mi"), num("s")
    p.we = bool(m.group("we"))
    p.season, p.dp = m.group("season"), m.group("dp")
    if m.group("tz"):
        p.tz = tz_minutes(m.group("tz"))
    if p.mo is not None and not 1 <= p.mo <= 12 or p.d is not None and not 1 <= p.d <= 31:
        return None
    return p


def canon_dur(s: str):
    m = DUR_RE.match(s.strip())
    if not m:
        return None
    g = {k: float(v) if v else 0.0 for k, v in m.groupdict().items()}
    return (12 * g["Y"] + g["M"],
            g["W"] * 604800 + g["D"] * 86400 + g["H"] * 3600 + g["MI"] * 60 + g["S"], 0.0)


def canon_eq(x, y) -> bool:
    return x is not None and y is not None and all(abs(a - b) < 1e-6 for a, b in zip(x, y))


def show_canon(c) -> str:
    if c is None:
        return "?"
    mo, se, wd = c
    parts = []
    if mo:
        parts.append(f"{mo:g} months")
    if se:
        parts.append(f"{se:g} s")
    if wd:
        parts.append(f"{wd:g} workdays")
    return " + ".join(parts) or "0"


def complete_end(a: str, b: str) -> str:
    """2025-08-23/25 -> 2025-08-25; 2025-08-23T10:00/T12:00 -> ...T12:00."""
    if b.startswith("T"):
        return a.split("T")[0] + b
    if re.fullmatch(r"\d{2}", b) and re.match(r"^\d{4}-\d{2}-\d{2}", a):
        return a[:8] + b
    if re.fullmatch(r"\d{2}-\d{2}", b) and re.match(r"^\d{4}-", a):
        return a[:5] + b
    return b


def parse_value(typ: str | None, value: Any, tz_field: Any = None) -> Value:
    """jishi's (type, value, tz) -> Value."""
    if not isinstance(value, str) or not value.strip():
        return Value("raw", raw=str(value))
    v = value.strip()
    typ = (typ or "").upper()
    if v in VAGUE:
        return Value("vague", raw=v)
    tz = tz_minutes(tz_field) if isinstance(tz_field, str) else None
    if typ in ("DURATION", "SET") or (v.startswith("P") and "/" not in v and DUR_RE.match(v)):
        parts = v.split("/")
        cs = [canon_dur(x) for x in parts]
        if all(c is not None for c in cs):
            if typ == "SET":
                return Value("set", cs[0], raw=v) if len(cs) == 1 else Value("raw", raw=v)
            if len(cs) == 1:
                return Value("dur", cs[0], raw=v)
            if len(cs) == 2:
                return Value("durrange", cs[0], cs[1], raw=v)
        return Value("raw", raw=v)
    if "/" in v:
        x, _, y = v.partition("/")
        pa, pb = parse_point(x), parse_point(complete_end(x, y))
        if pa and pb:
            for p in (pa, pb):
                if p.tz is None:
                    p.tz = tz
            return Value("range", pa, pb, raw=v)
        return Value("raw", raw=v)
    p = parse_point(v)
    if not p:
        return Value("raw", raw=v)
    if p.tz is None:
        p.tz = tz
    return Value("point", p, raw=v)


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, 1)


def intervals(p: Point, conv: str = "", ambiguous: bool = False) -> list | None:
    """[(start, end)] naive datetimes of a complete point, or None."""
    pr = p.prec
    try:
        if pr in ("second", "minute", "hour", "daypart", "day"):
            base = p.date()
            if base is None:
                return None
            day0 = dt.datetime.combine(base, dt.time())
            if pr == "day":
                return [(day0, day0 + dt.timedelta(days=1))]
            if pr == "daypart":
                if p.dp not in DAYPARTS.get(conv, {}):
                    return None
                a, b = DAYPARTS[conv][p.dp]
                return [(day0 + dt.timedelta(hours=a), day0 + dt.timedelta(hours=b))]
            st = day0 + dt.timedelta(hours=p.h, minutes=p.mi or 0, seconds=p.s or 0)
            unit = {"second": ONE_S, "minute": dt.timedelta(minutes=1),
                    "hour": dt.timedelta(hours=1)}[pr]
            out = [(st, st + unit)]
            if ambiguous and pr == "minute" and p.mi == 0:
                out.append((st, st + dt.timedelta(hours=1)))
            return out
        if p.y is None:
            return None
        if pr == "weekend":
            if p.wk is None:
                return None
            s = dt.datetime.combine(dt.date.fromisocalendar(p.y, p.wk, 6), dt.time())
            if conv == "duckling":   # Duckling's weekend: Friday 18:00 to Monday
                return [(s - dt.timedelta(hours=6), s + dt.timedelta(days=2))]
            return [(s, s + dt.timedelta(days=2))]
        if pr == "week":
            s = dt.datetime.combine(dt.date.fromisocalendar(p.y, p.wk, 1), dt.time())
            return [(s, s + dt.timedelta(days=7))]
        if pr in ("month", "quarter", "half", "year"):
            first, n = {"month": (p.mo, 1), "quarter": ((p.q or 1) * 3 - 2, 3),
                        "half": ((p.half or 1) * 6 - 5, 6), "year": (1, 12 * p.years)}[pr]
            if first is None:
                return None
            s = dt.date(p.y, first, 1)
            return [(dt.datetime.combine(s, dt.time()),
                     dt.datetime.combine(add_months(s, n), dt.time()))]
    except (ValueError, OverflowError, TypeError):
        return None
    return None   # season: no fixed interval


def shift_tz(ivs, p: Point, ref: Ref | None):
    """Move a zoned clock time into the reference's offset (Duckling)."""
    if not ivs or not p.has_time() or ref is None or ref.offset is None:
        return ivs
    if not isinstance(p.tz, int) or p.tz == ref.offset:
        return ivs
    delta = dt.timedelta(minutes=ref.offset - p.tz)
    return [(s + delta, e + delta) for s, e in ivs]


def show_dt(x) -> str:
    if isinstance(x, str):
        return x
    return x.strftime("%Y-%m-%dT%H:%M:%S")


# ------------------------------------------------------------ expected ----


class Unreadable(Exception):
    pass


LUNAR_RE = re.compile(r"农历|農曆|阴历|陰曆|正月|腊月|臘月|冬月|初[一二三四五六七八九十]|大年|春节|春節"
                      r"|中秋|端午|元宵|七夕|重阳|重陽|除夕|腊八|臘八|寒食")
YEAR_SAID_RE = re.compile(r"\d{4}|\d{2}\s*年|[〇零一二三四五六七八九]{2,4}\s*年"
                          r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}|民國|民国")
CLOCK_RE = re.compile(r"[点點时時:：]|中午|正午|晏晝|晌午|noon|[ap]\.?m\b", re.I)


def parse_iso_dt(s: str, ref: Ref | None) -> dt.datetime:
    d = dt.datetime.fromisoformat(s.strip().replace(" ", "T"))
    if d.tzinfo is not None:
        if ref is not None and ref.offset is not None:
            d = d.astimezone(dt.timezone(dt.timedelta(minutes=ref.offset)))
        d = d.replace(tzinfo=None)
    return d


DUCK_UNITS = {"second": ONE_S, "minute": dt.timedelta(minutes=1), "hour": dt.timedelta(hours=1),
              "day": dt.timedelta(days=1), "week": dt.timedelta(days=7)}


def duck_end(start: dt.datetime, grain: str) -> dt.datetime:
    if grain in DUCK_UNITS:
        return start + DUCK_UNITS[grain]
    n = {"month": 1, "quarter": 3, "year": 12}[grain]
    return dt.datetime.combine(add_months(start.date(), n), start.time())


def duck_floor(t: dt.datetime, grain: str) -> dt.datetime:
    """The start of the grain-long cycle holding t."""
    if grain in ("second", "minute", "hour"):
        return t.replace(microsecond=0, **{"second": {"second": t.second}, "minute": {"second": 0},
                                            "hour": {"second": 0, "minute": 0}}[grain])
    d = dt.datetime.combine(t.date(), dt.time())
    if grain == "week":
        return d - dt.timedelta(days=d.weekday())
    if grain in ("month", "quarter", "year"):
        m = {"month": d.month, "quarter": (d.month - 1) // 3 * 3 + 1, "year": 1}[grain]
        return d.replace(month=m, day=1)
    return d


def duck_cycles(rs, grain: str, ref: dt.datetime) -> list:
    """Duckling reads `<n> <cycle> 前` and `<n> <cycle> 後` as the n whole cycles
    up to now and from the next one on (its ZH rules "n <cycle> last" / "n
    <cycle> next", cycleN), where jishi gives the point n cycles away.  A point
    answer to a time:interval:G row before (after) the reference is read as the
    G-cycles from its own one up to the reference's (from the one after the
    reference's through its own)."""
    out = []
    now = duck_floor(ref, grain)
    for s, _ in rs:
        c = duck_floor(s, grain)
        if c < now:
            out.append((c, now))
        elif c > now:
            out.append((duck_end(now, grain), duck_end(c, grain)))
    return out


def expected_duckling(row: Row):
    parts = [p for p in row.grain.split(":") if not p.startswith("holiday=")]
    if parts[0] == "duration":
        c = canon_dur(row.expected)
        if c is None:
            raise Unreadable(f"duration {row.expected!r}")
        return {"kind": "dur", "canon": c}
    if parts[0] != "time":
        raise Unreadable(f"type {row.grain!r}")
    grain = parts[-1]
    if grain not in DUCK_UNITS and grain not in ("month", "quarter", "year"):
        raise Unreadable(f"grain {grain!r}")
    try:
        if len(parts) >= 3 and parts[1] == "interval":
            s, _, e = row.expected.partition("/")
            return {"kind": "time", "iv": (parse_iso_dt(s, row.ref), parse_iso_dt(e, row.ref)),
                    "grain": grain, "interval": True}
        s = parse_iso_dt(row.expected, row.ref)
    except ValueError as e:
        raise Unreadable(str(e))
    return {"kind": "time", "iv": (s, duck_end(s, grain)), "grain": grain, "interval": False}


def parse_timex(t: str, is_set: bool):
    t = t.strip()
    if t in VAGUE:
        return ("vague", None, None, t)
    if is_set and not t.startswith("P"):
        return ("setraw", None, None, t)
    if t.startswith("(") and t.endswith(")"):
        inner = t[1:-1].split(",")
        if len(inner) != 3:
            raise Unreadable(f"range timex {t!r}")
        pa, pb = parse_point(inner[0]), parse_point(inner[1])
        if not pa or not pb:
            raise Unreadable(f"range timex {t!r}")
        return ("range", pa, pb, t)
    if t.startswith("P"):
        c = canon_dur(t)
        if c is None:
            raise Unreadable(f"duration timex {t!r}")
        return ("set" if is_set else "dur", c, None, t)
    p = parse_point(t)
    if not p:
        raise Unreadable(f"timex {t!r}")
    return ("point", p, None, t)


def rt_mod(row: Row) -> str | None:
    mods = set()
    res = row.resolved
    items = res if isinstance(res, list) else [res] if isinstance(res, dict) else []
    for it in items:
        if isinstance(it, dict) and isinstance(it.get("Mod"), str):
            mods.add(it["Mod"].lower())
    if mods & {"before", "until"}:
        return "BEFORE"
    if mods & {"after", "since"}:
        return "AFTER"
    return None


def expected_rt(row: Row):
    if not row.expected.strip():
        raise Unreadable("empty")
    is_set = row.grain.endswith("set")
    alts = [parse_timex(a, is_set) for a in row.expected.split(" | ") if a.strip()]
    return {"alts": alts, "mod": rt_mod(row)}


def jio_dt(s: str):
    s = s.strip()
    if s in ("inf", "-inf"):
        return s
    return dt.datetime.fromisoformat(s.replace(" ", "T"))


def jio_canon(d: dict):
    if not isinstance(d, dict) or not d:
        raise Unreadable(f"delta {d!r}")
    known = {"year", "month", "day", "hour", "minute", "second", "workday"}
    if set(d) - known:
        raise Unreadable(f"delta units {sorted(set(d) - known)}")
    f = {k: float(v) for k, v in d.items()}
    return (12 * f.get("year", 0) + f.get("month", 0),
            f.get("day", 0) * 86400 + f.get("hour", 0) * 3600 + f.get("minute", 0) * 60
            + f.get("second", 0), f.get("workday", 0))


def expected_jionlp(row: Row):
    kind = row.grain.split(":")[1] if ":" in row.grain else ""
    try:
        if kind in ("time_point", "time_span"):
            s, _, e = row.expected.partition("/")
            return {"kind": "span", "start": jio_dt(s), "end": jio_dt(e)}
        if kind == "time_delta":
            v = json.loads(row.expected)
            if isinstance(v, list):
                if len(v) != 2:
                    raise Unreadable("delta list")
                return {"kind": "delta", "vals": [jio_canon(v[0]), jio_canon(v[1])]}
            return {"kind": "delta", "vals": [jio_canon(v)]}
        if kind == "time_period":
            v = json.loads(row.expected)
            return {"kind": "period", "canon": jio_canon(v.get("delta")),
                    "point": v.get("point") is not None}
    except (ValueError, AttributeError, TypeError) as e:
        raise Unreadable(str(e))
    raise Unreadable(f"type {row.grain!r}")


CHRONO_COMPS = ("year", "month", "day", "weekday", "hour", "minute", "second", "millisecond",
                "meridiem", "timezoneOffset")


def expected_chrono(row: Row):
    spec = row.grain.split(":", 2)[-1]
    res = row.resolved if isinstance(row.resolved, dict) else {}
    if spec == "span_only":
        return {"kind": "span_only"}
    dates = res.get("dates") or {}
    start = res.get("start") or {}
    end = res.get("end") or {}
    if spec.split(";")[0] == "date" or (not start and (dates.get("expectDate")
                                                         or dates.get("expectStartDate"))):
        d = dates.get("expectDate") or dates.get("expectStartDate") or row.expected.split("/")[0]
        e = dates.get("expectEndDate")
        if not d:
            raise Unreadable("no expectDate")
        try:
            return {"kind": "date", "inst": dt.datetime.fromisoformat(d),
                    "end": dt.datetime.fromisoformat(e) if e else None}
        except ValueError as e:
            raise Unreadable(str(e))
    if not start:
        raise Unreadable("no asserted components")
    for c in list(start) + list(end):
        if c not in CHRONO_COMPS:
            raise Unreadable(f"component {c!r}")
    return {"kind": "comps", "start": start, "end": end}


EXPECTED = {"duckling": expected_duckling, "recognizers_text": expected_rt,
            "jionlp": expected_jionlp, "chrono": expected_chrono}


def has_resolved_year(row: Row) -> bool:
    e = row.exp
    if row.suite == "duckling":
        return e["kind"] == "time"
    if row.suite == "recognizers_text":
        return any(k in ("point", "range") and (a.y is not None or (b is not None and b.y is not None))
                   for k, a, b, _ in e["alts"])
    if row.suite == "jionlp":
        return e["kind"] == "span"
    if row.suite == "chrono":
        return e["kind"] == "date" or "year" in e.get("start", {}) or "year" in e.get("end", {})
    return False


def decide_scope(rows: list[Row]) -> None:
    for row in rows:
        if row.oos:
            continue
        if row.suite not in SUITES:
            row.oos = f"unknown source suite {row.suite!r}"
            continue
        if row.suite == "duckling" and row.grain in ("numeral", "ordinal"):
            row.oos = "numeral / ordinal: not a time expression (jishi outputs no bare numbers)"
            continue
        if not row.expected.strip() and not (row.suite == "chrono" and isinstance(row.resolved, dict)
                                             and ((row.resolved.get("start") or {})
                                                  or "span_only" in row.grain)):
            row.oos = "no expected value in the data"
            continue
        try:
            row.exp = EXPECTED[row.suite](row)
        except Unreadable as e:
            row.oos = f"expected value not read by this script: {e}"
            continue
        if row.suite == "recognizers_text":
            lunar = isinstance(row.resolved, (list, dict)) and "isLunar" in json.dumps(row.resolved)
            if lunar or (LUNAR_RE.search(row.phrase)
                         and any(k in ("point", "range") for k, *_ in row.exp["alts"])):
                row.oos = "Recognizers-Text lunar-calendar date (lunar month-day, not Gregorian)"
                continue
        if row.ref is None and has_resolved_year(row) and not YEAR_SAID_RE.search(row.phrase):
            row.oos = ("reference (now)/(none) but the expected value holds a year the phrase "
                       "does not say: depends on the wall clock")
            continue
    groups = defaultdict(list)
    for row in rows:
        if not row.oos:
            groups[(row.suite, row.text, row.phrase, row.ref_raw)].append(row)
    for key, g in groups.items():
        vals = {r.expected for r in g}
        if len(vals) > 1:
            opts = sorted({";".join(f"{k}={v}" for k, v in r.options.items()
                                    if k != "not_supported_in") or r.source.split(";")[0]
                           for r in g})
            for r in g:
                r.oos = ("conflicting expected values for the same input ("
                         + ", ".join(sorted(vals)) + " under " + ", ".join(opts) + ")")


# ---------------------------------------------------------- expressions ----


@dataclass
class Expr:
    s: int
    e: int
    text: str
    type: str
    value: Any
    mod: Any = None
    tz: Any = None
    anchor: Any = None


@dataclass
class Sel:
    pieces: list
    val: Value
    type: str
    mod: Any
    s: int
    e: int
    shown: str
    cover: set = field(default_factory=set)   # positions found: all overlapping
    #                                           expressions and the joiners between them


CONNECTOR_RE = re.compile(r"^\s*(?:到|至|-|–|—|－|~|～|〜|ー|——|和|與|与|及|跟)\s*$")
JOINER_RE = re.compile(r"^[\s,，、的]*$")


def exprs_from_jishi(rec: dict, text: str, notes: Counter) -> list[Expr]:
    out = []
    for t in rec.get("times") or []:
        try:
            s, e = int(t["span"][0]), int(t["span"][1])
        except (KeyError, TypeError, ValueError, IndexError):
            notes["time without a readable span"] += 1
            continue
        ttext = t.get("text") if isinstance(t.get("text"), str) else text[s:e]
        if text[s:e] != ttext and ttext:
            i = best_find(text, ttext, s)
            if i is None:
                notes["time whose text is not at its span (span kept)"] += 1
            else:
                s, e = i, i + len(ttext)
                notes["time whose text is elsewhere than its span (moved)"] += 1
        out.append(Expr(s, e, ttext, str(t.get("type") or ""), t.get("value"), t.get("mod"),
                        t.get("tz"), t.get("anchor")))
    return out


def best_find(text: str, sub: str, near: int) -> int | None:
    hits = [m.start() for m in re.finditer(re.escape(sub), text)]
    return min(hits, key=lambda i: abs(i - near)) if hits else None


def chrono_point_value(c: dict) -> tuple[str, str, Any]:
    k = c.get("known") or {}
    g = dict(c.get("implied") or {})
    g.update(k)
    y, mo, d = g.get("year"), g.get("month"), g.get("day")
    tz = k.get("timezoneOffset")
    tzs = fmt_offset(int(tz)) if isinstance(tz, (int, float)) else None
    if y is None:
        return "raw", "", tzs
    if "hour" in k and mo is not None and d is not None:
        v = f"{y:04d}-{mo:02d}-{d:02d}T{g['hour']:02d}:{int(g.get('minute') or 0):02d}"
        if "second" in k:
            v += f":{int(k['second']):02d}"
        return "TIME", v, tzs
    if ("day" in k or "weekday" in k) and mo is not None and d is not None:
        return "DATE", f"{y:04d}-{mo:02d}-{d:02d}", tzs
    if "month" in k and mo is not None:
        return "DATE", f"{y:04d}-{mo:02d}", tzs
    if "year" in k:
        return "DATE", f"{y:04d}", tzs
    if mo is not None and d is not None:
        return "DATE", f"{y:04d}-{mo:02d}-{d:02d}", tzs
    return "raw", "", tzs


def exprs_from_chrono(rec: dict) -> list[Expr]:
    out = []
    for r in rec.get("results") or []:
        try:
            s, n = int(r["index"]), int(r["length"])
        except (KeyError, TypeError, ValueError):
            continue
        t1, v1, tz = chrono_point_value(r.get("start") or {})
        typ, val = t1, v1
        if r.get("end"):
            t2, v2, _ = chrono_point_value(r["end"])
            if v1 and v2:
                typ = "TIME" if "TIME" in (t1, t2) else "DATE"
                val = f"{v1}/{v2}"
        out.append(Expr(s, s + n, r.get("text") or "", typ, val, None, tz, "chrono"))
    return out


def merge_points(points: list[Point]) -> Point | None:
    """One value said in parts (date, then clock time) -> one point, or None
    when the parts disagree (the caller then keeps the longest piece)."""
    acc = points[0]
    for p in points[1:]:
        ia, ip = PREC_ORDER.index(acc.prec), PREC_ORDER.index(p.prec)
        if ip <= ia:
            # not finer: fine only if it says nothing new (same or enclosing)
            iv_a, iv_p = intervals(acc), intervals(p)
            if p.raw == acc.raw or (iv_a and iv_p and iv_p[0][0] <= iv_a[0][0]
                                    and iv_a[0][1] <= iv_p[0][1]):
                continue
            return None
        q = Point(**{k: getattr(acc, k) for k in acc.__dataclass_fields__})
        if ia < PREC_ORDER.index("day"):
            # acc is coarser than a day: p must give a day inside it
            d = p.date()
            iv_a = intervals(acc)
            if d is not None and iv_a and iv_a[0][0] <= dt.datetime.combine(d, dt.time()) < iv_a[0][1]:
                q.mo, q.d, q.wk, q.wd, q.we = d.month, d.day, None, None, False
            elif p.y is None and p.d is not None and (p.mo is None or acc.mo in (None, p.mo)):
                q.mo, q.d = (acc.mo if acc.mo is not None else p.mo), p.d
                q.wk, q.wd, q.we = None, None, False
            elif p.date() is None and p.d is None and p.wd is None and ip > PREC_ORDER.index("day"):
                return None     # a clock time on a month or a year: not one day
            else:
                return None
        if p.dp:
            q.dp = p.dp
        if p.h is not None:
            q.h, q.mi, q.s, q.dp = p.h, p.mi, p.s, None
        q.tz = acc.tz if acc.tz is not None else p.tz
        q.xs = acc.xs or p.xs
        q.raw = f"{acc.raw}+{p.raw}"
        acc = q
    return acc


def build_sel(pieces: list[Expr], val: Value, shown: str) -> Sel:
    typ = "TIME" if any(x.type == "TIME" for x in pieces) else pieces[0].type
    mod = next((x.mod for x in pieces if x.mod), None)
    return Sel(pieces, val, typ, mod, min(x.s for x in pieces), max(x.e for x in pieces), shown)


def select(exprs: list[Expr], ps: int, pe: int, text: str) -> Sel | None:
    ov = [x for x in exprs if min(x.e, pe) - max(x.s, ps) > 0]
    if not ov:
        return None
    ov.sort(key=lambda x: (x.s, x.e))
    sel = _select(ov, ps, pe, text)
    for x in ov:
        sel.cover.update(range(x.s, x.e))
    for a, b in zip(ov, ov[1:]):
        if b.s > a.e and (JOINER_RE.match(text[a.e:b.s]) or CONNECTOR_RE.match(text[a.e:b.s])):
            sel.cover.update(range(a.e, b.s))
    return sel


def _select(ov: list[Expr], ps: int, pe: int, text: str) -> Sel:
    vals = [parse_value(x.type, x.value, x.tz) for x in ov]

    def single(i: int) -> Sel:
        x = ov[i]
        return build_sel([x], vals[i], f"{x.type} {x.value}" + (f" mod={x.mod}" if x.mod else "")
                         + (f" tz={x.tz}" if x.tz else ""))

    best = max(range(len(ov)), key=lambda i: (min(ov[i].e, pe) - max(ov[i].s, ps),
                                             ov[i].e - ov[i].s, -i))
    if len(ov) == 1:
        return single(0)
    if any(b.s < a.e for a, b in zip(ov, ov[1:])):
        return single(best)
    groups: list[list[int]] = [[0]]
    for i in range(1, len(ov)):
        gap = text[ov[i - 1].e:ov[i].s]
        if JOINER_RE.match(gap):
            groups[-1].append(i)
        elif CONNECTOR_RE.match(gap):
            groups.append([i])
        else:
            return single(best)
    if len(groups) > 2:
        return single(best)
    merged = []
    for g in groups:
        if len(g) == 1:
            merged.append(vals[g[0]])
            continue
        if not all(ov[i].type in ("DATE", "TIME") for i in g):
            return single(best)
        head = [vals[i].a for i in g[:-1]]
        last = vals[g[-1]]
        if all(vals[i].kind == "point" for i in g[:-1]) and last.kind == "range":
            # a date, then a range on it (2014年, 3月5日6点至7点): both ends
            pa, pb = merge_points(head + [last.a]), merge_points(head + [last.b])
            if pa is None or pb is None:
                return single(best)
            merged.append(Value("range", pa, pb))
            continue
        if not all(vals[i].kind == "point" for i in g):
            return single(best)
        mp = merge_points([vals[i].a for i in g])
        if mp is None:
            return single(best)
        merged.append(Value("point", mp))
    shown = " + ".join(f"{ov[i].type} {ov[i].value}" + (f" mod={ov[i].mod}" if ov[i].mod else "")
                       for i in range(len(ov)))
    if len(merged) == 1:
        return build_sel(ov, merged[0], shown + " (merged)")
    m1, m2 = merged
    if m1.kind in ("point", "range") and m2.kind in ("point", "range"):
        a = m1.a
        b = m2.b if m2.kind == "range" else m2.a
        return build_sel(ov, Value("range", a, b), shown + " (as a range)")
    if m1.kind == "dur" and m2.kind == "dur":
        return build_sel(ov, Value("durrange", m1.a, m2.a), shown + " (as a range)")
    return single(best)


FRAME_LEFT_RE = re.compile(r"^(?:自從|自从|從|从|自|由|於|于|在)")
FRAME_RIGHT_RE = re.compile(r"(?:為止|为止|止|之間|之间|期間|期间|間|间|的)$")


def core_positions(text: str, s: int, e: int) -> set[int]:
    """Letters of text[s:e] an answer must cover: not white space or punctuation,
    nor a framing preposition at the edges (从 / 自 / 在 ... 止 / 之间 / 的)."""
    keep = [i for i in range(s, e)
            if not text[i].isspace()
            and not unicodedata.category(text[i]).startswith(("P", "Z", "S"))]
    core = "".join(text[i] for i in keep)
    m = FRAME_LEFT_RE.match(core)
    lo = m.end() if m and m.end() < len(core) else 0
    m = FRAME_RIGHT_RE.search(core[lo:])
    hi = lo + m.start() if m and m.start() > 0 else len(core)
    return set(keep[lo:hi])


def is_partial(sel: Sel, row: Row) -> bool:
    """Does a letter of the phrase lie outside every expression found there?"""
    return bool(core_positions(row.text, row.ps, row.pe) - sel.cover)


# ---------------------------------------------------------- comparison ----

OK, WV, WG, UC = "ok", "wrong value", "wrong grain", "unconvertible"


def nested(a, b) -> bool:
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def point_or_range(val: Value):
    if val.kind == "point":
        return val.a, val.a
    if val.kind == "range":
        return val.a, val.b
    return None


def type_problem(val: Value, want: str) -> tuple[str, str] | None:
    """(status, detail) when val is not of the wanted kind ('time'/'dur'/'set')."""
    if val.kind == "vague":
        return UC, f"vague {val.raw} has no {('instant' if want == 'time' else want)}"
    if val.kind == "raw":
        return UC, f"value {val.raw!r} not understood"
    if want == "time" and val.kind in ("dur", "durrange", "set"):
        return UC, f"{val.kind.replace('durrange', 'duration range')} {val.raw} is not an instant"
    if want == "dur" and val.kind not in ("dur", "durrange"):
        return (UC, f"{val.kind} {val.raw} is not a duration") if val.kind != "set" else \
            (WV, f"SET {val.raw}, not a duration")
    if want == "set" and val.kind != "set":
        if val.kind in ("dur", "durrange"):
            return WV, f"DURATION {val.raw}, not a SET"
        return UC, f"{val.kind} {val.raw} is not a set"
    return None


def readings(val: Value, conv: str, ref: Ref | None, end_modes=("end",), zone=False):
    """Candidate [start, end) intervals of a point/range value, or None."""
    pr = point_or_range(val)
    if pr is None:
        return None
    a, b = pr
    ia = intervals(a, conv, ambiguous=True)
    ib = intervals(b, conv, ambiguous=True)
    if not ia or not ib:
        return None
    if zone:
        ia, ib = shift_tz(ia, a, ref), shift_tz(ib, b, ref)
    if val.kind == "point":
        end_modes = ("end",)     # "start of the end" only means something in a range
    out = []
    for (s, _), (bs, be) in itertools.product(ia, ib):
        for mode in end_modes:
            out.append((s, be if mode == "end" else bs))
    return list(dict.fromkeys(out))


def compare_duckling(row: Row, sel: Sel):
    exp = row.exp
    val = sel.val
    if exp["kind"] == "dur":
        tp = type_problem(val, "dur")
        if tp:
            return tp
        if val.kind != "dur":
            return WV, "a range of durations"
        return (OK, "") if canon_eq(val.a, exp["canon"]) else \
            (WV, f"{show_canon(val.a)} vs {show_canon(exp['canon'])}")
    tp = type_problem(val, "time")
    if tp:
        return tp
    if any(p.xs for p in point_or_range(val)):
        return WV, "left unresolved (X)"
    rs = readings(val, "duckling", row.ref, zone=True)
    if rs is None:
        return UC, f"no interval for {val.raw or sel.shown}"
    want = exp["iv"]
    if want in rs:
        return OK, ""
    if exp["interval"] and val.kind == "point" and row.ref and row.ref.local:
        if want in duck_cycles(rs, exp["grain"], row.ref.local):
            return OK, ""
    if any(nested(r, want) for r in rs):
        return WG, "interval " + "/".join(map(show_dt, rs[0])) + " vs " + "/".join(map(show_dt, want))
    return WV, "interval " + "/".join(map(show_dt, rs[0])) + " vs " + "/".join(map(show_dt, want))


def point_parts(p: Point) -> dict:
    d = {"y": p.y, "mo": p.mo, "d": p.d, "wk": p.wk, "wd": p.wd, "h": p.h, "mi": p.mi,
         "s": p.s, "dp": p.dp, "q": p.q, "half": p.half, "season": p.season,
         "we": p.we or None}
    date = p.date()
    if date is not None:
        iso = date.isocalendar()
        d.update(y=date.year, mo=date.month, d=date.day, wd=iso[2],
                 wk=p.wk if p.wk is not None else iso[1])
    return d


def comp_match(e: Point, g: Point) -> tuple[str, str]:
    """Compare the given parts of e (may have X) with g."""
    ep, gp = point_parts(e), point_parts(g)
    if e.wk is None and e.wd is None:
        gp["wk"] = gp["wd"] = None if e.d is None else gp["wd"]
    bad, missing = [], []
    for k, v in ep.items():
        if v is None or (k == "wk" and e.wk is None) or (k == "wd" and e.wd is None):
            continue
        if gp.get(k) is None:
            missing.append(k)
        elif gp[k] != v:
            bad.append(f"{k} {gp[k]} vs {v}")
    if bad:
        return WV, ", ".join(bad)
    if missing:
        return (WG if PREC_ORDER.index(g.prec) < PREC_ORDER.index(e.prec) else WV), \
            "missing " + ", ".join(missing)
    gprecs = {g.prec} | ({"hour"} if g.prec == "minute" and g.mi == 0 and g.s is None else set())
    if e.prec not in gprecs:
        return WG, f"precision {g.prec} vs {e.prec}"
    return OK, ""


def rt_one(alt, row: Row, sel: Sel):
    kind, a, b, raw = alt
    val = sel.val
    if kind == "vague":
        if val.kind == "vague":
            return (OK, "") if val.raw == raw else (WV, f"{val.raw} vs {raw}")
        return WV, f"{val.raw or sel.shown} for vague {raw}"
    if kind == "setraw":
        if val.raw == raw:
            return OK, ""
        if val.kind == "set":
            return UC, f"RT writes this set as {raw}; a SET gives only its period ({val.raw})"
        return WV, f"{val.raw or sel.shown} for set {raw}"
    if kind in ("dur", "set"):
        tp = type_problem(val, kind)
        if tp:
            return tp
        if val.kind == "durrange":
            return WV, "a range of durations"
        return (OK, "") if canon_eq(val.a, a) else (WV, f"{show_canon(val.a)} vs {show_canon(a)}")
    if isinstance(val.raw, str) and val.raw and val.raw == raw:
        return OK, ""
    tp = type_problem(val, "time")
    if tp:
        return tp
    ga, gb = point_or_range(val)
    if kind == "range":
        ia, ib = intervals(a, "rt"), intervals(b, "rt")
        if ia and ib and not a.xs and not b.xs:
            want = (ia[0][0], ib[0][0])
            rs = readings(val, "rt", row.ref, end_modes=("end", "start"))
            if rs is None:
                return (WV, "left unresolved (X)") if any(p.xs for p in (ga, gb)) else \
                    (UC, f"no interval for {val.raw}")
            if want in rs:
                return OK, ""
            return (WG if any(nested(r, want) for r in rs if r[0] <= r[1]) else WV), \
                "interval " + "/".join(map(show_dt, rs[0])) + " vs " + "/".join(map(show_dt, want))
        if val.kind != "range":
            return WG, "a single value for a range"
        s1, d1 = comp_match(a, ga)
        s2, d2 = comp_match(b, gb)
        for st, d in ((s1, d1), (s2, d2)):
            if st == WV:
                return WV, d
        if s1 == OK and s2 == OK:
            return OK, ""
        return WG, "; ".join(d for d in (d1, d2) if d)
    # point
    iv = intervals(a, "rt")
    if iv and not a.xs and a.y is not None:
        rs = readings(val, "rt", row.ref, end_modes=("end", "start"))
        if rs is None:
            return (WV, "left unresolved (X)") if any(p.xs for p in (ga, gb)) else \
                (UC, f"no interval for {val.raw}")
        if iv[0] in rs:
            return OK, ""
        return (WG if any(nested(r, iv[0]) for r in rs) else WV), \
            "interval " + "/".join(map(show_dt, rs[0])) + " vs " + "/".join(map(show_dt, iv[0]))
    if a.season and not a.xs:
        return WV, f"{val.raw} vs season {raw}"
    if val.kind == "range":
        if a.dp in RT_DAYPARTS and ga.has_time() and gb.has_time() and ga.date() == gb.date() \
                and ga.date() is not None and (ga.h, ga.mi or 0) == (RT_DAYPARTS[a.dp][0], 0) \
                and ((gb.h, gb.mi or 0) == (RT_DAYPARTS[a.dp][1], 0)
                     or (gb.h, gb.mi) == (RT_DAYPARTS[a.dp][1] - 1, 59)):
            day = Point(y=ga.y, mo=ga.mo, d=ga.d, wk=ga.wk, wd=ga.wd, dp=a.dp, raw=val.raw)
            return comp_match(a, day)
        unit = collapse(val)
        if unit is None:
            return WG, "a range for a single value"
        ga = unit
    return comp_match(a, ga)


def collapse(val: Value) -> Point | None:
    """A range covering exactly one calendar unit (a day, ISO week, month or
    year; 2018-05-01/2018-05-31) -> that unit as a point, else None."""
    rs = readings(val, "", None)
    if not rs:
        return None
    s, e = rs[0]
    if s.time() != dt.time() or e.time() != dt.time():
        return None
    d = s.date()
    y, w, wd = d.isocalendar()
    for p in (Point(y=d.year, mo=d.month, d=d.day), Point(y=y, wk=w) if wd == 1 else None,
              Point(y=d.year, mo=d.month) if d.day == 1 else None,
              Point(y=d.year) if (d.month, d.day) == (1, 1) else None):
        if p is not None:
            iv = intervals(p)
            if iv and iv[0] == (s, e):
                p.raw = val.raw
                return p
    return None


RANK = {OK: 0, WG: 1, WV: 2, UC: 3}


RT_OUTSIDE_MOD_RE = re.compile(r"^\s*(或?(以前|之前|以后|以後|之后|之後|以来|以來|前|后|後))$")


def compare_rt(row: Row, sel: Sel):
    best = None
    for alt in row.exp["alts"]:
        r = rt_one(alt, row, sel)
        if best is None or RANK[r[0]] < RANK[best[0]]:
            best = r
    if best[0] != OK:
        return best
    want = row.exp["mod"]
    got = sel.mod if sel.mod in ("BEFORE", "AFTER") else None
    if want is None and got and sel.e > row.pe and \
            RT_OUTSIDE_MOD_RE.match(row.text[row.pe:sel.e]):
        got = None  # 他07 年以前: the case's phrase stops before 以前
    if want != got:
        return WV, f"mod {got or 'null'} vs {want or 'none'} (value right)"
    return best


def jio_narrow(p: Point, mod: str, iv):
    """JioNLP's own reading of 初 / 底 (its time_parser: a year's 初 is
    January-February, its 末/尾/终/底 November-December; a quarter's 末 its
    last month; a century's 初 its first 20 years), or None where it has none."""
    s, e = iv
    if p.prec == "year" and p.years == 100 and mod == "START":
        return (s, dt.datetime(s.year + 20, 1, 1))
    if p.prec == "year" and p.years == 1:
        if mod == "START":
            return (s, dt.datetime(s.year, 3, 1))
        return (dt.datetime(s.year, 11, 1), e)
    if p.prec == "quarter" and mod == "END":
        return (dt.datetime.combine(add_months(s.date(), 2), dt.time()), e)
    return None


JIO_AGO = ("以前", "之前", "前")
JIO_LATER = ("以后", "以後", "之后", "之後", "后", "後")
JIO_UNITS = {60, 900, 3600, 86400, 7 * 86400}


def jio_window(phrase: str, want, at: dt.datetime) -> bool:
    """JioNLP writes the point N units before / after the reference (its
    time_delta turned into a time_point: 6个小时前, 17分钟后, 一刻钟后,
    4个星期之后) as the one unit next to that instant, on the far side of
    the reference: 6个小时前 at 07:00 -> 00:00:00/01:00:00, 17分钟后 at 07:18
    -> 07:35:00/07:36:00, 17钟头后 at 07:18 -> 00:18:00/01:18:59 (its end is
    inclusive, sometimes a second on, or the end of that minute).  An answer that is the instant itself
    (a point, no mod) is that case when the phrase ends in such a word and
    the window is one minute, quarter hour, hour, day or week long with the
    instant at its end (前) or start (后)."""
    s, e = want
    if isinstance(s, str) or isinstance(e, str):
        return False
    p = phrase.strip()
    ago = p.endswith(JIO_AGO)
    if not ago and not p.endswith(JIO_LATER):
        return False
    span = round((e - s).total_seconds())
    if not any(span in (u, u - 1, u + 59) for u in JIO_UNITS):
        return False
    return at in (e, e + ONE_S) if ago else at == s


def compare_jionlp(row: Row, sel: Sel):
    exp = row.exp
    val = sel.val
    if exp["kind"] == "delta":
        if any(c[2] for c in exp["vals"]):
            return UC, "workdays (交易日/工作日) have no ISO 8601 form"
        tp = type_problem(val, "dur")
        if tp:
            return tp
        got = [val.a] if val.kind == "dur" else [val.a, val.b]
        if len(got) != len(exp["vals"]):
            return WV, f"{len(got)} duration(s) for {len(exp['vals'])}"
        if all(canon_eq(g, w) for g, w in zip(got, exp["vals"])):
            return OK, ""
        return WV, " / ".join(map(show_canon, got)) + " vs " + " / ".join(map(show_canon, exp["vals"]))
    if exp["kind"] == "period":
        if exp["canon"][2]:
            return UC, "workday period"
        tp = type_problem(val, "set")
        if tp:
            return tp
        return (OK, "") if canon_eq(val.a, exp["canon"]) else \
            (WV, f"{show_canon(val.a)} vs {show_canon(exp['canon'])}")
    tp = type_problem(val, "time")
    if tp:
        return tp
    ga, gb = point_or_range(val)
    if ga.xs or gb.xs:
        return WV, "left unresolved (X)"
    ia, ib = intervals(ga, "jionlp", ambiguous=True), intervals(gb, "jionlp", ambiguous=True)
    if not ia or not ib:
        return UC, f"no interval for {val.raw}"
    mod = sel.mod
    if mod in ("START", "END") and val.kind == "point":
        nar = jio_narrow(ga, mod, ia[0])
        if nar is not None:
            ia = ib = [nar]
            mod = None
    starts = list(dict.fromkeys(s for s, _ in ia))
    ends = [e - ONE_S for _, e in ib]
    if gb.has_time():
        ends.append(ib[0][0])
    ends = list(dict.fromkeys(ends))
    ref = row.ref.local if row.ref else None
    pairs = []
    for s, e in itertools.product(starts, ends):
        if mod == "BEFORE":
            s = ref if ref is not None and ref < e else "-inf"
        elif mod == "AFTER":
            e = "inf" if ref is None or s >= ref else ref
        pairs.append((s, e))
    want = (exp["start"], exp["end"])
    if want in pairs:
        return OK, ""
    if val.kind == "point" and mod is None and jio_window(row.phrase, want, ia[0][0]):
        return OK, ""
    shown = "/".join(map(show_dt, pairs[0])) + " vs " + "/".join(map(show_dt, want))
    if mod in ("START", "MID", "END"):
        return UC, f"mod {mod}: JioNLP's narrowing of this 初/中/底 is not known here; " + shown
    fin = [(s, e + ONE_S) for s, e in pairs if not isinstance(s, str) and not isinstance(e, str)]
    if not isinstance(want[0], str) and not isinstance(want[1], str) and \
            any(nested(p, (want[0], want[1] + ONE_S)) for p in fin):
        return WG, shown
    return WV, shown


def chrono_got(p: Point, comp: str, implied_noon: bool):
    date = p.date()
    if comp == "year":
        return p.y
    if comp == "month":
        return date.month if date else p.mo
    if comp == "day":
        return date.day if date else p.d
    if comp == "weekday":
        if date:
            return date.isoweekday() % 7
        return p.wd % 7 if p.wd is not None else None
    if comp == "hour":
        if p.h is not None:
            return p.h
        if p.dp in CHRONO_DAYPART_HOUR:
            return CHRONO_DAYPART_HOUR[p.dp]
        return 12 if implied_noon and date is not None else None
    if comp == "minute":
        return p.mi if p.mi is not None else (0 if p.h is not None or implied_noon else None)
    if comp == "second":
        return p.s if p.s is not None else (0 if p.h is not None or implied_noon else None)
    if comp == "millisecond":
        return 0 if p.h is not None or implied_noon else None
    if comp == "meridiem":
        h = chrono_got(p, "hour", implied_noon)
        return None if h is None else int(h >= 12)
    if comp == "timezoneOffset":
        return p.tz if isinstance(p.tz, int) else None
    return None


DATE_COMPS = ("year", "month", "day", "weekday")


def chrono_comps(want: dict, p: Point, implied_noon: bool):
    bad_date, bad_time, lacks_time = [], [], False
    for c, v in want.items():
        g = chrono_got(p, c, implied_noon)
        if g == v:
            continue
        if c in DATE_COMPS or c == "timezoneOffset":
            bad_date.append(f"{c} {g} vs {v}")
        else:
            bad_time.append(f"{c} {g} vs {v}")
            lacks_time = lacks_time or p.h is None
    if bad_date:
        return WV, ", ".join(bad_date + bad_time)
    if bad_time:
        return (WG if lacks_time else WV), ", ".join(bad_time)
    return OK, ""


def compare_chrono(row: Row, sel: Sel):
    exp = row.exp
    val = sel.val
    if exp["kind"] == "span_only":
        got = row.text[sel.s:sel.e].strip()
        want = row.text[row.ps:row.pe].strip()
        return (OK, "") if got == want else ("partial span", f"span {got!r} vs {want!r}")
    tp = type_problem(val, "time")
    if tp:
        return tp
    ga, gb = point_or_range(val)
    noon = not CLOCK_RE.search(row.phrase)
    if exp["kind"] == "date":
        res = []
        for i, p in ((exp["inst"], ga), (exp["end"], gb)):
            if i is None:
                continue
            if exp["end"] is not None and val.kind != "range":
                return WG, "a single value for a range"
            want = {"year": i.year, "month": i.month, "day": i.day, "hour": i.hour,
                    "minute": i.minute, "second": i.second}
            if p.date() is None:
                return (WV if p.xs else WG), f"{val.raw} is not a full date"
            res.append(chrono_comps(want, p, noon))
        worst = max(res, key=lambda r: RANK[r[0]])
        return worst[0], "; ".join(r[1] for r in res if r[1])
    if exp["end"] and val.kind != "range":
        return WG, "a single value for a range"
    st, d = chrono_comps(exp["start"], ga, noon)
    if exp["end"]:
        st2, d2 = chrono_comps(exp["end"], gb, noon)
        if RANK[st2] > RANK[st]:
            st = st2
        d = "; ".join(x for x in (d and "start " + d, d2 and "end " + d2) if x)
    return st, d


COMPARE = {"duckling": compare_duckling, "recognizers_text": compare_rt,
           "jionlp": compare_jionlp, "chrono": compare_chrono}


@dataclass
class Outcome:
    category: str                 # ok or one of CATEGORIES
    detail: str = ""
    got: str = ""


def score_row(row: Row, exprs: list[Expr]) -> Outcome:
    sel = select(exprs, row.ps, row.pe, row.text)
    if sel is None:
        near = ", ".join(f"{x.text!r}" for x in exprs[:3])
        return Outcome("missed", f"other expressions: {near}" if near else "", "")
    got = sel.shown + (f" [{row.text[sel.s:sel.e]}]" if row.text[sel.s:sel.e] != row.phrase else "")
    if sel.val.kind == "vague" and sel.val.raw == "PRESENT_REF" and row.ref is not None \
            and row.ref.local is not None and row.suite in ("duckling", "jionlp"):
        # TIMEX3 PRESENT_REF is "now", the reference instant, which is how
        # Duckling (the current second) and JioNLP (ref/ref) write 现在
        sel.val = Value("point", parse_point(row.ref.local.strftime("%Y-%m-%dT%H:%M:%S")),
                        raw="PRESENT_REF")
    try:
        status, detail = COMPARE[row.suite](row, sel)
    except Exception as e:  # noqa: BLE001 -- a scoring bug must not stop the run
        status, detail = UC, f"comparison failed: {type(e).__name__}: {e}"
    if status != "partial span" and is_partial(sel, row):
        return Outcome("partial span", "value right" if status == OK else f"{status}: {detail}", got)
    if status == OK:
        return Outcome("ok", "", got)
    return Outcome(status, detail, got)


# ---------------------------------------------------------------- tools ----


@dataclass
class Run:
    name: str
    ran: bool = False
    why: str = ""
    records: dict = field(default_factory=dict)   # rid -> list[Expr]
    notes: list = field(default_factory=list)
    version: str = ""
    wall: float = 0.0
    extra: Counter = field(default_factory=Counter)


def jsonl_input(rows: list[Row], chrono: bool = False) -> bytes:
    out = []
    for r in rows:
        rec = {"id": r.rid, "text": r.text}
        if r.ref is not None and r.ref.jishi:
            rec["date"] = r.ref.jishi
        if chrono and wants_future(r):
            rec["forwardDate"] = True   # the peer gets the same question
        out.append(json.dumps(rec, ensure_ascii=False))
    return ("\n".join(out) + "\n").encode("utf-8")


def stderr_lines(b: bytes, run: Run, cap: int = 5) -> None:
    lines = [ln for ln in b.decode("utf-8", "replace").splitlines() if ln.strip()]
    for ln in lines[:cap]:
        run.notes.append(f"stderr: {ln}")
    if len(lines) > cap:
        run.notes.append(f"stderr: ... {len(lines) - cap} more lines")


def wants_future(row: Row) -> bool:
    """Rows whose source resolves an expression that leaves past or future
    open (a bare weekday, month or day) to the future: all of Duckling's (it
    always picks the next occurrence and has no option to override that,
    facebook/duckling#29), chrono's with forwardDate and JioNLP's with
    ret_future=True.  jishi reads them with --future."""
    if row.suite == "duckling":
        return True
    if row.suite == "chrono":
        return bool(row.options.get("forwardDate"))
    if row.suite == "jionlp":
        return str(row.options.get("ret_future", "")).lower() == "true"
    return False


def run_jishi(binary: str, model: str | None, rows: list[Row]) -> Run:
    run = Run("jishi")
    groups = [[r for r in rows if not wants_future(r)], [r for r in rows if wants_future(r)]]
    for extra, part in zip(([], ["--future"]), groups):
        if part and not run_jishi_part(binary, model, part, extra, run):
            return run
    missing = len(rows) - len(run.records)
    if missing:
        run.notes.append(f"{missing} records without output (scored as no expression)")
    if not run.records:
        run.why = "no output records"
    return run


def run_jishi_part(binary: str, model: str | None, rows: list[Row], extra: list[str],
                   run: Run) -> bool:
    try:
        v = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False)
        run.version = v.stdout.strip() or v.stderr.strip()
    except OSError as e:
        run.why = f"not run: {e}"
        return False
    cmd = [binary, "extract", "--input", "jsonl", "-f", "jsonl"] + extra
    if model:
        cmd += ["--model", model]
    log(f"jishi: {len(rows)} records" + (f" ({' '.join(extra)})" if extra else ""))
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, input=jsonl_input(rows), capture_output=True, check=False)
    except OSError as e:
        run.why = f"not run: {e}"
        return False
    run.wall += time.perf_counter() - t0
    run.ran = True
    if proc.returncode != 0:
        run.notes.append(f"exit status {proc.returncode}")
    stderr_lines(proc.stderr, run)
    texts = {r.rid: r.text for r in rows}
    undated = {r.rid for r in rows if r.ref is None}
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            run.extra["unreadable output lines"] += 1
            continue
        if not isinstance(rec, dict):
            run.extra["unreadable output lines"] += 1
            continue
        doc = rec.get("doc") if isinstance(rec.get("doc"), dict) else {}
        rid = str(doc.get("id") or rec.get("id") or "")
        if rid not in texts:
            run.extra["records with an unknown id"] += 1
            continue
        run.records[rid] = exprs_from_jishi(rec, texts[rid], run.extra)
        if rid in undated:
            n = sum(1 for x in run.records[rid] if x.anchor == "option")
            if n:
                run.extra["expressions anchored to `option` in records without a date "
                          "(the contract says nothing resolves against the clock)"] += n
    return True


def chrono_version() -> str:
    try:
        with open(os.path.join(PEER_MODULES, "chrono-node", "package.json"), encoding="utf-8") as f:
            return json.load(f).get("version", "?")
    except (OSError, ValueError):
        return ""


def ensure_chrono() -> tuple[str | None, str]:
    node = shutil.which("node")
    if not node:
        return None, "node is not on PATH"
    if not chrono_version():
        npm = shutil.which("npm")
        if not npm:
            return None, "chrono-node missing from bench/.peers/node and npm is not on PATH"
        log("installing chrono-node@2 into bench/.peers/node")
        p = subprocess.run([npm, "install", "--prefix", PEER_PREFIX, "--no-audit", "--no-fund",
                            "chrono-node@2"], capture_output=True, text=True, check=False)
        if p.returncode != 0 or not chrono_version():
            tail = (p.stderr or p.stdout).strip().splitlines()[-1:] or ["?"]
            return None, f"npm install chrono-node@2 failed: {tail[0]}"
    return node, ""


def run_chrono(rows: list[Row]) -> Run:
    run = Run("chrono")
    node, why = ensure_chrono()
    if not node:
        run.why = why
        return run
    nv = subprocess.run([node, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    run.version = f"chrono-node {chrono_version()} (npm), node {nv}"
    env = dict(os.environ, NODE_PATH=PEER_MODULES, TZ="UTC")
    log(f"chrono: {len(rows)} records")
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([node, PEER_JS], input=jsonl_input(rows, chrono=True), capture_output=True,
                              env=env, check=False)
    except OSError as e:
        run.why = f"not run: {e}"
        return run
    run.wall = time.perf_counter() - t0
    run.ran = True
    if proc.returncode != 0:
        run.notes.append(f"exit status {proc.returncode}")
    stderr_lines(proc.stderr, run)
    parsers = Counter()
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            run.extra["unreadable output lines"] += 1
            continue
        rid = str(rec.get("id") or "")
        if rec.get("error"):
            run.extra["records with a parser error"] += 1
        parsers[rec.get("parser") or "(nothing found)"] += 1
        run.records[rid] = exprs_from_chrono(rec)
    run.notes.append("parser used: " + ", ".join(f"{k} {v}" for k, v in parsers.most_common()))
    missing = len(rows) - len(run.records)
    if missing:
        run.notes.append(f"{missing} records without output (scored as no expression)")
    return run


# --------------------------------------------------------------- report ----


def cell(s: Any, limit: int = 110) -> str:
    s = "" if s is None else str(s)
    s = s.replace("\n", " ").replace("|", "\\|")
    return s if len(s) <= limit else s[:limit - 1] + "…"


def pct(k: int, n: int) -> str:
    return f"{100.0 * k / n:.1f}" if n else "–"


def sha16(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def kind_of(row: Row) -> str:
    return row.family if row.family.split(":")[0] in ("rt", "jio", "chrono") \
        else f"duckling {row.family}"


def build_report(args, rows, runs, outcomes, data_notes) -> tuple[list[str], list[str]]:
    """(full report lines, lines for RESULTS.md)."""
    tools = [r for r in runs if r.ran]
    inscope = [r for r in rows if not r.oos]
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    suites = Counter(r.suite for r in rows)
    head = [
        "## time expressions",
        "",
        "Written by `bench/time_suite.py` (see bench/README.md, \"Time suite\"); rerun it rather "
        "than editing by hand.",
        "",
        f"- date: {now}",
        "- command: `" + " ".join(shlex.quote(a) for a in [os.path.relpath(sys.argv[0], REPO)]
                                  + sys.argv[1:]) + "`",
        f"- data: `{args.tsv}` ({len(rows)} rows, sha256 {sha16(args.tsv)}…): "
        + ", ".join(f"{s} {suites.get(s, 0)}" for s in SUITES)
        + "".join(f", {s} {n}" for s, n in suites.items() if s not in SUITES),
    ]
    for run in runs:
        if run.name == "jishi":
            desc = (f"{run.version or '?'}, binary `{args.jishi}`, "
                    f"model `{args.model_used or 'jishi default'}`")
        else:
            desc = run.version or "not run"
        if run.ran:
            found = sum(1 for v in run.records.values() if v)
            line = f"- {run.name}: {desc}; {len(run.records)} records read, {found} with at " \
                   f"least one expression; wall {run.wall:.2f} s"
        else:
            line = f"- {run.name}: **not run: {run.why}**" + (f" ({desc})" if run.version else "")
        head.append(line)
        for n in run.notes:
            head.append(f"  - {n}")
        for k, v in run.extra.items():
            head.append(f"  - {k}: {v}")
    head.append(f"- in scope: {len(inscope)} of {len(rows)} rows "
                f"({len(rows) - len(inscope)} out of scope, listed below)")
    head.append("")

    names = [r.name for r in tools]

    def okc(name, rs):
        return sum(1 for r in rs if outcomes[name][r.rid].category == "ok")

    t = ["### accuracy per source", "",
         "| source | rows | in scope | " + " | ".join(f"{n} | {n} %" for n in names) + " |",
         "|---|---:|---:|" + "---:|---:|" * len(names)]
    for s in [x for x in SUITES if suites.get(x)] + [x for x in suites if x not in SUITES]:
        rs = [r for r in inscope if r.suite == s]
        t.append(f"| {s} | {suites[s]} | {len(rs)} | "
                 + " | ".join(f"{okc(n, rs)} | {pct(okc(n, rs), len(rs))}" for n in names) + " |")
    t.append(f"| **all** | {len(rows)} | {len(inscope)} | "
             + " | ".join(f"**{okc(n, inscope)}** | **{pct(okc(n, inscope), len(inscope))}**"
                          for n in names) + " |")
    part = [r for r in inscope if r.ref is not None and r.ref.partial]
    if part:
        t.append(f"| (jionlp rows with a partial reference) | – | {len(part)} | "
                 + " | ".join(f"{okc(n, part)} | {pct(okc(n, part), len(part))}" for n in names) + " |")
    t.append("")

    t += ["### accuracy per type", "",
          "| source | type | in scope | " + " | ".join(f"{n} | {n} %" for n in names) + " |",
          "|---|---|---:|" + "---:|---:|" * len(names)]
    fams = OrderedDict()
    for r in sorted(inscope, key=lambda r: (SUITES.index(r.suite) if r.suite in SUITES else 9,
                                            r.family)):
        fams.setdefault((r.suite, r.family), []).append(r)
    for (s, f), rs in fams.items():
        t.append(f"| {s} | {cell(f)} | {len(rs)} | "
                 + " | ".join(f"{okc(n, rs)} | {pct(okc(n, rs), len(rs))}" for n in names) + " |")
    t.append("")

    t += ["### outcomes (in-scope rows)", "",
          "| outcome | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for c in ("ok",) + CATEGORIES:
        t.append(f"| {'correct' if c == 'ok' else c} | "
                 + " | ".join(str(sum(1 for r in inscope if outcomes[n][r.rid].category == c))
                              for n in names) + " |")
        if c == "partial span":
            t.append("| … of which the value is right | "
                     + " | ".join(str(sum(1 for r in inscope if outcomes[n][r.rid].category == c
                                          and outcomes[n][r.rid].detail == "value right"))
                                  for n in names) + " |")
    t.append("")

    oos = Counter(r.oos for r in rows if r.oos)
    o = [f"### out of scope ({sum(oos.values())} rows)", "", "| reason | rows |", "|---|---:|"]
    for reason, k in oos.most_common():
        o.append(f"| {cell(reason, 300)} | {k} |")
    o.append("")
    full_o = list(o)
    for reason, k in oos.most_common():
        rs = [r for r in rows if r.oos == reason]
        shown = ", ".join(f"{r.rid} {r.phrase}" for r in rs[:40])
        full_o.append(f"- {cell(reason, 300)}: {shown}" + (f", … ({k - 40} more)" if k > 40 else ""))
    full_o.append("")

    fails = []
    listed = [n for n in names if n == "jishi" or args.verbose]
    for n in listed:
        fails += [f"### failures of {n} by category", ""]
        for c in CATEGORIES:
            rs = [r for r in inscope if outcomes[n][r.rid].category == c]
            if not rs:
                continue
            cap = len(rs) if args.verbose else CAP
            fails += [f"#### {c} ({len(rs)})" + ("" if len(rs) <= cap else f" -- first {cap}"), "",
                      "| row | type | phrase | text | reference | expected | got | detail |",
                      "|---|---|---|---|---|---|---|---|"]
            for r in rs[:cap]:
                oc = outcomes[n][r.rid]
                fails.append(f"| {r.rid} | {cell(kind_of(r), 36)} | {cell(r.phrase, 40)} | "
                             f"{cell(r.text if r.text != r.phrase else '', 40)} | {cell(r.ref_raw, 32)} | "
                             f"{cell(r.expected or json.dumps(r.resolved, ensure_ascii=False), 70)} | "
                             f"{cell(oc.got, 70)} | {cell(oc.detail, 90)} |")
            fails.append("")

    notes = []
    if data_notes:
        notes += ["### data notes", ""] + [f"- {cell(x, 300)}" for x in data_notes] + [""]

    full = head + t + full_o + fails + notes
    res = head + t + o + notes
    return full, res


def replace_section(path: str, section: list[str]) -> None:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import results
    results.write_section(path, "\n".join(section))


# ----------------------------------------------------------------- main ----


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="Score jishi's times[] (and chrono-node) on the "
                                             "shared time-expression test cases.")
    ap.add_argument("tsv", metavar="TSV")
    ap.add_argument("--jishi", default=os.path.join(REPO, "build", "jishi"),
                    help="jishi binary (default: build/jishi of this repository)")
    ap.add_argument("--model", help="model for jishi (default: $JISHI_MODEL if set, else "
                                    "model.bin next to the binary if present, else jishi's own)")
    ap.add_argument("--no-peer", action="store_true", help="do not run chrono-node")
    ap.add_argument("--results", metavar="FILE",
                    help='replace the "## time" section of FILE (e.g. bench/RESULTS.md)')
    ap.add_argument("--verbose", action="store_true",
                    help="list every failure (and chrono's failures too)")
    return ap.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    data_notes: list[str] = []
    try:
        rows = read_tsv(args.tsv, data_notes)
    except OSError as e:
        print(f"time_suite: {e}", file=sys.stderr)
        return 2
    if not rows:
        print(f"time_suite: no rows in {args.tsv}", file=sys.stderr)
        return 2
    for r in rows:
        prepare(r, data_notes)
    decide_scope(rows)
    log(f"{len(rows)} rows, {sum(1 for r in rows if not r.oos)} in scope")

    model = args.model
    if not model and "JISHI_MODEL" not in os.environ:
        beside = os.path.join(os.path.dirname(os.path.abspath(args.jishi)), "model.bin")
        model = beside if os.path.exists(beside) else None
    args.model_used = model or os.environ.get("JISHI_MODEL")

    runs = [run_jishi(args.jishi, model, rows)]
    if args.no_peer:
        runs.append(Run("chrono", why="--no-peer"))
    else:
        runs.append(run_chrono(rows))
    for run in runs:
        if not run.ran:
            log(f"{run.name}: {run.why}")

    outcomes: dict[str, dict[str, Outcome]] = {}
    for run in runs:
        if not run.ran:
            continue
        outcomes[run.name] = {r.rid: score_row(r, run.records.get(r.rid, []))
                              for r in rows if not r.oos}
    full, res = build_report(args, rows, runs, outcomes, data_notes)
    sys.stdout.write("\n".join(full).rstrip("\n") + "\n")
    if args.results:
        replace_section(args.results, res)
        log(f"wrote the section into {args.results}")
    return 0 if runs[0].ran else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
