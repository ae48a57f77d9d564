#!/usr/bin/env bash
# End-to-end test of dsls in Debian's Emacs (28.2, eglot 1.9 from elpa-eglot, yaml-mode): a batch
# Emacs loads the shipped samples/emacs/dsls.el as its only configuration, with the release
# archive's bin/dsls on the PATH, opens samples/ds.demo.yaml and asserts through eglot diagnostics,
# completion and hover (.ci/emacs-e2e.el). Needs the release archive (mvn package; or DSLS_HOME, see
# .ci/release.sh); exits with the test's status.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/release.sh

apt_install emacs-nox elpa-eglot elpa-yaml-mode
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
release_home "$tmp"
# A throw-away home: no user init file or packages, and the class-data-sharing archive of bin/dsls
# kept out of ~/.cache.
export HOME="$tmp/home" XDG_CACHE_HOME="$tmp/cache"
mkdir -p "$HOME"

echo "== Emacs end-to-end: $(emacs --version | head -1), eglot $(dpkg-query -W -f='${Version}' elpa-eglot), $DSLS_HOME/bin/dsls"
status=0
# A batch Emacs skips what an interactive start does first, activating the installed packages
# (Debian's elpa-*). The settings, set before the file is loaded as its doc says, turn one check
# off: the test sees that they reach the server.
PATH="$DSLS_HOME/bin:$PATH" timeout --kill-after=10 150 emacs --batch --eval '(package-activate-all)' \
  --eval '(setq dsls-settings (quote (:inventory [] :checks (:disabled ["missing-liveness-probe"]))))' \
  -l samples/emacs/dsls.el -l .ci/emacs-e2e.el </dev/null 2> >(grep -v '^Loading ' >&2) || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "emacs-e2e: Emacs did not finish within 150 s" >&2
fi
exit "$status"
