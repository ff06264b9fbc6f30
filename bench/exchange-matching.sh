#!/usr/bin/env bash
# How long the Leadership Exchange's matching takes on 500, 1,000 and 2,000 applicants (median and max of 5), and
# where the time goes for each choice of K (partners kept per candidate in large pools). No database, no Spring.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -ntp test -Dtest=ExchangeMatchingBenchmark -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench-exchange-matching.txt
