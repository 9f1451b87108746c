#!/usr/bin/env bash
# usage: rounds.sh N OUT jar1 jar2 ... ; alternating rounds (run under flock /tmp/quiet.lock), damaged-file CPU MB/s
N=$1; OUT=$2; shift 2
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
cd /work/wt-repairspeed5
for r in $(seq 1 $N); do
  for jar in "$@"; do
    v=$(nice -n 15 $J -Xmx2g -jar $jar repair-speed 2>&1 | grep damaged | awk -F'|' '{print $4}' | tr -d ' MB/s')
    echo "$r $(basename $jar) $v load $(cut -d' ' -f1 /proc/loadavg) $(date +%H:%M:%S)" | tee -a $OUT
  done
done
