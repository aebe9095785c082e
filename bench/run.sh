#!/usr/bin/env bash
# The bench: builds the suite (tests skipped), then measures it against the physical limits of its own infrastructure
# on a fresh local stack (free ports, a temporary data directory) and prints one table. See bench/README.md.
# Usage: bench/run.sh [--no-build] [--quick] [--reps N] [--events N] [--households N] [--threads N] [--rate N] [--seconds N]
#   --no-build   use the jars and classes already built (e.g. after ./mvnw -B install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-build" ]; then build=0; else args+=("$arg"); fi
done
if [ "$build" = 1 ]; then
  ./mvnw -q -B -ntp -DskipTests install
fi
if [ ! -f bench/target/bench.classpath ]; then
  echo "bench/target/bench.classpath is missing: build first (./mvnw -B install -DskipTests) or drop --no-build" >&2
  exit 2
fi
exec java -Xmx1g -cp "bench/target/classes:$(cat bench/target/bench.classpath)" vn.giamngheo.bench.BenchMain "${args[@]}"
