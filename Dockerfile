# The production jar (optimised front-end bundle, no embedded database): ./mvnw -DskipTests package
FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 1001 encounter && mkdir -p /app/data && chown encounter /app/data
USER encounter
WORKDIR /app
COPY target/encounter.jar /app/encounter.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/encounter.jar"]
