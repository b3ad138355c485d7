#!/usr/bin/env bash
# Bulk awards at the crypto limit (issue 14): starts the packaged jar with the demo profile on a new data directory
# (embedded store, loopback only), then runs bulk awards through the real endpoint (CSV upload, job polled until
# DONE) with IssuingLoadBenchmark, each preceded by RSA-3072 signing alone on every core (the ceiling):
#   1,000 hosted, 10,000 hosted, 10,000 signed, 20,000 hosted, then 10,000 hosted twice,
# so the store holds ~1,000, ~11,000 and ~51,000 awards before the hosted 10,000 jobs of rows 2, 5 and 6: cost per
# award should stay flat as it grows. For each job it prints the wall time, awards/s and the CPU time the service
# used (user + sys from /proc, the steadier figure on a shared machine) per award, then the curve as a table. A job's
# Open Badges 3.0 credentials trail it (docs/issuing.md): after each job the script waits until the service is idle
# again (under 5 % of a core for 3 s in a row, at most SETTLE seconds, default 900) and reports those credentials'
# count and CPU on the job's row, so they never leak into the next job's measurement or its RSA ceiling.
#
#   perf/bulk.sh                   # STEPS="1000:0 10000:0 0:10000 20000:0 10000:0 10000:0" PORT=18096
#   STEPS="2000:0 0:2000" JFR=1 perf/bulk.sh             # a JFR recording in target/perf/bulk.jfr
#   TRAIL=30 perf/bulk.sh          # also watch the service for 30 s after the last job
#   DATA=/tmp/scale-data STEPS="2000:0" perf/bulk.sh   # on a store filled by perf/seed-scale.sh (kept afterwards)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18096}
CAIRN_JAR=${CAIRN_JAR:-$PWD/target/cairn.jar}
STEPS=${STEPS:-"1000:0 10000:0 0:10000 20000:0 10000:0 10000:0"}
TRAIL=${TRAIL:-0}
SETTLE=${SETTLE:-900}
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
# waits until the service used under 50 ms of CPU in each of 3 seconds in a row (trailing credentials done, mail
# written), at most SETTLE seconds; prints how long it waited
settle() {
  local start=$SECONDS quiet=0 a b
  while [ $quiet -lt 3 ] && [ $((SECONDS - start)) -lt "$SETTLE" ]; do
    a=$(cpu_ms); sleep 1; b=$(cpu_ms)
    if [ $((b - a)) -lt 50 ]; then quiet=$((quiet + 1)); else quiet=0; fi
  done
  echo $((SECONDS - start))
}
echo "cores=$(nproc)"
awarded=0
curve=()
settle >/dev/null
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
  issued0=$(credentials); cpu2=$(cpu_ms)
  waited=$(settle)
  issued=$(( $(credentials) - issued0 )); trail=$(( $(cpu_ms) - cpu2 ))
  echo "then idle again after $waited s: $issued trailing 3.0 credentials, service CPU $trail ms" \
    "= $(( issued > 0 ? trail * 1000 / issued : 0 )) us per credential"
  curve+=("| $awarded | $mode | $n | $secs | $rate | $((cpu / 1000)).$((cpu % 1000 / 100)) | $((cpu * 1000 / n)) | $rsa | $load | $issued in $waited s, $(( issued > 0 ? trail * 1000 / issued : 0 )) |")
  awarded=$((awarded + n))
done
echo
echo "Cost per award as the store grows (awarded before: by this run; DATA's own assertions come on top):"
echo "| awarded before | mode | recipients | done in s | awards/s | service CPU s | CPU us/award | RSA-3072 alone, all cores | load before | trailing 3.0 credentials until idle, CPU us each |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |"
printf '%s\n' "${curve[@]}"
if [ "$TRAIL" -gt 0 ]; then
  issued0=$(credentials); cpu0=$(cpu_ms)
  sleep "$TRAIL"
  issued1=$(credentials); cpu1=$(cpu_ms)
  trailing=$(grep -o '[0-9]* still trailing' "$OUT/bulk.log" | tail -1 || true)
  echo
  echo "Open Badges 3.0 credentials trailing the jobs, watched for $TRAIL s after the last job: $((issued1 - issued0)) issued" \
    "($(( (issued1 - issued0) / TRAIL ))/s), service CPU $((cpu1 - cpu0)) ms" \
    "= $(( issued1 > issued0 ? (cpu1 - cpu0) / (issued1 - issued0) : 0 )) ms per credential; $issued1 issued since the start" \
    "of $awarded awarded plus the demo's (last report: ${trailing:-none yet})"
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
