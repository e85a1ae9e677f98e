#!/usr/bin/env bash
# The benchmark, one command: bench/run.sh [--million] [--users N] [--seconds S]
# Installs wrk (Debian's package) if missing, builds the server jar and the baseline jar, then
# runs bench/harness.py: baseline first, then every scenario against the real jar on a freshly
# seeded database. Prints the table and writes bench/results/<date>-<time>.md.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/prepare.sh
mvn -B -q -f bench/baseline/pom.xml package
exec python3 bench/harness.py "$@"
