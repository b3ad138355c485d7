#!/usr/bin/env bash
# Start-up time (issue 14): from the java command to the first 200 of /actuator/health/readiness, median of RUNS
# (default 3), on a new, empty data directory each run and, with DATA, on that directory (e.g. the 100,000
# assertions of perf/seed-scale.sh; opened as it is, no profile). Also prints the CPU time the process used until
# ready (the steadier figure on a shared machine, with how much of it the JIT compilers took) and Spring's own
# "Started CairnApplication in" line.
#
#   perf/startup.sh                 # java -jar target/cairn.jar
#   perf/startup.sh cds             # the jar extracted with -Djarmode=tools and a class-data-sharing archive from a
#                                   # training run (JDK 17 and later), made here when missing
#   perf/startup.sh aot             # what the Docker image runs: the extracted jar on a JDK 25 with an AOT cache
#                                   # (JEP 483/514/515: classes loaded and linked, method profiles) from a training
#                                   # run that starts the service, waits for readiness, calls a few pages and stops
#                                   # (cds and aot add -Dspring.aot.enabled=true when the jar holds Spring AOT's
#                                   # generated initializer, as the image does; JAVA_OPTS=-Dspring.aot.enabled=true
#                                   # does the same for the plain jar)
#   perf/startup.sh all             # the three, one after the other
#   DATA=/tmp/scale-data perf/startup.sh aot     # on a store filled by perf/seed-scale.sh (kept)
#   RUNS=5 PORT=18095 JAVA25=/path/to/jdk-25/bin/java perf/startup.sh aot
#   JAVA_OPTS='-Xlog:startuptime' perf/startup.sh   # extra JVM options
#   CAIRN_JAR=/tmp/main/cairn.jar RUNS=1 perf/startup.sh aot   # another jar (its cds/ and aot/ beside it)
#
# Fails (non-zero, with the reason) when the service does not become ready within TIMEOUT seconds (default 300).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MODE=${1:-jar}
RUNS=${RUNS:-3}
PORT=${PORT:-18095}
TIMEOUT=${TIMEOUT:-300}
JAR=${CAIRN_JAR:-$ROOT/target/cairn.jar}
# the extracted layouts and their archives live beside the jar (target/cds, target/aot), so two jars (CAIRN_JAR=)
# can be compared run by run without recording each other's archive again
CDS_DIR=$(dirname "$JAR")/cds
AOT_DIR=$(dirname "$JAR")/aot
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
die() { echo "perf/startup.sh: $*" >&2; exit 1; }

if [ "$MODE" = all ]; then
  for m in jar cds aot; do "$0" "$m"; done
  exit 0
fi

[ -f "$JAR" ] || { echo "building Cairn (./mvnw -DskipTests package)" >&2; ./mvnw -q -B -ntp -DskipTests package; }
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then die "port $PORT is already in use (set PORT)"; fi

# Waits until the service of PID answers readiness on PORT; returns non-zero if it stopped or TIMEOUT passed.
await_ready() {
  local pid=$1 start=$2
  while [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt "$TIMEOUT" ]; do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# A jar built with Spring AOT (the process-aot goal: generated bean definitions instead of configuration parsing and
# conditions at start) runs them in the cds and aot layouts, as the Docker image does; an older jar has none.
SPRING_AOT=()
if unzip -l "$JAR" 'BOOT-INF/classes/org/cairn/CairnApplication__ApplicationContextInitializer.class' >/dev/null 2>&1; then
  SPRING_AOT=(-Dspring.aot.enabled=true)
fi

case "$MODE" in
  jar) CMD=(java ${JAVA_OPTS:-} -jar "$JAR") ;;
  cds|aot)
    dir=$([ "$MODE" = cds ] && echo "$CDS_DIR" || echo "$AOT_DIR")
    if [ "$MODE" = cds ]; then
      JAVA=java; archive=$dir/cairn.jsa; record=(-XX:ArchiveClassesAtExit="$archive"); use=(-XX:SharedArchiveFile="$archive")
    else
      [ -x "$JAVA25" ] || die "no JDK 25 at $JAVA25 (set JAVA25)"
      JAVA=$JAVA25; archive=$dir/cairn.aot; record=(-XX:AOTCacheOutput="$archive"); use=(-XX:AOTCache="$archive")
    fi
    app=$dir/$(basename "$JAR") # the extracted jar keeps the packaged jar's name
    if [ ! -f "$archive" ] || [ "$JAR" -nt "$archive" ]; then
      echo "extracting the jar and recording $archive (training run)" >&2
      rm -rf "$dir"
      java -Djarmode=tools -jar "$JAR" extract --destination "$dir" >/dev/null
      # the training run: starts on a new data directory, becomes ready, answers a few pages (so serving a request
      # is recorded too) and stops; the JVM writes the archive or cache as it exits
      training=$(mktemp -d /tmp/cairn-training-XXXXXX)
      "$JAVA" "${record[@]}" "${SPRING_AOT[@]}" -jar "$app" --server.address=127.0.0.1 --server.port="$PORT" \
        --cairn.data-dir="$training" >"$dir/training.log" 2>&1 &
      pid=$!
      if await_ready "$pid" "$(date +%s%N)"; then
        for page in / /api/v1/auth/providers /api/v1/me /actuator/health /public/not-there; do
          curl -s -o /dev/null "http://127.0.0.1:$PORT$page" || true
        done
      fi
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      rm -rf "$training"
      [ -f "$archive" ] || die "the training run made no $archive; see $dir/training.log"
    fi
    CMD=("$JAVA" ${JAVA_OPTS:-} "${use[@]}" "${SPRING_AOT[@]}" -jar "$app") ;;
  *) die "unknown mode $MODE (jar, cds, aot or all)" ;;
esac

walls=(); cpus=()
for run in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d /tmp/cairn-startup-XXXXXX)
  data=${DATA:-$dir}
  start=$(date +%s%N)
  "${CMD[@]}" --server.address=127.0.0.1 --server.port="$PORT" --cairn.data-dir="$data" >"$dir/out.log" 2>&1 &
  pid=$!
  ready=0
  if await_ready "$pid" "$start"; then ready=1; fi
  end=$(date +%s%N)
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
  jit=$(cat /proc/"$pid"/task/*/stat 2>/dev/null | awk '/\((C1|C2) CompilerThre/ {t += $(NF-38) + $(NF-37)} END {print t + 0}')
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ "$ready" = 1 ] || die "run $run: not ready within $TIMEOUT s; see $dir/out.log"
  wall=$(( (end - start) / 1000000 ))
  cpu=$(( ticks * 1000 / $(getconf CLK_TCK) ))
  started=$(grep -ao 'Started CairnApplication in [0-9.]* seconds' "$dir/out.log" || echo "no Started line")
  echo "run $run: ready after $wall ms wall, $cpu ms CPU (JIT compilers $(( jit * 1000 / $(getconf CLK_TCK) )) ms); $started; load $(cut -d' ' -f1-3 /proc/loadavg)"
  walls+=("$wall"); cpus+=("$cpu")
  rm -rf "$dir"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
echo "median of $RUNS ($MODE, ${DATA:-new empty data directory}: ${CMD[*]}): $(median "${walls[@]}") ms wall to ready, $(median "${cpus[@]}") ms CPU; $(nproc) cores"
