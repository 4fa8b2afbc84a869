#!/usr/bin/env bash
# Response times of the firewall: does an immigration-enforcement user see a hidden case answer
# faster or slower than no case at all, or a name search hit differently from a miss?
#
# Usage: bench/firewall-timing.sh [DATA_DIR] [ROUNDS]   (default: a fresh temporary directory; 2000)
# Environment: JAR (default app/target/palermo.jar), PORT (default 18081), SEED (python's RNG).
# Seeds the demo data (`palermo demo seed`) when DATA_DIR has none, starts `palermo serve` on it,
# runs bench/firewall-timing.py as the demo users "immigration.officer" and "caseworker.valmont"
# (a service provider of another shelter), then stops the server.
set -euo pipefail
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
DATA_DIR=${1:-$(mktemp -d /tmp/palermo-firewall-XXXXXX)/data}
ROUNDS=${2:-2000}
JAR=${JAR:-$ROOT/app/target/palermo.jar}
PORT=${PORT:-18081}
SEED=${SEED:-20261122}
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
echo "java -jar $(basename "$JAR") serve --data-dir $DATA_DIR ($(nproc) cores); rounds $ROUNDS, seed $SEED"
python3 "$ROOT/bench/firewall-timing.py" "$BASE" "$DATA_DIR/demo-credentials.json" "$ROUNDS" "$SEED"
