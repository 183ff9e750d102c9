-- check_materialize.sql: verifies stats_materialize_days() / stats_refresh_summary() against a naive per-day
-- recomputation (plain queries with created_at >= start AND < end, one day at a time).
--
-- SCRATCH DATABASES ONLY: it empties the gateway and stats tables, inside one transaction that it rolls back
-- at the end (nothing is left behind, but the tables are locked while it runs). Needs the schema and the
-- three functions. Run:  psql -v ON_ERROR_STOP=1 -d <scratch db> -f bench/check_materialize.sql
-- Every check is a row of the final table; the script fails (exception) when one of them fails.
\set QUIET on
\pset pager off
\o /dev/null
BEGIN;
SET LOCAL client_min_messages = warning;
SET LOCAL TimeZone = 'UTC';

TRUNCATE stats_daily, stats_user_daily, stats_daily_model, stats_summary, request_candidates, usage, api_keys, users;

CREATE TEMP TABLE chk (n serial, name text, ok boolean, detail text) ON COMMIT DROP;

-- ---------------------------------------------------------------------------------------------------------
-- Data: a small demo set (13 UTC days 2026-03-02 .. 2026-03-14, 500 rows a day, 30 users) + edge cases.
-- ---------------------------------------------------------------------------------------------------------
SELECT * FROM stats_demo_fill(13, 500, 30, 7, '2026-03-15T00:00:00Z') \gset

-- rows whose tokens / costs / response time are NULL, a NULL user, an error with status 200,
-- a row exactly on a UTC midnight and one on a New York midnight (2026-03-08 is the DST change there)
INSERT INTO usage (id, user_id, api_key_id, request_id, provider, model, input_tokens, output_tokens,
                   cache_creation_input_tokens, cache_read_input_tokens, input_cost_usd, output_cost_usd,
                   cache_creation_cost_usd, cache_read_cost_usd, total_cost_usd, actual_total_cost_usd,
                   status_code, error_message, response_time_ms, status, created_at)
VALUES ('edge-1', (SELECT min(id) FROM users), NULL, 'edge-req-1', 'anthropic', 'claude-sonnet-4-20250514',
        NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'pending', '2026-03-09T00:00:00Z'),
       ('edge-2', NULL, NULL, 'edge-req-2', 'openai', 'gpt-4o', 10, 20, 0, 0, 0.1, 0.2, 0, 0, 0.30000000000000004,
        0.36, 200, 'client went away', 1234, 'completed', '2026-03-08T05:00:00Z'),
       ('edge-3', (SELECT max(id) FROM users), NULL, 'edge-req-3', 'mistral', 'mistral-large', 5, 5, 1, 1,
        1e-9, 3e-9, 0, 0, 4e-9, 4e-9, 503, 'overloaded', 17, 'failed', '2026-03-08T07:00:00Z'),
       ('edge-4', (SELECT min(id) FROM users), NULL, 'edge-req-4', 'openai', 'gpt-4o', 1, 1, 0, 0,
        0.1, 0.2, 0, 0, 0.30000000000000004, 0.30000000000000004, 200, NULL, 99, 'completed', '2026-03-11T04:00:00Z');

-- fallback edge cases: two executed attempts straddling UTC midnight / New York midnight, one with a skipped
-- and a pending candidate only (not a fallback), one with one executed attempt + skipped (not a fallback)
INSERT INTO request_candidates (id, request_id, candidate_index, retry_index, status, created_at) VALUES
  ('fb-1a', 'fb-req-1', 0, 0, 'failed',  '2026-03-06T23:59:58Z'),
  ('fb-1b', 'fb-req-1', 1, 0, 'success', '2026-03-07T00:00:03Z'),
  ('fb-2a', 'fb-req-2', 0, 0, 'failed',  '2026-03-07T04:59:59Z'),   -- 23:59:59 EST on 2026-03-06
  ('fb-2b', 'fb-req-2', 0, 1, 'failed',  '2026-03-07T05:00:01Z'),
  ('fb-2c', 'fb-req-2', 1, 0, 'success', '2026-03-07T05:00:09Z'),
  ('fb-3a', 'fb-req-3', 0, 0, 'skipped', '2026-03-07T10:00:00Z'),
  ('fb-3b', 'fb-req-3', 1, 0, 'pending', '2026-03-07T10:00:01Z'),
  ('fb-4a', 'fb-req-4', 0, 0, 'skipped', '2026-03-07T11:00:00Z'),
  ('fb-4b', 'fb-req-4', 1, 0, 'success', '2026-03-07T11:00:01Z');

-- ---------------------------------------------------------------------------------------------------------
-- Naive recomputation of day [ds, de): one plain query per table and day.
-- ---------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE bnd (i int, ds timestamptz, de timestamptz) ON COMMIT DROP;

CREATE FUNCTION pg_temp.set_bounds(b timestamptz[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM bnd;
    INSERT INTO bnd SELECT i, b[i], b[i + 1] FROM generate_series(1, cardinality(b) - 1) i;
$$;

CREATE TEMP VIEW naive_daily AS
SELECT b.ds AS date, x.total_requests, x.total_requests - x.error_requests AS success_requests, x.error_requests,
       x.input_tokens, x.output_tokens, x.cache_creation_tokens, x.cache_read_tokens,
       x.total_cost, x.actual_total_cost, x.input_cost, x.output_cost, x.cache_creation_cost, x.cache_read_cost,
       x.avg_response_time_ms, x.response_time_sum_ms, x.response_time_count,
       (SELECT count(*)::int
          FROM (SELECT min(rc.created_at) AS first_at
                  FROM request_candidates rc
                 WHERE rc.status IN ('success', 'failed')
                 GROUP BY rc.request_id
                HAVING count(*) > 1) f
         WHERE f.first_at >= b.ds AND f.first_at < b.de) AS fallback_count,
       x.unique_models, x.unique_providers
  FROM bnd b
 CROSS JOIN LATERAL (
       SELECT count(*)::int AS total_requests,
              count(*) FILTER (WHERE u.status_code >= 400 OR u.error_message IS NOT NULL)::int AS error_requests,
              coalesce(sum(u.input_tokens), 0)::bigint AS input_tokens,
              coalesce(sum(u.output_tokens), 0)::bigint AS output_tokens,
              coalesce(sum(u.cache_creation_input_tokens), 0)::bigint AS cache_creation_tokens,
              coalesce(sum(u.cache_read_input_tokens), 0)::bigint AS cache_read_tokens,
              coalesce(sum(u.total_cost_usd::numeric), 0)::float8 AS total_cost,
              coalesce(sum(u.actual_total_cost_usd::numeric), 0)::float8 AS actual_total_cost,
              coalesce(sum(u.input_cost_usd::numeric), 0)::float8 AS input_cost,
              coalesce(sum(u.output_cost_usd::numeric), 0)::float8 AS output_cost,
              coalesce(sum(u.cache_creation_cost_usd::numeric), 0)::float8 AS cache_creation_cost,
              coalesce(sum(u.cache_read_cost_usd::numeric), 0)::float8 AS cache_read_cost,
              coalesce(sum(u.response_time_ms)::float8 / nullif(count(u.response_time_ms), 0)::float8, 0) AS avg_response_time_ms,
              coalesce(sum(u.response_time_ms), 0)::bigint AS response_time_sum_ms,
              count(u.response_time_ms) AS response_time_count,
              count(DISTINCT u.model)::int AS unique_models,
              count(DISTINCT u.provider)::int AS unique_providers
         FROM usage u
        WHERE u.created_at >= b.ds AND u.created_at < b.de) x;

CREATE TEMP VIEW naive_user AS
SELECT u.user_id, b.ds AS date, count(*)::int AS total_requests,
       (count(*) - count(*) FILTER (WHERE u.status_code >= 400 OR u.error_message IS NOT NULL))::int AS success_requests,
       count(*) FILTER (WHERE u.status_code >= 400 OR u.error_message IS NOT NULL)::int AS error_requests,
       coalesce(sum(u.input_tokens), 0)::bigint AS input_tokens,
       coalesce(sum(u.output_tokens), 0)::bigint AS output_tokens,
       coalesce(sum(u.cache_creation_input_tokens), 0)::bigint AS cache_creation_tokens,
       coalesce(sum(u.cache_read_input_tokens), 0)::bigint AS cache_read_tokens,
       coalesce(sum(u.total_cost_usd::numeric), 0)::float8 AS total_cost
  FROM bnd b
  JOIN usage u ON u.created_at >= b.ds AND u.created_at < b.de
 WHERE u.user_id IS NOT NULL
 GROUP BY b.ds, u.user_id;

CREATE TEMP VIEW naive_model AS
SELECT b.ds AS date, u.model, count(*)::int AS total_requests,
       coalesce(sum(u.input_tokens), 0)::bigint AS input_tokens,
       coalesce(sum(u.output_tokens), 0)::bigint AS output_tokens,
       coalesce(sum(u.cache_creation_input_tokens), 0)::bigint AS cache_creation_tokens,
       coalesce(sum(u.cache_read_input_tokens), 0)::bigint AS cache_read_tokens,
       coalesce(sum(u.total_cost_usd::numeric), 0)::float8 AS total_cost,
       coalesce(sum(u.response_time_ms)::float8 / nullif(count(u.response_time_ms), 0)::float8, 0) AS avg_response_time_ms,
       count(*) FILTER (WHERE u.status_code >= 400 OR u.error_message IS NOT NULL)::int AS error_requests,
       coalesce(sum(u.response_time_ms), 0)::bigint AS response_time_sum_ms,
       count(u.response_time_ms) AS response_time_count
  FROM bnd b
  JOIN usage u ON u.created_at >= b.ds AND u.created_at < b.de
 GROUP BY b.ds, u.model;

-- stored rows of the bounded days, same columns (the materialized figures only)
CREATE TEMP VIEW got_daily AS
SELECT s.date, s.total_requests, s.success_requests, s.error_requests, s.input_tokens, s.output_tokens,
       s.cache_creation_tokens, s.cache_read_tokens, s.total_cost, s.actual_total_cost, s.input_cost, s.output_cost,
       s.cache_creation_cost, s.cache_read_cost, s.avg_response_time_ms, s.response_time_sum_ms, s.response_time_count,
       s.fallback_count, s.unique_models, s.unique_providers
  FROM stats_daily s JOIN bnd b ON b.ds = s.date;
CREATE TEMP VIEW got_user AS
SELECT s.user_id, s.date, s.total_requests, s.success_requests, s.error_requests, s.input_tokens, s.output_tokens,
       s.cache_creation_tokens, s.cache_read_tokens, s.total_cost
  FROM stats_user_daily s JOIN bnd b ON b.ds = s.date;
CREATE TEMP VIEW got_model AS
SELECT s.date, s.model, s.total_requests, s.input_tokens, s.output_tokens, s.cache_creation_tokens,
       s.cache_read_tokens, s.total_cost, s.avg_response_time_ms, s.error_requests, s.response_time_sum_ms,
       s.response_time_count
  FROM stats_daily_model s JOIN bnd b ON b.ds = s.date;

-- compares the three tables with the naive figures for the current bounds, except skip_days (protected days
-- are history and compared elsewhere); float8 compared exactly (=)
CREATE FUNCTION pg_temp.compare(label text, skip_days timestamptz[] DEFAULT '{}') RETURNS void LANGUAGE plpgsql AS $$
DECLARE a bigint; b bigint; c bigint; nd bigint; nu bigint; nm bigint;
BEGIN
    SELECT count(*) INTO a FROM ((SELECT * FROM got_daily WHERE date <> ALL (skip_days)
                                  EXCEPT ALL SELECT * FROM naive_daily WHERE date <> ALL (skip_days))
                       UNION ALL (SELECT * FROM naive_daily WHERE date <> ALL (skip_days)
                                  EXCEPT ALL SELECT * FROM got_daily WHERE date <> ALL (skip_days))) x;
    SELECT count(*) INTO b FROM ((SELECT * FROM got_user WHERE date <> ALL (skip_days)
                                  EXCEPT ALL SELECT * FROM naive_user WHERE date <> ALL (skip_days))
                       UNION ALL (SELECT * FROM naive_user WHERE date <> ALL (skip_days)
                                  EXCEPT ALL SELECT * FROM got_user WHERE date <> ALL (skip_days))) x;
    SELECT count(*) INTO c FROM ((SELECT * FROM got_model WHERE date <> ALL (skip_days)
                                  EXCEPT ALL SELECT * FROM naive_model WHERE date <> ALL (skip_days))
                       UNION ALL (SELECT * FROM naive_model WHERE date <> ALL (skip_days)
                                  EXCEPT ALL SELECT * FROM got_model WHERE date <> ALL (skip_days))) x;
    SELECT count(*) INTO nd FROM got_daily WHERE date <> ALL (skip_days);
    SELECT count(*) INTO nu FROM got_user WHERE date <> ALL (skip_days);
    SELECT count(*) INTO nm FROM got_model WHERE date <> ALL (skip_days);
    INSERT INTO chk (name, ok, detail) VALUES
      (label || ': stats_daily = naive', a = 0 AND nd > 0, format('%s rows, %s differ', nd, a)),
      (label || ': stats_user_daily = naive', b = 0 AND nu > 0, format('%s rows, %s differ', nu, b)),
      (label || ': stats_daily_model = naive', c = 0 AND nm > 0, format('%s rows, %s differ', nm, c));
END $$;

-- the returned rows: one per day, in order, 'written' with the usage rows of the day (or 'protected', 0)
CREATE TEMP TABLE ret (day_start timestamptz, outcome text, rows_read bigint) ON COMMIT DROP;
CREATE FUNCTION pg_temp.run(b timestamptz[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM ret;
    INSERT INTO ret SELECT * FROM stats_materialize_days(b);
$$;
CREATE FUNCTION pg_temp.check_ret(label text) RETURNS void LANGUAGE sql AS $$
    INSERT INTO chk (name, ok, detail)
    SELECT label || ': returned rows', bool_and(ok) AND count(*) = (SELECT count(*) FROM bnd),
           format('%s days: %s written, %s protected', count(*), count(*) FILTER (WHERE outcome = 'written'),
                  count(*) FILTER (WHERE outcome = 'protected'))
      FROM (SELECT r.outcome, b.ds IS NOT NULL
                   AND ((r.outcome = 'written'
                         AND r.rows_read = (SELECT count(*) FROM usage u WHERE u.created_at >= b.ds AND u.created_at < b.de))
                        OR (r.outcome = 'protected' AND r.rows_read = 0)) AS ok
              FROM ret r LEFT JOIN bnd b ON b.ds = r.day_start) x;
$$;

-- full snapshot of the stored rows (everything but updated_at; floats exact through jsonb)
CREATE TEMP TABLE snap (t text, k text, v jsonb) ON COMMIT DROP;
CREATE FUNCTION pg_temp.take_snap() RETURNS void LANGUAGE sql AS $$
    DELETE FROM snap;
    INSERT INTO snap SELECT 'd', s.date::text, to_jsonb(s) - 'updated_at' FROM stats_daily s;
    INSERT INTO snap SELECT 'u', s.user_id || '|' || s.date, to_jsonb(s) - 'updated_at' FROM stats_user_daily s;
    INSERT INTO snap SELECT 'm', s.date || '|' || s.model, to_jsonb(s) - 'updated_at' FROM stats_daily_model s;
$$;
CREATE TEMP VIEW now_rows AS
    SELECT 'd' AS t, s.date::text AS k, to_jsonb(s) - 'updated_at' AS v FROM stats_daily s
    UNION ALL SELECT 'u', s.user_id || '|' || s.date, to_jsonb(s) - 'updated_at' FROM stats_user_daily s
    UNION ALL SELECT 'm', s.date || '|' || s.model, to_jsonb(s) - 'updated_at' FROM stats_daily_model s;
CREATE TEMP VIEW snap_diff AS
    SELECT count(*) AS n FROM ((SELECT * FROM snap EXCEPT ALL SELECT * FROM now_rows)
                     UNION ALL (SELECT * FROM now_rows EXCEPT ALL SELECT * FROM snap)) x;

-- ---------------------------------------------------------------------------------------------------------
-- 1. UTC bounds, whole data range in one call (+1 empty day at each end)
-- ---------------------------------------------------------------------------------------------------------
SELECT pg_temp.set_bounds(ARRAY(SELECT generate_series('2026-03-01T00:00:00Z'::timestamptz, '2026-03-16T00:00:00Z', '1 day')));
SELECT pg_temp.run(ARRAY(SELECT ds FROM bnd UNION ALL SELECT max(de) FROM bnd ORDER BY 1));
SELECT pg_temp.compare('UTC 15 days');
SELECT pg_temp.check_ret('UTC 15 days');
INSERT INTO chk (name, ok, detail)
SELECT 'UTC: empty days have a zero row', count(*) = 2 AND bool_and(total_requests = 0 AND total_cost = 0 AND unique_models = 0
        AND avg_response_time_ms = 0 AND fallback_count = 0), format('%s zero rows', count(*))
  FROM stats_daily WHERE date IN ('2026-03-01T00:00:00Z', '2026-03-15T00:00:00Z');
INSERT INTO chk (name, ok, detail)
SELECT 'UTC: fallback straddling midnight counted once, on its first attempt''s day',
       (SELECT fallback_count FROM stats_daily WHERE date = '2026-03-06T00:00:00Z')
     = (SELECT count(*) FROM (SELECT request_id FROM request_candidates WHERE status IN ('success', 'failed')
                                GROUP BY request_id HAVING count(*) > 1
                                   AND min(created_at) >= '2026-03-06T00:00:00Z' AND min(created_at) < '2026-03-07T00:00:00Z') x),
       format('2026-03-06: %s fallbacks', (SELECT fallback_count FROM stats_daily WHERE date = '2026-03-06T00:00:00Z'));
INSERT INTO chk (name, ok, detail)
SELECT 'UTC: per day, user rows + anonymous rows = daily total', bool_and(d.total_requests = coalesce(u.n, 0) + a.n),
       format('%s days, %s anonymous rows', count(*), sum(a.n))
  FROM stats_daily d
  JOIN bnd b ON b.ds = d.date
  LEFT JOIN (SELECT date, sum(total_requests) AS n FROM stats_user_daily GROUP BY date) u ON u.date = d.date
 CROSS JOIN LATERAL (SELECT count(*) AS n FROM usage x WHERE x.user_id IS NULL AND x.created_at >= b.ds AND x.created_at < b.de) a;

-- re-run: bit-identical rows (ids kept), in one call and in overlapping batches of 4 and 7 days
SELECT pg_temp.take_snap();
SELECT pg_temp.run(ARRAY(SELECT ds FROM bnd UNION ALL SELECT max(de) FROM bnd ORDER BY 1));
INSERT INTO chk (name, ok, detail) SELECT 'UTC: re-run bit-identical (all columns but updated_at)', n = 0, format('%s rows differ', n) FROM snap_diff;
SELECT pg_temp.run(ARRAY(SELECT generate_series('2026-03-03T00:00:00Z'::timestamptz, '2026-03-07T00:00:00Z', '1 day')));
SELECT pg_temp.run(ARRAY(SELECT generate_series('2026-03-05T00:00:00Z'::timestamptz, '2026-03-12T00:00:00Z', '1 day')));
SELECT pg_temp.run(ARRAY['2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z']::timestamptz[]);
INSERT INTO chk (name, ok, detail) SELECT 'UTC: overlapping batches bit-identical', n = 0, format('%s rows differ', n) FROM snap_diff;

-- summary from stats_daily
INSERT INTO chk (name, ok, detail)
SELECT 'summary: sums of stats_daily before cutoff, user/key counts',
       s.all_time_requests = (SELECT sum(total_requests) FROM stats_daily WHERE date < '2026-03-10T00:00:00Z')
       AND s.all_time_cost = (SELECT sum(total_cost::numeric)::float8 FROM stats_daily WHERE date < '2026-03-10T00:00:00Z')
       AND s.all_time_actual_cost = (SELECT sum(actual_total_cost::numeric)::float8 FROM stats_daily WHERE date < '2026-03-10T00:00:00Z')
       AND s.all_time_error_requests = (SELECT sum(error_requests) FROM stats_daily WHERE date < '2026-03-10T00:00:00Z')
       AND s.all_time_cache_read_tokens = (SELECT sum(cache_read_tokens) FROM stats_daily WHERE date < '2026-03-10T00:00:00Z')
       AND s.total_users = (SELECT count(*) FROM users WHERE NOT is_deleted)
       AND s.active_users = (SELECT count(*) FROM users WHERE is_active AND NOT is_deleted)
       AND s.total_api_keys = (SELECT count(*) FROM api_keys)
       AND s.active_api_keys = (SELECT count(*) FROM api_keys WHERE is_active)
       AND s.cutoff_date = '2026-03-10T00:00:00Z',
       format('%s requests, cost %s', s.all_time_requests, s.all_time_cost)
  FROM stats_refresh_summary('2026-03-10T00:00:00Z') s;
SELECT id AS summary_id FROM stats_summary \gset
INSERT INTO chk (name, ok, detail)
SELECT 'summary: second refresh updates the single row in place', count(*) = 1 AND min(r.id) = :'summary_id'
       AND min(r.cutoff_date) = '2026-03-12T00:00:00Z', format('%s row(s) returned', count(*))
  FROM stats_refresh_summary('2026-03-12T00:00:00Z') r;
INSERT INTO chk (name, ok, detail)
SELECT 'summary: still one row', count(*) = 1 AND min(cutoff_date) = '2026-03-12T00:00:00Z', format('%s row(s)', count(*))
  FROM stats_summary;

-- ---------------------------------------------------------------------------------------------------------
-- 2. America/New_York bounds across the DST change (2026-03-08 is 23 hours long), on the same data
-- ---------------------------------------------------------------------------------------------------------
DELETE FROM stats_daily; DELETE FROM stats_user_daily; DELETE FROM stats_daily_model;
SELECT pg_temp.set_bounds(ARRAY(SELECT generate_series('2026-03-05'::date, '2026-03-12', '1 day')::timestamp AT TIME ZONE 'America/New_York'));
SELECT pg_temp.run(ARRAY(SELECT ds FROM bnd UNION ALL SELECT max(de) FROM bnd ORDER BY 1));
SELECT pg_temp.compare('New York 7 days');
SELECT pg_temp.check_ret('New York 7 days');
INSERT INTO chk (name, ok, detail)
SELECT 'New York: 2026-03-08 is 23 h, fallback straddling New York midnight on 03-06',
       (SELECT de - ds FROM bnd WHERE ds = '2026-03-08 05:00:00+00') = interval '23 hours'
       AND (SELECT fallback_count FROM stats_daily WHERE date = '2026-03-06 05:00:00+00')
         = (SELECT fallback_count FROM naive_daily WHERE date = '2026-03-06 05:00:00+00'),
       (SELECT string_agg(to_char(ds AT TIME ZONE 'UTC', 'MM-DD HH24:MI'), ', ' ORDER BY ds) FROM bnd);
SELECT pg_temp.take_snap();
SELECT pg_temp.run(ARRAY(SELECT ds FROM bnd UNION ALL SELECT max(de) FROM bnd ORDER BY 1));
INSERT INTO chk (name, ok, detail) SELECT 'New York: re-run bit-identical', n = 0, format('%s rows differ', n) FROM snap_diff;

-- Asia/Kathmandu (+05:45), 3 days
DELETE FROM stats_daily; DELETE FROM stats_user_daily; DELETE FROM stats_daily_model;
SELECT pg_temp.set_bounds(ARRAY(SELECT generate_series('2026-03-09'::date, '2026-03-12', '1 day')::timestamp AT TIME ZONE 'Asia/Kathmandu'));
SELECT pg_temp.run(ARRAY(SELECT ds FROM bnd UNION ALL SELECT max(de) FROM bnd ORDER BY 1));
SELECT pg_temp.compare('Kathmandu 3 days');

-- ---------------------------------------------------------------------------------------------------------
-- 3. Changes in the raw rows are reflected; vanished users / models are deleted (New York bounds again)
-- ---------------------------------------------------------------------------------------------------------
DELETE FROM stats_daily; DELETE FROM stats_user_daily; DELETE FROM stats_daily_model;
SELECT pg_temp.set_bounds(ARRAY(SELECT generate_series('2026-03-05'::date, '2026-03-12', '1 day')::timestamp AT TIME ZONE 'America/New_York'));
SELECT pg_temp.run(ARRAY(SELECT ds FROM bnd UNION ALL SELECT max(de) FROM bnd ORDER BY 1));
-- victims: the user with the fewest rows on 03-09 (NY) and model 'mistral-large' (one row, 03-08 NY)
CREATE TEMP TABLE victim ON COMMIT DROP AS
SELECT user_id FROM usage WHERE created_at >= '2026-03-09 04:00:00+00' AND created_at < '2026-03-10 04:00:00+00'
   AND user_id IS NOT NULL GROUP BY user_id ORDER BY count(*), user_id LIMIT 1;
INSERT INTO chk (name, ok, detail)
SELECT 'change: victim rows exist before', (SELECT count(*) FROM stats_user_daily s JOIN victim v USING (user_id)
                                             WHERE s.date = '2026-03-09 04:00:00+00') = 1
       AND (SELECT count(*) FROM stats_daily_model WHERE model = 'mistral-large') = 1, '';
UPDATE usage SET total_cost_usd = total_cost_usd + 1.25, status_code = 500, error_message = 'changed'
 WHERE id = (SELECT min(id) FROM usage WHERE created_at >= '2026-03-10 04:00:00+00' AND created_at < '2026-03-11 04:00:00+00'
              AND status_code = 200 AND error_message IS NULL AND user_id IS NOT NULL);
UPDATE usage SET user_id = NULL
 WHERE user_id = (SELECT user_id FROM victim) AND created_at >= '2026-03-09 04:00:00+00' AND created_at < '2026-03-10 04:00:00+00';
DELETE FROM usage WHERE model = 'mistral-large';
UPDATE usage SET created_at = '2026-03-07 12:00:00+00' WHERE id = 'edge-4';        -- moves to another day
SELECT pg_temp.run(ARRAY(SELECT ds FROM bnd UNION ALL SELECT max(de) FROM bnd ORDER BY 1));
SELECT pg_temp.compare('after changes');
INSERT INTO chk (name, ok, detail)
SELECT 'change: vanished user row and model row deleted',
       (SELECT count(*) FROM stats_user_daily s JOIN victim v USING (user_id) WHERE s.date = '2026-03-09 04:00:00+00') = 0
       AND (SELECT count(*) FROM stats_daily_model WHERE model = 'mistral-large') = 0
       AND (SELECT unique_providers FROM stats_daily WHERE date = '2026-03-08 05:00:00+00') = 4, '';

-- ---------------------------------------------------------------------------------------------------------
-- 4. Retention: raw rows before 03-09 12:00 UTC deleted; days starting before min(created_at) that have a
--    stored row are protected (untouched), a day before it without a stored row is written (zeros)
-- ---------------------------------------------------------------------------------------------------------
DELETE FROM stats_daily; DELETE FROM stats_user_daily; DELETE FROM stats_daily_model;
SELECT pg_temp.set_bounds(ARRAY(SELECT generate_series('2026-03-02T00:00:00Z'::timestamptz, '2026-03-15T00:00:00Z', '1 day')));
SELECT pg_temp.run(ARRAY(SELECT ds FROM bnd UNION ALL SELECT max(de) FROM bnd ORDER BY 1));
DELETE FROM stats_daily WHERE date = '2026-03-04T00:00:00Z';          -- a day never materialized
SELECT pg_temp.take_snap();
DELETE FROM usage WHERE created_at < '2026-03-09T12:00:00Z';          -- the gateway's retention job
SELECT pg_temp.run(ARRAY(SELECT ds FROM bnd UNION ALL SELECT max(de) FROM bnd ORDER BY 1));
INSERT INTO chk (name, ok, detail)
SELECT 'retention: outcomes', string_agg(outcome || ':' || rows_read, ',' ORDER BY day_start)
       = 'protected:0,protected:0,written:0,protected:0,protected:0,protected:0,protected:0,protected:0,'
         || (SELECT string_agg('written:' || (SELECT count(*) FROM usage WHERE created_at >= ds AND created_at < de), ',' ORDER BY ds)
               FROM bnd WHERE ds >= '2026-03-10T00:00:00Z'),
       string_agg(to_char(day_start, 'DD') || '=' || outcome || ':' || rows_read, ' ' ORDER BY day_start)
  FROM ret;
INSERT INTO chk (name, ok, detail)
SELECT 'retention: protected days untouched', count(*) = 0, format('%s rows differ', count(*))
  FROM ((SELECT * FROM snap WHERE v ->> 'date' < '2026-03-10' AND v ->> 'date' NOT LIKE '2026-03-04%'
         EXCEPT ALL SELECT * FROM now_rows WHERE v ->> 'date' < '2026-03-10' AND v ->> 'date' NOT LIKE '2026-03-04%')
        UNION ALL
        (SELECT * FROM now_rows WHERE v ->> 'date' < '2026-03-10' AND v ->> 'date' NOT LIKE '2026-03-04%'
         EXCEPT ALL SELECT * FROM snap WHERE v ->> 'date' < '2026-03-10' AND v ->> 'date' NOT LIKE '2026-03-04%')) x;
INSERT INTO chk (name, ok, detail)
SELECT 'retention: unprotected day before e written with zeros, its user/model rows removed',
       (SELECT total_requests = 0 AND unique_models = 0 FROM stats_daily WHERE date = '2026-03-04T00:00:00Z')
       AND NOT EXISTS (SELECT 1 FROM stats_user_daily WHERE date = '2026-03-04T00:00:00Z')
       AND NOT EXISTS (SELECT 1 FROM stats_daily_model WHERE date = '2026-03-04T00:00:00Z'), '';
SELECT pg_temp.compare('retention: written days',
       ARRAY(SELECT generate_series('2026-03-02T00:00:00Z'::timestamptz, '2026-03-09T00:00:00Z', '1 day')));
-- no usage at all: every day with a stored row is protected
DELETE FROM usage;
SELECT pg_temp.take_snap();
SELECT pg_temp.run(ARRAY['2026-03-13T00:00:00Z', '2026-03-14T00:00:00Z', '2026-03-15T00:00:00Z', '2026-03-20T00:00:00Z']::timestamptz[]);
INSERT INTO chk (name, ok, detail)
SELECT 'retention: empty usage = +infinity, stored days protected, others written',
       string_agg(outcome, ',' ORDER BY day_start) = 'protected,protected,written'
       AND (SELECT n FROM snap_diff) = 1, string_agg(outcome, ',' ORDER BY day_start)
  FROM ret;

-- ---------------------------------------------------------------------------------------------------------
-- 5. Input validation
-- ---------------------------------------------------------------------------------------------------------
CREATE FUNCTION pg_temp.fails(b timestamptz[]) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    PERFORM * FROM stats_materialize_days(b);
    RETURN false;
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN true;
END $$;
INSERT INTO chk (name, ok, detail)
SELECT 'validation: NULL, 1 bound, not increasing, equal, NULL element, infinity, 2-D rejected',
       pg_temp.fails(NULL) AND pg_temp.fails(ARRAY['2026-03-01Z']::timestamptz[])
       AND pg_temp.fails(ARRAY['2026-03-02Z', '2026-03-01Z']::timestamptz[])
       AND pg_temp.fails(ARRAY['2026-03-01Z', '2026-03-01Z']::timestamptz[])
       AND pg_temp.fails(ARRAY['2026-03-01Z', NULL]::timestamptz[])
       AND pg_temp.fails(ARRAY['2026-03-01Z', 'infinity']::timestamptz[])
       AND pg_temp.fails(ARRAY[ARRAY['2026-03-01Z', '2026-03-02Z'], ARRAY['2026-03-03Z', '2026-03-04Z']]::timestamptz[]), '';

-- ---------------------------------------------------------------------------------------------------------
\o
SELECT n, CASE WHEN ok THEN 'PASS' ELSE 'FAIL' END AS result, name, detail FROM chk ORDER BY n;
DO $$
DECLARE f int;
BEGIN
    SELECT count(*) INTO f FROM chk WHERE ok IS NOT TRUE;
    IF f > 0 THEN
        RAISE EXCEPTION 'check_materialize: % check(s) failed', f;
    END IF;
    RAISE WARNING 'check_materialize: all % checks passed', (SELECT count(*) FROM chk);
END $$;
ROLLBACK;
