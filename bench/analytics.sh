#!/usr/bin/env bash
# The analytics part of bench/run.sh alone, on the data bench/run.sh left in bench/data (run that first):
#
#   bench/analytics.sh
#
# builds the jar, starts `serve` with the live cache off (STATS_LIVE_CACHE=PT0S), waits for its first tick,
# then times every analytics read over the last 30 days (BENCH_ANALYTICS_REQUESTS single requests each,
# default 100) and appends the table to bench/results.md. For trying a change to the reads without the
# 40 minutes of a full run; the figures say how many usage rows the last 24 hours hold at that moment.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/results.md

# shellcheck source=bench/lib.sh
. bench/lib.sh
need wrk wrk
[ -d "$BENCH_DIR/postgres" ] || { echo "no bench data in $BENCH_DIR: run bench/run.sh first" >&2; exit 1; }
mvn -B -q -DskipTests package -pl bootstrap -am >/dev/null

LIVE_CACHE=PT0S start_server P1D   # its first tick writes the hour buckets the analytics' live part relies on
for _ in $(seq 1 600); do grep -q 'kind=tick status=' "$BENCH_DIR/serve.err" && break; sleep 0.1; done
TODAY=$(sql "SELECT (now() AT TIME ZONE 'UTC')::date")
FROM30=$(sql "SELECT (now() AT TIME ZONE 'UTC')::date - 29")
N24=$(sql "SELECT count(*) FROM usage WHERE created_at >= now() - interval '24 hours'")
NHOUR=$(sql "SELECT count(*) FROM usage WHERE created_at >= date_trunc('hour', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'")
ROWS=$(analytics_rows "$FROM30" "$TODAY")
stop_server
{
  echo
  echo "## Analytics reads $(date -u +%Y-%m-%dT%H:%MZ) (bench/analytics.sh)"
  echo
  echo "Over $FROM30 to $TODAY (today live; $N24 usage rows in the last 24 h, $NHOUR in the current hour),"
  echo "single requests one after the other, live cache off, ${BENCH_ANALYTICS_REQUESTS:-100} each:"
  echo
  echo "| request | latency |"
  echo "|---|---|"
  printf '%s\n' "$ROWS"
} | tee -a "$OUT"
