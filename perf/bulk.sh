#!/usr/bin/env bash
# Bulk awards at the crypto limit (issue 14): starts the packaged jar with the demo profile on a new data directory
# (embedded store, loopback only), then runs bulk awards through the real endpoint (CSV upload, job polled until
# DONE) with IssuingLoadBenchmark, each preceded by RSA-3072 signing alone on every core (the ceiling):
#   1,000 hosted, 10,000 hosted, 10,000 signed, then 20,000 hosted twice and 10,000 hosted again,
# so the last row repeats the second one with ~50,000 more awards in the store (cost per award should stay flat).
# For each job it prints the wall time, awards/s and the CPU time the service used (user + sys from /proc, the
# steadier figure on a shared machine) per award, then the curve as a table. The jobs' Open Badges 3.0 credentials
# trail the jobs (docs/issuing.md); at the end the script watches them for TRAIL seconds (default 30) and prints
# their rate and CPU per credential.
#
#   perf/bulk.sh                   # STEPS="1000:0 10000:0 0:10000 20000:0 20000:0 10000:0" PORT=18096
#   STEPS="2000:0 0:2000" JFR=1 perf/bulk.sh             # a JFR recording in target/perf/bulk.jfr
#   DATA=/tmp/scale-data STEPS="2000:0" perf/bulk.sh   # on a store filled by perf/seed-scale.sh (kept afterwards)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18096}
CAIRN_JAR=${CAIRN_JAR:-$PWD/target/cairn.jar}
STEPS=${STEPS:-"1000:0 10000:0 0:10000 20000:0 20000:0 10000:0"}
TRAIL=${TRAIL:-30}
OUT=$PWD/target/perf
mkdir -p "$OUT"
KEEP=${DATA:+1}
DATA=${DATA:-$(mktemp -d /tmp/cairn-bulk-XXXXXX)}
C="http://127.0.0.1:$PORT"
BENCH=src/test/java/org/cairn/issuing/IssuingLoadBenchmark.java
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
cpu_ms() { echo $(( $(awk '{print $14 + $15}' "/proc/$PID/stat") * 1000 / $(getconf CLK_TCK) )); }
credentials() { grep -c 'Issued Open Badges 3.0 credential' "$OUT/bulk.log" || true; }
echo "cores=$(nproc)"
awarded=0
curve=()
for step in $STEPS; do
  hosted=${step%%:*}; signed=${step##*:}
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "--- load average $load; awarded in this run before this step: $awarded"
  rsa=$(java "$BENCH" "$C" 0 0 0 1 | grep -o '[0-9]* signs/s' || echo "? signs/s")
  echo "RSA-3072 signing alone on $(nproc) threads just before: $rsa"
  cpu0=$(cpu_ms)
  line=$(RSA_SECONDS=0 java "$BENCH" "$C" "$hosted" "$signed" 0 1 | grep -E '^bulk' | tail -1)
  cpu1=$(cpu_ms)
  echo "$line"
  n=$((hosted + signed))
  secs=$(echo "$line" | grep -o 'done in [0-9.]* s' | grep -o '[0-9.]*')
  rate=$(echo "$line" | grep -o '= [0-9]* awards/s' | grep -o '[0-9]*')
  mode=$([ "$signed" -gt 0 ] && echo signed || echo hosted)
  cpu=$((cpu1 - cpu0))
  echo "service CPU for the job (upload to DONE): $cpu ms = $((cpu * 1000 / n)) us per award"
  curve+=("| $awarded | $mode | $n | $secs | $rate | $((cpu / 1000)).$((cpu % 1000 / 100)) | $((cpu * 1000 / n)) | $rsa | $load |")
  awarded=$((awarded + n))
done
echo
echo "Cost per award as the store grows (awarded before: by this run; DATA's own assertions come on top):"
echo "| awarded before | mode | recipients | done in s | awards/s | service CPU s | CPU us/award | RSA-3072 alone, all cores | load before |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"
printf '%s\n' "${curve[@]}"
issued0=$(credentials); cpu0=$(cpu_ms)
sleep "$TRAIL"
issued1=$(credentials); cpu1=$(cpu_ms)
trailing=$(grep -o '[0-9]* still trailing' "$OUT/bulk.log" | tail -1 || true)
echo
echo "Open Badges 3.0 credentials trailing the jobs, watched for $TRAIL s after the last job: $((issued1 - issued0)) issued" \
  "($(( (issued1 - issued0) / TRAIL ))/s), service CPU $((cpu1 - cpu0)) ms" \
  "= $(( issued1 > issued0 ? (cpu1 - cpu0) / (issued1 - issued0) : 0 )) ms per credential; $issued1 issued since the start" \
  "of $awarded awarded plus the demo's (last report: ${trailing:-none yet})"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
