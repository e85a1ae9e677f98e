#!/usr/bin/env bash
# Microsoft's SCIM Postman collection (../shared/conformance/entra-postman) against a freshly
# started server with an empty database. Usage: run-entra-postman.sh [JAR]
# Ends with the runner's own "N passed, N failed" line; exits non-zero on any failure.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="${1:-$ROOT/target/switchboard.jar}"
SHARED="${SWITCHBOARD_SHARED:-$ROOT/../shared}"
RUNNER="$SHARED/conformance/entra-postman/run.sh"
[ -x "$RUNNER" ] || [ -f "$RUNNER" ] || { echo "no $RUNNER (set SWITCHBOARD_SHARED)"; exit 2; }

WORK="$(mktemp -d)"
TOKEN="entra-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
SWITCHBOARD_ADMIN_TOKEN="$TOKEN" java -jar "$JAR" --host 127.0.0.1 --port 0 \
    --db "$WORK/switchboard.db" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
BASE=""
for _ in $(seq 1 120); do
    BASE="$(sed -n 's/^listening on \(http[^ ]*\)$/\1/p' "$WORK/server.out" | head -n1)"
    [ -n "$BASE" ] && break
    kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.err"; echo "server died"; exit 1; }
    sleep 0.5
done
[ -n "$BASE" ] || { cat "$WORK/server.err"; echo "server did not start"; exit 1; }
bash "$RUNNER" "$BASE" "$TOKEN" "$WORK/entra-postman"
