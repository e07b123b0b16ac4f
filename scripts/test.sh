#!/usr/bin/env bash
# The whole test suite: installs what is missing, then runs every package's tests in one vitest run
# against real services it starts on free ports (and stops afterwards).
# Extra arguments go to vitest. Ends with one line: "N passed, N failed".
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$SDH_ROOT"
sdh_bootstrap

results_dir="$SDH_ROOT/.sdh/test-results"
mkdir -p "$results_dir"
report="$results_dir/node-$(node -p 'process.versions.node').json"
rm -f "$report"

status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?

if [[ -f "$report" ]]; then
  node -e '
    const r = require(process.argv[1]);
    const failed = r.numFailedTests + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
    console.log(`${r.numPassedTests} passed, ${failed} failed`);
  ' "$report"
else
  echo "0 passed, 1 failed"
  status=${status:-1}
fi
exit "$status"
