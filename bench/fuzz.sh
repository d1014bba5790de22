#!/usr/bin/env bash
# Runs vigie's libFuzzer targets (fuzz/) on seed corpora assembled from the test suite's own
# texts, pages and records. scripts/test.sh runs each for 60 seconds; a long run, as
# docs/reliability.md reports it, is
#   bash bench/fuzz.sh --build build-fuzz --runs 10000000
# Build first: CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DVIGIE_FUZZ=ON \
#   -DVIGIE_BUILD_TESTS=OFF -DVIGIE_BUILD_BENCH=OFF && ninja -C build-fuzz
# Exits non-zero when a target crashes, leaks, times out or runs out of memory; the input that
# did it is left in the work folder (printed), to be replayed with `TARGET FILE`. The mutations
# follow --seed (1 unless given), so that a run in CI explores what the same run did here and
# does not fail by chance; long runs should vary it.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build-fuzz seconds=60 runs="" work="" seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "usage: bench/fuzz.sh [--build DIR] [--seconds N | --runs N] [--work DIR] [--seed N]" >&2
       exit 2 ;;
  esac
done
work=${work:-$(mktemp -d)}
mkdir -p "$work"

# Seeds: the first byte of each says how the target takes the rest (see each fuzz/*.cc).
seed() {  # seed DIR SELECTOR-BYTE-IN-OCTAL FILE
  local dir=$1 byte=$2 file=$3
  mkdir -p "$dir"
  { printf "\\$byte"; head -c 60000 "$file"; } > "$dir/$(basename "$file").$byte"
}
seeds=$work/seeds
rm -rf "$seeds"
for f in tests/devset/*/*.txt examples/*.txt; do
  seed "$seeds/document_fuzzer" 000 "$f"
  seed "$seeds/request_fuzzer" 021 "$f"  # text/plain, processed
done
for f in tests/fixtures/html/*.html; do
  seed "$seeds/document_fuzzer" 001 "$f"
  seed "$seeds/request_fuzzer" 022 "$f"  # text/html
done
n=0
while IFS= read -r line; do
  n=$((n + 1))
  printf '%s' "$line" > "$work/line.$n"
  seed "$seeds/document_fuzzer" 002 "$work/line.$n"
  seed "$seeds/request_fuzzer" 020 "$work/line.$n"  # application/json
  rm "$work/line.$n"
done < tests/fixtures/inputs/feed.jsonl
for q in 'country=ML&from=2022-01-01&to=2022-12-31' 'type=Battles&actor=JNIM&limit=10&offset=20' \
         'near=14.1,-1.6,50&text=attaque' 'incident=t.txt%231'; do
  printf '\200%s' "$q" > "$seeds/request_fuzzer/query.$(echo "$q" | md5sum | cut -c1-8)"
done
mkdir -p "$seeds/gazetteer_fuzzer"
for f in data/geonames/*.txt.xz; do
  # (xz stops on the closed pipe once head has its lines.)
  { printf '\000'; (xz -dc "$f" || true) | head -n 40; } > "$seeds/gazetteer_fuzzer/$(basename "$f" .txt.xz)"
done
{ printf '\001'; head -c 3000 node_modules/world-countries/countries.json | cut -c2-; } \
  > "$seeds/gazetteer_fuzzer/countries" 2>/dev/null || true

status=0
for target in document_fuzzer request_fuzzer gazetteer_fuzzer; do
  exe=$build/fuzz/$target
  [ -x "$exe" ] || { echo "fuzz: $exe missing (build with -DVIGIE_FUZZ=ON)" >&2; exit 1; }
  corpus=$work/corpus/$target
  mkdir -p "$corpus"
  limit=(-max_total_time="$seconds")
  [ -n "$runs" ] && limit=(-runs="$runs")
  log=$work/$target.log
  start=$(date +%s)
  if VIGIE_LANG_DIR=$PWD/lang "$exe" "${limit[@]}" -seed="$seed" -timeout=20 -rss_limit_mb=2560 -max_len=65536 \
       -artifact_prefix="$work/$target-" -print_final_stats=1 "$corpus" "$seeds/$target" \
       > "$log" 2>&1; then
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz: $target: $execs executions in $(( $(date +%s) - start )) s, no crash"
  else
    status=1
    echo "fuzz: $target FAILED; log $log, inputs $work/$target-*" >&2
    tail -n 40 "$log" >&2
  fi
done
exit $status
