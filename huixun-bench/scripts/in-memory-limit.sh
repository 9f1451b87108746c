#!/usr/bin/env bash
# Runs a command inside a memory limit, as on a machine or container with that much memory, and reports what it used.
# Usage (root, cgroup v1 or v2 with the memory controller):
#   huixun-bench/scripts/in-memory-limit.sh 1g COMMAND [ARGS...]
# Example (issue 12: a million articles in 1 GB):
#   huixun-bench/scripts/in-memory-limit.sh 1g java -Xmx700m -jar huixun-bench/target/huixun-bench.jar \
#       scale --articles 1000000 --no-serve --data /tmp/s1m/data --out /tmp/s1m/out
#
# Why a limit and not the RSS of an unlimited run: on a machine with spare memory the kernel leaves every page of a
# memory-mapped file that a process has read mapped into it, so RSS grows with the size of the index a merge reads
# (at 200,000 articles 349 of 951 MB were such pages) although the kernel would drop them at once if memory were
# short. Inside the limit, anonymous memory (heap, the JVM's own) plus the pages kept must fit: the kernel reclaims
# file pages first, and kills the process if that is not enough. So "it finished" is the claim, and the process's
# peak RSS (VmHWM) is printed with the cgroup's peak and its count of out-of-memory kills.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 LIMIT COMMAND [ARGS...]   (LIMIT as 1g, 768m)" >&2; exit 2; }
LIMIT="$1"; shift
case "$LIMIT" in
  *g|*G) BYTES=$(( ${LIMIT%[gG]} * 1024 * 1024 * 1024 )) ;;
  *m|*M) BYTES=$(( ${LIMIT%[mM]} * 1024 * 1024 )) ;;
  *) echo "limit must end in g or m, was $LIMIT" >&2; exit 2 ;;
esac
NAME="huixun-limit-$$"
if [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw memory /sys/fs/cgroup/cgroup.controllers; then
  CG="/sys/fs/cgroup/$NAME"; mkdir "$CG"
  echo "$BYTES" > "$CG/memory.max"; echo 0 > "$CG/memory.swap.max" 2>/dev/null || true
  PEAK_FILE="$CG/memory.peak"; EVENTS="$CG/memory.events"
elif [ -d /sys/fs/cgroup/memory ]; then
  CG="/sys/fs/cgroup/memory/$NAME"; mkdir "$CG"
  echo "$BYTES" > "$CG/memory.limit_in_bytes"
  PEAK_FILE="$CG/memory.max_usage_in_bytes"; EVENTS="$CG/memory.oom_control"
else
  echo "no cgroup memory controller here (needs root and /sys/fs/cgroup)" >&2; exit 1
fi
cleanup() { rmdir "$CG" 2>/dev/null || true; }
trap cleanup EXIT
bash -c 'echo $$ > "$1/cgroup.procs"; shift; exec "$@"' _ "$CG" "$@" &
PID=$!
HWM=0
while kill -0 "$PID" 2>/dev/null; do   # the JVM is the child's exec'd image: its VmHWM is the command's peak RSS
  H=$(awk '/^VmHWM:/ {print $2}' "/proc/$PID/status" 2>/dev/null || echo 0)
  [ -n "$H" ] && [ "$H" -gt "$HWM" ] && HWM=$H
  sleep 2
done
set +e; wait "$PID"; RC=$?; set -e
echo "memory limit $LIMIT: exit code $RC; peak RSS (VmHWM, sampled every 2 s) $((HWM / 1024)) MB;" \
  "cgroup peak (anonymous + page cache) $(( $(cat "$PEAK_FILE") / 1048576 )) MB;" \
  "out-of-memory kills $(awk '/oom_kill / {print $2}' "$EVENTS" 2>/dev/null || echo '?')"
exit "$RC"
