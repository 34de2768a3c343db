#!/usr/bin/env bash
# One start of the service for the "ready" step of run.sh (run by hyperfine): launch the jar with
# the argv in $BENCH_READY_ARGV (one argument per line), poll $BENCH_READY_URL until it answers UP,
# SIGKILL the service and append the start → UP seconds to $BENCH_READY_TIMES.
set -euo pipefail

mapfile -t argv < "$BENCH_READY_ARGV"
start=$(date +%s%N)
"${argv[@]}" >> "$BENCH_READY_LOG" 2>&1 &
pid=$!
echo "$pid" >> "$BENCH_PIDS"
deadline=$((start + 180 * 1000000000))
while :; do
  if body=$(curl -s --max-time 1 "$BENCH_READY_URL" 2>/dev/null) && [[ $body == *'"UP"'* ]]; then
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "ready-once: the service exited before it was ready (see $BENCH_READY_LOG)" >&2
    exit 1
  fi
  if [ "$(date +%s%N)" -gt "$deadline" ]; then
    kill -9 "$pid" 2>/dev/null || true
    echo "ready-once: not ready within 180 s" >&2
    exit 1
  fi
  sleep 0.05
done
end=$(date +%s%N)
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", (e - s) / 1e9 }' >> "$BENCH_READY_TIMES"
