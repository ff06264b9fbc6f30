#!/bin/sh
# The training run for the JDK's AOT cache (JEP 483/514/515), run by the Dockerfile and by bench/startup.sh
# alike: in the extracted application's directory ($1), it starts the Spring context and exits once the
# context is refreshed (spring.context.exit=onRefresh: every bean created, nothing served, no runner run).
# On exit the JVM writes app.aot next to encounter.jar: the classes the start loaded, already parsed and
# linked, and the profiles of the methods it ran. `java -XX:AOTCache=app.aot -jar encounter.jar` then
# starts from there. The cache fits only this jar, this JDK and these JVM options (compact object headers, as the
# image's start uses them): build it again with each new jar.
#
# It needs no database, so it runs where there is none (the image's build). The connection pool opens
# no connection until one is asked for; for this run only, Flyway is off and Hibernate neither validates
# the schema nor reads the database's metadata (it is told the dialect instead). These are the settings
# Spring documents for training runs; the real start still migrates and validates.
# The signing key the start would create goes to a throw-away directory, never into the image.
set -eu
cd "$1"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
DB_URL=jdbc:mariadb://127.0.0.1:9/no-database-in-a-training-run DB_USER=training DB_PASSWORD= \
CERT_KEYSTORE="$scratch/keys/certificates.p12" CERT_KEYSTORE_PASSWORD=training EXPORT_DIR="$scratch/exports" \
DEMO_ENABLED=false \
java ${JAVA_OPTS:-} -XX:+UseCompactObjectHeaders -XX:AOTCacheOutput=app.aot -Xlog:aot=error \
    -Dspring.context.exit=onRefresh \
    -Dspring.flyway.enabled=false \
    -Dspring.jpa.hibernate.ddl-auto=none \
    -Dspring.jpa.database-platform=org.hibernate.dialect.MariaDBDialect \
    -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
    -jar encounter.jar
test -s app.aot
