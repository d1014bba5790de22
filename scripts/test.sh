#!/usr/bin/env bash
# The whole test suite: dependencies, then a release build and an AddressSanitizer +
# UndefinedBehaviorSanitizer build, each running every test (GoogleTest through CTest, the
# language corpora, clang-format, the browser test), and a short load test of the HTTP API
# (which fails only if a request fails; its speed is reported, not asserted), and 60 seconds of
# each libFuzzer target (fuzz/, built with clang; docs/reliability.md). Exits non-zero if
# anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
jobs=$(nproc)

echo "== release build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$jobs"
(cd build && ctest --output-on-failure -j "$jobs")

echo "== load test (vigie serve, GET /events on 100,000 records; figures in docs/performance.md)"
bash bench/load_test.sh --build build --duration 5s

echo "== sanitizer build (ASan + UBSan)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DVIGIE_SANITIZE=ON -DVIGIE_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j "$jobs"
# Leak checking stays on; ICU and CLD2 keep static caches that are reachable, not leaks.
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j "$jobs")

echo "== fuzzing (libFuzzer with ASan + UBSan, 60 seconds a target; docs/reliability.md)"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DVIGIE_FUZZ=ON -DVIGIE_BUILD_TESTS=OFF -DVIGIE_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j "$jobs" --target document_fuzzer request_fuzzer gazetteer_fuzzer
bash bench/fuzz.sh --build build-fuzz --seconds 60
