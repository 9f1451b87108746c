#!/bin/bash
# listing-pages.sh BASE_URL [SOURCE]: time the listing pages of a running `huixun serve`, each requested twice
# (the first request is cold; a front page's first is its build). SOURCE: a publisher name in the store.
# Example: huixun-bench/scripts/listing-pages.sh http://127.0.0.1:8080 新华网
set -u
if [ $# -lt 1 ]; then echo "usage: $0 BASE_URL [SOURCE]" >&2; exit 2; fi
base=${1%/}; source=${2:-新华网}
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
s=$(enc "$source"); none=$(enc 没有这个来源)
for u in "/api/articles?limit=30" "/api/articles?limit=30&source=$s" "/api/articles?limit=30&source=$none" \
         "/api/articles?limit=30&category=POLITICS" "/api/articles?limit=30&category=SPORTS" "/feed.xml" \
         "/?category=SPORTS" "/?source=$s"; do
  for try in 1 2; do
    printf '%-60s try %d  %s\n' "$u" "$try" "$(curl -s -o /dev/null -w '%{http_code} %{time_total}s' "$base$u")"
  done
done
