#!/usr/bin/env bash
# Issue 17, point 6: the export of a person with 1,000 attempts (request to READY, ZIP size, heap) and the erasure
# of that person (one transaction), each while another person uses the app; plus what InnoDB holds locked during the
# erasure and which of other people's writes would wait, and a JFR profile of each. Runs PrivacyBenchmark against
# its own MariaDB database on 127.0.0.1:3306: the team-dashboard world (20,000 staff, 500,000 attempts; several
# minutes to generate the first time) and the person (PrivacyData). The database is kept for the next run.
#   XMX=size          the whole app's heap, -Xmx (default 112m: the smallest that runs without the collector
#                     thrashing; the app alone keeps about 86 MB live, see RESULTS.md)
#   RUNS=n            timed exports (default 3), after one warm-up
#   QUIET_SECONDS     how long the other person uses the app alone before each export (default 10)
#   ERASURES=n        timed erasures (default 10), after one warm-up
#   PHASES=export,erasure  which to run (default both)
#   PROFILE=0         no JFR recordings
#   BENCH_DB=name     database to use (default encounter_bench_privacy)
#   FRESH=1           drop and recreate it first
#   DROP=1            drop it at the end
set -euo pipefail
cd "$(dirname "$0")/.."
db=${BENCH_DB:-encounter_bench_privacy}
host=${BENCH_DB_HOST:-127.0.0.1}
port=${BENCH_DB_PORT:-3306}
xmx=${XMX:-112m}
if [[ ! $db =~ ^[A-Za-z0-9_]+$ ]]; then echo "BENCH_DB must be a plain name" >&2; exit 2; fi
if [[ ! $xmx =~ ^[0-9]+[mMgG]$ ]]; then echo "XMX must look like 128m" >&2; exit 2; fi
sql() { mariadb -h"$host" -P"$port" -uroot -e "$1"; }
if [[ ${FRESH:-0} == 1 ]]; then
  sql "DROP DATABASE IF EXISTS \`$db\`"
fi
sql "CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
DB_URL="jdbc:mariadb://$host:$port/$db" DB_USER=root DB_PASSWORD= \
  ./mvnw -q -ntp test -Dtest=PrivacyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx$xmx -Xlog:gc:file=target/bench-privacy-gc.log" || status=$?
if [[ ${DROP:-0} == 1 ]]; then
  sql "DROP DATABASE IF EXISTS \`$db\`"
fi
if [[ $status == 0 ]]; then
  cat target/bench-privacy.txt
  echo "JFR files: target/bench-privacy-export.jfr, target/bench-privacy-erasure.jfr"
  echo "  e.g. jfr print --events jdk.ExecutionSample target/bench-privacy-export.jfr | less"
fi
exit $status
