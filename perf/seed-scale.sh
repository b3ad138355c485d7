#!/usr/bin/env bash
# Fills a data directory for the scale measurement (issue 14): the demo district plus a few more, and, inserted in
# bulk through the application's own documents and mapping (org.cairn.issuing.ScaleSeed, test scope), the given
# numbers of assertions, people and evidence (with one enrolment per person and a submitted tier for every fifth).
#
#   perf/seed-scale.sh DATA_DIR [ASSERTIONS=100000] [PEOPLE=20000] [EVIDENCE=50000] [DISTRICTS=4]
#
# The directory must be new or empty. Sign in afterwards as admin@demo.cairn.test or teacher3@demo.cairn.test
# (password cairn-demo-password).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:?data directory}
if [ -e "$DATA/cairn.mv" ]; then echo "$DATA already holds a store" >&2; exit 1; fi
if [ ! -f target/test-classes/org/cairn/issuing/ScaleSeed.class ] || [ src/test/java/org/cairn/issuing/ScaleSeed.java -nt target/test-classes/org/cairn/issuing/ScaleSeed.class ]; then
  ./mvnw -q -B -ntp -Dskip.frontend=true test-compile
fi
if [ ! -f target/scale.classpath ] || [ pom.xml -nt target/scale.classpath ]; then
  ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/scale.classpath -Dmdep.includeScope=test
fi
exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/scale.classpath)" org.cairn.issuing.ScaleSeed \
  "$DATA" "${2:-100000}" "${3:-20000}" "${4:-50000}" "${5:-4}"
