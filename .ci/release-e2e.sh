#!/usr/bin/env bash
# End-to-end test of the release archive as a user gets it: the .tar.gz and .zip that `mvn package`
# makes hold the expected files with the right modes and line ends, and bin/dsls, run under dash,
# checks, previews, serves LSP with a clean stdout, follows symlinks, takes DSLS_JAVA and
# DSLS_JAVA_OPTS, makes and then uses its class-data-sharing archive in the user's cache (never next
# to the jar) and fails with exit code 2 and a clear message without Java 17+.
# DSLS_HOME=<unpacked dsls-<version>/> tests that instead of unpacking server/target/dsls-*.tar.gz
# (and skips the archive checks).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/release.sh

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
given_home=${DSLS_HOME:-}
release_home "$tmp"
dsls=$DSLS_HOME/bin/dsls
version=$(basename "$DSLS_HOME")
version=${version#dsls-}
export XDG_CACHE_HOME="$tmp/cache"
command -v dash >/dev/null || apt_install dash
echo "== release end-to-end: $DSLS_HOME"
installed_files=$(find "$DSLS_HOME" | sort)

if [ -z "$given_home" ]; then
  expected="dsls-$version/LICENSE dsls-$version/README.md dsls-$version/bin/dsls dsls-$version/bin/dsls.cmd dsls-$version/lib/cds-training-session.lsp dsls-$version/lib/dsls.jar dsls-$version/lib/jvm.options"
  tar_files() { tar -tzf "server/target/dsls-$version.tar.gz" | grep -v '/$' | sort | xargs; }
  zip_files() {
    python3 -c 'import sys, zipfile; print(" ".join(sorted(n for n in zipfile.ZipFile(sys.argv[1]).namelist() if not n.endswith("/"))))' \
      "server/target/dsls-$version.zip"
  }
  check "the .tar.gz holds bin/, lib/, LICENSE and README.md under dsls-$version/" test "$(tar_files)" = "$expected"
  check "the .zip holds the same files" test "$(zip_files)" = "$expected"
  check "bin/dsls is executable in the .tar.gz" \
    bash -c "tar -tvzf server/target/dsls-$version.tar.gz dsls-$version/bin/dsls | grep -q '^-rwxr-xr-x'"
  check "bin/dsls.cmd has CRLF line ends in the .zip" python3 -c '
import sys, zipfile
text = zipfile.ZipFile(sys.argv[1]).read(sys.argv[2])
sys.exit(0 if text.count(b"\r\n") == text.count(b"\n") > 10 else 1)' "server/target/dsls-$version.zip" "dsls-$version/bin/dsls.cmd"
  check "lib/jvm.options is the one in server/src/dist" cmp -s "$DSLS_HOME/lib/jvm.options" server/src/dist/jvm.options
fi

out=$(dash "$dsls" --version)
check "dsls --version names dsls and Kubernetes versions (under dash)" \
  bash -c '[[ $1 == "dsls $2 (Kubernetes "*" semantics"* ]]' _ "$out" "$version"

status=0
out=$("$dsls" check --nodes samples/.dsls/inventory.yaml samples/ 2>&1) || status=$?
check "dsls check over samples/ exits 1 (samples/broken/)" test "$status" -eq 1
check "dsls check --nodes reports the placement" grep -q 'ds.demo.yaml:.*Placement: runs on 2 of 3 nodes' <<<"$out"
check "dsls check of a good manifest exits 0" "$dsls" check samples/ds.demo.yaml
out=$("$dsls" preview --nodes samples/.dsls/inventory.yaml samples/ds.demo.yaml)
check "dsls preview prints the node table" grep -q '^kind-control-plane  *no  *taint' <<<"$out"

# An LSP session over stdin: the answer to initialize and nothing but framed JSON-RPC on stdout.
lsp_session() {
  local init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
  local shutdown='{"jsonrpc":"2.0","id":2,"method":"shutdown"}' exit='{"jsonrpc":"2.0","method":"exit"}' m
  for m in "$init" "$shutdown" "$exit"; do
    printf 'Content-Length: %d\r\n\r\n%s' "${#m}" "$m"
    sleep 1
  done
}
status=0
lsp_session | timeout 60 "$dsls" lsp >"$tmp/lsp.out" 2>"$tmp/lsp.err" || status=$?
check "dsls lsp answers initialize and exits 0 on exit" \
  bash -c '[ "$1" -eq 0 ] && grep -q "\"id\":1,\"result\":{\"capabilities\"" "$2"' _ "$status" "$tmp/lsp.out"
check "dsls lsp writes only framed JSON-RPC to stdout" python3 - "$tmp/lsp.out" <<'PY'
import re, sys
data, i, n = open(sys.argv[1], "rb").read(), 0, 0
while i < len(data):
    m = re.match(rb"Content-Length: (\d+)\r\n\r\n", data[i:])
    if not m:
        sys.exit(f"not JSON-RPC at byte {i}: {data[i:i + 60]!r}")
    i, n = i + m.end() + int(m.group(1)), n + 1
sys.exit(0 if n >= 2 else "fewer than 2 messages")
PY

mkdir -p "$tmp/bin" "$tmp/elsewhere"
ln -s "$dsls" "$tmp/bin/dsls"
ln -s ../bin/dsls "$tmp/elsewhere/dsls-link" # a relative link to a link
check "dsls runs through a symlink on the PATH" bash -c 'cd / && PATH="$1:$PATH" dsls --version >/dev/null' _ "$tmp/bin"
check "dsls runs through a relative chain of symlinks" "$tmp/elsewhere/dsls-link" --version

# The class-data-sharing archive: made once in the background, then mapped. -Xshare:on turns a
# mapping failure into an error, so the second run proves the archive fits.
for _ in $(seq 60); do
  compgen -G "$XDG_CACHE_HOME/dsls/dsls-java*.jsa" >/dev/null && break
  sleep 0.5
done
check "the first runs made a class-data-sharing archive in \$XDG_CACHE_HOME/dsls" \
  compgen -G "$XDG_CACHE_HOME/dsls/dsls-java*.jsa"
check "later runs map it (-Xshare:on)" env DSLS_JAVA_OPTS="-Xshare:on" "$dsls" --version
check "nothing was written next to the jar" test "$(find "$DSLS_HOME" | sort)" = "$installed_files"
check "without a writable cache it runs without an archive" env XDG_CACHE_HOME=/proc/dsls-none "$dsls" --version

out=$(DSLS_JAVA_OPTS="-XX:+PrintCommandLineFlags -Dunused=1 -XshowSettings:properties" "$dsls" --version 2>&1)
check "the flags of lib/jvm.options and DSLS_JAVA_OPTS reach the JVM" \
  bash -c '[[ $1 == *-XX:TieredStopAtLevel=1* && $1 == *-XX:+UseSerialGC* && $1 == *"unused = 1"* ]]' _ "$out"

# Failures: no Java at all, and a Java that is too old.
mkdir -p "$tmp/nojava" "$tmp/jdk11/bin"
for f in /usr/bin/* /bin/*; do
  [ "${f##*/}" = java ] || ln -sf "$f" "$tmp/nojava/"
done
printf '#!/bin/sh\necho "openjdk version \\"11.0.22\\" 2024-01-16" >&2\n' >"$tmp/jdk11/bin/java"
chmod +x "$tmp/jdk11/bin/java"
fails_with() { # STATUS MESSAGE CMD...: CMD exits STATUS, prints MESSAGE on stderr, nothing on stdout
  local want=$1 message=$2 status=0
  shift 2
  "$@" >"$tmp/fail.out" 2>"$tmp/fail.err" || status=$?
  [ "$status" -eq "$want" ] && [ "$(cat "$tmp/fail.err")" = "$message" ] && [ ! -s "$tmp/fail.out" ]
}
check "without Java: the message and exit code 2" fails_with 2 "dsls needs Java 17 or later; found none; set JAVA_HOME" \
  env -u JAVA_HOME -u DSLS_JAVA PATH="$tmp/nojava" dash "$dsls" --version
check "with Java 11: the message and exit code 2" fails_with 2 "dsls needs Java 17 or later; found 11.0.22; set JAVA_HOME" \
  env -u DSLS_JAVA JAVA_HOME="$tmp/jdk11" "$dsls" --version
check "DSLS_JAVA comes before JAVA_HOME" env DSLS_JAVA="$(command -v java)" JAVA_HOME="$tmp/jdk11" "$dsls" --version

finish
