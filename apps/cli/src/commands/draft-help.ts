export const draftHelp = `sdh draft "REQUIREMENTS" --out RECIPE — describe data in words; a model drafts a recipe, sdh checks it

The model only drafts the recipe; the engine makes every row, the gate checks them, and the snapshot is
reproducible from the recipe alone. What the model answers is read as data and checked with the
recipe schema, as any recipe file is; its problems go back to it for repair (--max-repairs rounds),
and only a recipe that passes is written, with a header that lists every assumption made. Nothing
invalid is ever written.

Questions: before anything is sent, the requirements are checked for what a recipe needs and the text
does not say: how the tables relate, how many records, value ranges, what may be missing, the locale,
the formats — ranked by how much of the recipe they move. In a terminal, draft asks them (Enter takes
the default shown). Elsewhere give --answers FILE (YAML or JSON: relationships, records, ranges, nulls,
locale, formats) or --yes (take the defaults, recorded as assumptions).

What leaves this machine: the requirements, the answers, sdh's recipe reference and example, and the
drafts and their problems — to the provider you configure. With --sample FILE, the sample is learned
here (as sdh learn does) and only the learned summary is sent: table and column names, types, null
rates, quantiles between the 0.5th and 99.5th percentiles, and category shares held by at least 5 rows —
never a row, never a name, email, phone, address or free-text value. --no-sample-stats sends nothing
of the sample. Either way, fields of the draft named as the sample's columns take the learned settings
here. Keys are read from the SDKs' variables, sent only to the provider, never printed (\`sdh config
show\` shows ***), never logged or kept in sessions.

Providers (--provider, SDH_DRAFT_PROVIDER; unset: the one whose variables are set, OPENAI_* first alone):
  openai      OpenAI, or any OpenAI-compatible server (Ollama, vLLM, llama.cpp's server):
              OPENAI_API_KEY, OPENAI_BASE_URL (e.g. http://127.0.0.1:11434/v1; a local server may need no key)
  azure       Azure OpenAI: AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY, OPENAI_API_VERSION; --model is the deployment
  anthropic   Anthropic's Messages API: ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL
Requests ask for a JSON object in the message content (JSON mode where the server takes it), so
servers without tool calling work. 429, 5xx, timeouts and dropped connections are retried with
exponential backoff and jitter (or the server's Retry-After), at most 5 attempts within 3 minutes.

Sessions: each draft is a session in .sdh/draft/sessions.sqlite (requirements, questions and answers,
every exchange, every recipe version). --resume ID continues one (after a budget ran out, a network
failure, or open questions); answers already given are kept. Every answer is cached by the hash of its
request (.sdh/draft/cache): a re-run or a resume asks the provider only what it has not asked, at no
token cost. Sessions unchanged for 90 days are pruned when a draft starts.

  sdh draft sessions [--json]                    the sessions, newest first
  sdh draft sessions --prune [--older-than D]    remove sessions unchanged for D days (default 90)

Options:
  --out RECIPE         where to write the recipe (YAML); an existing file is kept unless --force
  --from FILE          read the requirements from a file (at most 64 KiB) instead of the argument
  --answers FILE       answers to the questions, by id (YAML or JSON)
  --yes                take every open question's default, recorded as an assumption
  --sample FILE        a sample table to learn from here (repeat for several tables)
  --no-sample-stats    send nothing of the sample to the model
  --resume ID          continue a session (its requirements and answers are kept)
  --provider P         openai, azure or anthropic
  --model M            the model (Azure: the deployment); defaults: gpt-4.1, claude-sonnet-4-5
  --base-url URL       the provider's base URL (above the SDK variables)
  --max-repairs N      repair rounds after the first draft (default 3)
  --token-budget N     tokens one draft may spend, in and out (default 100000)
  --request-timeout S  seconds one request may take before it is retried (default 120)
  --draft-dir DIR      sessions and cache (default .sdh/draft)
  --no-cache           ask the provider even when the same request was answered before
  --verbose            each request, retry and answer as a JSON line on stderr (no keys)
  --force              replace RECIPE if it exists

Exit codes: 0 the recipe was written; 1 the provider failed, the budget ran out, or no valid recipe
came within the repairs (the session keeps everything; nothing is written); 2 bad options, a provider
that is not configured, or questions left open without a terminal.

Examples:
  sdh draft "500 clinic patients, each with 1-10 appointments over the last year; copays $0-$500" --out clinic.yaml
  OPENAI_BASE_URL=http://127.0.0.1:11434/v1 sdh draft --from brief.md --model qwen3 --yes --out shop.yaml
  sdh draft "orders like these, for load tests" --sample orders.csv --out orders.yaml --answers answers.yaml
  sdh draft --resume 20261203-91ead1ac --token-budget 200000 --out clinic.yaml
  sdh generate --recipe clinic.yaml --records 500 --out ./out/clinic`;
