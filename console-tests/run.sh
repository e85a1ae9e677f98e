#!/usr/bin/env bash
# The admin console's end-to-end tests: Playwright (playwright-core, pinned in package-lock.json)
# drives Debian's chromium (/usr/bin/chromium; .ci/run installs it) against the packaged jar.
# Usage: run.sh [JAR]. Screenshots land in target/console-screenshots/.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
export SWITCHBOARD_JAR="${1:-$HERE/../target/switchboard.jar}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || { echo "no $CHROMIUM: install Debian's chromium (apt-get install chromium), as .ci/run does"; exit 2; }
cd "$HERE"
npm ci --no-audit --no-fund --loglevel=error
npm test
