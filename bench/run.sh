#!/usr/bin/env bash
# Reproduces every performance figure of the README in one run, on one machine, on one data set:
#
#   bench/run.sh [DAYS ROWS_PER_DAY USERS]        (default 90 50000 1000: about 4.5 million usage rows)
#
# 1. builds the jar and starts `serve` on an embedded PostgreSQL of its own (bench/data);
# 2. fills it with `demo-data` (deterministic, seed 42);
# 3. times, on the same rows, warm, twice each: the bare daily GROUP BY (bench/bare_daily_groupby.sql,
#    adapted to the data's range: plain sum() of the doubles, the honest baseline) and our materialization
#    of the day tables plus the summary (stats_materialize_days over the whole range in one call), the
#    `backfill` command with its default batches (every table, the hour buckets included: each batch writes
#    its days, then their hours), and, for the breakdown, the hour buckets of the whole range alone
#    (stats_materialize_hours); prints the ratios;
# 4. one day's rollup, and the timer's tick when nothing is new and after 1,000 new rows;
# 4b. single requests (live cache off, STATS_LIVE_CACHE=PT0S) of combined, today and a 30-day daily, p50 and
#    p99, with BENCH_TODAY_ROWS rows in the last 24 hours (default "10000 1000000": more demo-data is added);
#    then every analytics read (series, leaderboards, latency, errors, comparison, efficiency, hourly) over
#    the last 30 days, BENCH_ANALYTICS_REQUESTS (default 100) single requests each, p50 and p99;
# 5. wrk against GET /api/stats/combined and a 30-day GET /api/stats/daily (32 connections, 20 s):
#    requests/s, p50, p99; the server's RSS; the start-up time on an up-to-date database;
# 6. the dashboard's page load in headless Chromium (bench/PageLoad.java): until every chart is drawn.
# Figures go to stdout and to bench/results.md. Needs java 17+, maven, psql, wrk, chromium and
# chromium-driver (installed with apt-get when missing and run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
DAYS=${1:-90}
ROWS=${2:-50000}
USERS=${3:-1000}
OUT=bench/results.md

# shellcheck source=bench/lib.sh
. bench/lib.sh
need psql postgresql-client
need wrk wrk
need chromium chromium
need chromedriver chromium-driver
mkdir -p "$BENCH_DIR"
# builds the jar too; the page load (step 6) runs Selenium from the bootstrap module's test classpath
mvn -B -q -DskipTests package dependency:build-classpath -pl bootstrap -am -Dmdep.includeScope=test \
  -Dmdep.outputFile="$BENCH_DIR/test-classpath.txt" >/dev/null

start_server
echo "database: $DB_URL (embedded PostgreSQL 15, data in $BENCH_DIR)"

if [ "$(sql 'SELECT count(*) FROM usage')" -eq 0 ]; then
  echo "filling: $DAYS days x $ROWS rows/day, $USERS users ..."
  FILL_S=$( { /usr/bin/time -f %e env STATS_DATABASE_URL="$DB_URL" java -jar "$JAR" demo-data \
      --days "$DAYS" --rows-per-day "$ROWS" --users "$USERS" --seed 42 >/dev/null; } 2>&1 | tail -1)
  sql "VACUUM ANALYZE" >/dev/null
else
  FILL_S="(reused)"
fi
N_USAGE=$(sql "SELECT count(*) FROM usage")
N_CAND=$(sql "SELECT count(*) FROM request_candidates")
FIRST=$(sql "SELECT (min(created_at) AT TIME ZONE 'UTC')::date FROM usage")
TODAY=$(sql "SELECT (now() AT TIME ZONE 'UTC')::date")
YESTERDAY=$(sql "SELECT (now() AT TIME ZONE 'UTC')::date - 1")
echo "data: $N_USAGE usage rows, $N_CAND attempts, first day $FIRST (fill: ${FILL_S} s)"

BARE=$(sed -e "s/'2025-12-01T00:00:00Z'/'$FIRST'/" -e "s/'2026-03-01T00:00:00Z'/'$TODAY'/" bench/bare_daily_groupby.sql)
BOUNDS="ARRAY(SELECT d::timestamp AT TIME ZONE 'UTC' FROM generate_series('$FIRST'::date, '$TODAY'::date, '1 day') d)"
ONE_CALL="SELECT count(*) FROM stats_materialize_days($BOUNDS); SELECT count(*) FROM stats_refresh_summary('$TODAY'::timestamptz, $BOUNDS)"

timed_sql "$BARE" >/dev/null   # warm the cache
BARE1=$(timed_sql "$BARE"); BARE2=$(timed_sql "$BARE")
OURS1=$(psql "$DB_URL" -X -q -t -A -c '\timing on' -c "BEGIN" -c "SELECT count(*) FROM stats_materialize_days($BOUNDS)" -c "SELECT count(*) FROM stats_refresh_summary('$TODAY'::timestamptz, $BOUNDS)" -c "COMMIT" | grep -o 'Time: [0-9.]* ms' | grep -o '[0-9.]*' | awk '{s+=$1} END {printf "%.2f", s/1000}')
OURS2=$(psql "$DB_URL" -X -q -t -A -c '\timing on' -c "BEGIN" -c "SELECT count(*) FROM stats_materialize_days($BOUNDS)" -c "SELECT count(*) FROM stats_refresh_summary('$TODAY'::timestamptz, $BOUNDS)" -c "COMMIT" | grep -o 'Time: [0-9.]* ms' | grep -o '[0-9.]*' | awk '{s+=$1} END {printf "%.2f", s/1000}')
BACKFILL1=$(backfill_s --days "$((DAYS + 1))"); BACKFILL2=$(backfill_s --days "$((DAYS + 1))")
# the hour buckets of every hour from the first day to the current hour, one statement
HOURS_SQL="SELECT count(*) FROM stats_materialize_hours('$FIRST'::date::timestamp AT TIME ZONE 'UTC', date_trunc('hour', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')"
HOURS1=$(timed_sql "$HOURS_SQL")
DAY_S=$(STATS_DATABASE_URL="$DB_URL" java -jar "$JAR" rollup --from "$YESTERDAY" --to "$YESTERDAY" \
  | grep -v 'done:' | grep -o 'rows read in [0-9.]* s' | grep -o '[0-9.]*')
BEST_BARE=$(printf '%s\n%s\n' "$BARE1" "$BARE2" | sort -n | head -1)
BEST_ONE=$(printf '%s\n%s\n' "$OURS1" "$OURS2" | sort -n | head -1)
BEST_BACKFILL=$(printf '%s\n%s\n' "$BACKFILL1" "$BACKFILL2" | sort -n | head -1)

# the timer's tick with nothing new, and start-up time on an up-to-date database
stop_server
start_server PT2S
# the first tick after a start redoes the settle days (no settle pass on record in this process); the next
# ones are what a running service pays every interval with nothing new
for _ in $(seq 1 1200); do [ "$(grep -c 'kind=tick status=succeeded' "$BENCH_DIR/serve.err")" -ge 4 ] && break; sleep 0.1; done
FIRST_TICK=$(grep -o 'kind=tick status=succeeded.*duration_ms=[0-9]*' "$BENCH_DIR/serve.err" | head -1 | grep -o 'duration_ms=[0-9]*' | grep -o '[0-9]*')
TICKS=$(grep -o 'kind=tick status=succeeded.*duration_ms=[0-9]*' "$BENCH_DIR/serve.err" | tail -n +2 | grep -o 'duration_ms=[0-9]*' | grep -o '[0-9]*' | tr '\n' ' ')
# 1,000 new rows in the last 24 hours (another seed: new request ids), then the next ticks
STATS_DATABASE_URL="$DB_URL" java -jar "$JAR" demo-data --days 1 --rows-per-day 1000 --users "$USERS" --seed 7 >/dev/null
AFTER_INSERT=$(($(wc -l < "$BENCH_DIR/serve.err") + 1))
sleep 5
TICKS_NEW=$(tail -n +"$AFTER_INSERT" "$BENCH_DIR/serve.err" | grep -o 'kind=tick status=succeeded.*duration_ms=[0-9]*' | head -1 | grep -o 'duration_ms=[0-9]*' | grep -o '[0-9]*')
stop_server

LIVE_ROWS=""
for want in ${BENCH_TODAY_ROWS:-10000 1000000}; do
  start_server P1D
  have=$(sql "SELECT count(*) FROM usage WHERE created_at >= now() - interval '24 hours'")
  if [ "$want" -gt "$have" ]; then
    STATS_DATABASE_URL="$DB_URL" java -jar "$JAR" demo-data --days 1 --rows-per-day "$((want - have))" \
      --users "$USERS" --seed "$((1000 + want % 1000))" >/dev/null
  fi
  stop_server
  LIVE_CACHE=PT0S start_server P1D   # its first tick writes the hour buckets of the new rows
  for _ in $(seq 1 600); do grep -q 'kind=tick status=' "$BENCH_DIR/serve.err" && break; sleep 0.1; done
  n24=$(sql "SELECT count(*) FROM usage WHERE created_at >= now() - interval '24 hours'")
  ntoday=$(sql "SELECT count(*) FROM usage WHERE created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'")
  FROM30=$(sql "SELECT (now() AT TIME ZONE 'UTC')::date - 29")
  LIVE_ROWS="$LIVE_ROWS| $n24 in the last 24 h ($ntoday today) | $(latency /api/stats/combined) | $(latency /api/stats/today) | $(latency "/api/stats/daily?from=$FROM30&to=$TODAY") |
"
  stop_server
done

# every analytics read over the last 30 days, single requests with the live cache off, on the data as the
# last round left it (its usage rows of the last 24 hours are read live)
LIVE_CACHE=PT0S start_server P1D   # its first tick writes the hour buckets the analytics' live part relies on
for _ in $(seq 1 600); do grep -q 'kind=tick status=' "$BENCH_DIR/serve.err" && break; sleep 0.1; done
FROM30=$(sql "SELECT (now() AT TIME ZONE 'UTC')::date - 29")
N24_ANALYTICS=$(sql "SELECT count(*) FROM usage WHERE created_at >= now() - interval '24 hours'")
ANALYTICS_ROWS=$(analytics_rows "$FROM30" "$TODAY")
stop_server
start_server P1D

# wrk_run PATH: 5 s of warm-up load first (the JIT compiles the request path in the first seconds after a start,
# which a long-running service pays once), then the measured 20 s
wrk_run() {
  wrk -t2 -c32 -d5s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$1" >/dev/null
  wrk -t2 -c32 -d20s --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$1" > "$BENCH_DIR/wrk.txt"
  local rps p50 p99
  rps=$(grep 'Requests/sec' "$BENCH_DIR/wrk.txt" | awk '{print $2}')
  p50=$(grep -E '^ +50%' "$BENCH_DIR/wrk.txt" | awk '{print $2}')
  p99=$(grep -E '^ +99%' "$BENCH_DIR/wrk.txt" | awk '{print $2}')
  local errors; errors=$(grep -E 'Non-2xx|Socket errors' "$BENCH_DIR/wrk.txt" | tr '\n' ' ')
  echo "$rps req/s, p50 $p50, p99 $p99 ${errors}"
}
COMBINED=$(wrk_run /api/stats/combined)
FROM30=$(sql "SELECT (now() AT TIME ZONE 'UTC')::date - 29")
DAILY=$(wrk_run "/api/stats/daily?from=$FROM30&to=$TODAY")
RSS_MB=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$SERVER_PID/status")
PAGE=$(java -cp "$(cat "$BENCH_DIR/test-classpath.txt")" bench/PageLoad.java "http://127.0.0.1:$PORT/" "$TOKEN" 5 2>/dev/null)

{
  echo "## Benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1);"
  echo "embedded PostgreSQL 15 (default settings) on the same machine."
  echo "Data: demo-data --days $DAYS --rows-per-day $ROWS --users $USERS --seed 42: $N_USAGE usage rows, $N_CAND request attempts."
  echo
  echo "| what | run 1 | run 2 | ratio to bare (best runs) |"
  echo "|---|---|---|---|"
  echo "| bare daily GROUP BY (stats_daily figures only, no writes; PostgreSQL runs it on 3 processes) | ${BARE1} s | ${BARE2} s | 1.00 |"
  echo "| the day tables + summary, one \`stats_materialize_days\` call over all days (one process) | ${OURS1} s | ${OURS2} s | $(ratio "$BEST_ONE" "$BEST_BARE") |"
  echo "| \`backfill\` command: every table, hour buckets included (batches of at most 31 days, 2 at a time; the run's recorded duration) | ${BACKFILL1} s | ${BACKFILL2} s | $(ratio "$BEST_BACKFILL" "$BEST_BARE") |"
  echo "| of which the hour buckets: the whole range in one \`stats_materialize_hours\` call | ${HOURS1} s | | $(ratio "$HOURS1" "$BEST_BARE") |"
  echo "| one day's \`rollup\` | ${DAY_S} s | | |"
  echo
  echo "- the first tick after a start (it redoes the 2 settle days), ms: ${FIRST_TICK}"
  echo "- the next timer ticks with nothing new (hour-bucket check only), ms: ${TICKS}"
  echo "- the first tick after 1,000 new rows, ms: ${TICKS_NEW:-(none within 5 s)}"
  echo
  echo "Single requests, one after the other, live cache off (STATS_LIVE_CACHE=PT0S), 200 each:"
  echo
  echo "| usage rows | combined | today | daily (30 days) |"
  echo "|---|---|---|---|"
  printf '%s' "$LIVE_ROWS"
  echo
  echo "Analytics reads over the last 30 days ($FROM30 to $TODAY, today live; $N24_ANALYTICS usage rows in the last"
  echo "24 h), single requests one after the other, live cache off, ${BENCH_ANALYTICS_REQUESTS:-100} each:"
  echo
  echo "| request | latency |"
  echo "|---|---|"
  printf '%s\n' "$ANALYTICS_ROWS"
  echo
  echo "- GET /api/stats/combined, wrk 32 connections 20 s after 5 s of warm-up: ${COMBINED}"
  echo "- GET /api/stats/daily (30 days), wrk 32 connections 20 s after 5 s of warm-up: ${DAILY}"
  echo "- server RSS after the load: ${RSS_MB} MB; start-up on an up-to-date database: ${START_MS} ms"
  echo "- dashboard page load (30 days, every chart drawn, headless Chromium): ${PAGE}"
} | tee "$OUT"
