#!/usr/bin/env bash
# How cost grows with the traffic: the same days and users at 1x, 2x and 4x the rows per day.
#
#   bench/scaling.sh [DAYS ROWS_PER_DAY USERS]     (default 30 20000 1000: 0.6, 1.2 and 2.4 million usage rows)
#
# For each factor, on a fresh embedded PostgreSQL of its own (bench/data-scale-F, deleted afterwards):
# demo-data (seed 42, bodies included), then the bare daily GROUP BY (the baseline of run.sh), the `backfill`
# of every day (best of two runs), the timer's tick with nothing new (median of the ticks after the first,
# STATS_ROLLUP_INTERVAL=PT2S), and p50 of single requests of combined, today and a 30-day daily with the live
# cache off. Prints a table and appends it to bench/results.md. Needs what run.sh needs (java, maven, psql, wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
DAYS=${1:-30}
ROWS=${2:-20000}
USERS=${3:-1000}
OUT=bench/results.md
# shellcheck source=bench/lib.sh
. bench/lib.sh
need psql postgresql-client
need wrk wrk
[ -f "$JAR" ] || mvn -B -q -DskipTests package >/dev/null

TABLE=""
for f in 1 2 4; do
  BENCH_DIR=$PWD/bench/data-scale-$f
  rm -rf "$BENCH_DIR"; mkdir -p "$BENCH_DIR"
  start_server
  demo_data --days "$DAYS" --rows-per-day "$((ROWS * f))" --users "$USERS" --seed 42
  sql "VACUUM ANALYZE" >/dev/null
  n=$(sql "SELECT count(*) FROM usage")
  first=$(sql "SELECT (min(created_at) AT TIME ZONE 'UTC')::date FROM usage")
  today=$(sql "SELECT (now() AT TIME ZONE 'UTC')::date")
  bare=$(sed -e "s/'2025-12-01T00:00:00Z'/'$first'/" -e "s/'2026-03-01T00:00:00Z'/'$today'::date + 1/" bench/bare_daily_groupby.sql)
  timed_sql "$bare" >/dev/null   # warm the cache
  b1=$(timed_sql "$bare"); b2=$(timed_sql "$bare")
  f1=$(backfill_s --days "$((DAYS + 1))"); f2=$(backfill_s --days "$((DAYS + 1))")
  stop_server
  start_server PT2S
  # wait for 6 ticks (2 minutes at most): the first after start redoes the settle days, the rest find nothing new
  for _ in $(seq 1 1200); do [ "$(grep -c 'kind=tick status=succeeded' "$BENCH_DIR/serve.err")" -ge 6 ] && break; sleep 0.1; done
  ticks=$(tick_ms 1 | cut -d' ' -f2-)
  tick=$(echo "$ticks" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  stop_server
  LIVE_CACHE=PT0S start_server P1D
  from30=$(sql "SELECT (now() AT TIME ZONE 'UTC')::date - 29")
  comb=$(latency /api/stats/combined 100 | cut -d, -f1 | sed "s/^p50 //")
  tod=$(latency /api/stats/today 100 | cut -d, -f1 | sed "s/^p50 //")
  dai=$(latency "/api/stats/daily?from=$from30&to=$today" 100 | cut -d, -f1 | sed "s/^p50 //")
  stop_server
  bb=$(best "$b1" "$b2"); fb=$(best "$f1" "$f2")
  TABLE="$TABLE| $((ROWS * f)) (${f}x) | $n | $bb s | $fb s | $(ratio "$fb" "$bb") | ${tick:-?} ms | $comb | $tod | $dai |
"
  echo "${f}x: $n rows, bare $bb s, backfill $fb s, tick $tick ms, combined $comb, today $tod, daily $dai" >&2
  rm -rf "$BENCH_DIR"
done

{
  echo
  echo "### Scaling $(date -u +%Y-%m-%dT%H:%MZ): demo-data --days $DAYS --users $USERS, rows per day x1, x2, x4"
  echo
  echo "| rows/day | usage rows | bare daily GROUP BY | backfill (all days, all tables) | ratio | tick, nothing new | combined p50 | today p50 | daily (30 d) p50 |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s' "$TABLE"
} | tee -a "$OUT"
