#!/usr/bin/env bash
# Finds or builds the local service binaries and prints their absolute paths, one per line.
#
#   infra/local/install-binaries.sh [temporal|versitygw|all]
#
# No prebuilt binaries can be downloaded on our machines, so both are built from the Go module proxy
# and cached under ${SDH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sdh}/bin, named with their version.
# Order of preference: an explicit SDH_<NAME>_BIN, a binary on PATH whose version fits, the cache, a build.
set -euo pipefail

TEMPORAL_VERSION=1.5.1      # newer tags carry replace directives, which `go install pkg@version` refuses
VERSITYGW_VERSION=1.7.0

cache_dir="${SDH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sdh}"
bin_dir="$cache_dir/bin"
mkdir -p "$bin_dir"

log() { printf '[sdh install] %s\n' "$*" >&2; }

require_go() {
  if ! command -v go >/dev/null 2>&1; then
    log "Go is not installed, and it is needed once to build $1 from the Go module proxy."
    log "Install Go >= 1.25 (https://go.dev/doc/install, or 'apt-get install golang-go' on Debian 13+), then run this again."
    log "Alternatively point SDH_${2}_BIN at an existing $1 binary."
    exit 127
  fi
}

# build NAME MODULE VERSION ENVNAME: go install into a private GOBIN, then move into the cache atomically.
build() {
  local name=$1 module=$2 version=$3 envname=$4
  local target="$bin_dir/$name-v$version"
  require_go "$name" "$envname"
  local tmp
  tmp=$(mktemp -d "$bin_dir/.build-$name.XXXXXX")
  log "building $name v$version from the Go module proxy ($(go env GOPROXY)); this takes a few minutes once"
  local start=$SECONDS
  if ! GOBIN="$tmp" GOFLAGS="${GOFLAGS:-} -trimpath" go install "$module@v$version" >&2; then
    rm -rf "$tmp"
    log "building $name failed; see the go output above"
    exit 1
  fi
  mv -f "$tmp/$name" "$target"
  rmdir "$tmp"
  log "built $name v$version in $((SECONDS - start))s -> $target"
}

# resolve NAME MODULE VERSION ENVNAME VERSION_REGEX
resolve() {
  local name=$1 module=$2 version=$3 envname=$4 fits=$5
  local override_var="SDH_${envname}_BIN"
  local override="${!override_var:-}"
  if [[ -n "$override" ]]; then
    [[ -x "$override" ]] || { log "$override_var=$override is not an executable file"; exit 1; }
    echo "$override"; return
  fi
  local on_path
  if on_path=$(command -v "$name" 2>/dev/null) && "$on_path" --version 2>/dev/null | grep -Eq "$fits"; then
    echo "$on_path"; return
  fi
  local target="$bin_dir/$name-v$version"
  if [[ ! -x "$target" ]]; then
    # One build at a time per cache, however many scripts ask at once.
    exec 9>"$bin_dir/.$name.lock"
    flock 9
    [[ -x "$target" ]] || build "$name" "$module" "$version" "$envname"
    flock -u 9
  fi
  echo "$target"
}

want=${1:-all}
case "$want" in
  temporal|all) resolve temporal github.com/temporalio/cli/cmd/temporal "$TEMPORAL_VERSION" TEMPORAL 'temporal version 1\.([5-9]|[1-9][0-9])\.|Server 1\.(29|[3-9][0-9])\.' ;;&
  versitygw|all) resolve versitygw github.com/versity/versitygw/cmd/versitygw "$VERSITYGW_VERSION" VERSITYGW 'v?1\.([7-9]|[1-9][0-9])\.' ;;
  temporal) ;;
  *) log "unknown binary '$want'; expected temporal, versitygw or all"; exit 2 ;;
esac
