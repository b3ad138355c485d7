#!/usr/bin/env bash
# Scale measurement (issue 14): starts the packaged jar on a data directory filled by perf/seed-scale.sh (embedded
# store unless MONGO_URI is given), reports the time from `java -jar` to the first 200 of the readiness probe, signs
# in as the demo's administrator, a teacher and an assessor, and requests every page those people open (the API
# calls the web app makes) REQUESTS times each, one after the other, printing median and p95 in milliseconds.
#
#   perf/scale.sh DATA_DIR                        # REQUESTS=30 PORT=18095 CAIRN_JAR=target/cairn.jar
#   MONGO_URI=mongodb://127.0.0.1:27017/cairn perf/scale.sh DATA_DIR
#   STARTUP_ONLY=1 perf/scale.sh DATA_DIR         # only the start-up: wall and CPU time to ready, then stop
#   STARTUP_ONLY=1 PROFILE= perf/scale.sh $(mktemp -d)   # the same on an empty directory, no demo
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:?data directory (perf/seed-scale.sh)}
REQUESTS=${REQUESTS:-30}
PORT=${PORT:-18095}
CAIRN_JAR=${CAIRN_JAR:-$PWD/target/cairn.jar}
OUT=$PWD/target/perf
mkdir -p "$OUT"
C="http://127.0.0.1:$PORT"
EXTRA=()
if [ -n "${MONGO_URI:-}" ]; then EXTRA+=("--spring.mongodb.uri=$MONGO_URI"); fi

echo "load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s%N)
java -Xmx1g -jar "$CAIRN_JAR" --server.address=127.0.0.1 --server.port="$PORT" --cairn.data-dir="$DATA" \
  --cairn.public-base-url="http://127.0.0.1:8080" --spring.profiles.active="${PROFILE-demo}" "${EXTRA[@]}" \
  >"$OUT/scale.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
until curl -fsS -o /dev/null "$C/actuator/health/readiness" 2>/dev/null; do
  kill -0 $PID 2>/dev/null || { echo "the service stopped; see $OUT/scale.log" >&2; exit 1; }
  sleep 0.1
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
cpu=$(( $(awk '{print $14+$15}' /proc/$PID/stat) * 1000 / $(getconf CLK_TCK) ))
echo "ready in ${ready} ms wall, ${cpu} ms CPU ($(grep -o 'Started CairnApplication in [0-9.]* seconds' "$OUT/scale.log" || true)); load average $(cut -d' ' -f1-3 /proc/loadavg)"
grep -o 'Building index .*' "$OUT/scale.log" || true
if [ -n "${STARTUP_ONLY:-}" ]; then exit 0; fi

login() { # email -> cookie jar
  local jar="$OUT/scale-$1.jar"
  rm -f "$jar"
  curl -fsS -c "$jar" -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"${CAIRN_DEMO_PASSWORD:-cairn-demo-password}\"}" "$C/api/v1/auth/login"
  echo "$jar"
}
ADMIN=$(login admin@demo.cairn.test)
TEACHER=$(login teacher3@demo.cairn.test)
ASSESSOR=$(login assessor1@demo.cairn.test)
get() { curl -fsS -b "$1" "$C$2"; }
first_id() { python3 -c "import json,sys; d=json.load(sys.stdin); d=d.get('items', d) if isinstance(d, dict) else d; print(d[0]['$1'] if d else '')"; }
template=$(get "$ADMIN" /api/v1/templates | first_id id)
enrollment=$(get "$TEACHER" /api/v1/enrollments | first_id id)

measure() { # who-jar, label, path
  local jar=$1 label=$2 path=$3 times=() code size
  if [ -n "${WARMING:-}" ]; then # a pass over every row first, so no row pays for the JIT's warm-up
    for _ in $(seq 1 "$WARMING"); do curl -s -o /dev/null -b "$jar" "$C$path"; done
    return
  fi
  for _ in $(seq 1 "$REQUESTS"); do
    read -r code size t < <(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{size_download} %{time_total}\n' "$C$path")
    times+=("$t")
  done
  printf '%s\n' "${times[@]}" | python3 -c "
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin)
p95 = t[min(len(t) - 1, int(round(0.95 * len(t))) - 1)]
print(f'| {sys.argv[1]:<44} | {sys.argv[2]} | {sys.argv[3]:>8} | {statistics.median(t):8.1f} | {p95:8.1f} |')" "$label" "$code" "$size"
}
rows() {
measure "$ADMIN" "admin: GET /api/v1/me" /api/v1/me
measure "$ADMIN" "admin: assertions, first page" "/api/v1/assertions?page=0&size=50"
measure "$ADMIN" "admin: assertions, page 20" "/api/v1/assertions?page=20&size=50"
measure "$ADMIN" "admin: assertions, search by name" "/api/v1/assertions?page=0&size=50&q=Person%201234"
measure "$ADMIN" "admin: people" /api/v1/people
measure "$ADMIN" "admin: people, a page of 50" "/api/v1/people?page=3&size=50"
measure "$ADMIN" "admin: enrolments (district)" "/api/v1/enrollments?scope=district"
measure "$ADMIN" "admin: enrolments (district), a page of 50" "/api/v1/enrollments?scope=district&page=3&size=50"
measure "$ADMIN" "admin: approvals (proposed)" "/api/v1/enrollments?scope=district&state=PROPOSED"
measure "$ADMIN" "admin: budget" /api/v1/budget
measure "$ADMIN" "admin: review queue (district)" /api/v1/reviews/queue
measure "$ADMIN" "admin: participation report" /api/v1/reports/participation
measure "$ADMIN" "admin: coverage report" /api/v1/reports/coverage
measure "$ADMIN" "admin: template report" "/api/v1/reports/templates/$template"
measure "$ADMIN" "admin: templates" /api/v1/templates
measure "$ADMIN" "admin: issuing settings" /api/v1/issuing/settings
measure "$ADMIN" "admin: webhooks" /api/v1/webhooks
measure "$ADMIN" "admin: district" /api/v1/district
measure "$ADMIN" "admin: notifications" /api/v1/notifications
measure "$TEACHER" "teacher: my badges" /api/v1/me/badges
measure "$TEACHER" "teacher: my enrolments" /api/v1/enrollments
measure "$TEACHER" "teacher: enrolment" "/api/v1/enrollments/$enrollment"
measure "$TEACHER" "teacher: enrolment's submissions" "/api/v1/enrollments/$enrollment/submissions"
measure "$TEACHER" "teacher: notifications" /api/v1/notifications
measure "$TEACHER" "teacher: catalogue" /api/v1/catalogue
measure "$TEACHER" "teacher: portfolio" /api/v1/me/portfolio
measure "$ASSESSOR" "assessor: my reviews" /api/v1/reviews
}
WARMING=${WARMUP:-5} rows
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); $REQUESTS requests per row, one at a time, after ${WARMUP:-5} per row to warm up"
echo "| page (who: API call) | status | bytes | median ms | p95 ms |"
echo "| --- | --- | ---: | ---: | ---: |"
rows
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
