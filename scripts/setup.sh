#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: dependencies, release build, and a run of vigie on
# the bundled example article.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$(nproc)"

example=examples/attaque-boni.fr.txt
echo
echo "== vigie extract $example --published 2022-10-04 --emit-text"
./build/src/vigie extract "$example" --published 2022-10-04 --emit-text
echo
echo "== vigie extract $example --published 2022-10-04   (event records, JSON Lines)"
./build/src/vigie extract "$example" --published 2022-10-04
