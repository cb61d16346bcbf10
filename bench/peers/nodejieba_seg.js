#!/usr/bin/env node
// nodejieba_seg.js -- @node-rs/jieba (jieba-rs through N-API) as a
// SIGHAN-format segmenter.
//
// usage: NODE_PATH=bench/.peers/node/node_modules node nodejieba_seg.js [--dict WORDS] < IN > OUT
//
// Reads UTF-8 lines on stdin (LF or CRLF); for each writes the words of
// jieba.cut(line, true) (HMM on, the default dictionary) separated by single
// spaces, dropping whitespace-only tokens.
// --dict WORDS: one word a line, loaded with jieba.loadDict().  jieba-rs gives a
// word loaded without a frequency the frequency 0, which never wins, so each new
// word gets the frequency python jieba's load_userdict gives it
// (suggest_freq(word, tune=False): total * prod(freq(p) / total) + 1 over the
// pieces p of cut(word, HMM=false)), computed against the default dictionary.
'use strict'
const fs = require('fs')
const path = require('path')
const { Jieba } = require('@node-rs/jieba')
const { dict } = require('@node-rs/jieba/dict')

const jieba = Jieba.withDict(dict)
const di = process.argv.indexOf('--dict')
if (di > 0) {
  const freq = new Map()
  let total = 0
  const dictTxt = path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt')
  for (const l of fs.readFileSync(dictTxt, 'utf8').split('\n')) {
    const f = l.split(' ')
    if (f.length >= 2) { freq.set(f[0], +f[1]); total += +f[1] }
  }
  const add = []
  for (let w of fs.readFileSync(process.argv[di + 1], 'utf8').split('\n')) {
    w = w.trim().split(/\s+/)[0]
    if (!w || freq.has(w)) continue
    let p = 1
    for (const piece of jieba.cut(w, false)) p *= (freq.get(piece) || 1) / total
    add.push(w + ' ' + Math.max(Math.floor(p * total) + 1, 1))
  }
  jieba.loadDict(Buffer.from(add.join('\n') + '\n', 'utf8'))
}

const seg = (line) => {
  if (line.endsWith('\r')) line = line.slice(0, -1)
  return jieba.cut(line, true).filter((w) => w.trim() !== '').join(' ') + '\n'
}
let rest = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => {
  const lines = (rest + chunk).split('\n')
  rest = lines.pop()
  if (lines.length) process.stdout.write(lines.map(seg).join(''))
})
process.stdin.on('end', () => { if (rest !== '') process.stdout.write(seg(rest)) })
