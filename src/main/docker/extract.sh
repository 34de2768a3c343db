#!/bin/sh
# extract.sh JAR DESTINATION: the executable jar as Spring Boot's layers, one directory each
# (dependencies, spring-boot-loader, snapshot-dependencies, application), which the Dockerfile copies
# one by one, least often changed first, so a code change rebuilds and ships only the last ones.
# Copied together they are the jar and its lib/ directory, as `extract` without layers writes them.
set -eu
java -Djarmode=tools -jar "$1" extract --layers --destination "$2"
