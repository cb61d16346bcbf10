#!/usr/bin/env node
// chrono_time.js -- chrono-node's Chinese parsers as the peer of bench/time_suite.py.
//
// usage: NODE_PATH=bench/.peers/node/node_modules node bench/peers/chrono_time.js < IN.jsonl > OUT.jsonl
//
// Reads JSON Lines {"id", "text", "date"?} on stdin (the records time_suite.py
// gives jishi) and writes one line per record:
//
//   {"id", "parser": "zh"|"zh.hans"|"zh.hant"|null, "ref": ISO, "refFixed": bool,
//    "results": [{"index", "length", "text", "start": C, "end": C|null}], "error"?}
//
// C = {"iso": the instant written in the reference's offset,
//      "known": {component: value} for the components chrono is certain of,
//      "implied": {component: value} for the ones it filled in}
// over year month day weekday hour minute second millisecond meridiem
// timezoneOffset (weekday 0 = Sunday, as chrono).  index / length are in code
// points (chrono's own index counts UTF-16 units).
//
// Parser: chrono.zh.parse -- the package's combined Chinese configuration (the
// Traditional and Simplified parsers plus the Cantonese casual one); when it finds
// nothing, chrono.zh.hans.parse, then chrono.zh.hant.parse (first non-empty wins).
//
// Reference: "date" is `YYYY-MM-DD[Thh:mm[:ss[.fff]]][Z|±hh:mm]` and is passed as
// {instant, timezone: offset minutes}; without an offset the clock time is read
// as UTC with timezone 0, so chrono's components are the written local time either
// way.  chrono works out relative expressions (3小時後) in the process's own
// zone, so TZ is set to the reference's offset for each record (Etc/GMT∓h;
// UTC when the offset is not whole hours).  A record without "date" gets the fixed reference 2000-01-01T00:00:00Z
// (refFixed: true) rather than the wall clock, so runs are repeatable.
'use strict'
const readline = require('readline')
const chrono = require('chrono-node')

const COMPONENTS = ['year', 'month', 'day', 'weekday', 'hour', 'minute', 'second',
  'millisecond', 'meridiem', 'timezoneOffset']
const FIXED_REF = '2000-01-01T00:00:00Z'

function parseRef (s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s)
  if (!m) return null
  let off = 0
  if (m[8] && m[8] !== 'Z') {
    const z = m[8].replace(':', '')
    off = (z[0] === '-' ? -1 : 1) * (parseInt(z.slice(1, 3), 10) * 60 + parseInt(z.slice(3, 5), 10))
  }
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0),
    m[7] ? Math.round(+('0.' + m[7]) * 1000) : 0) - off * 60000
  return { instant: new Date(ms), offset: off }
}

function isoAt (date, off) {
  const local = new Date(date.getTime() + off * 60000).toISOString().slice(0, 19)
  const a = Math.abs(off)
  const z = (off < 0 ? '-' : '+') + String(Math.floor(a / 60)).padStart(2, '0') + ':' +
    String(a % 60).padStart(2, '0')
  return local + z
}

function comps (c, off) {
  if (!c) return null
  const known = {}
  const implied = {}
  for (const k of COMPONENTS) {
    const v = c.get(k)
    if (v === null || v === undefined) continue
    if (c.isCertain(k)) known[k] = v
    else implied[k] = v
  }
  let iso = null
  try { iso = isoAt(c.date(), off) } catch (e) { iso = null }
  return { iso, known, implied }
}

function cpIndex (text, unitIndex) {
  return Array.from(text.slice(0, unitIndex)).length
}

function run (rec) {
  const text = typeof rec.text === 'string' ? rec.text : ''
  let ref = rec.date ? parseRef(String(rec.date)) : null
  const out = { id: rec.id, parser: null, ref: null, refFixed: false, results: [] }
  if (rec.date && !ref) out.error = 'unreadable date ' + JSON.stringify(rec.date) + '; fixed reference used'
  if (!ref) { ref = parseRef(FIXED_REF); out.refFixed = true }
  out.ref = isoAt(ref.instant, ref.offset)
  // chrono computes relative expressions (3小時後) in the process's local zone:
  // make that zone the reference's offset too (whole hours; else UTC).
  process.env.TZ = ref.offset === 0 || ref.offset % 60 !== 0 ? 'UTC'
    : 'Etc/GMT' + (ref.offset > 0 ? '-' : '+') + Math.abs(ref.offset / 60)
  const reference = { instant: ref.instant, timezone: ref.offset }
  const tries = [['zh', chrono.zh], ['zh.hans', chrono.zh.hans], ['zh.hant', chrono.zh.hant]]
  for (const [name, parser] of tries) {
    let res
    try {
      res = parser.parse(text, reference, rec.forwardDate ? { forwardDate: true } : undefined)
    } catch (e) {
      out.error = (out.error ? out.error + '; ' : '') + name + ': ' + String(e && e.message ? e.message : e)
      continue
    }
    if (res.length) {
      out.parser = name
      out.results = res.map(r => ({
        index: cpIndex(text, r.index),
        length: Array.from(r.text).length,
        text: r.text,
        start: comps(r.start, ref.offset),
        end: comps(r.end, ref.offset)
      }))
      break
    }
  }
  return out
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
rl.on('line', line => {
  if (!line.trim()) return
  let rec
  try {
    rec = JSON.parse(line)
  } catch (e) {
    process.stdout.write(JSON.stringify({ id: null, error: 'bad JSON line', results: [] }) + '\n')
    return
  }
  process.stdout.write(JSON.stringify(run(rec)) + '\n')
})
