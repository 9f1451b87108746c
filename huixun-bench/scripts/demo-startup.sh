#!/usr/bin/env bash
# Start-up time of `./huixun demo`: from a fresh (empty) data folder until the "serving on" line is printed, i.e.
# JVM start + ingest of the bundled samples + server start. The launcher's build is excluded (./huixun --version
# runs first). Each run is checked with a GET of the front page, then stopped.
#
# Usage: huixun-bench/scripts/demo-startup.sh [RUNS]        (default 3; PORT defaults to 18081)
# Needs nothing from ../shared. Polls the output every 20 ms, so times are ±20 ms.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-3}"
PORT="${PORT:-18081}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/huixun-demo-startup.XXXXXX")"
if curl -s -o /dev/null "http://127.0.0.1:$PORT/health"; then
  echo "demo-startup: something already listens on port $PORT; stop it or set PORT" >&2
  exit 1
fi
"$ROOT/huixun" --version >/dev/null   # build (if needed) and class-data archive, outside the timing
PID=""
stop_demo() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
}
trap stop_demo EXIT
echo "| run | fresh data folder → \"serving on\" | front page | load average at start |"
echo "|---|---|---|---|"
for run in $(seq "$RUNS"); do
  data="$WORK/data-$run"
  log="$WORK/demo-$run.log"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s%N)
  "$ROOT/huixun" demo --data "$data" --port "$PORT" >"$log" 2>&1 &
  PID=$!
  until grep -q "serving on" "$log"; do
    kill -0 "$PID" 2>/dev/null || { echo "demo-startup: demo exited:" >&2; cat "$log" >&2; exit 1; }
    [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 300 ] || { echo "demo-startup: no 'serving on' in 300 s" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  front=$(curl -s -o /dev/null -w "%{http_code} in %{time_total} s" "http://127.0.0.1:$PORT/")
  stop_demo
  PID=""
  printf '| %d | %.2f s | %s | %s |\n' "$run" "$(echo "($end - $start) / 1000000000" | bc -l)" "$front" "$load"
done
echo "$(grep -m1 "serving on" "$WORK/demo-1.log")"
echo "logs: $WORK"
