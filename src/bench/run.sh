#!/usr/bin/env bash
# The benchmark harness of teams-provisioner: one command, about 15 minutes, writes docs/benchmarks.md
# and docs/bulk.png and prints the same figures.
#
#   src/bench/run.sh                 every step: ready facade bulk crash, then the report
#   src/bench/run.sh bulk            one step (or several: run.sh ready bulk); the report keeps the
#                                    other steps' figures from the previous docs/benchmarks.md
#   src/bench/run.sh report          rewrite docs/benchmarks.md from its stored figures
#
# Steps: ready  (d) start → readiness UP, 3 runs (hyperfine), median
#        facade (a) wrk on submit, get, list, preview and a 401 baseline while a backlog is worked; RSS
#        bulk   (b) 1,000 requests from 16 callers to SUCCEEDED against the floor N / limit + operation time
#        crash  (c)+(e) 3 replicas, SIGKILL one every 20 s: lost / doubled requests and teams, failover wait,
#                   heartbeat database cost (alias: failover)
#
# Service settings and JVM flags: src/bench/service.properties (the only place). Simulator settings:
# src/bench/simulator.properties. Needs a JDK 17 and PostgreSQL on 127.0.0.1:5432 (user postgres,
# trust auth; BENCH_PGHOST, BENCH_PGPORT, BENCH_PGUSER, BENCH_PGPASSWORD override); installs wrk,
# hyperfine and curl with apt-get when missing. Every process it starts is killed and every database
# it creates is dropped on exit.
#
# Knobs (environment): BENCH_SKIP_BUILD=1 (use target/teams-provisioner.jar as it is), BENCH_JAR,
# BENCH_BULK_N (1000), BENCH_BULK_TIMEOUT (210 s from the first submit), BENCH_CRASH_N (300), BENCH_CRASH_MAX_WAIT (220 s after
# the last kill), BENCH_WRK_SECONDS (12), BENCH_WARMUP_SECONDS (8, per endpoint in each warm-up round),
# BENCH_WARMUP_JIT_PCT (10: warm-up rounds until the JIT compiled for at most this % of a core over one),
# BENCH_WARMUP_MAX_SECONDS (240), BENCH_WARMUP_POST_SECONDS (3: submits join the backlog), BENCH_BACKLOG_N (1000), BENCH_JFR="MODE ..." (record the facade's measured window of each MODE, e.g. get, with JFR).
# For trying a change (the report then lacks what was left out; do not commit it):
# BENCH_FACADE_MODES="unauth get" (the facade's modes, in order), BENCH_SERVICE_ARGS="--a.b=c --d=e"
# (extra arguments of every replica, after service.properties).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/../.." && pwd)
STAMP=$(date -u +%Y%m%d%H%M%S)
RUN=$ROOT/target/bench/$STAMP
JAVA=${JAVA:-java}
JAR=${BENCH_JAR:-$ROOT/target/teams-provisioner.jar}
SERVICE_PROPS=$BENCH/service.properties
SIM_PROPS=$BENCH/simulator.properties
DOC=$ROOT/docs/benchmarks.md
PLOT=$ROOT/docs/bulk.png

BULK_N=${BENCH_BULK_N:-1000}
BULK_TIMEOUT=${BENCH_BULK_TIMEOUT:-210}
CRASH_N=${BENCH_CRASH_N:-300}
CRASH_MAX_WAIT=${BENCH_CRASH_MAX_WAIT:-220}
WRK_SECONDS=${BENCH_WRK_SECONDS:-12}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-8}
WARMUP_JIT_PCT=${BENCH_WARMUP_JIT_PCT:-10}
WARMUP_POST_SECONDS=${BENCH_WARMUP_POST_SECONDS:-3}
WARMUP_MAX_SECONDS=${BENCH_WARMUP_MAX_SECONDS:-240}
BACKLOG_N=${BENCH_BACKLOG_N:-1000}
FACADE_MODES=${BENCH_FACADE_MODES:-unauth auth get list preview post}

mkdir -p "$RUN"
PIDS=$RUN/pids          # every process this run started, one pid a line (the Java drivers append theirs)
DBS=$RUN/databases      # every database this run created
DRIVERS=$RUN/drivers    # the Java drivers running in the background (the crash driver starts replicas itself)
: > "$PIDS"
: > "$DBS"
: > "$DRIVERS"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Kills a process of ours: only if its command line is still a JVM of this run's jar (pids are reused).
kill_ours() {
  local pid=$1
  [ -r "/proc/$pid/cmdline" ] || return 0
  if tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$JAR"; then
    kill -9 "$pid" 2>/dev/null || true
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -s "$DRIVERS" ]; then # first the drivers, so none restarts a replica; TERM lets their shutdown hooks run
    while read -r pid; do
      if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$RUN/classes"; then
        kill -TERM "$pid" 2>/dev/null || true
        sleep 1
        kill -9 "$pid" 2>/dev/null || true
      fi
    done < "$DRIVERS"
  fi
  if [ -s "$PIDS" ]; then
    while read -r pid; do [ -n "$pid" ] && kill_ours "$pid"; done < "$PIDS"
  fi
  if [ -s "$DBS" ] && [ -n "${CLASSES:-}" ]; then
    sleep 0.5
    while read -r db; do [ -n "$db" ] && bench_java dropdb "$db" >/dev/null 2>&1 || true; done < "$DBS"
  fi
  [ $rc -eq 0 ] || log "failed (exit $rc); logs in $RUN"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ tools, jar, drivers

ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v hyperfine >/dev/null || missing+=(hyperfine)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} with apt-get"
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_jar() {
  if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -f "$JAR" ]; then
    return 0
  fi
  if [ -n "${BENCH_JAR:-}" ]; then
    [ -f "$JAR" ] || die "BENCH_JAR=$JAR does not exist"
    return 0
  fi
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]; then
    log "building the jar (./mvnw -q -DskipTests package)"
    (cd "$ROOT" && ./mvnw -q -DskipTests package)
  fi
}

# The PostgreSQL JDBC driver comes out of the service's own jar; the drivers are compiled once per run.
prepare_drivers() {
  local lib=$RUN/lib entry
  mkdir -p "$lib" "$RUN/classes"
  entry=$(jar tf "$JAR" | grep -E '^BOOT-INF/lib/postgresql-[0-9.]+\.jar$' | head -1)
  [ -n "$entry" ] || die "no PostgreSQL driver in $JAR"
  (cd "$lib" && jar xf "$JAR" "$entry")
  PGJAR=$lib/$entry
  javac -nowarn -d "$RUN/classes" -cp "$PGJAR" "$BENCH/Bench.java" "$BENCH/Report.java" "$BENCH/Plot.java"
  CLASSES=$RUN/classes
}

bench_java() { "$JAVA" -cp "$CLASSES:$PGJAR" Bench "$@"; }

# A long-running driver (backlog, bulk, crash): in the background, so an interrupted run can stop it first.
run_driver() {
  "$JAVA" -cp "$CLASSES:$PGJAR" Bench "$@" &
  local pid=$!
  echo "$pid" >> "$DRIVERS"
  wait "$pid"
}

# ------------------------------------------------------------------ settings files

prop() { # prop FILE KEY: the last value of KEY in the file's first document (before any #---)
  awk -v k="$2" 'BEGIN { FS = "=" } /^#---/ { exit } $1 == k { sub(/^[^=]*=/, ""); v = $0 } END { print v }' "$1"
}

seconds_of() { # 500ms | 2.5s | 3s → seconds
  awk -v d="$1" 'BEGIN { if (d ~ /ms$/) { sub(/ms$/, "", d); printf "%g", d / 1000 } else { sub(/s$/, "", d); printf "%g", d } }'
}

JVM_FLAGS=$(prop "$SERVICE_PROPS" bench.jvm-flags)
CREATE_TEAM_BUCKET=$(prop "$SIM_PROPS" provisioner.sandbox.throttling.create-team)   # e.g. 100/10s
LIMIT=$(awk -v b="${CREATE_TEAM_BUCKET:-100/10s}" 'BEGIN { split(b, p, "/"); d = p[2]; if (d ~ /ms$/) { sub(/ms$/, "", d); d /= 1000 } else sub(/s$/, "", d); printf "%g", p[1] / d }')
OPERATION_S=$(awk -v a="$(seconds_of "$(prop "$SIM_PROPS" provisioner.sandbox.operations.not-started)")" \
  -v b="$(seconds_of "$(prop "$SIM_PROPS" provisioner.sandbox.operations.in-progress)")" 'BEGIN { printf "%g", a + b }')

# ------------------------------------------------------------------ processes

free_port() {
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && ! grep -qx "$p" "$RUN/ports" 2>/dev/null; then
      echo "$p" >> "$RUN/ports"
      echo "$p"
      return 0
    fi
  done
  die "no free port"
}

wait_up() { # wait_up URL PID SECONDS [needle]: until URL answers 200 (containing needle)
  local url=$1 pid=$2 limit=$3 needle=${4:-} body
  local deadline=$((SECONDS + limit))
  while [ $SECONDS -lt $deadline ]; do
    if body=$(curl -sf --max-time 2 "$url" 2>/dev/null) && [[ -z $needle || $body == *"$needle"* ]]; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || die "process $pid exited before $url answered (logs in $RUN)"
    sleep 0.2
  done
  die "$url did not answer within $limit s"
}

new_db() {
  DB_NAME=bench_${STAMP}_$1
  bench_java createdb "$DB_NAME"
  echo "$DB_NAME" >> "$DBS"
  export PROVISIONER_DB_NAME=$DB_NAME
}

drop_db() {
  bench_java dropdb "$DB_NAME" >/dev/null 2>&1 || true
}

start_sim() { # start_sim STEP [extra profile]
  SIM_PORT=$(free_port)
  "$JAVA" -Xmx512m -jar "$JAR" --spring.profiles.active=graph-simulator${2:+,$2} --server.port="$SIM_PORT" \
    --spring.config.additional-location="file:$SIM_PROPS" > "$RUN/simulator-$1.log" 2>&1 &
  SIM_PID=$!
  echo "$SIM_PID" >> "$PIDS"
  export BENCH_SIMULATOR=http://127.0.0.1:$SIM_PORT/sandbox
  wait_up "$BENCH_SIMULATOR/graph/_state" "$SIM_PID" 120
  log "simulator on :$SIM_PORT (pid $SIM_PID)"
}

# The service's command line, one argument a line; @PORT@ stands for the port.
service_argv() { # service_argv PROFILES
  echo "$JAVA"
  local f
  for f in $JVM_FLAGS; do echo "$f"; done
  echo "-jar"
  echo "$JAR"
  echo "--spring.profiles.active=$1"
  echo "--server.port=@PORT@"
  echo "--spring.config.additional-location=file:$SERVICE_PROPS"
  local arg
  for arg in ${BENCH_SERVICE_ARGS:-}; do echo "$arg"; done
}

start_service() { # start_service STEP: one replica in profile prod → SVC_PORT, SVC_PID, SVC_URL
  SVC_PORT=$(free_port)
  local argv
  mapfile -t argv < <(service_argv prod | sed "s/@PORT@/$SVC_PORT/")
  "${argv[@]}" > "$RUN/service-$1.log" 2>&1 &
  SVC_PID=$!
  echo "$SVC_PID" >> "$PIDS"
  SVC_URL=http://127.0.0.1:$SVC_PORT
  wait_up "$SVC_URL/actuator/health/readiness" "$SVC_PID" 180 '"UP"'
  log "service on :$SVC_PORT (pid $SVC_PID)"
}

stop_all() { # kills what this step started (by pid) and drops its database
  local pid
  for pid in ${SVC_PID:-} ${SIM_PID:-}; do
    kill_ours "$pid"
    wait "$pid" 2>/dev/null || true
  done
  SVC_PID=
  SIM_PID=
  drop_db
}

export PROVISIONER_DB_HOST=${BENCH_PGHOST:-127.0.0.1}
export PROVISIONER_DB_PORT=${BENCH_PGPORT:-5432}
export PROVISIONER_DB_USER=${BENCH_PGUSER:-postgres}
export PROVISIONER_DB_PASSWORD=${BENCH_PGPASSWORD:-}
export PROVISIONER_GRAPH_TENANT_ID=sandbox-tenant
export PROVISIONER_GRAPH_CLIENT_ID=sandbox-client
export PROVISIONER_GRAPH_CLIENT_SECRET=sandbox-secret
export PROVISIONER_API_AUDIENCE=api://teams-provisioner

# The service's Resilience4j counters (breaker calls and state, limiter, retries) as metrics.* lines, for the details.
capture_metrics() {
  curl -sf --max-time 5 "$1/actuator/prometheus" | grep '^resilience4j_' | grep -v -e '_max{' -e '_sum{' \
    | sed -E 's/="/:/g; s/"//g; s/\{/[/; s/\}/]/; s/ ([^ ]+)$/=\1/; s/^/metrics./' || true
}

token() {
  curl -sf -X POST "$BENCH_SIMULATOR/token" -d user=alice@contoso.com | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

MACHINE=
stamp_step() { # appends machine (with the load average: others may share it), date and JVM flags to a step's results
  {
    echo "machine=$MACHINE, load $(cut -d' ' -f1 /proc/loadavg)"
    echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
    echo "jvm_flags=$JVM_FLAGS"
  } >> "$RUN/$1.properties"
}

machine_info() {
  local mem java_version pg load commit
  mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  java_version=$("$JAVA" -version 2>&1 | tr '\n' ' ' | sed 's/  */ /g; s/ $//')
  pg=$(bench_java pgversion)
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
  local main_commit
  main_commit=$(git -C "$ROOT" log -1 --format=%h -- src/main pom.xml 2>/dev/null || true)
  [ -z "$main_commit" ] || commit="$commit (src/main last changed in $main_commit)"
  if [ -n "$(git -C "$ROOT" status --porcelain -- src/main pom.xml 2>/dev/null)" ]; then commit="$commit + uncommitted changes"; fi
  MACHINE="$(hostname), $(nproc) CPU, $mem"
  {
    echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "host=$(hostname)"
    echo "nproc=$(nproc)"
    echo "memory=$mem"
    echo "java=$java_version"
    echo "postgres=$pg"
    echo "load=$load"
    echo "commit=$commit"
  } > "$RUN/machine.properties"
}

# ------------------------------------------------------------------ steps

# Three starts of the launch in $RUN/ready.argv; prints their seconds to readiness, one a line.
time_ready_runs() {
  local port=$1 label=$2
  : > "$RUN/ready-times-$label"
  BENCH_READY_ARGV=$RUN/ready-$label.argv BENCH_READY_URL=http://127.0.0.1:$port/actuator/health/readiness \
    BENCH_READY_TIMES=$RUN/ready-times-$label BENCH_READY_LOG=$RUN/service-ready-$label.log BENCH_PIDS=$PIDS \
    hyperfine --runs 3 --style basic --export-json "$RUN/ready-hyperfine-$label.json" "bash $BENCH/ready-once.sh" >&2
}

median_of() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# (d) start -> readiness, as the container image starts the service (the jar extracted with Spring
# Boot's jarmode=tools and a class-data-sharing archive from a training run), and with plain
# java -jar for reference.
step_ready() {
  log "== ready: start → /actuator/health/readiness UP, 3 runs each: java -jar, then extracted + CDS archive"
  new_db ready
  start_sim ready
  local port
  port=$(free_port)
  service_argv prod | sed "s/@PORT@/$port/" > "$RUN/ready-jar.argv"
  time_ready_runs "$port" jar
  log "ready: extracting the jar and recording a CDS archive (training run, -Dspring.context.exit=onRefresh)"
  rm -rf "$RUN/app"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$RUN/app" >&2
  local app=$RUN/app/$(basename "$JAR")
  service_argv prod | sed "s/@PORT@/$port/" | sed "s|^$JAR\$|$app|" \
    | awk -v jsa="$RUN/app.jsa" '$0 == "-jar" { print "-XX:ArchiveClassesAtExit=" jsa; print "-Dspring.context.exit=onRefresh" } { print }' \
    > "$RUN/ready-train.argv"
  mapfile -t train < "$RUN/ready-train.argv"
  "${train[@]}" > "$RUN/service-ready-train.log" 2>&1 || die "the CDS training run failed (see $RUN/service-ready-train.log)"
  service_argv prod | sed "s/@PORT@/$port/" | sed "s|^$JAR\$|$app|" \
    | awk -v jsa="$RUN/app.jsa" '$0 == "-jar" { print "-XX:SharedArchiveFile=" jsa } { print }' > "$RUN/ready-cds.argv"
  time_ready_runs "$port" cds
  local median jar_median runs jar_runs
  median=$(median_of "$RUN/ready-times-cds")
  jar_median=$(median_of "$RUN/ready-times-jar")
  runs=$(paste -sd, "$RUN/ready-times-cds" | sed 's/,/, /g')
  jar_runs=$(paste -sd, "$RUN/ready-times-jar" | sed 's/,/, /g')
  {
    echo "ready.median_s=$median"
    echo "ready.runs_s=$runs"
    echo "ready.jar_median_s=$jar_median"
    echo "ready.jar_runs_s=$jar_runs"
    echo "ready.note=runs on one database: the first java -jar run also applies the Flyway migrations"
  } > "$RUN/ready.properties"
  stamp_step ready
  stop_all
  log "ready: median $median s extracted + CDS (runs $runs); java -jar median $jar_median s (runs $jar_runs)"
}

# The CPU time a process has used (user + system, all threads), in clock ticks (getconf CLK_TCK). Divided by
# the requests of a window it is the service's CPU per request (the backlog's jobs included).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# The same for PostgreSQL: every process named postgres (the server's own and one per connection, all of
# them alive through a window, since the service's pool keeps its connections). What a read costs the
# machine is the service's CPU and PostgreSQL's, on the same two cores.
pg_ticks() { awk '$2 == "(postgres)" { t += $14 + $15 } END { print t + 0 }' /proc/[0-9]*/stat 2>/dev/null || true; }

# The whole machine: busy ticks (user, nice, system, irq, softirq, steal) and all ticks, summed over the CPUs.
machine_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }

# jcmd of the JDK that runs the service (the JFR dumps and the JIT counter are read with it).
JCMD=$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd
[ -x "$JCMD" ] || JCMD=jcmd

# Seconds the JIT compilers have spent compiling since the JVM started (HotSpot's java.ci.totalTime counter;
# sun.ci.totalTime on other JDKs); nothing when the counter cannot be read.
jit_seconds() {
  { "$JCMD" "$1" PerfCounter.print 2>/dev/null || true; } \
    | awk -F= '$1 ~ /[.]ci[.]totalTime$/ { t = $2 } $1 == "sun.os.hrt.frequency" { f = $2 } END { if (t != "" && f > 0) printf "%.2f", t / f }'
}

wrk_run() { # wrk_run MODE SECONDS → BENCH lines on stdout
  # BENCH_RUN names each submit and its Idempotency-Key: unique per wrk run, or a run's submits would repeat an
  # earlier run's keys and be answered as replays of requests already stored (a cheaper path than a submit).
  BENCH_MODE=$1 BENCH_TOKEN=$TOKEN BENCH_IDS=$RUN/facade-ids.txt BENCH_RUN=$STAMP-$1-$2-$(date +%s%N) \
    wrk -t2 -c16 -d"$2"s --timeout 10s -s "$BENCH/facade.lua" "$SVC_URL" > "$RUN/wrk-$1-$2.txt" 2>&1 || true
  grep '^BENCH ' "$RUN/wrk-$1-$2.txt" | sed 's/^BENCH //' || true
}

step_facade() {
  log "== facade: wrk against each endpoint while a backlog of $BACKLOG_N requests is worked"
  new_db facade
  start_sim facade
  # BENCH_JFR="MODE ...": JFR records from the start (starting it mid-run deoptimises the compiled code and the
  # figures drop 7-fold while C2 compiles everything again); each MODE's measured window is dumped to a file.
  local flags=$JVM_FLAGS
  [ -z "${BENCH_JFR:-}" ] || JVM_FLAGS="$JVM_FLAGS -XX:StartFlightRecording=name=bench,settings=profile,maxage=10m"
  start_service facade
  JVM_FLAGS=$flags
  TOKEN=$(token)
  local out=$RUN/facade.properties
  : > "$out"
  run_driver backlog --base="$SVC_URL" --sim="$BENCH_SIMULATOR" --n="$BACKLOG_N" --callers=16 --ids="$RUN/facade-ids.txt" \
    --run="facade$STAMP" --out="$RUN/facade-backlog.properties" >&2
  cat "$RUN/facade-backlog.properties" | sed 's/^backlog\./facade.backlog./' >> "$out"
  echo "facade.backlog_at_load_start=$(bench_java counts --db="$DB_NAME")" >> "$out"
  local mode
  # Steady state is measured, not the JIT's warm-up: rounds of every endpoint until the compilers used less
  # than $WARMUP_JIT_PCT % of one core over a round. With a fixed 12 s per endpoint they were still compiling
  # for 66-111 % of a core, and GET rose from 1,836/s in the second round to 2,676/s in the fourth (bench README).
  local round=0 warm_began=$SECONDS round_began jit0 jit1 share rates
  while :; do
    round=$((round + 1))
    round_began=$SECONDS
    jit0=$(jit_seconds "$SVC_PID")
    rates=
    for mode in $FACADE_MODES; do
      # Every submit joins the backlog: submit rounds are kept short, so that the backlog the endpoints are
      # measured against is about what a fixed warm-up left (12 s of submits), not four times that.
      local secs=$WARMUP_SECONDS
      [ "$mode" != post ] || secs=$WARMUP_POST_SECONDS
      rates="$rates $mode $(wrk_run "$mode" "$secs" | awk -F= -v s="$secs" '$1 == "requests" { printf "%.0f/s", $2 / s }')"
    done
    jit1=$(jit_seconds "$SVC_PID")
    if [ -n "$jit0" ] && [ -n "$jit1" ]; then
      share=$(awk -v a="$jit0" -v b="$jit1" -v s=$((SECONDS - round_began)) 'BEGIN { printf "%.0f", 100 * (b - a) / (s > 0 ? s : 1) }')
    else
      share=unknown # no JIT counter: warm up for BENCH_WARMUP_MAX_SECONDS rather than stop after one round
    fi
    log "facade: JIT warm-up round $round ($((SECONDS - round_began)) s):$rates; the compilers busy $share % of a core"
    echo "facade.warmup.round$round=JIT $share %;$rates" >> "$out"
    if [ "$share" != unknown ] && [ "$share" -le "$WARMUP_JIT_PCT" ]; then
      break
    fi
    if [ $((SECONDS - warm_began)) -ge "$WARMUP_MAX_SECONDS" ]; then
      log "facade: still compiling after $((SECONDS - warm_began)) s of warm-up; measuring anyway (BENCH_WARMUP_MAX_SECONDS)"
      break
    fi
  done
  {
    echo "facade.warmup_s=$((SECONDS - warm_began))"
    echo "facade.warmup_rounds=$round"
    echo "facade.warmup_jit_pct=$share"
    echo "facade.warmup_jit_limit_pct=$WARMUP_JIT_PCT"
  } >> "$out"
  # The read modes count statuses by class only (facade.lua): the one status each endpoint answers is checked here.
  echo "facade.unauth.checked_status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept: application/json' "$SVC_URL/api/v1/team-requests")" >> "$out"
  echo "facade.get.checked_status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    "$SVC_URL/api/v1/team-requests/$(head -1 "$RUN/facade-ids.txt")")" >> "$out"
  echo "facade.auth.checked_status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    "$SVC_URL/api/v1/policy")" >> "$out"
  echo "facade.list.checked_status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    "$SVC_URL/api/v1/team-requests?limit=20")" >> "$out"
  echo "facade.clk_tck=$(getconf CLK_TCK)" >> "$out"
  for mode in $FACADE_MODES; do
    log "facade: $mode (3 s warm-up, $WRK_SECONDS s measured)"
    wrk_run "$mode" 3 > /dev/null
    local began ended cpu0 pg0 machine0 machine1
    began=$(date -u +%H:%M:%S)
    cpu0=$(cpu_ticks "$SVC_PID")
    pg0=$(pg_ticks)
    read -r -a machine0 <<< "$(machine_ticks)"
    wrk_run "$mode" "$WRK_SECONDS" | sed "s/^/facade.$mode./" >> "$out"
    ended=$(date -u +%H:%M:%S)
    read -r -a machine1 <<< "$(machine_ticks)"
    {
      echo "facade.$mode.cpu_ticks=$(( $(cpu_ticks "$SVC_PID") - cpu0 ))"
      echo "facade.$mode.pg_ticks=$(( $(pg_ticks) - pg0 ))"
      echo "facade.$mode.machine_busy_ticks=$(( machine1[0] - machine0[0] ))"
      echo "facade.$mode.machine_ticks=$(( machine1[1] - machine0[1] ))"
    } >> "$out"
    if [[ " ${BENCH_JFR:-} " == *" $mode "* ]]; then
      "$JCMD" "$SVC_PID" JFR.dump name=bench begin="$began" filename="$RUN/facade-$mode.jfr" >/dev/null
      # JFR.dump's begin= keeps whole chunks, so the file also holds the end of the mode before: filter the
      # samples by this window (e.g. jfr print, then by startTime).
      log "facade: JFR recording of $mode in $RUN/facade-$mode.jfr; measured $began-$ended UTC (the file may begin earlier)"
    fi
    grep -E "^facade\.$mode\.(requests|p99_us|statuses|class_[0-9x]+|checked_status)=" "$out" | tr '\n' ' ' >&2
    echo >&2
  done
  local rss hwm
  rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SVC_PID/status")
  hwm=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SVC_PID/status")
  {
    echo "facade.rss_mb=$rss"
    echo "facade.hwm_mb=$hwm"
    echo "facade.backlog_at_load_end=$(bench_java counts --db="$DB_NAME")"
  } >> "$out"
  bench_java settings --base="$SVC_URL" >> "$out"
  capture_metrics "$SVC_URL" >> "$out"
  stamp_step facade
  stop_all
  log "facade: RSS $rss MB after the load"
}

step_bulk() {
  log "== bulk: $BULK_N requests from 16 callers (floor $BULK_N / $LIMIT per s + $OPERATION_S s)"
  new_db bulk
  start_sim bulk
  start_service bulk
  run_driver bulk --base="$SVC_URL" --sim="$BENCH_SIMULATOR" --db="$DB_NAME" --n="$BULK_N" --callers=16 \
    --limit="$LIMIT" --operation-s="$OPERATION_S" --timeout-s="$BULK_TIMEOUT" --out="$RUN" --run="bulk$STAMP" >&2
  bench_java settings --base="$SVC_URL" >> "$RUN/bulk.properties"
  capture_metrics "$SVC_URL" >> "$RUN/bulk.properties"
  stamp_step bulk
  stop_all
  "$JAVA" -Djava.awt.headless=true -cp "$CLASSES" Plot "$RUN/bulk.csv" "$PLOT" "$BULK_N" "$LIMIT" "$OPERATION_S" \
    "Bulk: $BULK_N team requests from 16 callers ($(date -u +%Y-%m-%d))"
  log "bulk: plot in $PLOT"
}

step_crash() {
  log "== crash: 3 replicas, $CRASH_N requests, SIGKILL one replica every 20 s"
  new_db crash
  start_sim crash bench-crash
  local ports
  ports="$(free_port),$(free_port),$(free_port)"
  service_argv prod,bench-replicas > "$RUN/crash.argv"
  run_driver crash --argv="$RUN/crash.argv" --ports="$ports" --sim="$BENCH_SIMULATOR" --db="$DB_NAME" --out="$RUN" \
    --pids="$PIDS" --n="$CRASH_N" --rate=4 --callers=16 --kills=3 --kill-every-s=20 --max-wait-s="$CRASH_MAX_WAIT" \
    --run="crash$STAMP" >&2
  stamp_step crash
  stop_all
}

report() {
  "$JAVA" -cp "$CLASSES" Report "$RUN" "$DOC"
  log "wrote $DOC (run directory $RUN)"
}

# ------------------------------------------------------------------ main

steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(all)
for s in "${steps[@]}"; do
  case $s in
    all | ready | facade | bulk | crash | failover | report) ;;
    *) die "unknown step '$s' (all | ready | facade | bulk | crash | failover | report)" ;;
  esac
done

if [ "${steps[*]}" != report ]; then
  ensure_tools
fi
ensure_jar
prepare_drivers
if [ "${steps[*]}" != report ]; then
  machine_info
fi
log "run directory $RUN; jar $JAR; JVM flags: $JVM_FLAGS"
for s in "${steps[@]}"; do
  case $s in
    all) step_ready; step_facade; step_bulk; step_crash ;;
    ready) step_ready ;;
    facade) step_facade ;;
    bulk) step_bulk ;;
    crash | failover) step_crash ;;
    report) ;;
  esac
done
report
