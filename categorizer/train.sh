#!/usr/bin/env bash
# Rebuilds the shipped categorization model from its sources (see docs/categorizer.md).
# Usage, from anywhere: categorizer/train.sh [--corpus DIR] [--out DIR] [--limit N] [--epochs N]
# Defaults: --corpus ../shared/corpus/categorization/S-FK-transaction_categorization,
#           --out categorizer/src/main/resources/categorizer (the shipped model), relative to the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
# Run from a private copy of the reactor's classes: a build started meanwhile in the same tree must not
# swap class files under a running training. A copy taken while another build was compiling is retried.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
complete() {
  for src in $(cd "$1/src/main/java" && find . -name '*.java'); do
    [ -f "$2/${src%.java}.class" ] || return 1
  done
}
for attempt in 1 2 3; do
  ./mvnw -B -q -o -pl categorizer -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/training.classpath -Dmdep.includeScope=runtime
  rm -rf "$work/categorizer" "$work/schemas"
  cp -r categorizer/target/classes "$work/categorizer"
  cp -r schemas/target/classes "$work/schemas"
  if complete categorizer "$work/categorizer" && complete schemas "$work/schemas"; then break; fi
  echo "classes changed while copying (another build in this tree); retrying" >&2
  sleep 5
done
classpath="$(sed "s#$PWD/schemas/target/classes#$work/schemas#" categorizer/target/training.classpath)"
# One BLAS thread (two made training 8.7x slower on 2 cores) and a cap on native memory.
export OMP_NUM_THREADS=1
java -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=3G -Dorg.bytedeco.javacpp.maxphysicalbytes=5G \
  -cp "$work/categorizer:$classpath" com.meridian.categorizer.training.TrainCategorizerCommand "$@"
