#!/usr/bin/env bash
# Installs code-server@4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) into a cache
# directory outside the repository, offline except for the npm registry. Idempotent: a finished
# install leaves a marker and later runs return at once.
#
# The four traps (see shared/domain/vscode-e2e-recipe.md):
#  1. @vscode/ripgrep's postinstall downloads rg from GitHub; it first looks in
#     $TMPDIR/vscode-ripgrep-cache-<ver>/, so we pre-seed that cache with Debian's /usr/bin/rg.
#  2. node-pty runs `npx node-gyp`, and the machine's npmrc says yes=false.
#  3. As root, npm drops privileges for scripts unless told --unsafe-perm.
#  4. Native modules need libkrb5-dev and Node's headers (nodedir=/usr).
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
CACHE="${DSLS_E2E_CACHE:-/tmp/dsls-e2e-cache}"
PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
MARKER="$PREFIX/.installed"

if [[ -f "$MARKER" ]]; then
  echo "code-server $CODE_SERVER_VERSION already installed in $PREFIX"
  exit 0
fi

for bin in /usr/bin/rg; do
  [[ -x "$bin" ]] || { echo "error: $bin missing (apt-get install ripgrep)" >&2; exit 1; }
done

rm -rf "$PREFIX"
mkdir -p "$PREFIX"
# A private TMPDIR both for the ripgrep cache (trap 1) and so nothing leaks into /tmp's root.
export TMPDIR="$CACHE/tmp"
mkdir -p "$TMPDIR"

RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
rgstage="$(mktemp -d)"
cp /usr/bin/rg "$rgstage/rg"
tar -C "$rgstage" -czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
rm -rf "$rgstage"

echo "installing code-server@$CODE_SERVER_VERSION into $PREFIX (about 2 minutes on 2 cores)"
start=$SECONDS
# A local (not --global, not --prefix) install from inside $PREFIX: npm exports its non-default
# config to lifecycle scripts as npm_config_*, and code-server's postinstall runs `npm install` in
# lib/vscode; an inherited global=true or prefix=... makes that inner install work in the wrong
# place and tear down the outer one.
cd "$PREFIX"
echo '{"name":"dsls-e2e-code-server","private":true}' > package.json
npm_config_yes=true \
npm_config_unsafe_perm=true \
npm_config_nodedir=/usr \
npm_config_audit=false \
npm_config_fund=false \
  npm install --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION" > "$CACHE/code-server-install.log" 2>&1 || {
      echo "error: code-server install failed; last lines of $CACHE/code-server-install.log:" >&2
      tail -30 "$CACHE/code-server-install.log" >&2
      exit 1
    }
XDG_CONFIG_HOME="$CACHE/xdg-config" XDG_DATA_HOME="$CACHE/xdg-data" "$PREFIX/node_modules/.bin/code-server" --version
touch "$MARKER"
echo "code-server installed in $((SECONDS - start)) s"
