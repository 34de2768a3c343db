#!/bin/sh
# Records the class-data sharing archive app.jsa beside the extracted jar, as Spring Boot documents:
# one training run that builds the application context and exits once it is refreshed
# (-Dspring.context.exit=onRefresh: before the web server and the job workers start). Start-up then
# maps most classes from the archive instead of loading them (docs/benchmarks.md: ready in 5.5 s
# instead of 9.4 s with java -jar on two cores).
#
# Run it with the JVM the image runs: an archive is valid only for the JVM that wrote it and for
# exactly these jar files (the JVM checks their paths, sizes and times and ignores a stale archive).
# Profile sandbox: an in-memory H2 and the in-process Graph simulator, so the run needs no database,
# no network and no credentials. The classes only prod loads (mostly the PostgreSQL drivers) come
# from the jars as usual: 85 % of the classes prod loads until ready are in the archive, against 86 %
# with one trained in prod on an in-memory database (docs/operations.md).
set -eu
app=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
. "$app/jvm.sh"
rm -f "$app/app.jsa"
# -Xlog:cds=error: the JVM warns about every class it cannot archive (old bytecode, generated classes).
# shellcheck disable=SC2086 # the flags are separate words
java $JVM_FLAGS -XX:ArchiveClassesAtExit="$app/app.jsa" -Xlog:cds=error -Dspring.context.exit=onRefresh \
  -jar "$app/teams-provisioner.jar" --spring.profiles.active=sandbox --logging.level.root=warn
test -s "$app/app.jsa"
