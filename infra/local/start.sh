#!/usr/bin/env bash
# `npm start`: toolchain, dependencies, PostgreSQL and Redis, migrations and demo data, then the
# API and the worker in the foreground, supervised (infra/supervise.mjs). Ctrl-C stops both.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra/local/prepare.sh
source "$here/prepare.sh"
hotline_prepare_web

cd "$hotline_root"
pnpm db:migrate
# Loads the demo data only into an empty database, so restarts keep what you entered.
pnpm db:seed
# Then ~90 days of case history lived through the real use cases (only when there are no cases
# yet; its past messages are recorded as sent, never delivered): queues, dashboard and reports
# have something to show. The worker's reconcile schedules the open cases' timers at start.
pnpm --filter @hotline/demo seed-history

base="http://127.0.0.1:${PORT:-3000}"
# The file is pretty-printed for reading; the example wants it on one line.
one_line() { node -e 'process.stdout.write(JSON.stringify(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))))' "$1"; }
HOTLINE_EXAMPLE_BODY="$(one_line "$here/example-case.json")"
HOTLINE_EXAMPLE_CALL="$(one_line "$here/example-call.json")"
# Demo data only (packages/demo/src/province/seed-demo-tokens.ts): the first operator's API token.
HOTLINE_DEMO_OPERATOR_TOKEN="hlt_demo-operator-token-ha-tinh"
# Secrets never reach the log: only whether the development default is in use.
if [ -n "${TWILIO_AUTH_TOKEN:-}" ]; then HOTLINE_TWILIO_NOTE="set in the environment"
else HOTLINE_TWILIO_NOTE="the development default dev-twilio-auth-token"; fi
cat <<MSG

  Hotline is starting (Ctrl-C stops the API and the worker):
    Citizens      $base/            (the portal: send feedback, track a case, published answers)
    Officials     $base/console/    (sign in, e.g. khoihm / HaTinh-demo-2026; supervisor truongbx)
    API           $base
    OpenAPI docs  $base/docs
    Submit a case curl -s -X POST $base/v1/cases -H 'content-type: application/json' -d '$HOTLINE_EXAMPLE_BODY'
    Track a case  $base/v1/cases/{code}   (code = trackingCode in the reply to the submission)
    Deadline      curl -s '$base/v1/calendars/default/deadline?from=2027-02-06T09:00:00%2B07:00&duration=P1D'
    Log a call    curl -s -X POST $base/v1/calls -H 'authorization: Bearer $HOTLINE_DEMO_OPERATOR_TOKEN' -H 'content-type: application/json' -d '$HOTLINE_EXAMPLE_CALL'
    Open311       $base/open311/v2/services.json   (demo API key: demo-open311-key-ha-tinh)
    SMS webhook   $base/webhooks/sms/twilio   (signed with TWILIO_AUTH_TOKEN, $HOTLINE_TWILIO_NOTE; docs/api-and-channels.md shows a signed curl)
    Sign in       curl -s -c jar -H 'content-type: application/json' -d '{"login":"thuongnth","password":"HaTinh-demo-2026"}' $base/v1/auth/sign-in
                  every demo official has the password HaTinh-demo-2026 (login: e-mail or the part before @):
                  operator thuongnth · supervisor nguyethtm · admin tuanvm (enrolls TOTP at first sign-in)
    Admin         sign in to the console as tuanvm (enrolls TOTP first); automation: an API token
                  with the admin scope, issued by a signed-in administrator; a new database's first
                  administrator: pnpm hotline admin create --login … --name … --email …

MSG

# Human-readable logs on a terminal unless asked otherwise (JSON in production).
export LOG_PRETTY="${LOG_PRETTY:-true}"
# exec: Ctrl-C's SIGINT then reaches the supervisor directly, which stops both and exits. It
# starts again a service that exits (a crash, kill -9), after 1 s, 2 s … up to 30 s, and says so.
exec node infra/supervise.mjs api=services/api/src/server.ts worker=services/worker/src/main.ts
