#!/usr/bin/env bash
# Issue 6 load test: starts `huixun serve` on a data folder, runs wrk against the front page, a search page and an
# article page (wrk -t2 -c32 -d60s --latency, one URL after the other), prints a summary table, stops the server.
#
# Usage: huixun-bench/scripts/web-load.sh [DATA_DIR]      (default /tmp/cctv-data)
# Environment: PORT (18080), DURATION (60s), CONNECTIONS (32), THREADS (2), QUERY (乡村振兴),
#              WARMUP (10s of wrk with 8 connections per URL before the measured run; 0 for none),
#              WRK_TIMEOUT (e.g. 30s: wrk's --timeout; by default wrk's own 2 s, after which a request counts as a
#              socket timeout error and is left out of the latency figures),
#              PAGES (which of "front search article" to run; default all three),
#              OUT (folder for the raw wrk outputs and the server log; default a fresh temporary folder).
# Needs `apt-get install -y wrk`. Skips (exit 0) with a message when the data folder or wrk is missing.
# The serving process may write to the data folder (SQLite WAL, source refresh): use a copy if that matters.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${1:-/tmp/cctv-data}"
PORT="${PORT:-18080}"
DURATION="${DURATION:-60s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
QUERY="${QUERY:-乡村振兴}"
WARMUP="${WARMUP:-10s}"
WRK_TIMEOUT="${WRK_TIMEOUT:-}"
PAGES="${PAGES:-front search article}"
TIMEOUT_OPT=()
[ -n "$WRK_TIMEOUT" ] && TIMEOUT_OPT=(--timeout "$WRK_TIMEOUT")
[ -d "$DATA" ] || { echo "skipped: data folder $DATA not found (make it with ./huixun ingest --data $DATA ../shared/data/cctv-xwlb/articles.jsonl)"; exit 0; }
command -v wrk >/dev/null || { echo "skipped: wrk not installed (apt-get install -y wrk)"; exit 0; }
command -v curl >/dev/null || { echo "skipped: curl not installed"; exit 0; }
OUT="${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/huixun-web-load.XXXXXX")}"
mkdir -p "$OUT"
BASE="http://127.0.0.1:$PORT"

if curl -s -o /dev/null "$BASE/health"; then
  echo "web-load: something already listens on port $PORT; stop it or set PORT" >&2
  exit 1
fi

"$ROOT/huixun" --version >/dev/null   # build once, outside the measurement
"$ROOT/huixun" serve --data "$DATA" --port "$PORT" >"$OUT/serve.log" 2>&1 &
SERVER=$!
stop_server() {
  if kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
  fi
}
trap stop_server EXIT
for _ in $(seq 1 180); do
  grep -q "serving on" "$OUT/serve.log" && break
  kill -0 "$SERVER" 2>/dev/null || { echo "web-load: the server exited:" >&2; cat "$OUT/serve.log" >&2; exit 1; }
  sleep 1
done
grep -q "serving on" "$OUT/serve.log" || { echo "web-load: the server did not start within 180 s" >&2; exit 1; }
head -1 "$OUT/serve.log"

Q_ENC=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$QUERY")
# The article page: the first hit of the query, so that the id exists in whatever data folder is served.
ARTICLE=$(curl -s "$BASE/api/search?q=$Q_ENC&limit=1" | python3 -c 'import json, sys; h = json.load(sys.stdin)["hits"]; print(h[0]["id"] if h else 1)')
declare -a NAMES=("front" "search" "article")
declare -a URLS=("$BASE/" "$BASE/search?q=$Q_ENC" "$BASE/article/$ARTICLE")

echo "machine: $(nproc) cores; wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'); command per URL: wrk -t$THREADS -c$CONNECTIONS -d$DURATION ${TIMEOUT_OPT[*]:+${TIMEOUT_OPT[*]} }--latency URL"
printf '%s\n' "| page | URL | requests/s | p50 | p90 | p99 | max | requests | non-2xx/3xx | socket errors (connect/read/write/timeout) | load avg before → after |"
printf '%s\n' "|---|---|---|---|---|---|---|---|---|---|---|"
for i in "${!NAMES[@]}"; do
  name="${NAMES[$i]}"; url="${URLS[$i]}"
  case " $PAGES " in *" $name "*) ;; *) continue ;; esac
  if [ "$WARMUP" != "0" ]; then
    wrk -t2 -c8 -d"$WARMUP" "$url" >"$OUT/warmup-$name.txt" 2>&1
  fi
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "${TIMEOUT_OPT[@]}" --latency "$url" >"$OUT/wrk-$name.txt" 2>&1
  after=$(cut -d' ' -f1-3 /proc/loadavg)
  f="$OUT/wrk-$name.txt"
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$f")
  p50=$(awk '$1 == "50%" {print $2}' "$f")
  p90=$(awk '$1 == "90%" {print $2}' "$f")
  p99=$(awk '$1 == "99%" {print $2}' "$f")
  max=$(awk '$1 == "Latency" {print $4}' "$f")
  reqs=$(awk '/requests in/ {print $1}' "$f")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$f"); non2xx="${non2xx:-0}"
  sock=$(awk '/Socket errors:/ {gsub(",", ""); print $4 "/" $6 "/" $8 "/" $10}' "$f"); sock="${sock:-0/0/0/0}"
  if [ "$reqs" = "${sock##*/}" ]; then   # no request answered in time: wrk prints 0.00us
    p50="n/a (none answered within the timeout)"; p90="n/a"; p99="n/a"; max="n/a"
  fi
  shown="${url#"$BASE"}"
  printf '| %s | `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s → %s |\n' \
    "$name" "$shown" "$rps" "$p50" "$p90" "$p99" "$max" "$reqs" "$non2xx" "$sock" "$before" "$after"
done
echo "query: $QUERY; raw wrk outputs and the server log: $OUT"
if grep -q -E "ERROR|Exception" "$OUT/serve.log"; then
  echo "server log has errors:"; grep -m 5 -E "ERROR|Exception" "$OUT/serve.log"
fi
