# The production jar (optimised front-end bundle, no embedded database): ./mvnw -DskipTests package
#
# The first stage unpacks the jar (the JDK's AOT cache works only with plain jars on the class path) and runs
# the training run that records the cache, app.aot (docker/aot-training.sh): the app starts once as in production,
# against a throw-away MariaDB of this stage (migrated by Flyway, checked by Hibernate), answers a few pages and
# stops. The image starts with that cache: most of the start's time is loading and linking classes, which it then
# skips. Nothing of this stage but /app reaches the image (not the database, not MariaDB itself).
# bench/startup.sh performs these same steps outside Docker and measures the start with and without it.
FROM eclipse-temurin:25-jre AS aot
RUN apt-get update && apt-get install -y --no-install-recommends mariadb-server curl
WORKDIR /app
COPY target/encounter.jar /tmp/encounter.jar
COPY docker/aot-training.sh /tmp/aot-training.sh
RUN java -Djarmode=tools -jar /tmp/encounter.jar extract --destination /app \
    && sh /tmp/aot-training.sh /app

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 1001 encounter && mkdir -p /app/data && chown encounter /app/data
# Same directory, same JDK, same jars and the same relative class path (-jar encounter.jar from /app) as in the
# training run: the cache is used only when they match (otherwise the JVM logs why and starts without it).
# Compact object headers (JEP 519) make every object 4 bytes smaller; the training run uses them too, as it must.
# A larger first heap and metaspace halve the collections during the start (12 to 6, and no concurrent cycle).
COPY --from=aot /app /app
USER encounter
WORKDIR /app
EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-XX:+UseCompactObjectHeaders", "-XX:MaxRAMPercentage=75", \
    "-XX:InitialRAMPercentage=10", "-XX:MetaspaceSize=256m", "-jar", "encounter.jar"]
