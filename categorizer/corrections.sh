#!/usr/bin/env bash
# The database steps around a training run (docs/categorizer.md, "Corrections feeding training"):
#   categorizer/corrections.sh export FILE               corrections of opted-in tenants no model has used yet
#   categorizer/corrections.sh mark-used FILE MODEL_JSON  marks them with the version of the model trained on them
# Connects as the application role (row-level security applies): MERIDIAN_DB_URL, MERIDIAN_DB_USER, MERIDIAN_DB_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl categorizer -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/corrections.classpath -Dmdep.includeScope=runtime
java -cp "categorizer/target/classes:$(cat categorizer/target/corrections.classpath)" \
  com.meridian.categorizer.corrections.CorrectionsForTrainingCommand "$@"
