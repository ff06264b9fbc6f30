#!/usr/bin/env bash
# Action-learning sets at scale: on the team-progress data (20,000 staff, 300 modules, 500,000 attempts;
# generated once, see team-progress.sh) adds 100 facilitators running 2,500 sets of 8 with six meetings each
# and the attendance of those held, in a MariaDB database on 127.0.0.1:3306, then runs SetsBenchmark.
#   BENCH_DB=name  database to use (default encounter_bench)
#   FRESH=1        drop and recreate it first (generation takes several minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
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
  ./mvnw -q -ntp test -Dtest=SetsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench-sets.txt
