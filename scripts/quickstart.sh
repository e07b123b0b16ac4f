#!/usr/bin/env bash
# The main job, end to end, on local services started for it:
#   installs what is missing, starts Temporal (with its Web UI) and the S3 gateway, checks both with
#   `sdh doctor`, then builds a real snapshot through Temporal: a worker serves it, `sdh snapshot run`
#   starts it and waits, and the bundle is published to ./out/published/v0.1/<snapshotId>/.
# The services keep running afterwards so you can look around; `pnpm services:down` stops them.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$SDH_ROOT"
sdh_bootstrap
pnpm --silent services:up
pnpm --silent sdh doctor
echo

mkdir -p .sdh
pnpm --silent sdh worker > .sdh/quickstart-worker.log 2>&1 &
worker=$!
# Stop the worker however the script ends: SIGTERM lets it finish gracefully.
trap 'kill -TERM "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q '"worker started"' .sdh/quickstart-worker.log 2>/dev/null && break
  kill -0 "$worker" 2>/dev/null || { cat .sdh/quickstart-worker.log; exit 1; }
  sleep 0.2
done
pnpm --silent sdh snapshot run --records 10000 --seed 42 --target ./out/published --wait
pnpm --silent sdh verify "./out/published/v0.1/$(ls -t ./out/published/v0.1 | head -1)"

echo
echo "Done. Open the Temporal Web UI above to see the workflows; stop the services with: pnpm services:down"
