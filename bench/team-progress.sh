#!/usr/bin/env bash
# The manager's team dashboard at scale: generates (once) 20,000 staff in 1,000 teams, 300 modules,
# 500,000 attempts with answers and ratings, 100,000 assignments and the certificates in a MariaDB
# database on 127.0.0.1:3306, then runs TeamProgressBenchmark against it.
#   BENCH_DB=name  database to use (default encounter_bench)
#   FRESH=1        drop and recreate it first (generation takes several minutes)
exec bash "$(dirname "$0")/at-scale.sh" TeamProgressBenchmark bench-team-progress.txt
