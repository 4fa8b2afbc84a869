#!/usr/bin/env bash
# Page weight and load time of a case page on a simulated 400 kbit/s, 400 ms link, first and second
# visit (issue #14 item 18; results in bench/page-weight.md). Starts the given palermo.jar with
# `serve --demo` on a fresh data directory, signs in as the demo caseworker in headless Chromium and
# runs bench/page-weight.mjs (DevTools protocol network emulation) RUNS times (default 3).
# Usage: bench/page-weight.sh path/to/palermo.jar [RUNS]
set -euo pipefail
jar=${1:?usage: bench/page-weight.sh path/to/palermo.jar [RUNS]}
runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
data=$(mktemp -d /tmp/palermo-page-weight-XXXXXX)
log="$data.log"
java -Xmx512m -XX:TieredStopAtLevel=1 -jar "$jar" serve --demo --data-dir "$data" --port 0 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
url=""
for _ in $(seq 1 600); do
  url=$(sed -n 's#^Palermo is running at \(http://[^ ]*\)/\?$#\1#p' "$log" | head -1)
  [ -n "$url" ] && break
  sleep 0.5
done
[ -n "$url" ] || { echo "the server did not start; see $log" >&2; exit 1; }
url=${url%/}
password=$(python3 -c "import json,sys;print([u['password'] for u in json.load(open(sys.argv[1]))['users'] if u['username']=='caseworker'][0])" "$data/demo-credentials.json")
for _ in $(seq 1 "$runs"); do
  node --experimental-websocket --no-warnings "$here/page-weight.mjs" "$url" caseworker "$password"
done
