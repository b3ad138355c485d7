#!/usr/bin/env bash
# Bulk awards at the crypto limit (issue 14): starts the packaged jar with the demo profile on a new data directory
# (embedded store, loopback only), then runs bulk awards through the real endpoint (CSV upload, job polled until
# DONE) with IssuingLoadBenchmark, each preceded by RSA-3072 signing alone on every core (the ceiling):
#   1,000 hosted, 10,000 hosted, 10,000 signed, then 20,000 hosted twice and 10,000 hosted again,
# so the last row repeats the second one with ~50,000 more awards in the store (cost per award should stay flat).
#
#   perf/bulk.sh                   # STEPS="1000:0 10000:0 0:10000 20000:0 20000:0 10000:0" PORT=18096 JFR=1
#   DATA=/tmp/scale-data STEPS="2000:0" perf/bulk.sh   # on a store filled by perf/seed-scale.sh (kept afterwards)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18096}
CAIRN_JAR=${CAIRN_JAR:-$PWD/target/cairn.jar}
STEPS=${STEPS:-"1000:0 10000:0 0:10000 20000:0 20000:0 10000:0"}
OUT=$PWD/target/perf
mkdir -p "$OUT"
KEEP=${DATA:+1}
DATA=${DATA:-$(mktemp -d /tmp/cairn-bulk-XXXXXX)}
C="http://127.0.0.1:$PORT"
JFR_OPT=()
if [ -n "${JFR:-}" ]; then JFR_OPT=("-XX:StartFlightRecording=filename=$OUT/bulk.jfr,settings=profile"); fi
java -Xmx1g "${JFR_OPT[@]}" -jar "$CAIRN_JAR" --server.address=127.0.0.1 --server.port="$PORT" --cairn.data-dir="$DATA" \
  --cairn.public-base-url="$C" --spring.profiles.active=demo >"$OUT/bulk.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; [ -n "$KEEP" ] || rm -rf "$DATA"' EXIT
until curl -fsS -o /dev/null "$C/actuator/health/readiness" 2>/dev/null; do
  kill -0 $PID 2>/dev/null || { echo "the service stopped; see $OUT/bulk.log" >&2; exit 1; }
  sleep 0.5
done
for _ in $(seq 1 240); do grep -qE ' revoked |seeded by an earlier start' "$OUT/bulk.log" && break; sleep 0.5; done
echo "cores=$(nproc)"
for step in $STEPS; do
  hosted=${step%%:*}; signed=${step##*:}
  echo "--- load average $(cut -d' ' -f1-3 /proc/loadavg); store before: $(grep -c 'Bulk award job .* finished' "$OUT/bulk.log" || true) jobs"
  java src/test/java/org/cairn/issuing/IssuingLoadBenchmark.java "$C" "$hosted" "$signed" 0 1 | grep -E 'RSA|bulk'
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
