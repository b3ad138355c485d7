#!/usr/bin/env bash
# Practice library search at scale (issue 18: "< 200 ms median with 50,000 pieces on the embedded store"): fills a
# new data directory with the demo and PIECES shared pieces (org.cairn.practice.PracticeSeed, test scope, through
# the library's own key rules), starts the packaged jar on it, signs in as a demo teacher and times each search the
# web app makes (perf/practice_search.py: browse, by cluster, standard, grade and subject, by common and rare words,
# combinations, a later page, the public page), REQUESTS times each, one after the other, next to GET /api/v1/me as
# the reference measured in the same minutes. Prints the load average beside the figures.
#
#   perf/practice.sh DATA_DIR [PIECES=50000]      # REQUESTS=30 WARMUP=5 PORT=18096 CAIRN_JAR=target/cairn.jar
#   (an existing DATA_DIR holding practice-seed.txt is measured again without seeding)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:?data directory}
PIECES=${2:-50000}
PORT=${PORT:-18096}
CAIRN_JAR=${CAIRN_JAR:-$PWD/target/cairn.jar}
OUT=$PWD/target/perf
mkdir -p "$OUT" "$DATA"
if [ ! -f "$DATA/practice-seed.txt" ]; then
  if [ -e "$DATA/cairn.mv" ]; then echo "$DATA holds a store that perf/practice.sh did not seed" >&2; exit 1; fi
  if [ ! -f target/test-classes/org/cairn/practice/PracticeSeed.class ] || [ src/test/java/org/cairn/practice/PracticeSeed.java -nt target/test-classes/org/cairn/practice/PracticeSeed.class ]; then
    ./mvnw -q -B -ntp -Dskip.frontend=true test-compile
  fi
  if [ ! -f target/scale.classpath ] || [ pom.xml -nt target/scale.classpath ]; then
    ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/scale.classpath -Dmdep.includeScope=test
  fi
  echo "seeding $PIECES pieces; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/scale.classpath)" org.cairn.practice.PracticeSeed \
    "$DATA" "$PIECES"
fi

echo "load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -jar "$CAIRN_JAR" --server.address=127.0.0.1 --server.port="$PORT" --cairn.data-dir="$DATA" \
  --cairn.public-base-url="http://127.0.0.1:8080" --spring.profiles.active=demo --management.endpoints.web.exposure.include=health,metrics >"$OUT/practice.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null; do
  kill -0 $PID 2>/dev/null || { echo "the service stopped; see $OUT/practice.log" >&2; exit 1; }
  sleep 0.2
done
echo "data: $(cat "$DATA/practice-seed.txt"); store file $(du -m "$DATA/cairn.mv" | cut -f1) MB"
CAIRN_PID=$PID python3 perf/practice_search.py "http://127.0.0.1:$PORT" "${REQUESTS:-30}" "${WARMUP:-5}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
