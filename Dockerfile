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
# Extracted (cairn.jar plus lib/, in layers), the layout class data sharing needs: a nested jar's classes cannot be
# archived.
RUN ./mvnw -B -Dskip.frontend=true -DskipTests package \
    && java -Djarmode=tools -jar target/cairn.jar extract --layers --destination /build/extracted

# 3. The runtime: a JRE only, the jar's layers from least to most often changed, and no root.
# Temurin's Ubuntu images (noble here) install curl on purpose (adoptium/containers#255): the health check uses it.
FROM eclipse-temurin:17-jre-noble
RUN groupadd --system --gid 10001 cairn \
    && useradd --system --uid 10001 --gid cairn --home-dir /app --no-create-home --shell /usr/sbin/nologin cairn \
    && mkdir -p /app /data \
    && chown cairn:cairn /data
WORKDIR /app
COPY --from=jar /build/extracted/dependencies/ ./
COPY --from=jar /build/extracted/spring-boot-loader/ ./
COPY --from=jar /build/extracted/snapshot-dependencies/ ./
COPY --from=jar /build/extracted/application/ ./
# Class data sharing: a training run records the classes a start loads (parsed and verified) into cairn.jsa, so every
# start maps them instead of reading them from the jars; it cuts start-up by about half (docs/foundation.md#measured).
# The run stops right after the application context is up (no runners, so nothing is seeded) and its data goes away.
RUN java -XX:ArchiveClassesAtExit=cairn.jsa -Dspring.context.exit=onRefresh -jar cairn.jar \
        --server.port=0 --cairn.data-dir=/tmp/cds-training \
    && rm -rf /tmp/cds-training && chmod 644 cairn.jsa
USER cairn
ENV PORT=8080 \
    CAIRN_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME ["/data"]
EXPOSE 8080
# Readiness, not liveness: it is down until the store answers and while a graceful shutdown drains requests.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/actuator/health/readiness" || exit 1
# The base image's entrypoint (optional extra CA certificates) execs this, so java is PID 1 and SIGTERM starts
# Spring's graceful shutdown (up to 20 s; hence --stop-timeout 30 above).
CMD ["java", "-XX:SharedArchiveFile=cairn.jsa", "-jar", "cairn.jar"]
