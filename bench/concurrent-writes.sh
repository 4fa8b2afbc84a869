#!/usr/bin/env bash
# Concurrent writers (issue 11, item 4): WRITERS clients register persons at once, more than the
# connection pool has connections; every answer must be 201.
#
# Usage: bench/concurrent-writes.sh [DATA_DIR] [WRITERS] [PER_WRITER]   (default: a fresh
#   temporary directory; 100; 5)
# Environment: JAR (default app/target/palermo.jar), PORT (default 18082).
# Seeds the demo data (`palermo demo seed`) when DATA_DIR has none, starts `palermo serve` on it
# (loopback), runs bench/concurrent-writes.py as the demo user "caseworker", then stops the server.
set -euo pipefail
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
DATA_DIR=${1:-$(mktemp -d /tmp/palermo-writes-XXXXXX)/data}
WRITERS=${2:-100}
PER_WRITER=${3:-5}
JAR=${JAR:-$ROOT/app/target/palermo.jar}
PORT=${PORT:-18082}
BASE=http://127.0.0.1:$PORT
JAVA_OPTS=(-Xms64m -Xmx512m -XX:+UseSerialGC)

if [ ! -f "$DATA_DIR/demo-credentials.json" ]; then
  java "${JAVA_OPTS[@]}" -jar "$JAR" demo seed --data-dir "$DATA_DIR" > "$DATA_DIR.seed.log" 2>&1
fi
java "${JAVA_OPTS[@]}" -jar "$JAR" serve --data-dir "$DATA_DIR" --port "$PORT" > "$DATA_DIR.serve.log" 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -sf "$BASE/actuator/health" > /dev/null && break
  sleep 0.5
done
echo "java -jar $(basename "$JAR") serve --data-dir $DATA_DIR ($(nproc) cores); $WRITERS writers x $PER_WRITER"
python3 "$ROOT/bench/concurrent-writes.py" "$BASE" "$DATA_DIR/demo-credentials.json" "$WRITERS" "$PER_WRITER"
