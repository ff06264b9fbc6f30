#!/usr/bin/env bash
# One signed PDF/A-2b certificate end to end: median and p95 ms, certificates per second on both
# cores, and the file size.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -ntp test -Dtest=CertificateBenchmark -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench-certificates.txt
