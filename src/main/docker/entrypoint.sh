#!/bin/sh
# The image's ENTRYPOINT: the service from the extracted jar, with the class-data sharing archive that
# train-cds.sh recorded beside it (docs/operations.md). Arguments go to the service, e.g.
# --spring.profiles.active=sandbox. JAVA_OPTS (words separated by spaces) come after the image's
# flags, so they override them.
#
# exec: the JVM replaces this shell as the container's process 1, so the SIGTERM Kubernetes sends
# reaches it and Spring's graceful shutdown runs (server.shutdown=graceful).
set -eu
app=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
. "$app/jvm.sh"
# shellcheck disable=SC2086 # the flags are separate words
exec java $JVM_FLAGS -XX:SharedArchiveFile="$app/app.jsa" ${JAVA_OPTS:-} -jar "$app/teams-provisioner.jar" "$@"
