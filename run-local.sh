#!/usr/bin/env bash
# Builds the suite (tests skipped) and starts the embedded local stack: a Kafka broker and a MongoDB-wire server in
# their own JVMs, the three services from their jars, and the demo data (loaded once). Ctrl-C stops everything.
# Options are passed through, e.g. ./run-local.sh --data-dir /tmp/giamngheo --no-demo-data
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -ntp -DskipTests install
# No Class-Path in the jar's manifest on purpose: the system tests put this jar on their class path and must not
# inherit the broker's logging binding from it.
exec java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" vn.giamngheo.localstack.LocalStackMain "$@"
