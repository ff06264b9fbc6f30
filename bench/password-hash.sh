#!/usr/bin/env bash
# What one password hash costs with the app's encoder (PBKDF2) against the old bcrypt hashes:
# median and p95 of encode and check, for a short password and a 103-byte passphrase.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -ntp test -Dtest=PasswordHashBenchmark -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench-password-hash.txt
