#!/usr/bin/env bash
# Cold start and resident memory of `palermo serve` on an EXISTING data directory.
#
# Each run starts a new JVM (with the launcher's default JVM options, read from ./palermo) and so
# a new embedded PostgreSQL server on the same, already seeded data directory, and measures:
#   ready_s   wall time from exec to the line "Palermo is running at" on standard output;
#   health_s  wall time from exec to GET /actuator/health answering {"status":"UP"};
#   jvm_mb    VmRSS of the JVM (/proc/<pid>/status) once both are seen;
#   pg_mb     summed VmRSS of the embedded PostgreSQL processes (the postmaster, found by its data
#             directory on its command line, and its children). Shared memory counts once per
#             process here, so this over-states; pg_pss_mb (summed Pss from smaps_rollup) is the
#             fair share;
#   total_mb  jvm_mb + pg_mb (the conservative figure compared with the 600 MB target);
#   fair_mb   jvm_mb + pg_pss_mb;
#   jvm_cpu_s CPU time (user + system) the JVM had used when both were seen: unlike the wall
#             times, what the load of a shared machine does not change much.
# then stops the server with SIGTERM and waits until the JVM and PostgreSQL have exited.
#
# Usage: bench/startup.sh [RUNS]          (default 5)
# Environment: DATA_DIR  an existing data directory to use (default: a new temporary one, seeded
#                        first with `palermo demo seed`, not timed, and deleted at the end);
#              JAR       the application jar (default app/target/palermo.jar; build it first with
#                        ./mvnw -q -B -pl app -am -DskipTests package);
#              PALERMO_JAVA_OPTS  JVM options instead of the launcher's defaults, as ./palermo;
#              READY_LIMIT_S  how long a start may take before the run fails (default 180);
#              LAUNCHER=yes  start with ./palermo itself (its extracted jar and class-data-sharing
#                        archive, issue 12 §6; JAR is then not used) instead of java -jar JAR; when
#                        the archive does not exist yet, one untimed run writes it first.
set -euo pipefail

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
RUNS=${1:-5}
JAR=${JAR:-$ROOT/app/target/palermo.jar}
READY_LIMIT_S=${READY_LIMIT_S:-180}

# The launcher's default JVM options: the text after "PALERMO_JAVA_OPTS:-" up to "}".
DEFAULT_OPTS=$(sed -n 's/.*\${PALERMO_JAVA_OPTS:-\([^}]*\)}.*/\1/p' "$ROOT/palermo" | head -n 1)
if [ -z "$DEFAULT_OPTS" ]; then
  echo "Cannot read the default JVM options from $ROOT/palermo" >&2
  exit 1
fi
JAVA_OPTS=${PALERMO_JAVA_OPTS:-$DEFAULT_OPTS}
JAVA=java
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; fi

for tool in curl ps awk; do
  command -v "$tool" > /dev/null || { echo "bench/startup.sh needs $tool" >&2; exit 1; }
done
if [ ! -f "$JAR" ]; then
  echo "$JAR is missing: build it with ./mvnw -q -B -pl app -am -DskipTests package" >&2
  exit 1
fi

WORK=$(mktemp -d /tmp/palermo-bench-XXXXXX)
SERVER_PID=""
OWN_DATA_DIR=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2> /dev/null; then
    kill -TERM "$SERVER_PID" 2> /dev/null || true
    wait "$SERVER_PID" 2> /dev/null || true
  fi
  if [ -n "$OWN_DATA_DIR" ]; then
    stop_postgres "$DATA_DIR"
    rm -rf "$DATA_DIR"
  fi
  rm -rf "$WORK"
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# The postmaster of a data directory: `postgres -D <dir>/pg ...` (its parent is init, not the JVM).
postmaster_of() {
  ps -eo pid=,args= | awk -v d="$1/pg" '$2 ~ /\/postgres$/ && index($0, "-D " d " ") { print $1 }'
}

stop_postgres() {
  local pm
  pm=$(postmaster_of "$1")
  [ -z "$pm" ] && return 0
  echo "warning: PostgreSQL $pm of $1 still running after the server stopped; stopping it" >&2
  kill -INT "$pm" 2> /dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pm" 2> /dev/null || return 0; sleep 0.1; done
  kill -KILL "$pm" 2> /dev/null || true
}

kb_of() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2> /dev/null || echo 0; }
pss_kb_of() { awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup" 2> /dev/null || echo 0; }

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 40000))
    if ! (: < "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then
      echo "$p"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

trap cleanup EXIT

if [ -z "${DATA_DIR:-}" ]; then
  DATA_DIR="$WORK/data"
  OWN_DATA_DIR=yes
  echo "Seeding a new data directory $DATA_DIR (not timed) ..."
  # shellcheck disable=SC2086 # the options are a list of words, as in ./palermo
  "$JAVA" $JAVA_OPTS -jar "$JAR" demo seed --data-dir "$DATA_DIR" > "$WORK/seed.log" 2>&1 || {
    cat "$WORK/seed.log" >&2
    exit 1
  }
  grep -v '^{' "$WORK/seed.log" || true
fi
if [ ! -d "$DATA_DIR/pg" ]; then
  echo "$DATA_DIR is not an existing Palermo data directory (no pg/ in it)" >&2
  exit 1
fi

echo
echo "date:       $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "machine:    nproc=$(nproc), $(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)," \
  "load average at start: $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "java:       $("$JAVA" -version 2>&1 | head -n 1)"
echo "            $("$JAVA" -version 2>&1 | sed -n 2p)"
echo "jvm opts:   $JAVA_OPTS"
if [ "${LAUNCHER:-}" = yes ]; then
  echo "command:    PALERMO_JAVA_OPTS='$JAVA_OPTS' ./palermo serve --data-dir DIR --port P"
else
  echo "command:    $JAVA $JAVA_OPTS -jar ${JAR#"$ROOT"/} serve --data-dir DIR --port P"
fi
echo "data dir:   $DATA_DIR"
echo

serve() {
  if [ "${LAUNCHER:-}" = yes ]; then
    PALERMO_JAVA_OPTS="$JAVA_OPTS" exec "$ROOT/palermo" serve --data-dir "$DATA_DIR" --port "$1"
  else
    # shellcheck disable=SC2086
    exec "$JAVA" $JAVA_OPTS -jar "$JAR" serve --data-dir "$DATA_DIR" --port "$1"
  fi
}
cpu_ticks_of() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2> /dev/null || echo 0; }
HZ=$(getconf CLK_TCK)

# The launcher extracts the jar again, and so writes a new archive, when the jar is newer than its
# last extraction: the training run is needed then too, or the first timed run pays for it.
RUN_DIR="$ROOT/app/target/palermo-run"
if [ "${LAUNCHER:-}" = yes ] && { ! ls "$RUN_DIR"/palermo-*.jsa > /dev/null 2>&1 \
  || [ ! -f "$RUN_DIR/.extracted" ] || [ -n "$(find "$ROOT/app/target/palermo.jar" -cnewer "$RUN_DIR/.extracted" 2> /dev/null)" ]; }; then
  echo "Writing the launcher's class-data-sharing archive (one untimed run) ..."
  port=$(free_port)
  (serve "$port") > "$WORK/training.log" 2>&1 &
  SERVER_PID=$!
  until grep -q '^Palermo is running at' "$WORK/training.log"; do
    kill -0 "$SERVER_PID" 2> /dev/null || { cat "$WORK/training.log" >&2; exit 1; }
    sleep 0.2
  done
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" 2> /dev/null || true
  SERVER_PID=""
  for _ in $(seq 1 100); do [ -z "$(postmaster_of "$DATA_DIR")" ] && break; sleep 0.1; done
  stop_postgres "$DATA_DIR"
  ls "$ROOT"/app/target/palermo-run/palermo-*.jsa > /dev/null || { echo "no archive written" >&2; exit 1; }
fi

printf '%-4s %8s %9s %8s %7s %10s %9s %8s %9s\n' run ready_s health_s jvm_mb pg_mb pg_pss_mb total_mb fair_mb jvm_cpu_s
RESULTS="$WORK/results"
: > "$RESULTS"
for run in $(seq 1 "$RUNS"); do
  port=$(free_port)
  log="$WORK/serve-$run.log"
  start=$(now_ms)
  (serve "$port") > "$log" 2>&1 &
  SERVER_PID=$!
  ready=""
  health=""
  while [ -z "$ready" ] || [ -z "$health" ]; do
    if [ -z "$ready" ] && grep -q '^Palermo is running at' "$log"; then
      ready=$(($(now_ms) - start))
    fi
    if [ -z "$health" ] \
      && curl -fsS --max-time 2 "http://127.0.0.1:$port/actuator/health" 2> /dev/null | grep -q '"status":"UP"'; then
      health=$(($(now_ms) - start))
    fi
    if ! kill -0 "$SERVER_PID" 2> /dev/null; then
      echo "run $run: the server exited before it was up; its output:" >&2
      cat "$log" >&2
      exit 1
    fi
    if [ $(($(now_ms) - start)) -gt $((READY_LIMIT_S * 1000)) ]; then
      echo "run $run: not up within $READY_LIMIT_S s; its output:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.05
  done

  jvm_kb=$(kb_of "$SERVER_PID")
  jvm_ticks=$(cpu_ticks_of "$SERVER_PID")
  pm=$(postmaster_of "$DATA_DIR")
  pg_kb=0
  pg_pss_kb=0
  if [ -n "$pm" ]; then
    for p in $pm $(ps -o pid= --ppid "$pm"); do
      pg_kb=$((pg_kb + $(kb_of "$p")))
      pg_pss_kb=$((pg_pss_kb + $(pss_kb_of "$p")))
    done
  else
    echo "run $run: no PostgreSQL process found for $DATA_DIR" >&2
    exit 1
  fi

  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" 2> /dev/null || true
  SERVER_PID=""
  # The server stops its PostgreSQL on the way out; give it a moment, then make sure.
  for _ in $(seq 1 100); do [ -z "$(postmaster_of "$DATA_DIR")" ] && break; sleep 0.1; done
  stop_postgres "$DATA_DIR"

  awk -v r="$run" -v a="$ready" -v h="$health" -v j="$jvm_kb" -v p="$pg_kb" -v s="$pg_pss_kb" -v c="$jvm_ticks" -v hz="$HZ" 'BEGIN {
    printf "%-4s %8.2f %9.2f %8.0f %7.0f %10.0f %9.0f %8.0f %9.2f\n", r, a / 1000, h / 1000, j / 1024, p / 1024, s / 1024, (j + p) / 1024, (j + s) / 1024, c / hz
  }' | tee -a "$RESULTS"
done

awk '
  { for (i = 2; i <= 9; i++) v[i, NR] = $i }
  END {
    n = NR
    for (i = 2; i <= 9; i++) {
      for (k = 1; k <= n; k++) a[k] = v[i, k]
      for (k = 2; k <= n; k++) { x = a[k]; j = k - 1; while (j > 0 && a[j] > x) { a[j + 1] = a[j]; j-- } a[j + 1] = x }
      med[i] = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
      max[i] = a[n]
    }
    f = "%-4s %8.2f %9.2f %8.0f %7.0f %10.0f %9.0f %8.0f %9.2f\n"
    printf f, "med", med[2], med[3], med[4], med[5], med[6], med[7], med[8], med[9]
    printf f, "max", max[2], max[3], max[4], max[5], max[6], max[7], max[8], max[9]
  }' "$RESULTS"
echo
echo "load average at end: $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "targets:    start (health UP) under 5 s; JVM + PostgreSQL resident memory under 450 MB (issue 12 §6)"
