#!/usr/bin/env bash
# The load benchmark: signed-in users of the production jar at the level of Vaadin's UIDL messages (a Gatling
# simulation in bench/load/, its own Maven project). For each number of users in USERS it ramps them up, measures a
# window of HOLD seconds and reports p50, p95, p99, errors, page views/s, the heap per signed-in session after a
# full GC (live objects with everyone signed in and idle, minus before the level, per session: class histograms
# histo-before.txt and histo-after.txt in the level's directory, whose difference says what a session holds) and the
# app's CPU per page view.
#
#   bash bench/load.sh                      # own app + database: builds the jar if missing, makes the MariaDB
#                                           # database load_encounter (demo world + generated accounts), starts the
#                                           # jar on 127.0.0.1:$PORT, runs 100, 250 and 500 users, stops the app
#   USERS="50" HOLD=30 bash bench/load.sh   # one smaller level
#   BASE_URL=http://127.0.0.1:18180 [APP_PID=1234] bash bench/load.sh
#                                           # against an app that is already running (e.g. behind HAProxy; each
#                                           # virtual user keeps its own cookies, so sticky sessions work). Its
#                                           # database needs the accounts: LOAD_DB=its_db bash bench/load.sh accounts
#                                           # With APP_PID (one local JVM) heap and CPU are measured too.
#   LOAD_DB=some_db bash bench/load.sh accounts   # only add the load accounts to a database with the demo world
#   BASE_URL=… bash bench/load.sh probe EMAIL PASSWORD [route | click:TEXT | clickid:ID | type:ID=TEXT]…
#                                           # one user step by step, printing each page (to check the protocol)
#
# Settings (environment): USERS ("100 250 500"), HOLD (60 s measured), RAMP (seconds to sign everyone in; default
# max(30, users/8), as each sign-in costs ~0.1 s of CPU for the password hash), SETTLE (10 s after the ramp before
# the window), IDLE (20 s idle after the window: the heap is measured then), THINK (5 s mean think time, ±50%),
# PORT (18100), HEAP (app -Xmx, 1g), APP_JAVA_OPTS (the app's other JVM options; the Dockerfile's by default), PROFILE=1 (a JFR recording of each window), LOAD_DB (load_encounter),
# KEEP_DB=1 (reuse the database instead of making it afresh), WARMUP (45 s of 20 users before the first level, own
# app only; 0 = none), OUT (where figures go; target/load/<time>),
# OFFSET (first account number - 1, for two clients at once), REPORTS=1 (Gatling's HTML report too),
# HEAPDUMP=1 (a heap dump of the app with everyone idle, idle.hprof, for bench/heap-arrays.py or a heap analyser).
#
# Everything it starts (the app, the client) it stops again, by PID. Run figures under the exclusive CPU lock:
#   flock -x /work/cpu.lock bash bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
JCMD=$JAVA_HOME/bin/jcmd
USERS=${USERS:-"100 250 500"}
HOLD=${HOLD:-60}
SETTLE=${SETTLE:-10}
IDLE=${IDLE:-20}
THINK=${THINK:-5}
PORT=${PORT:-18100}
HEAP=${HEAP:-1g}
APP_JAVA_OPTS=${APP_JAVA_OPTS-"-XX:+UseCompactObjectHeaders"}   # as the Dockerfile's ENTRYPOINT
LOAD_DB=${LOAD_DB:-load_encounter}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
LEARNERS=${LEARNERS:-500}
MANAGERS=${MANAGERS:-60}
AUTHORS=${AUTHORS:-60}
OFFSET=${OFFSET:-0}
OUT=${OUT:-$ROOT/target/load/$(date -u +%Y%m%d-%H%M%S)}
MODE=${1:-run}

sql() { mysql -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} "$@"; }

add_accounts() {
  { echo "SET @learners=$LEARNERS, @managers=$MANAGERS, @authors=$AUTHORS, @domain='load.example';"
    cat "$ROOT/bench/load/accounts.sql"; } | sql "$LOAD_DB"
}

if [ "$MODE" = accounts ]; then
  add_accounts
  exit 0
fi

# One user, one request at a time, printing what the page says after each step, e.g.
#   BASE_URL=http://127.0.0.1:18100 bash bench/load.sh probe load-learner-0001@load.example encounter-demo-2026 \
#     learn 'click:^(Start|Continue)' clickid:player-next type:player-reflection=Hello learn/mine
if [ "$MODE" = probe ]; then
  shift
  (cd bench/load && ../../mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
      -Dmdep.includeScope=test >/dev/null)
  exec "$JAVA" -cp "bench/load/target/test-classes:$(cat bench/load/target/cp.txt)" encounter.load.Probe \
      "${BASE_URL:-http://127.0.0.1:$PORT}" "$@"
fi

mkdir -p "$OUT"
APP_STARTED=""
CLIENT_PID=""
cleanup() {
  if [ -n "$CLIENT_PID" ] && kill -0 "$CLIENT_PID" 2>/dev/null; then kill "$CLIENT_PID" 2>/dev/null || true; fi
  if [ -n "$APP_STARTED" ] && kill -0 "$APP_STARTED" 2>/dev/null; then
    kill "$APP_STARTED" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_STARTED" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_STARTED" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

if [ -z "${BASE_URL:-}" ]; then
  if [ ! -f target/encounter.jar ]; then
    echo "building the production jar"
    ./mvnw -B -ntp -DskipTests package >"$OUT/build.log" 2>&1
  fi
  if [ "${KEEP_DB:-}" != 1 ] || ! sql -e "use $LOAD_DB" 2>/dev/null; then
    sql -e "DROP DATABASE IF EXISTS $LOAD_DB; CREATE DATABASE $LOAD_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  fi
  echo "starting the app on 127.0.0.1:$PORT (-Xmx$HEAP), database $LOAD_DB; log in $OUT/app.log"
  # Every simulated person comes from 127.0.0.1: the per-client flood limits would take them for one flooding client.
  DB_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$LOAD_DB" DB_USER=$DB_USER DB_PASSWORD=$DB_PASSWORD DEMO_ENABLED=true \
    SIGN_INS_PER_CLIENT_PER_MINUTE=1000000 MAX_ANONYMOUS_SESSIONS_PER_CLIENT=0 \
    PORT=$PORT SERVER_ADDRESS=127.0.0.1 CERT_KEYSTORE="$OUT/keys/certificates.p12" EXPORT_DIR="$OUT/exports" \
    "$JAVA" -Xmx"$HEAP" $APP_JAVA_OPTS -jar target/encounter.jar >"$OUT/app.log" 2>&1 &
  APP_STARTED=$!
  APP_PID=$APP_STARTED
  BASE_URL=http://127.0.0.1:$PORT
  for _ in $(seq 1 360); do
    curl -fs "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"UP"' && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app stopped; see $OUT/app.log"; exit 1; }
    sleep 0.5
  done
  # The demo world is made after the start; its last part is the exchange round.
  for _ in $(seq 1 240); do
    grep -qE "ExchangeDemoWorld|already has data" "$OUT/app.log" && break
    sleep 0.5
  done
  grep -m1 -oE "Started EncounterApplication in [0-9.]+ seconds" "$OUT/app.log" || true
  add_accounts
fi
APP_PID=${APP_PID:-}

echo "compiling the load client (and fetching its Gatling plugin, which the runs below use offline)"
(cd bench/load && ../../mvnw -B -ntp -q test-compile dependency:resolve-plugins >"$OUT/client-build.log" 2>&1) \
  || { echo "the load client did not compile; see $OUT/client-build.log"; exit 1; }

live_heap_kb() { # the live objects after a full GC, in KB: the total of a class histogram (written to $1), which the
  # JVM takes right after its full collection. (The heap's "used" figure a moment after a GC also counts what was
  # allocated since and whole regions: it wandered by a few MB between otherwise equal runs.)
  "$JCMD" "$APP_PID" GC.class_histogram >"$1"
  awk '/^Total/ {print int($3 / 1024)}' "$1"
}
cpu_ticks() { # utime + stime of the app process
  sed -E 's/^.*\) //' "/proc/$APP_PID/stat" | awk '{print $12 + $13}'
}
wait_for() { # file, timeout in seconds
  for _ in $(seq 1 $(($2 * 5))); do [ -f "$1" ] && return 0; kill -0 "$CLIENT_PID" 2>/dev/null || return 1; sleep 0.2; done
  return 1
}
prop() { grep -m1 "^$2=" "$1" | cut -d= -f2-; }

run_client() { # users ramp settle hold idle think out; call it in a subshell or in the background (it execs)
  cd bench/load && exec ../../mvnw -B -ntp -o gatling:test $reports \
      -Dload.baseUrl="$BASE_URL" -Dload.users="$1" -Dload.ramp="$2" -Dload.settle="$3" \
      -Dload.hold="$4" -Dload.idle="$5" -Dload.think="$6" -Dload.offset="$OFFSET" -Dload.out="$7" \
      -Dgatling.resultsFolder="$7/gatling" >"$7/gatling.log" 2>&1
}
reports=-Dgatling.noReports=true
[ "${REPORTS:-}" = 1 ] && reports=""

# A fresh JVM first runs interpreted code (the password hash too): 20 users for WARMUP seconds, not measured.
WARMUP=${WARMUP:-45}
if [ -n "$APP_STARTED" ] && [ "$WARMUP" -gt 0 ]; then
  echo "warming up the app: 20 users for $WARMUP s"
  mkdir -p "$OUT/warmup"
  (run_client 20 5 0 "$WARMUP" 0 1 "$OUT/warmup") || echo "warm-up client failed; see $OUT/warmup/gatling.log"
fi

TICK=$(getconf CLK_TCK)
RESULTS="$OUT/results.txt"
printf '%-6s %8s %8s %8s %8s %7s %10s %10s %12s %12s\n' users p50_ms p95_ms p99_ms max_ms errors pv_per_s \
  autosaves heap_kb/sess cpu_ms/pv | tee "$RESULTS"
started_at=$(date -u '+%Y-%m-%d %H:%M:%S')
for n in $USERS; do
  ramp=${RAMP:-$(( n / 8 > 30 ? n / 8 : 30 ))}
  dir="$OUT/users-$n"
  mkdir -p "$dir"
  heap_before=""
  if [ -n "$APP_PID" ]; then heap_before=$(live_heap_kb "$dir/histo-before.txt"); fi
  echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" >"$dir/machine.txt"
  run_client "$n" "$ramp" "$SETTLE" "$HOLD" "$IDLE" "$THINK" "$dir" &
  CLIENT_PID=$!
  cpu0="" cpu1="" heap_kb="" cpu_ms=""
  if wait_for "$dir/window-start" $((ramp + SETTLE + 120)); then
    [ -n "$APP_PID" ] && cpu0=$(cpu_ticks)
    if [ -n "$APP_PID" ] && [ "${PROFILE:-}" = 1 ]; then
      "$JCMD" "$APP_PID" JFR.start name="load-$n" settings=profile filename="$dir/app.jfr" >/dev/null
    fi
    if wait_for "$dir/window-end" $((HOLD + 60)); then
      [ -n "$APP_PID" ] && cpu1=$(cpu_ticks)
      if [ -n "$APP_PID" ] && [ "${PROFILE:-}" = 1 ]; then "$JCMD" "$APP_PID" JFR.stop name="load-$n" >/dev/null; fi
      sleep 4 # requests in flight at the end of the window finish; everyone is idle and signed in
      signed_in=$(prop "$dir/window-end" signedIn)
      if [ -n "$APP_PID" ] && [ "${signed_in:-0}" -gt 0 ]; then
        heap_after=$(live_heap_kb "$dir/histo-after.txt")
        heap_kb=$(( (heap_after - heap_before) / signed_in ))
        echo "heap after GC: $heap_before KB before, $heap_after KB with $signed_in sessions" >"$dir/heap.txt"
        if [ "${HEAPDUMP:-}" = 1 ]; then "$JCMD" "$APP_PID" GC.heap_dump "$dir/idle.hprof" >/dev/null; fi
      fi
    fi
  fi
  wait "$CLIENT_PID" || echo "the client for $n users exited with an error; see $dir/gatling.log"
  CLIENT_PID=""
  s="$dir/summary.properties"
  if [ ! -f "$s" ]; then echo "$n users: no summary; see $dir/gatling.log"; continue; fi
  pv=$(prop "$s" page_views)
  if [ -n "$cpu1" ] && [ "${pv:-0}" -gt 0 ]; then
    cpu_ms=$(awk -v d=$((cpu1 - cpu0)) -v t="$TICK" -v pv="$pv" 'BEGIN { printf "%.1f", d * 1000 / t / pv }')
    echo "app CPU in the window: $(awk -v d=$((cpu1 - cpu0)) -v t="$TICK" 'BEGIN { printf "%.1f", d / t }') s" >>"$dir/heap.txt"
  fi
  printf '%-6s %8s %8s %8s %8s %7s %10s %10s %12s %12s\n' "$n" "$(prop "$s" p50_ms)" "$(prop "$s" p95_ms)" \
    "$(prop "$s" p99_ms)" "$(prop "$s" max_ms)" "$(prop "$s" errors)" "$(prop "$s" page_views_per_s)" \
    "$(prop "$s" autosaves)" "${heap_kb:--}" "${cpu_ms:--}" | tee -a "$RESULTS"
done

# The reflections really arrived: learners whose typed text is in the database since this run started.
if sql -e "use $LOAD_DB" 2>/dev/null; then
  saved=$(sql -N "$LOAD_DB" -e "SELECT COUNT(DISTINCT a.learner_id) FROM attempt_step s JOIN attempt a ON a.id = s.attempt_id
      JOIN person p ON p.id = a.learner_id WHERE p.email LIKE 'load-%@load.example'
      AND s.answer LIKE 'Load test reflection%' AND s.updated_at >= '$started_at'" 2>/dev/null || echo "?")
  echo "learners whose reflection is saved in $LOAD_DB since $started_at UTC: $saved" | tee -a "$RESULTS"
fi
echo "window details (by kind of request, errors): $OUT/users-*/summary.properties"
