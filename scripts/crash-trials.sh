#!/usr/bin/env bash
# Crash trials: a writer saving scores through the library is killed with SIGKILL at a random
# moment, N times (default 100), on one database. After each kill: every save the writer
# acknowledged is present, PRAGMA integrity_check is ok and the audit chain verifies.
set -euo pipefail
cd "$(dirname "$0")/.."
TRIALS=${1:-100}
W=target/debug/examples/crash_writer
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
$W setup "$T/trial.db"
: > "$T/acks"
start=0
for i in $(seq 1 "$TRIALS"); do
  $W write "$T/trial.db" "$start" >> "$T/acks" &
  pid=$!
  # A random moment between 20 and 600 ms after start: sometimes while it opens the database,
  # mostly mid-save.
  sleep "0.$(printf '%03d' $((RANDOM % 580 + 20)))"
  kill -KILL "$pid" 2>/dev/null || { echo "trial $i: the writer ended before the kill"; exit 1; }
  wait "$pid" 2>/dev/null || true
  last=$(grep -o '^ack [0-9]*$' "$T/acks" | tail -1 | cut -d' ' -f2)
  # Skip the save that may have been in flight (committed, never acknowledged).
  start=$(( ${last:--2} + 2 ))
  if ! result=$($W check "$T/trial.db" "$T/acks" 2>&1); then
    echo "trial $i FAILED: $result"; exit 1
  fi
  echo "trial $i: killed; $result"
done
echo "crash trials: $TRIALS of $TRIALS passed"
