#!/usr/bin/env bash
# The learner's save path against a real (embedded) MariaDB: autosave of a reflection and step
# completion — median and p95 per operation, and autosaves per second on 1 and 2 threads.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -ntp test -Dtest=LearnerSaveBenchmark -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench-learner-save.txt
