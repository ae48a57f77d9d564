#!/usr/bin/env bash
# End-to-end test of dsls in Debian's Neovim (0.7.2): starts `nvim --headless` with the shipped
# samples/nvim/dsls-0.7.lua as its only configuration and asserts, through Neovim's own LSP client,
# diagnostics, completion, hover, the placement code lens and dsls.showPlacement
# (server/src/test/nvim/e2e.lua). Expects the jar built (mvn package); exits with the test's status.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v nvim >/dev/null 2>&1; then
  echo "== installing Debian's neovim"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq neovim >/dev/null
fi

jar="$(realpath -m "${DSLS_JAR:-server/target/dsls.jar}")"
if [ ! -f "$jar" ]; then
  echo "nvim-e2e: no server jar at $jar; build it first: mvn -q package -DskipTests" >&2
  exit 2
fi

# A throw-away home for Neovim: no user config, and its LSP log is kept out of ~/.cache.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"

echo "== Neovim end-to-end: $(nvim --version | head -1), $jar"
status=0
DSLS_JAR="$jar" timeout --kill-after=10 150 \
  nvim --headless --clean -u samples/nvim/dsls-0.7.lua -c 'luafile server/src/test/nvim/e2e.lua' </dev/null \
  || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "nvim-e2e: Neovim did not finish within 150 s" >&2
fi
exit "$status"
