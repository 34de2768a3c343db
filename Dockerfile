# syntax=docker/dockerfile:1
# The container image of teams-provisioner (docs/operations.md, "Building the image"):
#   docker build -t teams-provisioner:0.1.0 .
# ImageIT replays this file's steps on a machine without Docker (the extraction, the training run and
# the ENTRYPOINT, through the same scripts in src/main/docker), so keep the two in step.

# Bytecode is Java 17, and so are the JDK and the JRE (the Java the benchmarks and the tests run on):
# Temurin on Ubuntu 24.04, the same major release on every rebuild. Pin them by digest where builds
# must be reproducible.
FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /workspace
# The wrapper and the POM first: this layer, with every dependency and plugin, is built again only
# when one of them changes, not on every code change.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/main/ src/main/
RUN ./mvnw -B -DskipTests package
RUN src/main/docker/extract.sh target/teams-provisioner.jar target/layers

FROM eclipse-temurin:17-jre-noble
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="teams-provisioner" \
      org.opencontainers.image.description="Policy-enforcing REST facade that provisions Microsoft Teams through Microsoft Graph" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.base.name="eclipse-temurin:17-jre-noble"
WORKDIR /app
# Least often changed first: the dependencies (60 MB) stay cached and shipped when only code changed.
COPY --from=build /workspace/target/layers/dependencies/ ./
COPY --from=build /workspace/target/layers/spring-boot-loader/ ./
COPY --from=build /workspace/target/layers/snapshot-dependencies/ ./
COPY src/main/docker/jvm.sh src/main/docker/entrypoint.sh src/main/docker/train-cds.sh ./
COPY --from=build /workspace/target/layers/application/ ./
# The class-data sharing archive is recorded here, on the runtime image, not in the build stage: it is
# valid only for the JVM that wrote it (the JDK's is another build of the runtime image's modules).
RUN ["/app/train-cds.sh"]
# Any non-root user works (the files are world-readable); numeric, so Kubernetes can check runAsNonRoot.
USER 10001:10001
# 8080: the API; 8081: actuator (probes and /actuator/prometheus) as the chart sets it.
EXPOSE 8080 8081
# No HEALTHCHECK: Kubernetes probes the actuator's liveness and readiness groups instead.
ENTRYPOINT ["/app/entrypoint.sh"]
