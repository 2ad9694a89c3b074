#!/usr/bin/env bash
# `npm test`: every tier of tests (vitest.config.ts: unit, integration, http, e2e, browser,
# faults, fuzz), then one last line "N passed, N failed". Extra arguments go to Vitest:
# npm test -- packages/domain, or one tier: npm test -- --project unit (pnpm test:unit).
set -euo pipefail
# shellcheck source=infra/local/prepare.sh
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
# Exports DATABASE_URL and REDIS_URL; the tests create their own databases on that server.
hotline_prepare_web

cd "$hotline_root"
mkdir -p .data
results=.data/test-results.json
# A report left by an earlier run must never be summarised as this one.
rm -f "$results"

status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
summary_status=0
VITEST_EXIT_CODE="$status" node infra/local/test-summary.mjs "$results" || summary_status=$?
if [ "$status" -eq 0 ]; then status="$summary_status"; fi
exit "$status"
