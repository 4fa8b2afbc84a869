#!/usr/bin/env bash
# Latency and throughput of the filtered case list and of case search by name, with wrk.
#
# Usage: bench/cases.sh DATA_DIR [DURATION]   (default 30s)
#   DATA_DIR  a data directory seeded with `palermo demo seed --cases 100000` (not timed here)
# Environment: JAR (default app/target/palermo.jar), PORT (default 18080), CONNECTIONS (20),
#              THREADS (2), TOKEN (an API token of the demo user "caseworker"; default: read from
#              demo-credentials.json), NAME (the name searched; default: the most common family name of the
#              caseworker's agency, read through the API).
# Starts `palermo serve` on the data directory (which migrates an older schema first), warms up,
# runs wrk against
#   1. GET /api/v1/cases?status=OPEN&child=false&page=0&size=20   (filtered case list)
#   2. GET /api/v1/persons?name=NAME&page=0&size=20                (search by name)
# as the demo user "caseworker" (API token from demo-credentials.json), then stops the server.
# After each run it prints the CPU time the server used per request (the java process plus the
# embedded PostgreSQL's processes, from /proc), which is what the machine's load does not change.
set -euo pipefail
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
DATA_DIR=${1:?give the seeded data directory}
DURATION=${2:-30s}
JAR=${JAR:-$ROOT/app/target/palermo.jar}
PORT=${PORT:-18080}
CONNECTIONS=${CONNECTIONS:-20}
THREADS=${THREADS:-2}
BASE=http://127.0.0.1:$PORT

TOKEN=${TOKEN:-$(python3 -c 'import json,sys; print([u["apiToken"] for u in json.load(open(sys.argv[1]))["users"] if u["username"]=="caseworker"][0])' "$DATA_DIR/demo-credentials.json")}

java -Xms64m -Xmx512m -XX:+UseSerialGC -jar "$JAR" serve --data-dir "$DATA_DIR" --port "$PORT" > "$DATA_DIR/../serve.log" 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -sf "$BASE/actuator/health" > /dev/null && break
  sleep 0.5
done

AUTH="Authorization: Bearer $TOKEN"
LIST="$BASE/api/v1/cases?status=OPEN&child=false&page=0&size=20"
echo "cases in the caseworker's agency: $(curl -sf -H "$AUTH" "$BASE/api/v1/cases?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])')"
if [ -z "${NAME:-}" ]; then
  NAME=$(curl -sf -H "$AUTH" "$BASE/api/v1/persons?size=200" | python3 -c '
import json, sys, collections
c = collections.Counter(i["familyName"] for i in json.load(sys.stdin)["items"] if i["familyName"])
print(c.most_common(1)[0][0])')
fi
ENC=$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))' "$NAME")
SEARCH="$BASE/api/v1/persons?name=$ENC&page=0&size=20"
echo "name searched: $NAME ($(curl -sf -H "$AUTH" "$SEARCH" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])') matches)"

# CPU ticks (user + system) of the server: java and the embedded PostgreSQL (postmaster, backends,
# and its children that have exited).
cpu_ticks() {
  local pm j p
  pm=$(head -1 "$DATA_DIR/pg/postmaster.pid")
  j=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
  p=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for c in $(ps -o pid= --ppid "$pm"); do
    p=$((p + $(awk '{print $14 + $15}' "/proc/$c/stat" 2> /dev/null || echo 0)))
  done
  echo "$j $p"
}
HZ=$(getconf CLK_TCK)
run() {
  local before after out
  before=$(cpu_ticks)
  out=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" -H "$AUTH" -s "$ROOT/bench/cases/p95.lua" "$1")
  after=$(cpu_ticks)
  echo "$out"
  echo "$out" | awk -v b="$before" -v a="$after" -v hz="$HZ" '
    /^requests [0-9]+ in/ {
      split(b, x, " "); split(a, y, " "); j = y[1] - x[1]; p = y[2] - x[2]
      printf "server CPU: %.1f ms per request (java %.1f + postgres %.1f)\n",
        1000 * (j + p) / hz / $2, 1000 * j / hz / $2, 1000 * p / hz / $2
    }'
}

# Warm-up (JIT, caches), not reported.
wrk -t "$THREADS" -c "$CONNECTIONS" -d 10s -H "$AUTH" "$LIST" > /dev/null
wrk -t "$THREADS" -c "$CONNECTIONS" -d 10s -H "$AUTH" "$SEARCH" > /dev/null

echo "== filtered case list: wrk -t$THREADS -c$CONNECTIONS -d$DURATION $LIST"
run "$LIST"
echo "== search by name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION $SEARCH"
run "$SEARCH"
