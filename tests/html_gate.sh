#!/usr/bin/env bash
# The article-text gate (issue #13): vigie's text of the 181 real pages of the article-extraction
# benchmark, scored by tools/html_score.py with the benchmark's own metric, must not fall below
# tests/html_floors.tsv (just under what vigie reaches; the part left unread while tuning has
# floors of its own). Skipped (exit 77) only where ../shared is absent; with ../shared present, a
# missing or empty file fails.
# usage: html_gate.sh VIGIE SOURCE_DIR SHARED_DIR
set -euo pipefail
vigie=$1 src=$2 shared=$3
if [ ! -d "$shared" ]; then
  echo "skipped: $shared is absent (the benchmark pages are read from ../shared)"
  exit 77
fi
dataset="$shared/data/article-extraction"
[ -s "$dataset/ground-truth.json" ] || { echo "FAIL: $dataset/ground-truth.json is missing or empty"; exit 1; }
[ -d "$dataset/html" ] || { echo "FAIL: $dataset/html is missing"; exit 1; }
python3 "$src/tools/html_score.py" --vigie "$vigie" --dataset "$dataset" \
  --floors "$src/tests/html_floors.tsv"
