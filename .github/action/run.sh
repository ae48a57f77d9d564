#!/usr/bin/env bash
# The work of the GitHub Action (action.yml), kept in a script so that .ci/action-e2e.sh runs it
# here with a fake GitHub environment: gets the dsls release, puts its bin/ on the PATH of later
# steps, runs `dsls check --format github` (GitHub turns its ::error/::warning/::notice lines into
# annotations on the pull request) and, when asked, writes SARIF for code scanning.
#
# Inputs (action.yml sets them from its own inputs):
#   DSLS_PATHS        files or folders to check, separated by spaces or newlines (default .)
#   DSLS_NODES        node inventory files for the placement checks (--nodes), the same way
#   DSLS_FORMAT       the log's format: github (default), text or json
#   DSLS_SARIF        also write SARIF 2.1.0 to this file (empty: no SARIF)
#   DSLS_VERSION      the release to download (default: this script's own, 0.1.0)
#   DSLS_HOME         an unpacked release already on the runner: nothing is downloaded
#   DSLS_RELEASE_URL  where the .tar.gz is (default: the release of the action's repository)
# and GitHub's GITHUB_WORKSPACE, RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STEP_SUMMARY,
# GITHUB_SERVER_URL, GITHUB_ACTION_REPOSITORY.
# Outputs: `status` (dsls check's exit code: 0 clean, 1 errors, 2 usage or I/O) and `sarif`.
# Exits with dsls check's exit code.
set -euo pipefail

version=${DSLS_VERSION:-0.1.0}
version=${version#v}
temp=${RUNNER_TEMP:-$(mktemp -d)}

if [ -z "${DSLS_HOME:-}" ]; then
  url=${DSLS_RELEASE_URL:-${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_ACTION_REPOSITORY:?}/releases/download/v$version/dsls-$version.tar.gz}
  echo "dsls: downloading $url"
  mkdir -p "$temp/dsls-release"
  if ! curl -fsSL --retry 3 "$url" | tar -xz -C "$temp/dsls-release"; then
    echo "::error title=dsls::could not download or unpack the dsls $version release from $url"
    exit 2
  fi
  DSLS_HOME=$temp/dsls-release/dsls-$version
fi
dsls=$DSLS_HOME/bin/dsls
if [ ! -x "$dsls" ]; then
  echo "::error title=dsls::no executable bin/dsls in $DSLS_HOME"
  exit 2
fi
[ -z "${GITHUB_PATH:-}" ] || echo "$DSLS_HOME/bin" >>"$GITHUB_PATH"
"$dsls" --version

cd "${GITHUB_WORKSPACE:-.}"
set -f # the inputs are split at whitespace, never globbed: dsls searches folders itself
paths=(${DSLS_PATHS:-.})
nodes=()
for n in ${DSLS_NODES:-}; do nodes+=(--nodes "$n"); done
set +f

log=$temp/dsls-check.log
status=0
"$dsls" check --format "${DSLS_FORMAT:-github}" "${nodes[@]}" "${paths[@]}" >"$log" 2>&1 || status=$?
cat "$log"

if [ -n "${DSLS_SARIF:-}" ]; then
  # A second run (about a second): one run prints one format. Its exit code is the same.
  mkdir -p "$(dirname "$DSLS_SARIF")"
  "$dsls" check --format sarif "${nodes[@]}" "${paths[@]}" >"$DSLS_SARIF" || true
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "status=$status"; echo "sarif=${DSLS_SARIF:-}"; } >>"$GITHUB_OUTPUT"
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  case $status in
    0) verdict="no errors" ;;
    1) verdict="errors found" ;;
    *) verdict="could not check (exit code $status)" ;;
  esac
  case ${DSLS_FORMAT:-github} in
    github) detail="$(grep -c '^::error ' "$log" || true) errors, $(grep -c '^::warning ' "$log" || true) warnings, $(grep -c '^::notice ' "$log" || true) notices" ;;
    text) detail=$(tail -n 1 "$log") ;; # the summary line
    *) detail="" ;;
  esac
  printf '### dsls check of `%s`: %s\n\n%s\n' "${paths[*]}" "$verdict" "$detail" >>"$GITHUB_STEP_SUMMARY"
fi
exit "$status"
