#!/usr/bin/env bash
# End-to-end test of the extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3) with
# the built .vsix installed, driven by Debian's Chromium through playwright-core.
#
#   vscode-client/e2e/run.sh          # needs server/target/dsls.jar (mvn -pl server package)
#
# Environment:
#   DSLS_E2E_CACHE       where code-server is installed and kept between runs (/tmp/dsls-e2e-cache)
#   DSLS_E2E_SKIP_BUILD  set to 1 to use the existing dsls-<version>.vsix instead of rebuilding it
#   DSLS_SERVER_JAR      the server jar to bundle instead of server/target/dsls.jar
#   DSLS_E2E_NO_UNSHARE  set to 1 to keep the test in the machine's network namespace
#
# Screenshots of every step land in vscode-client/e2e/screenshots/ (cleared at each run).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
CLIENT="$(cd "$HERE/.." && pwd)"
REPO="$(cd "$CLIENT/.." && pwd)"
CACHE="${DSLS_E2E_CACHE:-/tmp/dsls-e2e-cache}"
SCREENSHOTS="$HERE/screenshots"
start=$SECONDS

log() { echo "e2e: $*"; }

# --- 1. System packages: Chromium to drive, ripgrep for code-server's install, kerberos headers
#        for its native modules.
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/rg ]] || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  log "installing ${missing[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- 2. code-server, cached outside the repository.
"$HERE/install-code-server.sh"
CODE_SERVER="$CACHE/code-server-4.100.3/node_modules/.bin/code-server"

# --- 3. The .vsix, built from this checkout (it bundles server/target/dsls.jar).
cd "$CLIENT"
[[ -d node_modules ]] || npm ci --no-audit --no-fund
VERSION="$(node -p "require('./package.json').version")"
VSIX="$CLIENT/dsls-$VERSION.vsix"
if [[ "${DSLS_E2E_SKIP_BUILD:-0}" != 1 || ! -f "$VSIX" ]]; then
  npm run --silent package >/dev/null
fi
log "vsix: $VSIX"

# --- 4. A scratch run folder: code-server's profile, extensions and XDG dirs, Chromium's profile,
#        and a copy of samples/ so nothing the editor does can touch the repository.
RUN="$CACHE/run"
rm -rf "$RUN"
mkdir -p "$RUN"/{user-data,extensions,xdg-config,xdg-data,xdg-cache,xdg-state,browser-profile,workspace}
cp -r "$REPO/samples" "$RUN/workspace/samples"
export XDG_CONFIG_HOME="$RUN/xdg-config" XDG_DATA_HOME="$RUN/xdg-data" \
  XDG_CACHE_HOME="$RUN/xdg-cache" XDG_STATE_HOME="$RUN/xdg-state"
rm -rf "$SCREENSHOTS"
mkdir -p "$SCREENSHOTS"

"$CODE_SERVER" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions" \
  --install-extension "$VSIX" > "$RUN/install-extension.log" 2>&1 || {
    cat "$RUN/install-extension.log" >&2
    log "FAILED: code-server could not install $VSIX"
    exit 1
  }
log "installed $(ls "$RUN/extensions" | grep -v '\.json$' | tr '\n' ' ')into code-server"

# Settings a first-time user would not see: no welcome page, no telemetry prompt, and hovers
# that appear quickly enough for the test.
mkdir -p "$RUN/user-data/User"
cat > "$RUN/user-data/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false,
  "editor.hover.delay": 300,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false
}
EOF

# --- 5. code-server + the Playwright script. Inside `unshare -n` (a namespace with only loopback)
#        neither code-server nor Chromium can reach the network, which is what a hermetic test
#        wants; fall back to the host namespace where unshare is not permitted.
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export CODE_SERVER RUN PORT SCREENSHOTS
export WORKSPACE="$RUN/workspace/samples"

inner() {
  set -euo pipefail
  if [[ "${DSLS_IN_NETNS:-0}" == 1 ]]; then
    ip link set lo up
  fi
  "$CODE_SERVER" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
    --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions" "$WORKSPACE" \
    > "$RUN/code-server.log" 2>&1 &
  CS_PID=$!
  # Stop code-server (and the language server it started) however the test ends.
  trap 'kill $CS_PID 2>/dev/null; wait $CS_PID 2>/dev/null || true' EXIT
  node "$HERE/e2e.mjs"
}
export -f inner
export HERE

status=0
if [[ "${DSLS_E2E_NO_UNSHARE:-0}" != 1 ]] && unshare -n true 2>/dev/null && command -v ip >/dev/null; then
  log "running in a loopback-only network namespace"
  DSLS_IN_NETNS=1 unshare -n bash -c inner || status=$?
else
  inner || status=$?
fi

log "screenshots: $SCREENSHOTS"
log "code-server log: $RUN/code-server.log; extension host logs under $RUN/user-data/logs"
log "took $((SECONDS - start)) s"
exit $status
