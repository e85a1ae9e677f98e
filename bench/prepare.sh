# Sourced by the benchmark scripts from the repository root: installs wrk and python3 (Debian's
# packages) if missing and builds the server jar.
need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need python3; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q && $SUDO apt-get install -y -q wrk python3
fi
mvn -B -q -DskipTests package
