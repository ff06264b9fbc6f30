#!/usr/bin/env bash
# Measures how long the default start (./mvnw spring-boot:run, embedded MariaDB, demo world)
# takes until /actuator/health is UP: once on an empty data directory, then a restart on the
# same data. Prints the figures; records nothing by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-8097}
data=$(mktemp -d "$PWD/target/bench-db.XXXX")
./mvnw -q -ntp -DskipTests compile

run_once() {
  local label=$1 start end pid
  start=$(date +%s%N)
  EMBEDDED_DB_DIR="$data/mariadb" PORT=$port ./mvnw -q -ntp spring-boot:run >"$data/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then break; fi
    sleep 0.25
  done
  end=$(date +%s%N)
  local login_ms
  login_ms=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/login")
  printf '%-8s healthy after %6.1f s   GET /login %5.0f ms   app says: %s\n' "$label" \
    "$(echo "($end - $start) / 1000000000" | bc -l)" "$(echo "$login_ms * 1000" | bc -l)" \
    "$(grep -oE 'Started EncounterApplication in [0-9.]+ seconds' "$data/$label.log" | head -1)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # spring-boot:run forks the app; wait until its port is free again.
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 || break; sleep 0.25; done
}

run_once first
run_once restart
rm -rf "$data"
