#!/bin/sh
# The training run for the JDK's AOT cache (JEP 483/514/515), run by the Dockerfile and by bench/startup.sh
# alike. In the extracted application's directory ($1) it starts the app the way production does, against a
# throw-away MariaDB of its own: Flyway makes the schema, Hibernate checks it, Tomcat and Vaadin start, and the
# sign-in page, the verification page and the readiness check are each asked for once. Then it stops the app
# (SIGTERM, the graceful shutdown) and on exit the JVM writes app.aot next to encounter.jar: every class the start
# loaded, already parsed and linked, and the profiles of the methods it ran. `java -XX:AOTCache=app.aot -jar
# encounter.jar` then starts from there. The cache fits only this jar, this JDK and these JVM options (compact object
# headers, as the image's start uses them): build it again with each new jar.
#
# The database: TRAINING_DB_URL (with TRAINING_DB_USER/TRAINING_DB_PASSWORD) if given, an empty database the run may
# fill. Otherwise the script starts mariadbd (the Dockerfile's first stage installs it) in a scratch directory on
# 127.0.0.1:$TRAINING_DB_PORT (3399) and removes it afterwards. Nothing of the run stays in the image: not the
# database, not the signing key the start creates (both in the scratch directory).
#
# Without any database (no TRAINING_DB_URL, no mariadbd) it falls back to a shorter run that needs none: it stops
# once the Spring context is refreshed, with Flyway off and Hibernate told the dialect. That cache misses the
# database's classes (Flyway, Hibernate's schema check, the driver), so the start is about two seconds slower.
set -eu
cd "$1"
scratch=$(mktemp -d)
db_pid=
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  if [ -n "$db_pid" ]; then
    kill "$db_pid" 2>/dev/null || true
    i=0; while kill -0 "$db_pid" 2>/dev/null && [ $i -lt 120 ]; do sleep 0.25; i=$((i + 1)); done
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT
export CERT_KEYSTORE="$scratch/keys/certificates.p12" CERT_KEYSTORE_PASSWORD=training EXPORT_DIR="$scratch/exports" \
  DEMO_ENABLED=false
jvm="${JAVA_OPTS:-} -XX:+UseCompactObjectHeaders -XX:AOTCacheOutput=app.aot -Xlog:aot=error"
mariadbd=$(command -v mariadbd || ls /usr/sbin/mariadbd 2>/dev/null || true)

if [ -z "${TRAINING_DB_URL:-}" ] && [ -n "$mariadbd" ]; then
  port=${TRAINING_DB_PORT:-3399}
  mkdir "$scratch/db"
  mariadb-install-db --no-defaults --datadir="$scratch/db" --user="$(id -un)" --auth-root-authentication-method=normal \
    >"$scratch/db-install.log" 2>&1 || { cat "$scratch/db-install.log"; exit 1; }
  "$mariadbd" --no-defaults --user="$(id -un)" --datadir="$scratch/db" --socket="$scratch/db.sock" --port="$port" \
    --bind-address=127.0.0.1 --pid-file="$scratch/db.pid" --log-error="$scratch/db.err" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=64M &
  db_pid=$!
  i=0
  until mariadb --no-defaults -uroot --socket="$scratch/db.sock" -e 'CREATE DATABASE training' 2>/dev/null; do
    kill -0 "$db_pid" 2>/dev/null && [ $i -lt 240 ] || { echo "the training database did not start:"; cat "$scratch/db.err"; exit 1; }
    sleep 0.25; i=$((i + 1))
  done
  TRAINING_DB_URL="jdbc:mariadb://127.0.0.1:$port/training" TRAINING_DB_USER=root TRAINING_DB_PASSWORD=
fi

if [ -n "${TRAINING_DB_URL:-}" ]; then
  web=${TRAINING_PORT:-8099}
  DB_URL="$TRAINING_DB_URL" DB_USER="${TRAINING_DB_USER:-root}" DB_PASSWORD="${TRAINING_DB_PASSWORD:-}" PORT=$web \
  SHUTDOWN_DRAIN=0s java $jvm -jar encounter.jar &
  app_pid=$!
  i=0
  until curl -fs "http://127.0.0.1:$web/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$app_pid" 2>/dev/null && [ $i -lt 1200 ] || { echo "the training run did not get ready"; exit 1; }
    sleep 0.25; i=$((i + 1))
  done
  for page in login verify actuator/health/liveness; do
    curl -fs -o /dev/null "http://127.0.0.1:$web/$page"
  done
  kill -TERM "$app_pid"
  wait "$app_pid" || true   # 143: stopped by SIGTERM, as asked; the JVM writes app.aot on its way out
  app_pid=
else
  DB_URL=jdbc:mariadb://127.0.0.1:9/no-database-in-a-training-run DB_USER=training DB_PASSWORD= \
  java $jvm \
      -Dspring.context.exit=onRefresh \
      -Dspring.flyway.enabled=false \
      -Dspring.jpa.hibernate.ddl-auto=none \
      -Dspring.jpa.database-platform=org.hibernate.dialect.MariaDBDialect \
      -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
      -jar encounter.jar
fi
test -s app.aot
