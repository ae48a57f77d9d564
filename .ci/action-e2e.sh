#!/usr/bin/env bash
# Test of the GitHub Action (action.yml) without GitHub, which this CI cannot reach: action.yml
# hands every input to .github/action/run.sh, and run.sh runs here in a fake GitHub environment
# (GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STEP_SUMMARY, RUNNER_TEMP) on a workspace with
# a broken and a good DaemonSet: the release "downloaded" from a file:// URL and unpacked, the
# annotations of `dsls check --format github`, the SARIF file, the outputs and the exit codes.
# The release: DSLS_HOME or server/target/dsls-*.tar.gz (see .ci/release.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/release.sh

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
given_home=${DSLS_HOME:-}
mkdir -p "$tmp/unpacked"
release_home "$tmp/unpacked"
version=$("$DSLS_HOME/bin/dsls" --version | cut -d' ' -f2)
# The archive run.sh downloads: the build's own, or one made of DSLS_HOME.
archive=server/target/dsls-$version.tar.gz
if [ -n "$given_home" ] || [ ! -f "$archive" ]; then
  archive=$tmp/dsls-$version.tar.gz
  mkdir -p "$tmp/archive/dsls-$version"
  cp -R "$DSLS_HOME/." "$tmp/archive/dsls-$version/"
  tar -czf "$archive" -C "$tmp/archive" "dsls-$version"
fi
archive=$(realpath "$archive")
home=$DSLS_HOME
unset DSLS_HOME
export XDG_CACHE_HOME="$tmp/cache"
echo "== GitHub Action end-to-end: .github/action/run.sh with $archive"

check "action.yml hands every input to run.sh and uploads SARIF with codeql-action" python3 - <<'PY'
import re, sys
text = open("action.yml").read()
inputs_block = text[text.index("\ninputs:\n"):text.index("\noutputs:\n")]
# Plain parsing of the few keys the test needs (no YAML library on a bare machine).
inputs = re.findall(r"^  ([a-z-]+):\n    description:", inputs_block, re.M)
wired = dict(re.findall(r"^        (DSLS_[A-Z_]+): \$\{\{ inputs\.([a-z-]+) \}\}$", text, re.M))
script = open(".github/action/run.sh").read()
problems = [f"input {i} is not passed to run.sh" for i in inputs
            if i not in wired.values() and i not in ("java-version", "upload-sarif")]
problems += [f"run.sh does not read {v}" for v in wired if v not in script]
for needed in ("using: composite", "uses: actions/setup-java@v4", "uses: github/codeql-action/upload-sarif@v3",
               'run: bash "$GITHUB_ACTION_PATH/.github/action/run.sh"'):
    if needed not in text:
        problems.append(f"no '{needed}'")
sys.exit("\n".join(problems) or None)
PY

workspace="$tmp/workspace"
mkdir -p "$workspace/deploy" "$workspace/.dsls"
cp samples/ds.demo.yaml "$workspace/deploy/good.yaml"
cp samples/broken/selector-mismatch.yaml "$workspace/deploy/broken.yaml"
cp samples/.dsls/inventory.yaml "$workspace/.dsls/inventory.yaml"

# One run of the action's script: $1 = a name for its files, then VAR=value inputs. Fresh GitHub
# files each time; the exit code in $tmp/$1.status, the log in $tmp/$1.log.
action() {
  local name=$1 status=0
  shift
  mkdir -p "$tmp/$name/runner"
  : >"$tmp/$name/output"; : >"$tmp/$name/path"; : >"$tmp/$name/summary"
  env GITHUB_WORKSPACE="$workspace" RUNNER_TEMP="$tmp/$name/runner" GITHUB_OUTPUT="$tmp/$name/output" \
    GITHUB_PATH="$tmp/$name/path" GITHUB_STEP_SUMMARY="$tmp/$name/summary" \
    GITHUB_SERVER_URL=https://github.invalid GITHUB_ACTION_REPOSITORY=owner/dsls DSLS_CDS=off \
    "$@" bash .github/action/run.sh >"$tmp/$name.log" 2>&1 || status=$?
  echo "$status" >"$tmp/$name.status"
}
status_of() { [ "$(cat "$tmp/$1.status")" = "$2" ] || { echo "exit code $(cat "$tmp/$1.status"), not $2"; cat "$tmp/$1.log"; return 1; }; }
has() { grep -q -e "$2" "$tmp/$1" || { echo "no '$2' in $1:"; cat "$tmp/$1"; return 1; }; }

# `--format github` comes with the CLI's own change; until then dsls rejects it (exit code 2 and
# picocli's message), and this test runs the action with the text format and skips the annotations.
format=github
if ! "$home/bin/dsls" check --format github samples/ds.demo.yaml >"$tmp/probe" 2>&1 &&
  grep -q "Invalid value for option '--format'" "$tmp/probe"; then
  format=text
fi

action broken DSLS_RELEASE_URL="file://$archive" DSLS_PATHS="deploy" DSLS_NODES=".dsls/inventory.yaml" \
  DSLS_SARIF="$workspace/out/dsls.sarif" DSLS_FORMAT=$format
check "errors found: exit code 1" status_of broken 1
check "the release is downloaded and unpacked under RUNNER_TEMP" \
  test -x "$tmp/broken/runner/dsls-release/dsls-$version/bin/dsls"
check "its bin/ goes on the PATH of later steps (GITHUB_PATH)" has broken/path "^$tmp/broken/runner/dsls-release/dsls-$version/bin$"
check "the outputs: status=1 and the SARIF file" bash -c 'grep -qx status=1 "$1" && grep -qx "sarif=$2" "$1"' _ \
  "$tmp/broken/output" "$workspace/out/dsls.sarif"
check "the SARIF file is SARIF 2.1.0 with the error at broken.yaml" python3 - "$workspace/out/dsls.sarif" <<'PY'
import json, sys
sarif = json.load(open(sys.argv[1]))
results = [r for run in sarif["runs"] for r in run["results"]]
uris = {l["physicalLocation"]["artifactLocation"]["uri"] for r in results for l in r["locations"]}
ok = sarif["version"] == "2.1.0" and any(r["ruleId"] == "selector-mismatch" for r in results) \
    and any(u.endswith("broken.yaml") for u in uris)
sys.exit(0 if ok else f"unexpected SARIF: {sorted(uris)} {[r['ruleId'] for r in results][:10]}")
PY
check "the job summary gives the verdict" has broken/summary '^### dsls check of `deploy`: errors found'

if [ "$format" != github ]; then
  echo "SKIPPED the annotation checks: this dsls has no --format github yet (ran the action with the text format)"
else
  check "annotations: an ::error with file, line, col and the code as title" \
    has broken.log '^::error file=deploy/broken.yaml,line=[0-9]*,col=[0-9]*,.*title=selector-mismatch::'
  check "annotations: best practices as ::warning" has broken.log '^::warning file=deploy/good.yaml,.*title=missing-memory-limit::'
  check "annotations: the placement over the inventory" has broken.log 'file=deploy/good.yaml,.*runs on 2 of 3 nodes'
  check "the job summary counts them" has broken/summary '^[1-9][0-9]* errors, [1-9][0-9]* warnings'
fi

action text DSLS_HOME="$home" DSLS_PATHS=$'deploy/good.yaml\n' DSLS_FORMAT=text
check "a good manifest: exit code 0" status_of text 0
check "with dsls-home nothing is downloaded" bash -c '! grep -q downloading "$1" && [ ! -e "$2" ]' _ \
  "$tmp/text.log" "$tmp/text/runner/dsls-release"
check "the text format's diagnostics and summary line" has text.log '^deploy/good.yaml:[0-9]*:[0-9]*: warning: .*\[missing-memory-limit\]'
check "the summary quotes dsls's own" has text/summary '^1 file checked: 0 errors'

action missing DSLS_RELEASE_URL="file://$tmp/nowhere.tar.gz" DSLS_VERSION=v9.9.9
check "a release that cannot be downloaded: exit code 2 and an ::error" \
  bash -c '[ "$(cat "$1.status")" = 2 ] && grep -q "^::error title=dsls::could not download or unpack the dsls 9.9.9 release" "$1.log"' _ "$tmp/missing"

finish
