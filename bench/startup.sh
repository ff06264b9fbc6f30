#!/usr/bin/env bash
# How long the production jar takes to start, with and without the JDK's AOT cache, against an external
# MariaDB (127.0.0.1:3306, user root without password; BENCH_DB names the database, default
# encounter_startup, dropped and made again here). It performs the Dockerfile's steps outside Docker:
# unpack the jar, the training run (docker/aot-training.sh: it starts a throw-away mariadbd of its own on
# 127.0.0.1:3399 and the app on 127.0.0.1:8099 for the run), then start with -XX:AOTCache. It times:
#   - a first start (empty database: Flyway creates the schema) without and with the cache;
#   - RUNS later starts (existing database) of today's `java -jar encounter.jar`, of the unpacked jar
#     without the cache, and of the unpacked jar with it, taken in turn.
# Each start counts until /actuator/health/readiness says UP, and also shows Spring's own "Started ... in",
# the CPU seconds the JVM used until then, and one GET /login afterwards. PROFILE=1 also records a JFR
# profile of one later start without the cache (target/startup/start.jfr). Prints the figures; records
# nothing by itself. Builds the jar first only if target/encounter.jar is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-8097}
db=${BENCH_DB:-encounter_startup}
runs=${RUNS:-3}
java_opts=${JAVA_OPTS:-"-XX:+UseCompactObjectHeaders -XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=10 -XX:MetaspaceSize=256m"}   # as the Dockerfile's ENTRYPOINT
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
[ -f target/encounter.jar ] || ./mvnw -B -ntp -DskipTests package
work="$PWD/target/startup"
rm -rf "$work"; mkdir -p "$work"

fresh_db() {
  mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
}

# The Dockerfile's first stage.
t0=$(date +%s%N)
java -Djarmode=tools -jar target/encounter.jar extract --destination "$work/app" >/dev/null
t1=$(date +%s%N)
JAVA_OPTS="$java_opts" sh docker/aot-training.sh "$work/app" >"$work/training.log" 2>&1
t2=$(date +%s%N)
printf 'unpack %.1f s, training run %.1f s, app.aot %d MB\n' "$(echo "($t1-$t0)/10^9" | bc -l)" \
  "$(echo "($t2-$t1)/10^9" | bc -l)" "$(( $(stat -c %s "$work/app/app.aot") / 1048576 ))"

start_once() {   # label, then java's arguments; runs in the directory of the jar given
  local label=$1 dir=$2; shift 2
  local log="$work/$label.log" start end pid ticks login
  start=$(date +%s%N)
  (cd "$dir" && exec env DB_URL="jdbc:mariadb://127.0.0.1:3306/$db" DB_USER=root DB_PASSWORD= PORT=$port \
      CERT_KEYSTORE="$work/data/keys/certificates.p12" CERT_KEYSTORE_PASSWORD=bench-only-password \
      EXPORT_DIR="$work/data/exports" DEMO_ENABLED=false java $java_opts "$@") >"$log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "$label: the app stopped, see $log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  login=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/login")
  printf '%-22s ready after %5.1f s  CPU %5.1f s  GET /login %4.0f ms  %s\n' "$label" \
    "$(echo "($end - $start) / 10^9" | bc -l)" "$(echo "$ticks / $(getconf CLK_TCK)" | bc -l)" \
    "$(echo "$login * 1000" | bc -l)" \
    "$(grep -oE 'Started EncounterApplication in [0-9.]+ seconds' "$log" | head -1 | sed 's/EncounterApplication //')"
  grep -q 'Unable to use AOT cache\|AOT cache.*disabled\|Mismatched' "$log" && echo "  (the JVM did not use the cache: see $log)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
fresh_db
start_once first-no-cache "$PWD/target" -jar encounter.jar
fresh_db
start_once first-aot-cache "$work/app" -XX:AOTCache=app.aot -jar encounter.jar
for i in $(seq 1 "$runs"); do
  start_once "later-jar-$i" "$PWD/target" -jar encounter.jar
  start_once "later-unpacked-$i" "$work/app" -jar encounter.jar
  start_once "later-aot-cache-$i" "$work/app" -XX:AOTCache=app.aot -jar encounter.jar
done
if [ "${PROFILE:-0}" = 1 ]; then
  start_once later-jar-profiled "$PWD/target" "-XX:StartFlightRecording=filename=$work/start.jfr,settings=profile" -jar encounter.jar
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
