#!/usr/bin/env bash
# Where start-up goes by Spring's start-up steps (issue 14): runs Cairn from target/classes with a
# BufferingApplicationStartup on a new, empty data directory, no profile, and prints the longest steps by their own
# time and the total per kind of step (perf/startup-steps/StartupSteps.java). Wall times: on a shared machine compare
# the rows with each other, not with other runs.
#
#   perf/startup-steps.sh              # TOP=40
#   TOP=80 perf/startup-steps.sh --spring.profiles.active=demo
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/classes/org/cairn ] || ./mvnw -q -B -ntp -Dskip.frontend=true compile
if [ ! -f target/startup-runtime.classpath ] || [ pom.xml -nt target/startup-runtime.classpath ]; then
  ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/startup-runtime.classpath -DincludeScope=runtime
fi
data=$(mktemp -d /tmp/cairn-steps-XXXXXX)
trap 'rm -rf "$data"' EXIT
java -Dtop="${TOP:-40}" -cp "target/classes:$(cat target/startup-runtime.classpath)" perf/startup-steps/StartupSteps.java \
  --server.address=127.0.0.1 --server.port=0 --cairn.data-dir="$data" "$@" 2>&1 \
  | grep -vE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T|^\s*$|^ *(\.|/|\\|\x27|=|:: )' || true
