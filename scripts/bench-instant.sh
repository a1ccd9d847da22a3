#!/usr/bin/env bash
# Keystroke to results, and server CPU per typed query, instant search against Enter-to-search (issue 17):
# starts `./parley serve` on INDEX, types the queries of InstantSearchBench in headless Chromium (JavaScript on
# and off, alternating), prints the figures and stops the server.
#   scripts/bench-instant.sh INDEX [PORT=18500] [CADENCE_MS=150] [ROUNDS=3] [JAR=target/parley.jar]
# JAR lets a before/after pair run side by side in one session: build the old commit's jar elsewhere and alternate.
set -euo pipefail
cd "$(dirname "$0")/.."
INDEX="${1:?usage: scripts/bench-instant.sh INDEX [PORT] [CADENCE_MS] [ROUNDS] [JAR]}"
PORT="${2:-18500}"
CADENCE="${3:-150}"
ROUNDS="${4:-3}"
JAR="${5:-target/parley.jar}"
CP_FILE=target/bench-instant.cp
if [[ ! -s "$CP_FILE" || pom.xml -nt "$CP_FILE" ]]; then
  mvn -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
fi
mvn -q test-compile
[[ -f target/parley.jar && -d target/lib ]] || mvn -q -DskipTests package
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$JAVA" --enable-native-access=ALL-UNNAMED ${PARLEY_JAVA_OPTS:-} -cp "$JAR:target/lib/*" org.parley.cli.ParleyCommand \
  serve --index "$INDEX" --port "$PORT" > "target/bench-instant-server-$PORT.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health" && break
  kill -0 "$SERVER" 2>/dev/null || { cat "target/bench-instant-server-$PORT.log"; exit 1; }
  sleep 0.2
done
echo "server $JAR (pid $SERVER) on $INDEX; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" org.parley.web.InstantSearchBench \
  "http://127.0.0.1:$PORT" "$CADENCE" "$ROUNDS" "$SERVER"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
