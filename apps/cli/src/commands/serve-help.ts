import { SNAPSHOT_TASK_QUEUE } from "@sdh/worker/settings";

export const serveHelp = `sdh serve — the snapshot catalog over HTTP: list, read, preview and download published snapshots

Serves one or more targets (S3 or folders) until SIGINT or SIGTERM: a page for people at / (the
catalog, each snapshot with its quality charts and a row preview, a compare view, builds with live
progress) and an API described by its OpenAPI 3.1 document at /openapi.json; API errors are RFC 9457
problem details (application/problem+json).

  GET /snapshots?target=&version=&limit=&offset=     committed snapshots, newest first, latest marked
  GET /snapshots/{id}                                manifest, validation and quality reports, dataset
  GET /snapshots/{id}/entities/{entity}/rows         a page of records from the published Parquet
      ?limit=100&offset=0&filter=column=value        (filters repeatable; values compared as text)
  GET /snapshots/{id}/files/{path}                   a file the manifest lists: from a folder, streamed
                                                     only if its size and sha256 match the manifest
                                                     (502 otherwise; Range supported); on S3 a redirect
                                                     to a presigned link, whose bytes the client checks;
                                                     ETag and X-Checksum-SHA256 carry its sha256
  GET /snapshots/{id}/compare/{other}                counts and per-column shifts between two snapshots
  GET /healthz, /readyz                              alive; ready when every target can be listed

Builds, for operators (Temporal from TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE / TEMPORAL_TLS_* …):
  POST /builds  {"target": "<name>", "config": {...}}  start a snapshot build to a served target
                {"recipe": "<YAML>"} builds a recipe's dataset in place of the config's pack
  GET  /builds/{id}                                  progress while running, else result or failure
  POST /builds/{id}/cancel                           cancel a running build
  GET  /schedules                                    the schedules, read-only
The POST routes need \`Authorization: Bearer $SDH_SERVE_TOKEN\` (16-512 token characters, e.g.
\`openssl rand -hex 32\`), checked before the body is read; bodies are JSON of at most 1,088 KiB (room for a recipe of up
to 1 MiB, sent as "recipe": its text, beside the config). Without SDH_SERVE_TOKEN they are disabled
(403, saying so).

Drafting recipes from words (as \`sdh draft\`; provider from SDH_DRAFT_* and the SDKs' variables):
  POST /drafts  {"requirements": "<text>"}           the open questions (200), or drafting at once (202)
                {"answers": {...}, "defaults": true}  answers by question id; defaults as assumptions
  POST /drafts/{id}/answers  {"answers": {...}}       answer the questions and draft (202)
  GET  /drafts/{id}                                  the session: questions, state, the recipe once written
Every draft route needs the token, reading too (a draft is the user's own words); without a model
provider configured they answer 503 saying which variables to set. The page is /ui/draft.

A folder target's files are read only if they are regular files inside it (no link, FIFO or device).

Options:
  --target URI       a target to serve: s3://bucket/prefix or a folder; repeatable, each may be named
                     name=URI (the ?target= of the API; default its position: 0, 1, …) (default SDH_TARGET)
  --host H           address to listen on (default 127.0.0.1; SDH_SERVE_HOST)
  --port P           port (default 8080; SDH_SERVE_PORT)
  --cache-dir DIR    copies of S3 Parquet files for previews, checked against the manifest
                     (default .sdh/catalog-cache; SDH_SERVE_CACHE)
  --cache-max-mib N  the copies' total size at most, in MiB (2^20 bytes); the least recently used
                     go first (default 2048, 2 GiB)
  --cache-max-age D  a copy unused this long is removed: 90m, 12h, 7d (default 7d)
  --cors-origin O    allow these origins' pages to call the API (comma-separated; default: CORS off)
  --task-queue Q     task queue of the workers builds run on (default ${SNAPSHOT_TASK_QUEUE})

S3 settings: SDH_S3_ENDPOINT, AWS_REGION, SDH_S3_FORCE_PATH_STYLE; credentials from the AWS chain.

Exit codes: 0 stopped by a signal; 1 it could not start; 2 bad options.

Examples:
  sdh serve --target s3://sdh-snapshots/nightly
  sdh serve --target nightly=s3://sdh-snapshots/nightly --target local=./out/published --port 9000
  curl -s localhost:8080/snapshots | jq '.snapshots[0]'`;
