# syntax=docker/dockerfile:1
#
# Cairn in one image:  docker build -t cairn .
#   docker run -p 8080:8080 -v cairn-data:/data --stop-timeout 30 cairn
# With no spring.mongodb.uri the embedded store keeps its file (and the mail outbox) on the /data volume; give
# SPRING_MONGODB_URI to use a MongoDB replica set instead. Configuration: docs/foundation.md.

# 1. The single-page app. Vite writes straight into ../target/classes/static, where the jar picks it up.
FROM node:20-bookworm-slim AS frontend
WORKDIR /build/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# 2. The service jar, built with the project's own Maven wrapper; tests ran in CI, not in the image build.
FROM eclipse-temurin:17-jdk-noble AS jar
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
# Dependencies in their own layer, so a source change does not download them again.
RUN ./mvnw -B -q -Dskip.frontend=true dependency:go-offline
COPY src/ src/
COPY badge-templates/ badge-templates/
COPY --from=frontend /build/target/classes/static/ target/classes/static/
# Extracted (cairn.jar plus lib/, in layers), the layout the AOT cache needs: a nested jar's classes cannot be
# cached.
RUN ./mvnw -B -Dskip.frontend=true -DskipTests package \
    && java -Djarmode=tools -jar target/cairn.jar extract --layers --destination /build/extracted

# 3. The runtime: a Java 25 JRE (the code is Java 17 bytecode; 25 runs it, and brings the AOT cache below), the
# jar's layers from least to most often changed, and no root.
# Temurin's Ubuntu images (noble here) install curl on purpose (adoptium/containers#255): the training run and the
# health check use it.
FROM eclipse-temurin:25-jre-noble
RUN groupadd --system --gid 10001 cairn \
    && useradd --system --uid 10001 --gid cairn --home-dir /app --no-create-home --shell /usr/sbin/nologin cairn \
    && mkdir -p /app /data \
    && chown cairn:cairn /data
WORKDIR /app
COPY --from=jar /build/extracted/dependencies/ ./
COPY --from=jar /build/extracted/spring-boot-loader/ ./
COPY --from=jar /build/extracted/snapshot-dependencies/ ./
COPY --from=jar /build/extracted/application/ ./
# Set before the training run below, so it records with the options every start uses.
ENV PORT=8080 \
    CAIRN_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# The AOT cache (JEP 483/514/515): a training run starts the service on a scratch data directory, waits until it is
# ready, asks a few pages and stops; the JVM then stores the classes it loaded, already parsed and linked, and the
# method profiles, into cairn.aot, and every start maps them. Start-up to ready takes about a third of the CPU of
# `java -jar` (docs/foundation.md#measured; the same steps as perf/startup.sh aot). Nothing of the run is kept but
# the cache (no demo profile, so nothing is seeded). It runs with the same -Dspring.aot.enabled=true as CMD below, so
# the cache holds the classes that start really loads.
RUN java -XX:AOTCacheOutput=cairn.aot -Dspring.aot.enabled=true -jar cairn.jar --server.address=127.0.0.1 --server.port=8080 \
        --cairn.data-dir=/tmp/aot-training > /tmp/aot-training.log 2>&1 & pid=$!; \
    for i in $(seq 1 600); do \
        curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health/readiness 2>/dev/null && break; sleep 0.5; \
    done; \
    for page in / /api/v1/auth/providers /api/v1/me /actuator/health /public/not-there; do \
        curl -s -o /dev/null "http://127.0.0.1:8080$page"; \
    done; \
    kill -TERM $pid; wait $pid; \
    test -f cairn.aot || { cat /tmp/aot-training.log; exit 1; }; \
    rm -rf /tmp/aot-training /tmp/aot-training.log && chmod 644 cairn.aot
USER cairn
VOLUME ["/data"]
EXPOSE 8080
# Readiness, not liveness: it is down until the store answers and while a graceful shutdown drains requests.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/actuator/health/readiness" || exit 1
# The base image's entrypoint (optional extra CA certificates) execs this, so java is PID 1 and SIGTERM starts
# Spring's graceful shutdown (up to 20 s; hence --stop-timeout 30 above).
# -Dspring.aot.enabled=true: the bean definitions Spring AOT generated when the jar was built (pom.xml, process-aot),
# instead of parsing the configuration classes and evaluating their conditions at every start; the settings a
# district changes (the store, SMTP, the demo profile) are decided inside the beans at run time.
CMD ["java", "-XX:AOTCache=cairn.aot", "-Dspring.aot.enabled=true", "-jar", "cairn.jar"]
