#!/usr/bin/env bash
# Prints the CPU cost of policy evaluation with 5,000 blocked words (see PolicyBenchmark).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.teamsprovisioner.policy.PolicyBenchmark
