#!/usr/bin/env bash
# End-to-end test of dsls in Debian's Neovim (0.7.2): starts `nvim --headless` with the shipped
# samples/nvim/dsls-0.7.lua as its only configuration and asserts, through Neovim's own LSP client,
# diagnostics, completion, hover, the placement code lens and dsls.showPlacement
# (server/src/test/nvim/e2e.lua). Runs it twice: with the jar ($DSLS_JAR, default the build's
# server/target/dsls.jar, with the jvm.options beside it), and as users install it, with the release
# archive's bin/dsls on the PATH (`dsls lsp`; DSLS_HOME or server/target/dsls-*.tar.gz, see
# .ci/release.sh; skipped when there is no archive). Expects `mvn package`; exits non-zero on a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/release.sh

command -v nvim >/dev/null 2>&1 || apt_install neovim

jar="$(realpath -m "${DSLS_JAR:-server/target/dsls.jar}")"
if [ ! -f "$jar" ]; then
  echo "nvim-e2e: no server jar at $jar; build it first: mvn -q package -DskipTests" >&2
  exit 2
fi

# A throw-away home for Neovim: no user config, and its LSP log is kept out of ~/.cache.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"

e2e() { # ENV...: one headless Neovim run of e2e.lua, with ENV (as for env(1))
  local status=0
  env "$@" timeout --kill-after=10 150 \
    nvim --headless --clean -u samples/nvim/dsls-0.7.lua -c 'luafile server/src/test/nvim/e2e.lua' </dev/null \
    || status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "nvim-e2e: Neovim did not finish within 150 s" >&2
  fi
  return "$status"
}

echo "== Neovim end-to-end: $(nvim --version | head -1), $jar"
e2e DSLS_JAR="$jar"
if [ -n "${DSLS_HOME:-}" ] || compgen -G "server/target/dsls-*.tar.gz" >/dev/null; then
  release_home "$tmp"
  echo "== Neovim end-to-end: $(nvim --version | head -1), dsls lsp from $DSLS_HOME/bin on the PATH"
  e2e -u DSLS_JAR PATH="$DSLS_HOME/bin:$PATH"
else
  echo "nvim-e2e: no release archive (server/target/dsls-*.tar.gz): skipped the run through dsls on the PATH"
fi
