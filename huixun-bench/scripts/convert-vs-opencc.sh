#!/usr/bin/env bash
# End-to-end conversion, Huixun vs Debian's OpenCC CLI, on the same 50 MB traditional-Chinese file, in one run.
# Needs ../shared/data/cctv-xwlb and `apt-get install -y opencc`. Usage: huixun-bench/scripts/convert-vs-opencc.sh [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
POOL="$ROOT/../shared/data/cctv-xwlb/articles.jsonl"
[ -f "$POOL" ] || { echo "skipped: $POOL not found"; exit 0; }
command -v opencc >/dev/null || { echo "skipped: opencc not installed (apt-get install -y opencc)"; exit 0; }
RUNS="${1:-3}"
WORK="${TMPDIR:-/tmp}/huixun-convert-bench"; mkdir -p "$WORK"
SIMP="$WORK/simplified-50mb.txt"; TRAD="$WORK/traditional-50mb.txt"
if [ ! -f "$TRAD" ]; then
  python3 - "$POOL" "$SIMP" <<'PY'
import json, sys
bodies = [json.loads(l)["body"] for l in open(sys.argv[1], encoding="utf-8")]
out, size, i = open(sys.argv[2], "w", encoding="utf-8"), 0, 0
while size < 50_000_000:
    line = bodies[i % len(bodies)].replace("\n", " ") + "\n"; i += 1
    out.write(line); size += len(line.encode("utf-8"))
PY
  opencc -c s2t.json -i "$SIMP" -o "$TRAD"
fi
"$ROOT/huixun" --version >/dev/null   # build once, outside the timing
"$ROOT/huixun" convert --config t2s "$TRAD" > /dev/null   # creates the class-data archive, outside the timing
echo "input: $(stat -c %s "$TRAD") bytes, $(wc -l < "$TRAD") lines"
time_of() { local s e; s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "$e - $s" | bc; }
for run in $(seq "$RUNS"); do
  o=$(time_of opencc -c t2s.json -i "$TRAD" -o "$WORK/out-opencc.txt")
  h=$(time_of sh -c "'$ROOT/huixun' convert --config t2s '$TRAD' > '$WORK/out-huixun.txt'")
  echo "run $run: opencc ${o}s, huixun ${h}s, ratio huixun/opencc $(echo "scale=3; $h / $o" | bc)"
done
/usr/bin/time -f "huixun peak RSS %M KB (with -Xmx64m)" env HUIXUN_JAVA_OPTS=-Xmx64m "$ROOT/huixun" convert --config t2s "$TRAD" > "$WORK/out-huixun-64m.txt"
cmp -s "$WORK/out-huixun.txt" "$WORK/out-huixun-64m.txt" && echo "with -Xmx64m: output identical"
if cmp -s "$WORK/out-opencc.txt" "$WORK/out-huixun.txt"; then
  echo "outputs: identical"
else
  echo "outputs differ on $(diff <(cat "$WORK/out-opencc.txt") <(cat "$WORK/out-huixun.txt") | grep -c '^<') of $(wc -l < "$TRAD") lines" \
       "(Debian ships OpenCC 1.1.6 dictionaries; Huixun uses OpenCC head's)"
  python3 - "$WORK/out-opencc.txt" "$WORK/out-huixun.txt" <<'PY'
import sys, collections
a, b = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2], encoding="utf-8").read()
if len(a) == len(b):
    diffs = collections.Counter(f"{x}→{y}" for x, y in zip(a, b) if x != y)
    print(f"  {sum(diffs.values())} characters differ of {len(a)}; most common (opencc→huixun):",
          ", ".join(f"{k} ×{v}" for k, v in diffs.most_common(10)))
PY
fi
