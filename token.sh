#!/usr/bin/env bash
# Prints an access token for a demo user or machine client, for curl:
#     TOKEN=$(./token.sh admin)                       # or bdt.canbo, sldtbxh.canbo, sxd.canbo, thanhtra
#     TOKEN=$(./token.sh --client sldtbxh-system)     # or readonly-system
#     curl -H "Authorization: Bearer $TOKEN" http://localhost:8081/api/v1/plans
# The issuer is the local stack's (http://localhost:9000) unless --issuer URL or GIAMNGHEO_ISSUER_URI says otherwise,
# e.g. --issuer http://localhost:8180/realms/giamngheo for docker compose's Keycloak. A user logs in through the
# issuer's login form (authorization code + PKCE); without a password the demo password is used.
# Needs the built local-stack module (./run-local.sh builds it).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f local-stack/target/local-stack.jar ]; then
  echo "local-stack/target/local-stack.jar is missing: build first (./mvnw -q -B -DskipTests install)" >&2
  exit 2
fi
exec java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" vn.giamngheo.localstack.TokenMain "$@"
