#!/usr/bin/env bash
# The partnership report and an organisation admin's overview at scale (issue 15, point 12): 10 organisations,
# 20,000 staff, 500,000 attempts, one partnership of six. Generates the data in its own MariaDB database on
# 127.0.0.1:3306 (the team-dashboard world, then split into ten organisations), runs PartnershipReportBenchmark,
# and drops the database at the end.
#   BENCH_DB=name  database to use (default encounter_bench_partnership)
#   KEEP=1         keep the database afterwards (a second run then skips generation)
set -euo pipefail
db=${BENCH_DB:-encounter_bench_partnership}
export BENCH_DB=$db
status=0
bash "$(dirname "$0")/at-scale.sh" PartnershipReportBenchmark bench-partnership-reports.txt || status=$?
if [[ ${KEEP:-0} != 1 ]]; then
  mariadb -h"${BENCH_DB_HOST:-127.0.0.1}" -P"${BENCH_DB_PORT:-3306}" -uroot -e "DROP DATABASE IF EXISTS \`$db\`"
fi
exit $status
