#!/usr/bin/env bash
# Load harness for Cairn's public paths (issue 14). Builds the bare WebFlux reference (perf/reference), starts it and
# the packaged Cairn jar on loopback only (embedded store, demo data, verification rate limit off, -Xmx1g each), warms
# every path up, runs wrk on each and prints req/s, p99 and the ratio to the bare endpoint measured right before that
# row (the machine may be shared and its load drifts: compare ratios, not absolute figures).
#
#   perf/run.sh                     # build what is missing, measure, print the table
#   DURATION=10 WARMUP=5 CONNECTIONS=64 THREADS=2 perf/run.sh
#   JFR=1 perf/run.sh               # also record a JFR profile of Cairn while each path is measured (after its
#                                   # warm-up): target/perf/<n>.jfr, summarised by perf/hot-methods.sh <file>
#   CAIRN_JAR=/path/to/cairn.jar perf/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/perf
mkdir -p "$OUT"
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BARE_PORT=${BARE_PORT:-18090}
CAIRN_PORT=${CAIRN_PORT:-18091}
CAIRN_JAR=${CAIRN_JAR:-$ROOT/target/cairn.jar}
BARE_JAR=$ROOT/perf/reference/target/bare-webflux.jar

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
if [ ! -f "$BARE_JAR" ] || [ "$ROOT/perf/reference/src/main/java/perf/BareWebFlux.java" -nt "$BARE_JAR" ]; then
  echo "building the bare WebFlux reference" >&2
  ./mvnw -q -B -ntp -f perf/reference/pom.xml -DskipTests package
fi
if [ ! -f "$CAIRN_JAR" ]; then
  echo "building Cairn (./mvnw -DskipTests package)" >&2
  ./mvnw -q -B -ntp -DskipTests package
fi

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

java -Xmx1g -jar "$BARE_JAR" --server.address=127.0.0.1 --server.port="$BARE_PORT" >"$OUT/bare.log" 2>&1 &
PIDS+=($!)
DATA=$(mktemp -d /tmp/cairn-perf-XXXXXX)
java -Xmx1g -jar "$CAIRN_JAR" --server.address=127.0.0.1 --server.port="$CAIRN_PORT" \
  --spring.profiles.active=demo --cairn.data-dir="$DATA" --cairn.public-base-url="http://127.0.0.1:$CAIRN_PORT" \
  --cairn.verification.rate-limit.enabled=false >"$OUT/cairn.log" 2>&1 &
PIDS+=($!)
CAIRN_PID=$!

wait_for() { # url, seconds
  for _ in $(seq 1 $(( $2 * 2 ))); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "not ready: $1" >&2; return 1
}
wait_for "http://127.0.0.1:$BARE_PORT/bare" 120
wait_for "http://127.0.0.1:$CAIRN_PORT/actuator/health/readiness" 300
for _ in $(seq 1 240); do grep -q ' revoked ' "$OUT/cairn.log" && break; sleep 0.5; done

C="http://127.0.0.1:$CAIRN_PORT"
LD='Accept: application/ld+json'
hosted=$(grep -E '^\s+.+\s+hosted\s+http' "$OUT/cairn.log" | head -1 | grep -oE 'http://[^ ]+/public/assertions/[A-Za-z0-9_-]+')
signed=$(grep -E '^\s+.+\s+signed\s+http' "$OUT/cairn.log" | head -1 | grep -oE 'http://[^ ]+/public/assertions/[A-Za-z0-9_-]+')
json_field() { curl -fsS -H "$LD" "$1" | python3 -c "import json,sys; d=json.load(sys.stdin); v=d$2; print(v)"; }
badge=$(json_field "$hosted" "['badge']")
issuer=$(json_field "$badge" "['issuer']")
key=$(json_field "$issuer" "['publicKey'][0]")
revocations=$(json_field "$issuer" "['revocationList']")

# name | url | Accept
BARE="http://127.0.0.1:$BARE_PORT/bare"
ROWS=(
  "trivial API: GET /api/v1/auth/providers|$C/api/v1/auth/providers|application/json"
  "hosted assertion JSON-LD|$hosted|application/ld+json"
  "issuer profile JSON-LD|$issuer|application/ld+json"
  "signing key JSON-LD|$key|application/ld+json"
  "revocation list JSON-LD|$revocations|application/ld+json"
  "baked PNG (signed badge)|$signed/image?format=png|image/png"
  "certificate PDF (signed badge)|$signed/certificate.pdf|application/pdf"
)

measure() { # url accept seconds -> "req/s p99 non2xx"
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3"s --latency -H "Accept: $2" "$1")
  local rps p99 bad
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  echo "${rps:-0} ${p99:-?} ${bad:-0}"
}

measure "$BARE" application/json "$WARMUP" >/dev/null
for row in "${ROWS[@]}"; do IFS='|' read -r _ url accept <<<"$row"; measure "$url" "$accept" "$WARMUP" >/dev/null; done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -a RESULTS BARES
for i in "${!ROWS[@]}"; do
  IFS='|' read -r _ url accept <<<"${ROWS[$i]}"
  BARES[$i]=$(measure "$BARE" application/json "$DURATION")
  if [ "${JFR:-0}" = 1 ]; then jcmd "$CAIRN_PID" JFR.start name=row$i settings=profile >/dev/null; fi
  RESULTS[$i]=$(measure "$url" "$accept" "$DURATION")
  if [ "${JFR:-0}" = 1 ]; then jcmd "$CAIRN_PID" JFR.stop name=row$i filename="$OUT/$i.jfr" >/dev/null; fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up per path; $(nproc) cores; load average $load_before (before) / $load_after (after)"
  echo "each row's ratio is to the bare WebFlux endpoint measured right before it"
  echo
  printf '| %-40s | %10s | %8s | %10s | %7s | %7s |\n' "path" "req/s" "p99" "bare req/s" "ratio" "non-2xx"
  printf '| %-40s | %10s | %8s | %10s | %7s | %7s |\n' "---" "---:" "---:" "---:" "---:" "---:"
  for i in "${!ROWS[@]}"; do
    IFS='|' read -r name _ _ <<<"${ROWS[$i]}"
    read -r rps p99 bad <<<"${RESULTS[$i]}"
    read -r bare _ _ <<<"${BARES[$i]}"
    ratio=$(awk -v r="$rps" -v b="$bare" 'BEGIN {printf "%.2f", r / b}')
    printf '| %-40s | %10.0f | %8s | %10.0f | %7s | %7s |\n' "$name" "$rps" "$p99" "$bare" "$ratio" "$bad"
  done
} | tee "$OUT/table.md"
