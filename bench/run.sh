#!/usr/bin/env bash
# Builds the suite (tests skipped) and runs the benchmarks on a fresh local stack; prints the figures.
# Usage: bench/run.sh [--updates N] [--rate PER_SECOND]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests install
cp=$(cd bench && ../mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
exec java -cp "bench/target/classes:$cp" vn.giamngheo.bench.BenchMain "$@"
