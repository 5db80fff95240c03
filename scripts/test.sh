#!/usr/bin/env bash
# Runs every check and test. Installs what the tests need that npm cannot (Debian's chromium),
# and makes sure PostgreSQL is up, so it works the same on a fresh machine and in CI.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: chromium (pages in a real browser), nginx-light (the site benchmark's
# baseline), and postgresql-15-rum (PostgreSQL's bounded ranking path; the store falls back to GIN
# without it, and the test comparing both paths needs it).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
if command -v pg_lsclusters >/dev/null 2>&1 && ! dpkg -s postgresql-15-rum >/dev/null 2>&1; then
  missing+=(postgresql-15-rum)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages the tests need: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export NEWSDESK_TEST_PG="${NEWSDESK_TEST_PG:-postgres://postgres@127.0.0.1:5432/postgres}"
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
fi

npx biome check .
npx tsc -p .
files=$(find test -name '*.test.ts' | sort)
node --import tsx --test --test-concurrency=2 --test-reporter=spec $files
