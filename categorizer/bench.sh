#!/usr/bin/env bash
# Runs the categorizer's JMH benchmarks on one thread (see docs/benchmarks.md, section Categorizer).
# Usage, from anywhere: categorizer/bench.sh [JMH options, e.g. -rf json -rff target/jmh.json]
# Set PROBE_ONLY=1 to run only the CPU-time probe (about 30 s).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl categorizer -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r categorizer/target/classes "$work/main"
cp -r categorizer/target/test-classes "$work/test"
cp -r schemas/target/classes "$work/schemas"
classpath="$(sed "s#$PWD/schemas/target/classes#$work/schemas#" categorizer/target/bench.classpath)"
export OMP_NUM_THREADS=1
cd categorizer
if [ -z "${PROBE_ONLY:-}" ]; then
  java -cp "$work/test:$work/main:$classpath" org.openjdk.jmh.Main CategorizerBenchmark "$@"
fi
# the same batches timed by CPU time, which a busy shared machine does not distort
java -Xmx1g -cp "$work/test:$work/main:$classpath" com.meridian.categorizer.bench.CpuTimeProbe
