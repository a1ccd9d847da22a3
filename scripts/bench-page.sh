#!/usr/bin/env bash
# Times the server-rendered search page: N requests per query against a running `./parley serve`,
# printed as median and p90 in milliseconds (curl's total time, loopback).
#   ./parley serve &   then   scripts/bench-page.sh [BASE_URL] [N]
set -euo pipefail
BASE="${1:-http://127.0.0.1:7070}"
N="${2:-50}"
QUERIES=("q=Russia" "q=Russia&country=KH" "q=relations&speaker=Hun+Sen" "q=%22diplomatic+relations%22&sort=-date" "" "q=trade&year_from=2000&year_to=2024")
for q in "${QUERIES[@]}"; do curl -s -o /dev/null "$BASE/?$q"; done # warm up
for q in "${QUERIES[@]}"; do
  for i in $(seq 1 "$N"); do curl -s -o /dev/null -w '%{time_total}\n' "$BASE/?$q"; done
done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "search page: %d requests, median %.1f ms, p90 %.1f ms, max %.1f ms\n", NR, t[int(NR/2)+1], t[int(NR*0.9)], t[NR] }'
