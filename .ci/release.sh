# Sourced (bash) by the end-to-end scripts that use dsls as a user installs it: from the release
# archive, through bin/dsls.
#
#   release_home DIR   sets DSLS_HOME to an unpacked release: DSLS_HOME as given (an unpacked
#                      dsls-<version>/, to try a script without a Maven build), else the archive that
#                      `mvn package` made, server/target/dsls-<version>.tar.gz, unpacked into DIR
#   apt_install PKG... installs the Debian packages that are missing, quietly (CI runs as root)
#   check NAME CMD...  runs CMD, counts it, prints "ok   NAME" or "FAIL NAME" and what CMD printed
#   finish             prints "PASS: <n> checks" (.ci/run adds these up) or the failures and exits 1

checks=0
failures=()

release_home() {
  if [ -n "${DSLS_HOME:-}" ]; then
    DSLS_HOME=$(realpath "$DSLS_HOME")
  else
    local archives=(server/target/dsls-*.tar.gz)
    if [ ! -f "${archives[0]}" ]; then
      echo "no release archive server/target/dsls-<version>.tar.gz: build it first (mvn -q package -DskipTests)," \
        "or set DSLS_HOME to an unpacked one" >&2
      exit 2
    fi
    tar -xzf "${archives[0]}" -C "$1"
    DSLS_HOME=$1/$(basename "${archives[0]}" .tar.gz)
  fi
  [ -x "$DSLS_HOME/bin/dsls" ] || { echo "no executable $DSLS_HOME/bin/dsls" >&2; exit 2; }
  export DSLS_HOME
}

apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== installing Debian's ${missing[*]}"
  local sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

check() {
  local name=$1
  shift
  checks=$((checks + 1))
  local out
  if out=$("$@" 2>&1); then
    echo "ok   $name"
  else
    echo "FAIL $name"
    [ -z "$out" ] || printf '%s\n' "$out" | tail -n 20 | sed 's/^/     | /'
    failures+=("$name")
  fi
}

finish() {
  if [ ${#failures[@]} -eq 0 ]; then
    echo "PASS: $checks checks"
  else
    echo "FAILED: ${#failures[@]} of $checks checks" >&2
    printf '  - %s\n' "${failures[@]}" >&2
    exit 1
  fi
}
