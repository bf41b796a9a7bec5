#!/usr/bin/env node
// Peer for `unveil eval extraction`: runs @mozilla/readability (with jsdom) on every page of
// an article-extraction-benchmark directory and prints one JSON line per page:
// {id, text, title, byline, ms}. `ms` is Readability's own time (clone + parse), not jsdom's.
//
//   NODE_PATH=/work/main/node_modules node tests/peers/readability.mjs AEB_DIR > readability.jsonl
//
// NODE_PATH does not apply to ES module imports, so the modules are loaded through
// createRequire, which honours it.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const dir = process.argv[2];
if (!dir) {
  console.error("usage: readability.mjs AEB_DIR > readability.jsonl");
  process.exit(2);
}

const truth = JSON.parse(readFileSync(join(dir, "ground-truth.json"), "utf8"));
// Pages log CSS and script errors through jsdom; they are noise here.
const quiet = new VirtualConsole();

for (const id of Object.keys(truth).sort()) {
  const line = { id, text: "", title: null, byline: null, ms: null };
  try {
    const html = gunzipSync(readFileSync(join(dir, "html", `${id}.html.gz`))).toString("utf8");
    const dom = new JSDOM(html, { url: truth[id].url || undefined, virtualConsole: quiet });
    const started = performance.now();
    const article = new Readability(dom.window.document.cloneNode(true)).parse();
    line.ms = performance.now() - started;
    if (article) {
      line.text = article.textContent || "";
      line.title = article.title;
      line.byline = article.byline;
    }
    dom.window.close();
  } catch (error) {
    line.error = String(error);
  }
  process.stdout.write(JSON.stringify(line) + "\n");
}
