#!/usr/bin/env bash
# CI for the VS Code extension: install, unit tests, package the .vsix, end-to-end test in a real
# VS Code. Expects server/target/dsls.jar to be built (the server's own CI step does that).
set -euo pipefail
cd "$(dirname "$0")"
start=$SECONDS

echo "== vscode-client: npm ci"
npm ci --no-audit --no-fund

echo "== vscode-client: unit tests"
npm test

echo "== vscode-client: package the .vsix"
npm run package

echo "== vscode-client: end-to-end test in code-server"
DSLS_E2E_SKIP_BUILD=1 e2e/run.sh

echo "== vscode-client: done in $((SECONDS - start)) s"
