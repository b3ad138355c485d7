#!/usr/bin/env bash
# A/B of the verification row of perf/run.sh (POST /api/v1/verifications with the same Cairn-signed JWS each time,
# rate limit off): starts the bare WebFlux reference and every jar given (LABEL=path) at the same time, on loopback
# only, each with its own demo data; warms them; then measures in rounds, bare first and each jar in turn, printing
# req/s and each process's CPU per request (user + system from /proc, all threads). On a machine shared with other
# work the ratios of neighbouring lines and the CPU per request carry over; absolute req/s do not.
#
#   perf/verify-ab.sh main=/tmp/main.jar branch=target/cairn.jar
#   ROUNDS=4 DURATION=8 WARMUP=6 BARE_WARMUPS=8 perf/verify-ab.sh ...
#   JFR=branch perf/verify-ab.sh ...    # also a JFR profile of that jar per round: target/perf-ab/<label>-<round>.jfr
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${OUT:-$ROOT/target/perf-ab}
mkdir -p "$OUT"
DURATION=${DURATION:-8}; WARMUP=${WARMUP:-6}; ROUNDS=${ROUNDS:-4}
BARE_JAR=$ROOT/perf/reference/target/bare-webflux.jar
[ $# -gt 0 ] || { echo "usage: perf/verify-ab.sh LABEL=cairn.jar [LABEL=cairn.jar ...]" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
if [ ! -f "$BARE_JAR" ]; then ./mvnw -q -B -ntp -f perf/reference/pom.xml -DskipTests package; fi
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
port=${BASE_PORT:-18190}
java -Xmx1g -jar "$BARE_JAR" --server.address=127.0.0.1 --server.port=$port >"$OUT/bare.log" 2>&1 &
PIDS+=($!); BARE_PID=$!; BARE="http://127.0.0.1:$port/bare"
declare -A PID PORT
LABELS=()
for arg in "$@"; do
  label=${arg%%=*}; jar=${arg#*=}; port=$((port + 1)); LABELS+=("$label")
  data=$(mktemp -d /tmp/cairn-ab-XXXXXX)
  # shellcheck disable=SC2086
  java -Xmx1g ${CAIRN_JAVA_OPTS:-} -jar "$jar" --server.address=127.0.0.1 --server.port=$port \
    --spring.profiles.active=demo --cairn.data-dir="$data" --cairn.public-base-url="http://127.0.0.1:$port" \
    --cairn.verification.rate-limit.enabled=false >"$OUT/$label.log" 2>&1 &
  PIDS+=($!); PID[$label]=$!; PORT[$label]=$port
done
for _ in $(seq 1 600); do curl -fsS -o /dev/null "$BARE" 2>/dev/null && break; sleep 0.5; done
for l in "${LABELS[@]}"; do
  for _ in $(seq 1 960); do grep -aq '^=\{20,\}$' <(grep -a -A20 'Cairn demo badges' "$OUT/$l.log") && break; sleep 0.5; done
  signed=$(grep -a -E "^\s+.+\s+signed\s+http" "$OUT/$l.log" | head -1 | grep -oE 'http://[^ ]+/public/assertions/[A-Za-z0-9_-]+') \
    || { echo "no signed demo badge in $OUT/$l.log" >&2; exit 1; }
  jws=$(curl -fsS "$signed/image?format=svg" | grep -oE 'verify="[A-Za-z0-9_.-]+"' | head -1 | cut -d'"' -f2)
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["Accept"] = "application/json"\nwrk.body = %s\n' \
    "'{\"jws\":\"$jws\"}'" >"$OUT/$l.lua"
  curl -fsS -X POST -H 'Content-Type: application/json' -H 'Accept: application/json' --data "{\"jws\":\"$jws\"}" \
    "http://127.0.0.1:${PORT[$l]}/api/v1/verifications" | grep -q '"valid":true' || { echo "$l: the demo JWS is not valid" >&2; exit 1; }
done
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
measure() { # label url pid seconds [lua]
  local before after out args=(-t2 -c64 -d"$4"s --timeout 5s -H 'Accept: application/json')
  [ -n "${5:-}" ] && args+=(-s "$5")
  before=$(ticks "$3"); out=$(wrk "${args[@]}" "$2"); after=$(ticks "$3")
  local n rps bad
  n=$(awk '/requests in/ {print $1}' <<<"$out"); rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  printf '%-8s %9.0f req/s  %6.0f us CPU/req  non-2xx %s  load %s\n' "$1" "$rps" \
    "$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$n" 'BEGIN {print t / hz * 1e6 / n}')" "${bad:-0}" \
    "$(cut -d' ' -f1 /proc/loadavg)"
}
echo "warming up"
for _ in $(seq 1 "${BARE_WARMUPS:-8}"); do measure bare "$BARE" $BARE_PID "$WARMUP" >/dev/null; done
for _ in 1 2 3 4; do
  for l in "${LABELS[@]}"; do measure "$l" "http://127.0.0.1:${PORT[$l]}/api/v1/verifications" "${PID[$l]}" "$WARMUP" "$OUT/$l.lua" >/dev/null; done
done
echo "measuring, wrk -t2 -c64 -d${DURATION}s; $(uptime)"
for r in $(seq 1 "$ROUNDS"); do
  measure bare "$BARE" $BARE_PID "$DURATION"
  for l in "${LABELS[@]}"; do
    [ "${JFR:-}" = "$l" ] && jcmd "${PID[$l]}" JFR.start name=r$r settings=profile >/dev/null
    measure "$l" "http://127.0.0.1:${PORT[$l]}/api/v1/verifications" "${PID[$l]}" "$DURATION" "$OUT/$l.lua"
    [ "${JFR:-}" = "$l" ] && jcmd "${PID[$l]}" JFR.stop name=r$r filename="$OUT/$l-$r.jfr" >/dev/null
  done
done
measure bare "$BARE" $BARE_PID "$DURATION"
echo "done; $(uptime)"
