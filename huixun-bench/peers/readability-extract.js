#!/usr/bin/env node
// Peer for the extraction evaluation: runs Mozilla Readability over UTF-8 HTML files.
// Usage: NODE_PATH=/work/peers/readability/node_modules node readability-extract.js LIST
// LIST holds one "path<TAB>url" per line; prints one JSON line per file: {file, title, text, byline, ms}.
// Install the peer outside the repo: (cd /work/peers/readability && npm install @mozilla/readability jsdom)
'use strict';
const fs = require('fs');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const list = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
for (const line of list) {
  const [file, url] = line.split('\t');
  const started = process.hrtime.bigint();
  let out = { file, title: '', text: '', byline: '', error: null };
  try {
    const html = fs.readFileSync(file, 'utf8');
    const virtualConsole = new VirtualConsole(); // keep jsdom's CSS/script complaints off our output
    const dom = new JSDOM(html, { url: url || 'http://localhost/', virtualConsole });
    const article = new Readability(dom.window.document).parse();
    if (article) {
      out.title = article.title || '';
      out.text = article.textContent || '';
      out.byline = article.byline || '';
    }
  } catch (e) {
    out.error = String(e && e.message || e);
  }
  out.ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify(out) + '\n');
}
