# Shared by bench/run.sh, bench/analytics.sh and bench/scaling.sh (sourced from the repository's root, not run).
# The jar, the admin token and the port every script uses; BENCH_DIR is where the embedded database lives
# (scaling.sh sets one per traffic factor).
BENCH_DIR=$PWD/bench/data
JAR=bootstrap/target/aether-stats.jar
TOKEN=bench-token-0123456789abcdef
PORT=${BENCH_HTTP_PORT:-18080}

# installs a missing tool with apt-get (the bench machines are fresh Debian boxes, run as root)
need() {
  command -v "$1" >/dev/null && return
  echo "installing $2 ..." >&2
  apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null; }
}

SERVER_PID=
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; }
trap cleanup EXIT

# The README's launch of `serve` (Operations > Memory): a bounded heap and serial GC, sized on purpose.
SERVE_JVM_FLAGS="-Xms64m -Xmx128m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m"
# serve on the embedded PostgreSQL in $BENCH_DIR, and wait for its start line; sets SERVER_PID, DB_URL, START_MS.
# $1: STATS_ROLLUP_INTERVAL (default P1D: the timer's first tick only).
start_server() {
  local log=$BENCH_DIR/serve.log
  # shellcheck disable=SC2086 # the flags are separate words
  STATS_DATA_DIR=$BENCH_DIR STATS_HTTP_PORT=$PORT STATS_ADMIN_TOKEN=$TOKEN STATS_ROLLUP_INTERVAL=${1:-P1D} \
    STATS_LIVE_CACHE=${LIVE_CACHE:-PT1S} java $SERVE_JVM_FLAGS -jar "$JAR" serve >"$log" 2>"$BENCH_DIR/serve.err" &
  SERVER_PID=$!
  for _ in $(seq 1 3000); do   # up to 5 minutes: a loaded machine starts slowly
    grep -q "serving on" "$log" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$BENCH_DIR/serve.err" >&2; exit 1; }
    sleep 0.1
  done
  local line; line=$(grep "serving on" "$log")
  DB_URL=$(echo "$line" | grep -o 'postgresql://postgres@127.0.0.1:[0-9]*/postgres')
  START_MS=$(echo "$line" | grep -o 'started in [0-9]* ms' | grep -o '[0-9]*')
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
sql() { psql "$DB_URL" -X -q -t -A -c "$1"; }
# wall time of one psql statement in seconds (client-side \timing)
timed_sql() { psql "$DB_URL" -X -q -t -A -c '\timing on' -c "$1" | grep -o 'Time: [0-9.]* ms' | tail -1 | grep -o '[0-9.]*' | awk '{printf "%.2f", $1/1000}'; }
# the demo-data command against the running server's database
demo_data() { STATS_DATABASE_URL="$DB_URL" java -jar "$JAR" demo-data "$@" >/dev/null; }
# wall time of a `backfill` as the run recorded it (started .. finished), in seconds
backfill_s() {
  STATS_DATABASE_URL="$DB_URL" java -jar "$JAR" backfill "$@" >/dev/null 2>>"$BENCH_DIR/backfill.err"
  sql "SELECT round(extract(epoch FROM finished_at - started_at)::numeric, 2) FROM stats_rollup_runs ORDER BY id DESC LIMIT 1"
}
# durations (ms) of the timer's succeeded ticks logged from line $1 of serve.err on, in the order they ran
tick_ms() { tail -n +"$1" "$BENCH_DIR/serve.err" | grep -o 'kind=tick status=succeeded.*duration_ms=[0-9]*' | grep -o 'duration_ms=[0-9]*' | grep -o '[0-9]*' | tr '\n' ' '; }
# p50 / p99 of single requests to $1, one after the other ($2 of them, default 200), after 3 s of warm-up
# requests on one connection: a server just started runs its request path in the interpreter for the first
# few thousand requests (2x slower), which a long-running service pays once after a start
latency() {
  local i
  wrk -t1 -c1 -d3s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$1" >/dev/null
  for i in $(seq 1 "${2:-200}"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$1"
  done | sort -n | awk '{a[NR] = $1} END {printf "p50 %.1f ms, p99 %.1f ms", a[int(NR * 0.5)] * 1000, a[int(NR * 0.99)] * 1000}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
best() { printf '%s\n' "$@" | sort -n | head -1; }
# the analytics reads over $1..$2 (business days) that bench/run.sh and bench/analytics.sh time
analytics_paths() {
  local r="from=$1&to=$2"
  echo "/api/stats/series?$r&granularity=day"
  echo "/api/stats/series?$r&granularity=hour"
  echo "/api/stats/series?$r&granularity=week"
  echo "/api/stats/series?$r&granularity=month"
  local kind
  for kind in users api-keys models providers; do
    echo "/api/stats/leaderboard/$kind?$r&metric=requests&limit=10"
    echo "/api/stats/leaderboard/$kind?$r&metric=cost&limit=10"
  done
  echo "/api/stats/latency?$r&by=all"
  echo "/api/stats/latency?$r&by=day"
  echo "/api/stats/latency?$r&by=model"
  echo "/api/stats/latency?$r&by=provider"
  echo "/api/stats/errors?$r&by=status_class"
  echo "/api/stats/errors?$r&by=provider"
  echo "/api/stats/errors?$r&by=model"
  echo "/api/stats/comparison?$r&against=previous"
  echo "/api/stats/efficiency?$r&by=model"
  echo "/api/stats/efficiency?$r&by=provider"
  echo "/api/stats/hourly?$r"
  echo "/api/stats/hourly/models?$r"
}
# the table rows "| path | p50 .., p99 .. |" of every analytics read (BENCH_ANALYTICS_REQUESTS each, default 100)
analytics_rows() {
  local path
  for path in $(analytics_paths "$1" "$2"); do
    echo "| \`${path#/api/stats/}\` | $(latency "$path" "${BENCH_ANALYTICS_REQUESTS:-100}") |"
  done
}
