#!/usr/bin/env bash
# Load harness for Cairn's public paths (issue 14). Builds the bare WebFlux reference (perf/reference) and, when
# missing, the Cairn jar; starts both on loopback only (embedded store, demo data, verification rate limit off,
# -Xmx1g each); checks that every path answers 2xx; warms each path up; then measures with wrk, interleaving the bare
# endpoint and Cairn's paths (bare, path 1, bare, path 2, ..., bare) so load drifting on a shared machine hits both:
# each row's ratio is to the mean of the bare measurements just before and just after it.
#
#   perf/run.sh                      # build what is missing, measure, print the table (exit 1 when a goal is missed
#                                    # only with STRICT=1; always exit non-zero when something could not be measured)
#   QUICK=1 perf/run.sh              # short run: 3 s per measurement after 2 s warm-up
#   DURATION=10 WARMUP=5 CONNECTIONS=64 THREADS=2 perf/run.sh
#   BARE_WARMUPS=12 BARE_WARM_REQUESTS=200000 perf/run.sh   # the bare app is warmed until it has served that many
#                                    # requests and its rate stops rising (at most BARE_WARMUPS warm-ups)
#   JFR=1 perf/run.sh                # also record a JFR profile of Cairn while each path is measured:
#                                    # target/perf/<row>.jfr, summarised by perf/hot-methods.sh <file>
#   CAIRN_JAR=/path/to/cairn.jar perf/run.sh
#   CAIRN_JAVA_OPTS='-XX:SharedArchiveFile=...' perf/run.sh   # extra JVM options for Cairn only
#
# Fails loudly (non-zero, with the reason) when a demo URL cannot be found, a path answers non-2xx, or wrk completes
# no request, instead of printing 0.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/perf
mkdir -p "$OUT"
if [ "${QUICK:-0}" = 1 ]; then DURATION=${DURATION:-3}; WARMUP=${WARMUP:-2}; fi
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WRK_TIMEOUT=${WRK_TIMEOUT:-5s}   # a slower answer counts as a timeout, not as a request
BARE_PORT=${BARE_PORT:-18090}
CAIRN_PORT=${CAIRN_PORT:-18091}
CAIRN_JAR=${CAIRN_JAR:-$ROOT/target/cairn.jar}
BARE_JAR=$ROOT/perf/reference/target/bare-webflux.jar

die() { echo "perf/run.sh: $*" >&2; exit 1; }

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; } \
    || die "wrk is missing and could not be installed (apt-get install wrk)"
fi
if [ ! -f "$BARE_JAR" ] || [ -n "$(find "$ROOT/perf/reference/src" "$ROOT/perf/reference/pom.xml" -newer "$BARE_JAR" -print -quit)" ]; then
  echo "building the bare WebFlux reference (perf/reference)" >&2
  ./mvnw -q -B -ntp -f perf/reference/pom.xml -DskipTests package || die "the bare reference did not build"
fi
if [ ! -f "$CAIRN_JAR" ]; then
  echo "building Cairn (./mvnw -DskipTests package)" >&2
  ./mvnw -q -B -ntp -DskipTests package || die "Cairn did not build"
fi

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

for port in "$BARE_PORT" "$CAIRN_PORT"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then die "port $port is already in use (set BARE_PORT / CAIRN_PORT)"; fi
done

java -Xmx1g -jar "$BARE_JAR" --server.address=127.0.0.1 --server.port="$BARE_PORT" >"$OUT/bare.log" 2>&1 &
PIDS+=($!)
BARE_PID=$!
DATA=$(mktemp -d /tmp/cairn-perf-XXXXXX)
# shellcheck disable=SC2086
java -Xmx1g ${CAIRN_JAVA_OPTS:-} -jar "$CAIRN_JAR" --server.address=127.0.0.1 --server.port="$CAIRN_PORT" \
  --spring.profiles.active=demo --cairn.data-dir="$DATA" --cairn.public-base-url="http://127.0.0.1:$CAIRN_PORT" \
  --cairn.verification.rate-limit.enabled=false >"$OUT/cairn.log" 2>&1 &
PIDS+=($!)
CAIRN_PID=$!

wait_for() { # url seconds pid log
  for _ in $(seq 1 $(( $2 * 2 ))); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || die "the process behind $1 exited; see $4"
    sleep 0.5
  done
  die "$1 not ready after $2 s; see $4"
}
wait_for "http://127.0.0.1:$BARE_PORT/bare" 180 "$BARE_PID" "$OUT/bare.log"
wait_for "http://127.0.0.1:$CAIRN_PORT/actuator/health/readiness" 300 "$CAIRN_PID" "$OUT/cairn.log"
# The demo badges are issued after readiness and listed in one block of the log (grep -a: the log is text even if a
# stray byte makes grep think otherwise).
for _ in $(seq 1 480); do grep -aq '^=\{20,\}$' <(grep -a -A20 'Cairn demo badges' "$OUT/cairn.log") && break; sleep 0.5; done
demo_url() { # kind
  grep -a -E "^\s+.+\s+$1\s+http" "$OUT/cairn.log" | head -1 | grep -oE 'http://[^ ]+/public/assertions/[A-Za-z0-9_-]+' || true
}
hosted=$(demo_url hosted)
signed=$(demo_url signed)
[ -n "$hosted" ] || die "no hosted demo badge URL in $OUT/cairn.log (the 'Cairn demo badges' block)"
[ -n "$signed" ] || die "no signed demo badge URL in $OUT/cairn.log (the 'Cairn demo badges' block)"

C="http://127.0.0.1:$CAIRN_PORT"
json_field() { # url python-subscript
  local body
  body=$(curl -fsS -H 'Accept: application/ld+json' "$1") || die "GET $1 failed"
  python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(d$2)" "$body" || die "no $2 in $1"
}
badge=$(json_field "$hosted" "['badge']")
issuer=$(json_field "$badge" "['issuer']")
key=$(json_field "$issuer" "['publicKey'] if isinstance(d['publicKey'], str) else d['publicKey'][0]")
revocations=$(json_field "$issuer" "['revocationList']")
# a Cairn-signed JWS, as a verifier receives it: from the baked SVG of the signed demo badge
jws=$(curl -fsS "$signed/image?format=svg" | grep -oE 'verify="[A-Za-z0-9_.-]+"' | head -1 | cut -d'"' -f2) || true
[ -n "$jws" ] || die "no JWS in the baked SVG of $signed"
cat >"$OUT/verify.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.body = '{"jws":"$jws"}'
EOF

BARE="http://127.0.0.1:$BARE_PORT/bare"
# name | url | Accept | lua script | goal ("ratio 0.5" or "rps 1000")
ROWS=(
  "trivial API: GET /api/v1/auth/providers|$C/api/v1/auth/providers|application/json||ratio 0.4"
  "hosted assertion JSON-LD|$hosted|application/ld+json||ratio 0.5"
  "issuer profile JSON-LD|$issuer|application/ld+json||ratio 0.5"
  "signing key JSON-LD|$key|application/ld+json||ratio 0.5"
  "revocation list JSON-LD|$revocations|application/ld+json||ratio 0.5"
  "baked PNG (signed badge)|$signed/image?format=png|image/png||ratio 0.3"
  "certificate PDF (signed badge)|$signed/certificate.pdf|application/pdf||rps 1000"
  "POST /api/v1/verifications (Cairn JWS)|$C/api/v1/verifications|application/json|$OUT/verify.lua|ratio 0.25"
)

# Every path must answer 2xx before anything is measured.
check() { # url accept script
  local code
  if [ -n "$3" ]; then
    code=$(curl -s -o "$OUT/check.body" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      -H "Accept: $2" --data "{\"jws\":\"$jws\"}" "$1")
  else
    code=$(curl -s -o "$OUT/check.body" -w '%{http_code}' -H "Accept: $2" "$1")
  fi
  [[ "$code" == 2?? ]] || die "$1 answered $code (expected 2xx): $(head -c 300 "$OUT/check.body")"
}
check "$BARE" application/json ""
for row in "${ROWS[@]}"; do IFS='|' read -r _ url accept script _ <<<"$row"; check "$url" "$accept" "$script"; done

# CPU time (user + system, clock ticks) a process has used: divided by the requests served, the CPU each request
# cost, a figure that other work on a shared machine inflates far less than req/s
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
measure() { # url accept seconds script pid -> "req/s p99 timeouts cpu-us-per-request"
  local out args=(-t"$THREADS" -c"$CONNECTIONS" -d"$3"s --timeout "$WRK_TIMEOUT" --latency -H "Accept: $2")
  [ -n "${4:-}" ] && args+=(-s "$4")
  local pid=${5:-$CAIRN_PID} ticks_before ticks_after
  ticks_before=$(cpu_ticks "$pid")
  out=$(wrk "${args[@]}" "$1") || die "wrk failed on $1"
  ticks_after=$(cpu_ticks "$pid")
  local rps p99 bad timeouts requests
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  timeouts=$(awk '/Socket errors:/ {gsub(",", ""); print $NF}' <<<"$out")
  if [ "${requests:-0}" -eq 0 ] && [ "${WARMING:-0}" = 1 ]; then
    echo "0 ? 0 0"; return 0 # a first render may take longer than a warm-up on a loaded machine
  fi
  [ "${requests:-0}" -gt 0 ] || die "wrk completed no request on $1 in $3 s:
$out"
  [ "${bad:-0}" = 0 ] || die "$1 answered ${bad} non-2xx responses under load:
$out"
  local cpu_us
  cpu_us=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
  echo "$rps ${p99:-?} ${timeouts:-0} $cpu_us"
}

echo "warming up (${WARMUP}s per path; the bare app until its rate stops rising)" >&2
# The bare app's JIT needs far longer than one warm-up to reach its steady rate (a run's bare measurements once read
# 6,171, 19,834, 35,771, 43,564 req/s in order, so the first rows' ratios were 3x too high): measure it again until
# it has served BARE_WARM_REQUESTS requests (its JIT compiles by invocation counts, not by time) and a measurement
# is within 10 % of the one before; at least 3 measurements, at most BARE_WARMUPS.
prev=0
served=0
for n in $(seq 1 "${BARE_WARMUPS:-12}"); do
  read -r rate _ <<<"$(measure "$BARE" application/json "$WARMUP" "" "$BARE_PID")"
  served=$(awk -v s="$served" -v r="$rate" -v d="$WARMUP" 'BEGIN {printf "%.0f", s + r * d}')
  echo "  bare warm-up $n: $rate req/s ($served served)" >&2
  if [ "$n" -ge 3 ] && [ "$served" -ge "${BARE_WARM_REQUESTS:-200000}" ] \
    && awk -v a="$prev" -v b="$rate" 'BEGIN {exit !(b <= a * 1.1)}'; then break; fi
  prev=$rate
done
for row in "${ROWS[@]}"; do
  IFS='|' read -r _ url accept script _ <<<"$row"; WARMING=1 measure "$url" "$accept" "$WARMUP" "$script" >/dev/null
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -a RESULTS BARES
echo "measuring (${DURATION}s per measurement, bare and Cairn interleaved)" >&2
BARES[0]=$(measure "$BARE" application/json "$DURATION" "" "$BARE_PID")
for i in "${!ROWS[@]}"; do
  IFS='|' read -r _ url accept script _ <<<"${ROWS[$i]}"
  if [ "${JFR:-0}" = 1 ]; then jcmd "$CAIRN_PID" JFR.start name=row$i settings=profile >/dev/null; fi
  RESULTS[$i]=$(measure "$url" "$accept" "$DURATION" "$script")
  if [ "${JFR:-0}" = 1 ]; then jcmd "$CAIRN_PID" JFR.stop name=row$i filename="$OUT/$i.jfr" >/dev/null; fi
  BARES[$((i + 1))]=$(measure "$BARE" application/json "$DURATION" "" "$BARE_PID")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

missed=0
{
  echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --timeout $WRK_TIMEOUT after ${WARMUP}s warm-up per path; $(nproc) cores; load average $load_before (before) / $load_after (after)"
  echo "Cairn: java -Xmx1g ${CAIRN_JAVA_OPTS:-}-jar $(basename "$CAIRN_JAR") (demo profile, embedded store); bare: java -Xmx1g -jar bare-webflux.jar"
  echo "each row's ratio is to the mean of the bare WebFlux measurements just before and just after it; CPU/req is the"
  echo "process's CPU time (user + system, all threads) during the row divided by the requests it served"
  echo
  printf '| %-40s | %8s | %8s | %8s | %10s | %6s | %-12s | %-7s | %9s | %9s |\n' "path" "req/s" "p99" "timeouts" "bare req/s" "ratio" "goal" "met" "CPU/req" "bare CPU"
  printf '| %-40s | %8s | %8s | %8s | %10s | %6s | %-12s | %-7s | %9s | %9s |\n' "---" "---:" "---:" "---:" "---:" "---:" "---" "---" "---:" "---:"
  for i in "${!ROWS[@]}"; do
    IFS='|' read -r name _ _ _ goal <<<"${ROWS[$i]}"
    read -r rps p99 timeouts cpu <<<"${RESULTS[$i]}"
    read -r before _ _ bare_cpu_before <<<"${BARES[$i]}"
    read -r after _ _ bare_cpu_after <<<"${BARES[$((i + 1))]}"
    bare_cpu=$(awk -v a="$bare_cpu_before" -v b="$bare_cpu_after" 'BEGIN {printf "%.0f", (a + b) / 2}')
    bare=$(awk -v a="$before" -v b="$after" 'BEGIN {printf "%.0f", (a + b) / 2}')
    ratio=$(awk -v r="$rps" -v b="$bare" 'BEGIN {printf "%.2f", r / b}')
    read -r kind target <<<"$goal"
    if [ "$kind" = ratio ]; then
      goal_text=">= $target x"; value=$ratio
    else
      goal_text=">= $target/s"; value=$rps
    fi
    met=$(awk -v v="$value" -v t="$target" 'BEGIN {print (v >= t) ? "met" : "NOT met"}')
    [ "$met" = met ] || missed=$((missed + 1))
    printf '| %-40s | %8.0f | %8s | %8s | %10s | %6s | %-12s | %-7s | %6s us | %6s us |\n' "$name" "$rps" "$p99" "$timeouts" "$bare" "$ratio" "$goal_text" "$met" "$cpu" "$bare_cpu"
  done
  echo
  echo "bare WebFlux measurements in order: $(for b in "${BARES[@]}"; do read -r r _ <<<"$b"; printf '%.0f ' "$r"; done)req/s"
  echo "goals missed: $missed"
} | tee "$OUT/table.md"
missed=$(awk '/^goals missed:/ {print $3}' "$OUT/table.md")
if [ "${STRICT:-0}" = 1 ] && [ "$missed" != 0 ]; then exit 2; fi
