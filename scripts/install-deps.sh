#!/usr/bin/env bash
# Installs vigie's build and run-time dependencies from Debian 12 packages (run as root, or with
# sudo available). Does nothing when every package is already installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev                      # Unicode normalisation, case folding, sentence and word breaks
  libhunspell-dev hunspell-fr     # French morphology (fr_FR dictionary with st:/po: fields)
  wordnet-dev wordnet-base        # English morphology (morphstr and exception lists)
  libcld2-dev                     # language identification
  libgumbo-dev                    # HTML parsing
  libarchive-dev libzstd-dev      # .gz/.zst inputs
  nlohmann-json3-dev libcli11-dev libtbb-dev
  libgtest-dev googletest libbenchmark-dev clang-format
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
