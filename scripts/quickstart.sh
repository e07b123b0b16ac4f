#!/usr/bin/env bash
# The main job, end to end, on local services started for it:
#   installs what is missing, starts Temporal (with its Web UI) and the S3 gateway, and runs a real
#   workflow + activity round trip and an S3 round trip through the `sdh` CLI.
# The services keep running afterwards so you can look around; `pnpm services:down` stops them.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$SDH_ROOT"
sdh_bootstrap
pnpm --silent services:up
pnpm --silent sdh doctor
echo
echo "Done. Open the Temporal Web UI above to see the workflow; stop the services with: pnpm services:down"
