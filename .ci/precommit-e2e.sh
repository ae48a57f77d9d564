#!/usr/bin/env bash
# End-to-end test of the pre-commit hook (.pre-commit-hooks.yaml) in Debian's pre-commit, on a
# throw-away git repository holding a broken and a good DaemonSet, with the release archive's
# bin/dsls on the PATH (DSLS_HOME or server/target/dsls-*.tar.gz, see .ci/release.sh):
# `pre-commit try-repo` against a hook repository holding this checkout's .pre-commit-hooks.yaml
# (try-repo on the checkout itself would leave out the manifest while it is not committed yet), and
# `git commit` through the installed hook. pre-commit runs in a network namespace without network
# where one can be made, which proves that the hook fetches nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/release.sh

apt_install pre-commit git
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
release_home "$tmp"
repo_dir=$PWD
export PATH="$DSLS_HOME/bin:$PATH" XDG_CACHE_HOME="$tmp/cache" PRE_COMMIT_HOME="$tmp/pre-commit"
export GIT_CONFIG_GLOBAL="$tmp/gitconfig" GIT_CONFIG_NOSYSTEM=1
git config --global user.name ci && git config --global user.email ci@localhost
git config --global init.defaultBranch main && git config --global safe.directory '*'

offline() {
  if unshare -n true 2>/dev/null; then unshare -n "$@"; else "$@"; fi
}
unshare -n true 2>/dev/null || echo "precommit-e2e: no network namespace here; running with the network"

work="$tmp/manifests"
mkdir -p "$work"
cp samples/ds.demo.yaml "$work/good.yaml"
cp samples/broken/selector-mismatch.yaml "$work/broken.yaml"
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n' >"$work/configmap.yml"
echo "not a manifest" >"$work/notes.txt"
cd "$work"
git init -q .
echo "== pre-commit end-to-end: $(pre-commit --version), $DSLS_HOME/bin/dsls"

# $1 = expected exit status; runs the rest, keeping its output in $tmp/out.
exits() {
  local want=$1 status=0
  shift
  "$@" >"$tmp/out" 2>&1 || status=$?
  [ "$status" -eq "$want" ] || { echo "exit status $status, not $want"; cat "$tmp/out"; return 1; }
}
says() { grep -q -e "$1" "$tmp/out" || { echo "no '$1' in:"; cat "$tmp/out"; return 1; }; }

git init -q "$tmp/hooks"
cp "$repo_dir/.pre-commit-hooks.yaml" "$tmp/hooks/"
git -C "$tmp/hooks" add .pre-commit-hooks.yaml
git -C "$tmp/hooks" commit -q -m hooks

git add good.yaml broken.yaml configmap.yml notes.txt
try_repo() { offline pre-commit try-repo "$tmp/hooks" dsls-check "$@"; }
check "try-repo: a good DaemonSet passes" exits 0 try_repo --files good.yaml
check "try-repo: the hook is named 'dsls check' and passed" says '^dsls check\.*Passed'
check "try-repo: a broken DaemonSet fails" exits 1 try_repo --files broken.yaml good.yaml
check "try-repo: the failure is dsls's diagnostic" says 'broken.yaml:[0-9]*:[0-9]*: error: .*\[selector-mismatch\]'
check "try-repo: YAML that is not a DaemonSet passes" exits 0 try_repo --files configmap.yml
check "try-repo: other files are not passed to dsls" exits 0 try_repo --files notes.txt
check "try-repo: ... and the hook says so" says 'no files to check'

# The commit path, through `pre-commit install`: the shipped hook definitions as a local repository
# (the manifest's list of hooks, indented under `hooks:`), so the test needs no pinned revision.
{ printf 'repos:\n- repo: local\n  hooks:\n'; sed 's/^/  /' "$repo_dir/.pre-commit-hooks.yaml"; } >.pre-commit-config.yaml
git add .pre-commit-config.yaml
pre-commit install >/dev/null
commit() { offline git commit -q -m "$1"; }
check "git commit with a broken DaemonSet is refused" exits 1 commit "broken"
check "... with dsls's diagnostic" says '\[selector-mismatch\]'
check "... and nothing was committed" bash -c '! git rev-parse -q --verify HEAD'
git rm -q --cached broken.yaml
check "git commit without it goes through" exits 0 commit "good"
check "... with good.yaml and configmap.yml committed" \
  bash -c '[ "$(git ls-tree --name-only HEAD | sort | xargs)" = ".pre-commit-config.yaml configmap.yml good.yaml notes.txt" ]'

finish
