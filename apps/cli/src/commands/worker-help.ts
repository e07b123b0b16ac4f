import { DEFAULT_STAGING_ROOT, SNAPSHOT_TASK_QUEUE } from "@sdh/worker/settings";

export const workerHelp = `sdh worker — run a snapshot worker: polls Temporal and builds the shards and steps it is given

Runs until SIGINT or SIGTERM, then shuts down gracefully: it stops polling and lets the activities in
progress finish (Temporal retries them elsewhere if it is killed instead). Start one per machine;
more workers spread the shards of a snapshot across machines.

Options:
  --concurrency N    activities at once (default: one per core; each shard uses a core on its own thread)
  --staging URI      where the steps hand files to each other (default ${DEFAULT_STAGING_ROOT}, or
                     SDH_STAGING_DIR): a folder for workers on one machine (or a shared mount), or
                     s3://bucket/prefix for workers on several machines
  --cache DIR        with S3 staging: this worker's working copy (default .sdh/staging-cache)
  --task-queue Q     task queue to poll (default ${SNAPSHOT_TASK_QUEUE})
  --http-port P      serve /metrics, /healthz and /readyz on this port (default: not served;
                     SDH_WORKER_HTTP_PORT)
  --http-host H      address they listen on (default 0.0.0.0; SDH_WORKER_HTTP_HOST)
  --deployment NAME  serve one version of this worker deployment (worker versioning; default: none,
                     unversioned; SDH_WORKER_DEPLOYMENT): builds it starts stay pinned to it
  --build-id ID      that version's build id (default: <sdh version>-<12 hex of the workflow
                     bundle's sha256>, new whenever the workflow code changes; SDH_WORKER_BUILD_ID)

Connects to TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE (or .sdh/services.env), with TLS, a client
certificate or an API key when TEMPORAL_TLS_* / TEMPORAL_API_KEY say so (sdh config show lists them).

Versioned workers serve nothing until their version is made current (or ramping):
  temporal worker deployment set-current-version --deployment-name NAME --build-id ID
Runs started on a version finish on it; new runs start on the current one (runbook §9).

Endpoints (with --http-port): /healthz answers 200 while the process works (503 once the worker has
failed); /readyz answers 200 only while the worker is connected and polling, 503 while it connects
and from SIGTERM on while it drains; /metrics serves Prometheus text: sdh_* (steps, failures by
type, shards, records by entity, staged and published bytes), Node's process_* and nodejs_*, and the
Temporal SDK's temporal_*.

Logs one JSON object per line on stdout: worker start and stop, and each activity's start and end
with its workflowId, runId, activityId and attempt (SDH_LOG_LEVEL: INFO by default for the worker).

Exit codes: 0 stopped by a signal after finishing its work; 1 it could not start or failed; 2 bad options.

Examples:
  sdh worker
  SDH_STAGING_DIR=s3://sdh-staging/prod sdh worker --concurrency 4
  sdh worker --http-port 9464     # then: curl -s localhost:9464/readyz`;
