#!/usr/bin/env bash
# The whole test suite: installs what is missing, then runs every package's tests in one vitest run
# against real services it starts on free ports (and stops afterwards).
# Extra arguments go to vitest. Ends with one line: "N passed, N failed".
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$SDH_ROOT"
# CI bootstraps once before its runs (and says so): everything is installed and exported already.
[[ ${SDH_BOOTSTRAPPED:-} == 1 ]] || sdh_bootstrap

# Every temporary folder the tests and their child processes make goes under one folder per run,
# removed when the run ends: a run writes gigabytes of bundles, and machines run the suite again and again.
run_tmp="$(mktemp -d "${TMPDIR:-/tmp}/sdh-test-run-XXXXXX")"
trap 'rm -rf "$run_tmp"' EXIT
export TMPDIR="$run_tmp"

results_dir="$SDH_ROOT/.sdh/test-results"
mkdir -p "$results_dir"
report="$results_dir/node-$(node -p 'process.versions.node').json"
rm -f "$report"

# The CLI's tests start the built `sdh` (dist/, with its prebuilt workflow bundle): built here, turbo
# rebuilding only what changed. ADR 0022.
pnpm turbo run build --filter=@sdh/cli... --output-logs=errors-only >&2
export SDH_TEST_CLI=dist

status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?

sdh_test_totals "$report"
exit "$status"
