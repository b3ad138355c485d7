#!/usr/bin/env bash
# Scale measurement (issue 14), the acceptance tool for "every page an administrator or teacher opens answers in
# < 100 ms median": starts the packaged jar on a data directory filled by perf/seed-scale.sh (embedded store unless
# MONGO_URI is given), reports the time from `java -jar` to the first 200 of the readiness probe, then
# perf/scale_pages.py signs in as the demo's administrator, a teacher and an assessor and opens every page of the web
# app (each route of frontend/src, as the API calls it makes on load) REQUESTS times, one after the other, printing
# per page the median and p90 in milliseconds, the bytes and the documents the embedded store read per opening, with
# the data size and the load average (the metrics endpoint is exposed on this run only, on loopback).
#
#   perf/scale.sh DATA_DIR                        # REQUESTS=20 WARMUP=3 PORT=18095 CAIRN_JAR=target/cairn.jar OUT=target/perf
#   MONGO_URI=mongodb://127.0.0.1:27017/cairn perf/scale.sh DATA_DIR
#   STARTUP_ONLY=1 perf/scale.sh DATA_DIR         # only the start-up: wall and CPU time to ready, then stop
#   STARTUP_ONLY=1 PROFILE= perf/scale.sh $(mktemp -d)   # the same on an empty directory, no demo
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:?data directory (perf/seed-scale.sh)}
REQUESTS=${REQUESTS:-20}
PORT=${PORT:-18095}
CAIRN_JAR=${CAIRN_JAR:-$PWD/target/cairn.jar}
OUT=${OUT:-$PWD/target/perf}  # where the service log goes: one per run when two run at once (an A/B)
mkdir -p "$OUT"
C="http://127.0.0.1:$PORT"
EXTRA=()
if [ -n "${MONGO_URI:-}" ]; then EXTRA+=("--spring.mongodb.uri=$MONGO_URI"); fi

echo "load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s%N)
java -Xmx1g -jar "$CAIRN_JAR" --server.address=127.0.0.1 --server.port="$PORT" --cairn.data-dir="$DATA" \
  --cairn.public-base-url="http://127.0.0.1:8080" --spring.profiles.active="${PROFILE-demo}" --management.endpoints.web.exposure.include=health,metrics "${EXTRA[@]}" \
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

# a store from before the recipient search gets its words once, in the background: measure after that
for _ in $(seq 1 1800); do grep -q 'Recipient search words' "$OUT/scale.log" && break; sleep 1; done
echo "$(grep -o 'Recipient search words.*' "$OUT/scale.log" || echo 'recipient search words: not reported within 30 min') ($(( ($(date +%s%N) - start) / 1000000000 )) s after java -jar)"
if [ -f "$DATA/seed.txt" ]; then echo "data: $(cat "$DATA/seed.txt")"; else echo "data: $DATA (not filled by perf/seed-scale.sh: sizes unknown)"; fi
echo "store file: $(du -m "$DATA/cairn.mv" 2>/dev/null | cut -f1) MB"
CAIRN_PID=$PID python3 perf/scale_pages.py "$C" "$REQUESTS" "${WARMUP:-3}"
