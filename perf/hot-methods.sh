#!/usr/bin/env bash
# Summarises a JFR recording (default target/perf/cairn.jfr from JFR=1 perf/run.sh): the methods most often on top of
# the stack in execution samples, and the frames most often anywhere in a sample's top 12 (where time goes).
set -euo pipefail
JFR_FILE=${1:-$(dirname "$0")/../target/perf/cairn.jfr}
jfr print --events jdk.ExecutionSample --stack-depth 12 "$JFR_FILE" | python3 -c '
import re, sys, collections
top, anywhere, samples, frames = collections.Counter(), collections.Counter(), 0, []
def flush():
    global samples
    if frames:
        samples += 1
        top[frames[0]] += 1
        for f in set(frames): anywhere[f] += 1
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        flush(); frames.clear()
    m = re.match(r"\s+([\w.$<>]+)\(.*line:", line)
    if m: frames.append(m.group(1))
flush()
print(f"{samples} samples\n\ntop of stack:")
for f, n in top.most_common(25): print(f"{100*n/samples:5.1f}%  {f}")
print("\nanywhere in the top 12 frames:")
for f, n in anywhere.most_common(40): print(f"{100*n/samples:5.1f}%  {f}")
'
