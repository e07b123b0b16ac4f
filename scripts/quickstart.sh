#!/usr/bin/env bash
# The main job, end to end, on local services started for it:
#   installs what is missing, starts Temporal (with its Web UI) and the S3 gateway, checks both with
#   `sdh doctor`, then builds a real snapshot through Temporal: a worker serves it, `sdh snapshot run`
#   starts it and waits, the bundle is published to the local S3 gateway (s3://<bucket>/quickstart),
#   then listed, pulled back into ./out/quickstart and verified.
# The services keep running afterwards so you can look around; `pnpm services:down` stops them.
set -euo pipefail
# The reader's own PATH, before the bootstrap may put a cached pnpm in front of it.
user_path=$PATH
source "$(dirname "$0")/lib.sh"
cd "$SDH_ROOT"
sdh_bootstrap
pnpm --silent services:up
pnpm --silent sdh doctor
echo

mkdir -p .sdh
# tsx, not `pnpm sdh`: pnpm does not pass SIGTERM on, and the worker would outlive the script.
node_modules/.bin/tsx --conditions=sdh-source apps/cli/src/main.ts worker > .sdh/quickstart-worker.log 2>&1 &
worker=$!
# Stop the worker however the script ends: SIGTERM lets it finish gracefully.
trap 'kill -TERM "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q '"worker started"' .sdh/quickstart-worker.log 2>/dev/null && break
  kill -0 "$worker" 2>/dev/null || { cat .sdh/quickstart-worker.log; exit 1; }
  sleep 0.2
done
bucket=$(grep '^SDH_S3_BUCKET=' .sdh/services.env | cut -d= -f2)
pnpm --silent sdh snapshot run --records 10000 --seed 42 --target "s3://$bucket/quickstart" --wait
pnpm --silent sdh list --source "s3://$bucket/quickstart"
pnpm --silent sdh pull --source "s3://$bucket/quickstart" --snapshot latest --out ./out/quickstart --force
pnpm --silent sdh verify ./out/quickstart

echo
# pnpm may have been installed into the sdh cache for this script alone: print a command that runs in
# the reader's own shell, as printed.
pnpm_cmd=pnpm
if ! PATH=$user_path command -v pnpm >/dev/null 2>&1; then
  pnpm_cmd="$(command -v pnpm)"
fi
echo "Done. Open the Temporal Web UI above to see the workflows; stop the services with: (cd $SDH_ROOT && $pnpm_cmd services:down)"
