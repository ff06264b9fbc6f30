#!/usr/bin/env bash
# Action-learning sets at scale: on the team-progress data (20,000 staff, 300 modules, 500,000 attempts;
# generated once, see team-progress.sh) adds 100 facilitators running 2,500 sets of 8 with six meetings each
# and the attendance of those held, in a MariaDB database on 127.0.0.1:3306, then runs SetsBenchmark.
#   BENCH_DB=name  database to use (default encounter_bench)
#   FRESH=1        drop and recreate it first (generation takes several minutes)
exec bash "$(dirname "$0")/at-scale.sh" SetsBenchmark bench-sets.txt
