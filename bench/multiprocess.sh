#!/usr/bin/env bash
# Several processes on one PostgreSQL, one command: bench/multiprocess.sh [--users N] [--seconds S]
# Installs wrk (Debian's package) if missing, builds the jar, starts a throwaway PostgreSQL 15
# (.ci/postgres, on port $BENCH_PG_PORT, default 55499) and stops it at the end, then runs
# bench/multiprocess.py: GET /Users/{id}, POST /Users and PATCH add-member on one process on
# SQLite, one on PostgreSQL, and two on PostgreSQL with the load split evenly. Prints the table
# and writes bench/results/multiprocess-<date>-<time>.md.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/prepare.sh

cluster_parent=$(mktemp -d)
chmod 755 "$cluster_parent" # the cluster's owner (postgres, when run as root) must reach it
cluster="$cluster_parent/cluster"
stop_postgres() {
  .ci/postgres stop "$cluster" 2>/dev/null || true
  rm -rf "$cluster_parent"
}
trap stop_postgres EXIT
url=$(.ci/postgres start "$cluster" "${BENCH_PG_PORT:-55499}")
python3 bench/multiprocess.py --postgres "$url" --postgres-dir "$cluster" "$@"
