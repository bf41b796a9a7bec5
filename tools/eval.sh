#!/usr/bin/env bash
# The quality evaluations on a data folder laid out like ../shared (see README "Quality"), each
# side by side with its peers, with gates a little below the last measured numbers so that a
# regression fails CI. Usage: tools/eval.sh SHARED_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${1:?usage: tools/eval.sh SHARED_DIR}
DATA=$SHARED/data
UNVEIL=target/release/unveil
OUT=target/eval
mkdir -p "$OUT"

echo "== quotes (dev sets; textacy on the same data: span F1 87.6, as-written F1 83.7, right-person F1 62.5)"
"$UNVEIL" eval quotes "$DATA/quotes/en-polnear-dev.jsonl" --kind direct \
  --min-span-f1 0.92 --min-precision 0.93 --min-person-f1 0.695 --min-written-f1 0.84
"$UNVEIL" eval quotes "$DATA/quotes/de-wikinews-dev.jsonl" \
  --min-span-f1 0.885 --min-precision 0.915 --min-person-f1 0.65 --min-written-f1 0.63

echo "== article extraction (AEB metric; Readability.js run on the same pages)"
node tests/peers/readability.mjs "$DATA/extraction/aeb" > "$OUT/readability-aeb.jsonl"
"$UNVEIL" eval extraction "$DATA/extraction/aeb" --peer "readability.js=$OUT/readability-aeb.jsonl" \
  --min-f1 0.95
"$UNVEIL" eval extraction --readability-suite "$DATA/extraction/readability"

echo "== summaries (ROUGE, beside Lead-k and TextRank)"
"$UNVEIL" eval summaries "$DATA/summaries/dev.jsonl" \
  --min-cnndm-r1 42.5 --min-cnndm-rlsum 38.6 --min-xsum-r1 20.0

echo "== overlays (real pages; TRAP elements must never be chosen)"
"$UNVEIL" eval overlays "$DATA/overlays" --min-recognised 0.85
