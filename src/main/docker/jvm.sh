# The JVM flags of the container image, sourced by entrypoint.sh and train-cds.sh: the class-data
# sharing archive is recorded with the same flags it is used with.
#
# They are the benchmark's (src/bench/service.properties, figures in docs/benchmarks.md), except that
# the heap is a share of the container's memory limit instead of a fixed -Xmx (the JVM reads the
# cgroup limits of CPU and memory by itself):
#   -XX:MaxRAMPercentage=50      256 MB of the chart's 512 Mi limit: the benchmark's heap; the other
#                                half holds metaspace (at most 160 MB), the code cache (64 MB), thread
#                                stacks and Netty's direct buffers (295 MB resident under load in total)
#   -XX:+UseSerialGC             on two cores the serial collector keeps G1's throughput with about 80 MB
#                                less resident memory; the JVM would pick G1 itself with 2 CPUs and 2 GB
#   -XX:+ExitOnOutOfMemoryError  a JVM out of memory exits and Kubernetes restarts the pod, instead of
#                                a replica that limps on holding jobs
#   -Djava.io.tmpdir=/tmp, -XX:ErrorFile=/tmp/...  the root filesystem is read-only; only /tmp (an
#                                emptyDir in the chart) is writable
JVM_FLAGS="-Xms64m -XX:MaxRAMPercentage=50 -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m"
JVM_FLAGS="$JVM_FLAGS -XX:MaxMetaspaceSize=160m -XX:+ExitOnOutOfMemoryError"
JVM_FLAGS="$JVM_FLAGS -Djava.io.tmpdir=/tmp -XX:ErrorFile=/tmp/hs_err_pid%p.log"
