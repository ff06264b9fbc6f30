#!/usr/bin/env bash
# Runs one benchmark against the at-scale MariaDB database the benchmarks share (the data is generated once
# and reused); used by team-progress.sh and sets.sh.
#   at-scale.sh <BenchmarkClass> <report file under target/>
#   BENCH_DB=name  database to use (default encounter_bench)
#   FRESH=1        drop and recreate it first (generation takes several minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
test=$1
report=$2
db=${BENCH_DB:-encounter_bench}
host=${BENCH_DB_HOST:-127.0.0.1}
port=${BENCH_DB_PORT:-3306}
if [[ ! $db =~ ^[A-Za-z0-9_]+$ ]]; then echo "BENCH_DB must be a plain name" >&2; exit 2; fi
sql() { mariadb -h"$host" -P"$port" -uroot -e "$1"; }
if [[ ${FRESH:-0} == 1 ]]; then
  sql "DROP DATABASE IF EXISTS \`$db\`"
fi
sql "CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
DB_URL="jdbc:mariadb://$host:$port/$db" DB_USER=root DB_PASSWORD= \
  ./mvnw -q -ntp test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false
cat "target/$report"
