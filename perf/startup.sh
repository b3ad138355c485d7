#!/usr/bin/env bash
# Start-up time (issue 14): from the java command to the first 200 of /actuator/health/readiness, on a new, empty
# data directory each run, median of RUNS (default 3). Also prints the CPU time the process used until ready, the
# steadier figure on a shared machine, and Spring's own "Started CairnApplication in" line.
#
#   perf/startup.sh                 # java -jar target/cairn.jar
#   perf/startup.sh cds             # the class-data-sharing layout (what the Docker image runs): the jar extracted
#                                   # with -Djarmode=tools and an archive from a training run, made here when missing
#   RUNS=5 PORT=18095 perf/startup.sh
#   JAVA_OPTS='-Xlog:startuptime' perf/startup.sh   # extra JVM options
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
CDS_DIR=$ROOT/target/cds
die() { echo "perf/startup.sh: $*" >&2; exit 1; }

[ -f "$JAR" ] || { echo "building Cairn (./mvnw -DskipTests package)" >&2; ./mvnw -q -B -ntp -DskipTests package; }

case "$MODE" in
  jar) CMD=(java ${JAVA_OPTS:-} -jar "$JAR") ;;
  cds)
    if [ ! -f "$CDS_DIR/cairn.jsa" ] || [ "$JAR" -nt "$CDS_DIR/cairn.jsa" ]; then
      echo "extracting the jar and recording the class-data-sharing archive (training run)" >&2
      rm -rf "$CDS_DIR"
      java -Djarmode=tools -jar "$JAR" extract --destination "$CDS_DIR" >/dev/null
      training=$(mktemp -d /tmp/cairn-cds-XXXXXX)
      java -XX:ArchiveClassesAtExit="$CDS_DIR/cairn.jsa" -Dspring.context.exit=onRefresh -jar "$CDS_DIR/cairn.jar" \
        --server.port=0 --cairn.data-dir="$training" >"$CDS_DIR/training.log" 2>&1 || true
      rm -rf "$training"
      [ -f "$CDS_DIR/cairn.jsa" ] || die "the training run made no archive; see $CDS_DIR/training.log"
    fi
    CMD=(java ${JAVA_OPTS:-} -XX:SharedArchiveFile="$CDS_DIR/cairn.jsa" -jar "$CDS_DIR/cairn.jar") ;;
  *) die "unknown mode $MODE (jar or cds)" ;;
esac

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then die "port $PORT is already in use (set PORT)"; fi

walls=(); cpus=()
for run in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d /tmp/cairn-startup-XXXXXX)
  start=$(date +%s%N)
  "${CMD[@]}" --server.address=127.0.0.1 --server.port="$PORT" --cairn.data-dir="$dir" >"$dir/out.log" 2>&1 &
  pid=$!
  ready=0
  while [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt "$TIMEOUT" ]; do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null; then ready=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  end=$(date +%s%N)
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ "$ready" = 1 ] || die "run $run: not ready within $TIMEOUT s; see $dir/out.log"
  wall=$(( (end - start) / 1000000 ))
  cpu=$(( ticks * 1000 / $(getconf CLK_TCK) ))
  started=$(grep -ao 'Started CairnApplication in [0-9.]* seconds' "$dir/out.log" || echo "no Started line")
  echo "run $run: ready after $wall ms wall, $cpu ms CPU; $started; load $(cut -d' ' -f1-3 /proc/loadavg)"
  walls+=("$wall"); cpus+=("$cpu")
  rm -rf "$dir"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
echo "median of $RUNS ($MODE: ${CMD[*]}): $(median "${walls[@]}") ms wall to ready, $(median "${cpus[@]}") ms CPU; $(nproc) cores"
