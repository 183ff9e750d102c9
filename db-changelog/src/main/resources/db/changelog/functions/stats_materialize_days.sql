-- stats_materialize_days: recompute the materialized statistics of n consecutive business days.
--
--   SELECT * FROM stats_materialize_days(ARRAY[b1, b2, ..., bn+1]::timestamptz[]);
--
-- p_bounds holds n+1 strictly increasing instants: business day i covers usage.created_at in
-- [p_bounds[i], p_bounds[i+1]) and is stored under date = p_bounds[i]. The caller derives the instants from
-- its business time zone (days may last 23 or 25 hours, offsets like +05:45 are fine); this function does no
-- time-zone arithmetic at all: usage rows are read day by day with created_at >= p_bounds[i] AND
-- < p_bounds[i+1], attempts are mapped to days with width_bucket(first attempt, p_bounds) (a binary search
-- over the bounds), and the only interval used is a fixed '24 hours'.
--
-- Per day it writes (INSERT ... ON CONFLICT DO UPDATE, every figure replaced, never added to):
--   stats_daily        one row per day, zeros for a day without usage;
--   stats_user_daily   one row per (day, user) with usage that day (user_id NULL rows count in stats_daily only);
--   stats_daily_model  one row per (day, model) with usage that day;
--   stats_daily_provider, stats_daily_api_key (rows with an api_key_id), stats_daily_model_provider
--                      one row per (day, provider) / (day, key) / (day, model, provider) with usage that day;
--   stats_daily_latency_histogram  one row per (day, dimension, key, metric) with completed requests, its
--                      non-empty buckets as arrays;
-- and deletes the rows of those days, in every one of these per-key tables, whose key has no usage row any
-- more. Everything happens in the caller's transaction.
--
-- Figures (as the original Python aggregator): total = all rows whatever their status; error = status_code
-- >= 400 OR error_message IS NOT NULL; success = total - error; NULL tokens/costs count as 0; average
-- response time over the non-NULL response_time_ms (0 when none), with its sum and count stored too;
-- unique models/providers = distinct usage.model / usage.provider of the day.
-- Costs are summed exactly as integers of 1e-9 USD: each float8 value is scaled and rounded to the nearest
-- nano-dollar, (x * 1e9::float8)::int8 (the cast rounds half to even, exactly as round() on a float8 does;
-- both are rint()), those integers are summed exactly (sum(int8) accumulates in 128 bits and returns
-- numeric), and only the sum is converted back, (nanos * 0.000000001)::float8: the exact decimal rounded
-- once to the nearest double. Integer addition is associative, so the stored value does not depend on the
-- scan order: a re-run writes identical bits. Precision: 1e-9 USD per value (at most 0.5e-9 USD of rounding
-- per row); range: one value may be at most 9.2e9 USD (int8 nanos; a larger one fails the cast, it is not
-- wrapped), a sum has no limit. It costs a multiplication and a cast per value, where the float8 -> numeric
-- cast it replaces formatted every double as text (about 4x the whole aggregation).
-- The average is sum::float8 / count::float8, the correctly rounded quotient.
-- Breakdown figures: client_errors = status 400..499; service_errors = status >= 500, or an error message
-- without a status code; the other errors (a message with a status below 400) are error - client - service.
-- speed_output_tokens / speed_generation_ms: output tokens and response_time - coalesce(first_byte_time, 0)
-- of the completed requests with output tokens and response_time > coalesce(first_byte_time, 0).
--
-- fallback_count = requests with more than one executed attempt (request_candidates.status 'success' or
-- 'failed'), counted once, on the day of the request's first executed attempt (the original counted per
-- calendar day and lost requests whose attempts straddle midnight). Attempts are read in
-- [p_bounds[1] - 24h, p_bounds[n+1] + 24h) through the created_at index. Stated limit: the attempts of one
-- request are assumed to lie within 24 hours of each other; a request whose attempts spread over more
-- than a day may be missed or counted with only part of its attempts.
--
-- Retention safety: the gateway deletes old usage rows. Let e = min(usage.created_at) (no usage at all: e is
-- +infinity), read in the same statement (one snapshot) as the rows it protects: a retention DELETE that
-- commits while this function runs cannot make a day that just lost rows look complete. A day that starts before e, and whose stored stats_daily row counts more requests than the
-- usage rows left for it, is 'protected': its raw rows are (partly) gone, so its stored rows are history that
-- cannot be rebuilt and nothing of that day is touched. (The count keeps the gateway's very first day, which
-- also starts before e, recomputable as long as none of its rows were deleted: pending requests complete,
-- late rows arrive.) Every other day of the range is 'written'.
--
-- Another zone's rows: a written day also deletes the stats rows whose date lies strictly inside it
-- (ds < date < de). Those were written under another STATS_TIMEZONE's day boundaries; once the day is
-- recomputed under the current zone they would count its requests twice.
--
-- Returns one row per day: its start, 'written' | 'protected', and the usage rows read for it (0 when
-- protected).
--
-- Concurrency: before anything else is read, the function takes one transaction-scoped advisory lock per day
-- of the batch, (1095062869, day start in epoch minutes), in ascending order (so two callers never deadlock).
-- Writers of the same day are serialized: a second caller waits until the first commits, then (READ
-- COMMITTED, the default: each statement of this function takes a fresh snapshot) recomputes from the fresh
-- data. Batches of disjoint days run side by side (a backfill uses that to spread over several cores).
-- Under REPEATABLE READ the snapshot predates the wait; a concurrent writer then makes this fail with a
-- serialization error.
--
-- Plan: one pass over the usage rows of the written days aggregates them by (day, user, model, provider)
-- with all the sums (per day, so the hash tables stay small); the three tables are cheap roll-ups of that
-- small result. Everything is one statement (data-modifying CTEs), so it is atomic and sees one snapshot.
-- Protected days are not even read. See bench/SQL_NOTES.md for the measurements behind these choices.
CREATE OR REPLACE FUNCTION stats_materialize_days(p_bounds timestamptz[])
RETURNS TABLE (day_start timestamptz, outcome text, rows_read bigint)
LANGUAGE plpgsql
VOLATILE
SET work_mem = '128MB'     -- per-day hash aggregates need ~20 MB, the fallback pre-filter ~60 MB per 31 days
SET jit = off              -- JIT compiling this statement costs ~2 s per call and saves nothing measurable
AS $fn$
DECLARE
    v_bounds   timestamptz[];
    v_n        int;
BEGIN
    IF p_bounds IS NULL OR array_ndims(p_bounds) IS DISTINCT FROM 1 OR cardinality(p_bounds) < 2 THEN
        RAISE EXCEPTION 'stats_materialize_days: p_bounds must be a one-dimensional array of at least 2 instants (n+1 bounds for n days), got %',
            coalesce(p_bounds::text, 'NULL')
            USING ERRCODE = '22023';
    END IF;
    v_bounds := ARRAY(SELECT b FROM unnest(p_bounds) WITH ORDINALITY AS t(b, o) ORDER BY o);  -- 1-based
    v_n := cardinality(v_bounds) - 1;
    FOR i IN 1 .. v_n + 1 LOOP
        IF v_bounds[i] IS NULL OR NOT isfinite(v_bounds[i]) THEN
            RAISE EXCEPTION 'stats_materialize_days: bound % is %; every bound must be a finite instant',
                i, coalesce(v_bounds[i]::text, 'NULL')
                USING ERRCODE = '22023';
        END IF;
        IF i <= v_n AND v_bounds[i + 1] <= v_bounds[i] THEN
            RAISE EXCEPTION 'stats_materialize_days: bounds must be strictly increasing, but bound % (%) is not after bound % (%)',
                i + 1, v_bounds[i + 1], i, v_bounds[i]
                USING ERRCODE = '22023';
        END IF;
    END LOOP;

    -- Serializes the writers of each day (see Concurrency above); released at commit/rollback.
    FOR i IN 1 .. v_n LOOP
        PERFORM pg_advisory_xact_lock(1095062869, (extract(epoch FROM v_bounds[i]) / 60)::int);
    END LOOP;

    RETURN QUERY
    -- Earliest raw row still there (index idx_usage_created_at); NULL = no usage at all = +infinity. Read in
    -- this statement, so it and the rows aggregated below come from one snapshot.
    WITH earliest AS MATERIALIZED (
        SELECT min(u.created_at) AS e FROM usage u
    ),
    days AS MATERIALIZED (
        SELECT k.i AS d,
               v_bounds[k.i] AS ds,
               v_bounds[k.i + 1] AS de,
               CASE WHEN (SELECT e FROM earliest) IS NOT NULL AND v_bounds[k.i] >= (SELECT e FROM earliest) THEN false
                    ELSE EXISTS (SELECT 1 FROM stats_daily s
                                  WHERE s.date = v_bounds[k.i]
                                    AND s.total_requests > (SELECT count(*) FROM usage u
                                                             WHERE u.created_at >= v_bounds[k.i]
                                                               AND u.created_at <  v_bounds[k.i + 1]))
               END AS prot
          FROM generate_series(1, v_n) AS k(i)
    ),
    -- Level 1: the single pass over the usage rows of the written days, one day at a time (LATERAL: a range
    -- scan of idx_usage_created_at per day, then a small per-day hash aggregate by user, model and provider).
    -- Costs: integers of 1e-9 USD, summed exactly (see the header).
    l1 AS MATERIALIZED (
        SELECT dy.d, x.*
          FROM days dy
         CROSS JOIN LATERAL (
                SELECT u.user_id,
                       u.api_key_id,
                       u.model,
                       u.provider,
                       count(*)                                                                    AS n_req,
                       count(*) FILTER (WHERE u.status_code >= 400 OR u.error_message IS NOT NULL) AS n_err,
                       sum(u.input_tokens)                                                         AS t_in,
                       sum(u.output_tokens)                                                        AS t_out,
                       sum(u.cache_creation_input_tokens)                                          AS t_cw,
                       sum(u.cache_read_input_tokens)                                              AS t_cr,
                       sum((u.total_cost_usd * 1e9::float8)::int8)::int8           AS c_total,
                       sum((u.actual_total_cost_usd * 1e9::float8)::int8)::int8    AS c_actual,
                       sum((u.input_cost_usd * 1e9::float8)::int8)::int8           AS c_in,
                       sum((u.output_cost_usd * 1e9::float8)::int8)::int8          AS c_out,
                       sum((u.cache_creation_cost_usd * 1e9::float8)::int8)::int8  AS c_cw,
                       sum((u.cache_read_cost_usd * 1e9::float8)::int8)::int8      AS c_cr,
                       sum(u.response_time_ms)                                                     AS rt_sum,
                       count(u.response_time_ms)                                                   AS rt_cnt,
                       -- breakdown figures (issue 11), used only by the per_provider / per_api_key /
                       -- per_model_provider roll-ups below
                       count(*) FILTER (WHERE u.status_code BETWEEN 400 AND 499)                   AS n_client,
                       count(*) FILTER (WHERE u.status_code >= 500
                                           OR (u.status_code IS NULL AND u.error_message IS NOT NULL)) AS n_service,
                       sum(u.first_byte_time_ms)                                                   AS fb_sum,
                       count(u.first_byte_time_ms)                                                 AS fb_cnt,
                       sum(u.output_tokens) FILTER (WHERE u.status = 'completed' AND u.output_tokens > 0
                                 AND u.response_time_ms > coalesce(u.first_byte_time_ms, 0))       AS sp_tok,
                       sum(u.response_time_ms - coalesce(u.first_byte_time_ms, 0))
                           FILTER (WHERE u.status = 'completed' AND u.output_tokens > 0
                                 AND u.response_time_ms > coalesce(u.first_byte_time_ms, 0))       AS sp_ms,
                       count(*) FILTER (WHERE u.cache_read_input_tokens > 0)                       AS n_cache_hit,
                       count(*) FILTER (WHERE u.status_code < 300)                                 AS n_2xx,
                       count(*) FILTER (WHERE u.status_code BETWEEN 300 AND 399)                   AS n_3xx,
                       count(*) FILTER (WHERE u.status_code BETWEEN 400 AND 499)                   AS n_4xx,
                       count(*) FILTER (WHERE u.status_code >= 500)                                AS n_5xx,
                       count(*) FILTER (WHERE u.status_code IS NULL)                               AS n_nostatus,
                       count(*) FILTER (WHERE u.status_code < 300 AND u.error_message IS NOT NULL) AS e_2xx,
                       count(*) FILTER (WHERE u.status_code BETWEEN 300 AND 399
                                          AND u.error_message IS NOT NULL)                         AS e_3xx,
                       count(*) FILTER (WHERE u.status_code IS NULL AND u.error_message IS NOT NULL) AS e_nostatus
                  FROM usage u
                 WHERE u.created_at >= dy.ds
                   AND u.created_at <  dy.de
                 GROUP BY u.user_id, u.api_key_id, u.model, u.provider
               ) x
         WHERE NOT dy.prot
    ),
    -- Level 1.5: l1 folded once by (model, provider) and once by (user, key). The roll-ups below read these
    -- (a few hundred and a few tens of thousands of rows per batch) instead of scanning l1 six times; every
    -- sum stays int8 (int8 sums accumulate in 128 bits; the numeric result is cast back, and a per-day group
    -- cannot reach 9.2e18), so the next level sums integers again, not numerics.
    l_mp AS MATERIALIZED (
        SELECT l.d, l.model, l.provider,
               sum(l.n_req)::int8        AS n_req,
               sum(l.n_err)::int8        AS n_err,
               sum(l.t_in)::int8         AS t_in,
               sum(l.t_out)::int8        AS t_out,
               sum(l.t_cw)::int8         AS t_cw,
               sum(l.t_cr)::int8         AS t_cr,
               sum(l.c_total)::int8      AS c_total,
               sum(l.c_actual)::int8     AS c_actual,
               sum(l.c_in)::int8         AS c_in,
               sum(l.c_out)::int8        AS c_out,
               sum(l.c_cw)::int8         AS c_cw,
               sum(l.c_cr)::int8         AS c_cr,
               sum(l.rt_sum)::int8       AS rt_sum,
               sum(l.rt_cnt)::int8       AS rt_cnt,
               sum(l.n_client)::int8     AS n_client,
               sum(l.n_service)::int8    AS n_service,
               sum(l.fb_sum)::int8       AS fb_sum,
               sum(l.fb_cnt)::int8       AS fb_cnt,
               sum(l.sp_tok)::int8       AS sp_tok,
               sum(l.sp_ms)::int8        AS sp_ms,
               sum(l.n_cache_hit)::int8  AS n_cache_hit,
               sum(l.n_2xx)::int8        AS n_2xx,
               sum(l.n_3xx)::int8        AS n_3xx,
               sum(l.n_4xx)::int8        AS n_4xx,
               sum(l.n_5xx)::int8        AS n_5xx,
               sum(l.n_nostatus)::int8   AS n_nostatus,
               sum(l.e_2xx)::int8        AS e_2xx,
               sum(l.e_3xx)::int8        AS e_3xx,
               sum(l.e_nostatus)::int8   AS e_nostatus
          FROM l1 l
         GROUP BY l.d, l.model, l.provider
    ),
    l_uk AS MATERIALIZED (
        SELECT l.d, l.user_id, l.api_key_id,
               sum(l.n_req)::int8        AS n_req,
               sum(l.n_err)::int8        AS n_err,
               sum(l.t_in)::int8         AS t_in,
               sum(l.t_out)::int8        AS t_out,
               sum(l.t_cw)::int8         AS t_cw,
               sum(l.t_cr)::int8         AS t_cr,
               sum(l.c_total)::int8      AS c_total,
               sum(l.c_actual)::int8     AS c_actual,
               sum(l.c_in)::int8         AS c_in,
               sum(l.c_out)::int8        AS c_out,
               sum(l.c_cw)::int8         AS c_cw,
               sum(l.c_cr)::int8         AS c_cr,
               sum(l.rt_sum)::int8       AS rt_sum,
               sum(l.rt_cnt)::int8       AS rt_cnt,
               sum(l.n_client)::int8     AS n_client,
               sum(l.n_service)::int8    AS n_service,
               sum(l.fb_sum)::int8       AS fb_sum,
               sum(l.fb_cnt)::int8       AS fb_cnt,
               sum(l.sp_tok)::int8       AS sp_tok,
               sum(l.sp_ms)::int8        AS sp_ms,
               sum(l.n_cache_hit)::int8  AS n_cache_hit,
               sum(l.n_2xx)::int8        AS n_2xx,
               sum(l.n_3xx)::int8        AS n_3xx,
               sum(l.n_4xx)::int8        AS n_4xx,
               sum(l.n_5xx)::int8        AS n_5xx,
               sum(l.n_nostatus)::int8   AS n_nostatus,
               sum(l.e_2xx)::int8        AS e_2xx,
               sum(l.e_3xx)::int8        AS e_3xx,
               sum(l.e_nostatus)::int8   AS e_nostatus
          FROM l1 l
         GROUP BY l.d, l.user_id, l.api_key_id
    ),
    -- Level 2: roll-ups of l_mp and l_uk for the written days.
    per_day AS (
        SELECT dy.d, dy.ds,
               coalesce(sum(l.n_req), 0)::bigint    AS n_req,
               coalesce(sum(l.n_err), 0)::bigint    AS n_err,
               coalesce(sum(l.t_in), 0)::bigint     AS t_in,
               coalesce(sum(l.t_out), 0)::bigint    AS t_out,
               coalesce(sum(l.t_cw), 0)::bigint     AS t_cw,
               coalesce(sum(l.t_cr), 0)::bigint     AS t_cr,
               coalesce(sum(l.c_total), 0)          AS c_total,
               coalesce(sum(l.c_actual), 0)         AS c_actual,
               coalesce(sum(l.c_in), 0)             AS c_in,
               coalesce(sum(l.c_out), 0)            AS c_out,
               coalesce(sum(l.c_cw), 0)             AS c_cw,
               coalesce(sum(l.c_cr), 0)             AS c_cr,
               coalesce(sum(l.rt_sum), 0)::bigint   AS rt_sum,
               coalesce(sum(l.rt_cnt), 0)::bigint   AS rt_cnt,
               count(DISTINCT l.model)              AS n_models,
               count(DISTINCT l.provider)           AS n_providers
          FROM days dy
          LEFT JOIN l_mp l ON l.d = dy.d
         WHERE NOT dy.prot
         GROUP BY dy.d, dy.ds
    ),
    per_user AS (
        SELECT dy.ds, l.user_id,
               sum(l.n_req)::bigint               AS n_req,
               sum(l.n_err)::bigint               AS n_err,
               coalesce(sum(l.t_in), 0)::bigint   AS t_in,
               coalesce(sum(l.t_out), 0)::bigint  AS t_out,
               coalesce(sum(l.t_cw), 0)::bigint   AS t_cw,
               coalesce(sum(l.t_cr), 0)::bigint   AS t_cr,
               coalesce(sum(l.c_total), 0)        AS c_total
          FROM l_uk l
          JOIN days dy ON dy.d = l.d AND NOT dy.prot
         WHERE l.user_id IS NOT NULL
         GROUP BY dy.ds, l.user_id
    ),
    per_model AS (
        SELECT dy.ds, l.model,
               sum(l.n_req)::bigint               AS n_req,
               sum(l.n_err)::bigint               AS n_err,
               coalesce(sum(l.t_in), 0)::bigint   AS t_in,
               coalesce(sum(l.t_out), 0)::bigint  AS t_out,
               coalesce(sum(l.t_cw), 0)::bigint   AS t_cw,
               coalesce(sum(l.t_cr), 0)::bigint   AS t_cr,
               coalesce(sum(l.c_total), 0)        AS c_total,
               coalesce(sum(l.rt_sum), 0)::bigint AS rt_sum,
               coalesce(sum(l.rt_cnt), 0)::bigint AS rt_cnt
          FROM l_mp l
          JOIN days dy ON dy.d = l.d AND NOT dy.prot
         GROUP BY dy.ds, l.model
    ),
    -- Fallbacks: requests with > 1 executed attempt, on the day of their first executed attempt.
    -- Pre-filter: (request_id, candidate_index, retry_index) is unique, so of two executed attempts of a
    -- request at least one is not (0, 0); only requests with an executed attempt other than (0, 0) can count.
    -- That keeps the per-request hash aggregate small (~15% of the requests) for the price of a second
    -- range scan of the attempts (about twice as fast as grouping every request of the range).
    fb AS (
        SELECT width_bucket(f.first_at, v_bounds) AS d, count(*) AS n_fb
          FROM (SELECT min(rc.created_at) AS first_at
                  FROM request_candidates rc
                 WHERE rc.created_at >= v_bounds[1] - interval '24 hours'
                   AND rc.created_at <  v_bounds[v_n + 1] + interval '24 hours'
                   AND rc.status IN ('success', 'failed')
                   AND rc.request_id IN (
                         SELECT r2.request_id
                           FROM request_candidates r2
                          WHERE r2.created_at >= v_bounds[1] - interval '24 hours'
                            AND r2.created_at <  v_bounds[v_n + 1] + interval '24 hours'
                            AND r2.status IN ('success', 'failed')
                            AND (r2.candidate_index <> 0 OR r2.retry_index <> 0))
                 GROUP BY rc.request_id
                HAVING count(*) > 1
                   AND min(rc.created_at) >= v_bounds[1]
                   AND min(rc.created_at) <  v_bounds[v_n + 1]) f
         GROUP BY 1
    ),
    w_daily AS (
        INSERT INTO stats_daily AS s (
               id, date, total_requests, success_requests, error_requests,
               input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens,
               total_cost, actual_total_cost, input_cost, output_cost, cache_creation_cost, cache_read_cost,
               avg_response_time_ms, response_time_sum_ms, response_time_count,
               fallback_count, unique_models, unique_providers, created_at, updated_at)
        SELECT gen_random_uuid()::text, p.ds, p.n_req, p.n_req - p.n_err, p.n_err,
               p.t_in, p.t_out, p.t_cw, p.t_cr,
               (p.c_total * 0.000000001)::float8, (p.c_actual * 0.000000001)::float8,
               (p.c_in * 0.000000001)::float8, (p.c_out * 0.000000001)::float8,
               (p.c_cw * 0.000000001)::float8, (p.c_cr * 0.000000001)::float8,
               CASE WHEN p.rt_cnt > 0 THEN p.rt_sum::float8 / p.rt_cnt::float8 ELSE 0 END, p.rt_sum, p.rt_cnt,
               coalesce(f.n_fb, 0), p.n_models, p.n_providers, now(), now()
          FROM per_day p
          LEFT JOIN fb f ON f.d = p.d
        ON CONFLICT (date) DO UPDATE SET
               total_requests        = EXCLUDED.total_requests,
               success_requests      = EXCLUDED.success_requests,
               error_requests        = EXCLUDED.error_requests,
               input_tokens          = EXCLUDED.input_tokens,
               output_tokens         = EXCLUDED.output_tokens,
               cache_creation_tokens = EXCLUDED.cache_creation_tokens,
               cache_read_tokens     = EXCLUDED.cache_read_tokens,
               total_cost            = EXCLUDED.total_cost,
               actual_total_cost     = EXCLUDED.actual_total_cost,
               input_cost            = EXCLUDED.input_cost,
               output_cost           = EXCLUDED.output_cost,
               cache_creation_cost   = EXCLUDED.cache_creation_cost,
               cache_read_cost       = EXCLUDED.cache_read_cost,
               avg_response_time_ms  = EXCLUDED.avg_response_time_ms,
               response_time_sum_ms  = EXCLUDED.response_time_sum_ms,
               response_time_count   = EXCLUDED.response_time_count,
               fallback_count        = EXCLUDED.fallback_count,
               unique_models         = EXCLUDED.unique_models,
               unique_providers      = EXCLUDED.unique_providers,
               updated_at            = now()
    ),
    w_user AS (
        INSERT INTO stats_user_daily AS s (
               id, user_id, date, total_requests, success_requests, error_requests,
               input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, total_cost,
               created_at, updated_at)
        SELECT gen_random_uuid()::text, p.user_id, p.ds, p.n_req, p.n_req - p.n_err, p.n_err,
               p.t_in, p.t_out, p.t_cw, p.t_cr, (p.c_total * 0.000000001)::float8, now(), now()
          FROM per_user p
        ON CONFLICT (user_id, date) DO UPDATE SET
               total_requests        = EXCLUDED.total_requests,
               success_requests      = EXCLUDED.success_requests,
               error_requests        = EXCLUDED.error_requests,
               input_tokens          = EXCLUDED.input_tokens,
               output_tokens         = EXCLUDED.output_tokens,
               cache_creation_tokens = EXCLUDED.cache_creation_tokens,
               cache_read_tokens     = EXCLUDED.cache_read_tokens,
               total_cost            = EXCLUDED.total_cost,
               updated_at            = now()
    ),
    w_model AS (
        INSERT INTO stats_daily_model AS s (
               id, date, model, total_requests, error_requests,
               input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, total_cost,
               avg_response_time_ms, response_time_sum_ms, response_time_count, created_at, updated_at)
        SELECT gen_random_uuid()::text, p.ds, p.model, p.n_req, p.n_err,
               p.t_in, p.t_out, p.t_cw, p.t_cr, (p.c_total * 0.000000001)::float8,
               CASE WHEN p.rt_cnt > 0 THEN p.rt_sum::float8 / p.rt_cnt::float8 ELSE 0 END, p.rt_sum, p.rt_cnt,
               now(), now()
          FROM per_model p
        ON CONFLICT (date, model) DO UPDATE SET
               total_requests        = EXCLUDED.total_requests,
               error_requests        = EXCLUDED.error_requests,
               input_tokens          = EXCLUDED.input_tokens,
               output_tokens         = EXCLUDED.output_tokens,
               cache_creation_tokens = EXCLUDED.cache_creation_tokens,
               cache_read_tokens     = EXCLUDED.cache_read_tokens,
               total_cost            = EXCLUDED.total_cost,
               avg_response_time_ms  = EXCLUDED.avg_response_time_ms,
               response_time_sum_ms  = EXCLUDED.response_time_sum_ms,
               response_time_count   = EXCLUDED.response_time_count,
               updated_at            = now()
    ),
    -- Rows of written days whose user / model has no usage row any more.
    x_user AS (
        DELETE FROM stats_user_daily s
         USING days dy
         WHERE s.date = dy.ds
           AND NOT dy.prot
           AND NOT EXISTS (SELECT 1 FROM per_user p WHERE p.ds = s.date AND p.user_id = s.user_id)
    ),
    x_model AS (
        DELETE FROM stats_daily_model s
         USING days dy
         WHERE s.date = dy.ds
           AND NOT dy.prot
           AND NOT EXISTS (SELECT 1 FROM per_model p WHERE p.ds = s.date AND p.model = s.model)
    ),
    -- Rows another zone's day boundaries left inside the written days (see above).
    z_daily AS (
        DELETE FROM stats_daily s USING days dy
         WHERE NOT dy.prot AND s.date > dy.ds AND s.date < dy.de
    ),
    z_user AS (
        DELETE FROM stats_user_daily s USING days dy
         WHERE NOT dy.prot AND s.date > dy.ds AND s.date < dy.de
    ),
    z_model AS (
        DELETE FROM stats_daily_model s USING days dy
         WHERE NOT dy.prot AND s.date > dy.ds AND s.date < dy.de
    ),
    -- ===== Breakdowns (issue 11): per provider, API key and model x provider, rolled up from l1 like the
    -- tables above; then latency histograms, from a second scan of the day's rows (see h1). =====
    per_provider AS (
        SELECT dy.ds, l.provider,
               sum(l.n_req)::bigint               AS n_req,
               sum(l.n_err)::bigint               AS n_err,
               sum(l.n_client)::bigint            AS n_client,
               sum(l.n_service)::bigint           AS n_service,
               coalesce(sum(l.t_in), 0)::bigint   AS t_in,
               coalesce(sum(l.t_out), 0)::bigint  AS t_out,
               coalesce(sum(l.t_cw), 0)::bigint   AS t_cw,
               coalesce(sum(l.t_cr), 0)::bigint   AS t_cr,
               coalesce(sum(l.c_total), 0)        AS c_total,
               coalesce(sum(l.c_actual), 0)       AS c_actual,
               coalesce(sum(l.c_in), 0)           AS c_in,
               coalesce(sum(l.c_out), 0)          AS c_out,
               coalesce(sum(l.c_cw), 0)           AS c_cw,
               coalesce(sum(l.c_cr), 0)           AS c_cr,
               coalesce(sum(l.rt_sum), 0)::bigint AS rt_sum,
               coalesce(sum(l.rt_cnt), 0)::bigint AS rt_cnt,
               coalesce(sum(l.fb_sum), 0)::bigint AS fb_sum,
               coalesce(sum(l.fb_cnt), 0)::bigint AS fb_cnt,
               coalesce(sum(l.sp_tok), 0)::bigint AS sp_tok,
               coalesce(sum(l.sp_ms), 0)::bigint  AS sp_ms,
               sum(l.n_cache_hit)::bigint         AS n_cache_hit,
               sum(l.n_2xx)::bigint               AS n_2xx,
               sum(l.n_3xx)::bigint               AS n_3xx,
               sum(l.n_4xx)::bigint               AS n_4xx,
               sum(l.n_5xx)::bigint               AS n_5xx,
               sum(l.n_nostatus)::bigint          AS n_nostatus,
               sum(l.e_2xx)::bigint               AS e_2xx,
               sum(l.e_3xx)::bigint               AS e_3xx,
               sum(l.e_nostatus)::bigint          AS e_nostatus
          FROM l_mp l
          JOIN days dy ON dy.d = l.d AND NOT dy.prot
         GROUP BY dy.ds, l.provider
    ),
    -- Requests without a key (NULL api_key_id) count in the other tables only, as NULL users do.
    per_api_key AS (
        SELECT dy.ds, l.api_key_id, min(l.user_id) AS user_id,
               sum(l.n_req)::bigint               AS n_req,
               sum(l.n_err)::bigint               AS n_err,
               sum(l.n_client)::bigint            AS n_client,
               sum(l.n_service)::bigint           AS n_service,
               coalesce(sum(l.t_in), 0)::bigint   AS t_in,
               coalesce(sum(l.t_out), 0)::bigint  AS t_out,
               coalesce(sum(l.t_cw), 0)::bigint   AS t_cw,
               coalesce(sum(l.t_cr), 0)::bigint   AS t_cr,
               coalesce(sum(l.c_total), 0)        AS c_total,
               coalesce(sum(l.c_actual), 0)       AS c_actual,
               coalesce(sum(l.c_in), 0)           AS c_in,
               coalesce(sum(l.c_out), 0)          AS c_out,
               coalesce(sum(l.c_cw), 0)           AS c_cw,
               coalesce(sum(l.c_cr), 0)           AS c_cr,
               coalesce(sum(l.rt_sum), 0)::bigint AS rt_sum,
               coalesce(sum(l.rt_cnt), 0)::bigint AS rt_cnt,
               coalesce(sum(l.fb_sum), 0)::bigint AS fb_sum,
               coalesce(sum(l.fb_cnt), 0)::bigint AS fb_cnt,
               coalesce(sum(l.sp_tok), 0)::bigint AS sp_tok,
               coalesce(sum(l.sp_ms), 0)::bigint  AS sp_ms,
               sum(l.n_cache_hit)::bigint         AS n_cache_hit,
               sum(l.n_2xx)::bigint               AS n_2xx,
               sum(l.n_3xx)::bigint               AS n_3xx,
               sum(l.n_4xx)::bigint               AS n_4xx,
               sum(l.n_5xx)::bigint               AS n_5xx,
               sum(l.n_nostatus)::bigint          AS n_nostatus,
               sum(l.e_2xx)::bigint               AS e_2xx,
               sum(l.e_3xx)::bigint               AS e_3xx,
               sum(l.e_nostatus)::bigint          AS e_nostatus
          FROM l_uk l
          JOIN days dy ON dy.d = l.d AND NOT dy.prot
         WHERE l.api_key_id IS NOT NULL
         GROUP BY dy.ds, l.api_key_id
    ),
    per_model_provider AS (
        SELECT dy.ds, l.model, l.provider,
               sum(l.n_req)::bigint               AS n_req,
               sum(l.n_err)::bigint               AS n_err,
               sum(l.n_client)::bigint            AS n_client,
               sum(l.n_service)::bigint           AS n_service,
               coalesce(sum(l.t_in), 0)::bigint   AS t_in,
               coalesce(sum(l.t_out), 0)::bigint  AS t_out,
               coalesce(sum(l.t_cw), 0)::bigint   AS t_cw,
               coalesce(sum(l.t_cr), 0)::bigint   AS t_cr,
               coalesce(sum(l.c_total), 0)        AS c_total,
               coalesce(sum(l.c_actual), 0)       AS c_actual,
               coalesce(sum(l.c_in), 0)           AS c_in,
               coalesce(sum(l.c_out), 0)          AS c_out,
               coalesce(sum(l.c_cw), 0)           AS c_cw,
               coalesce(sum(l.c_cr), 0)           AS c_cr,
               coalesce(sum(l.rt_sum), 0)::bigint AS rt_sum,
               coalesce(sum(l.rt_cnt), 0)::bigint AS rt_cnt,
               coalesce(sum(l.fb_sum), 0)::bigint AS fb_sum,
               coalesce(sum(l.fb_cnt), 0)::bigint AS fb_cnt,
               coalesce(sum(l.sp_tok), 0)::bigint AS sp_tok,
               coalesce(sum(l.sp_ms), 0)::bigint  AS sp_ms,
               sum(l.n_cache_hit)::bigint         AS n_cache_hit,
               sum(l.n_2xx)::bigint               AS n_2xx,
               sum(l.n_3xx)::bigint               AS n_3xx,
               sum(l.n_4xx)::bigint               AS n_4xx,
               sum(l.n_5xx)::bigint               AS n_5xx,
               sum(l.n_nostatus)::bigint          AS n_nostatus,
               sum(l.e_2xx)::bigint               AS e_2xx,
               sum(l.e_3xx)::bigint               AS e_3xx,
               sum(l.e_nostatus)::bigint          AS e_nostatus
          FROM l_mp l
          JOIN days dy ON dy.d = l.d AND NOT dy.prot
         GROUP BY dy.ds, l.model, l.provider
    ),
    w_provider AS (
        INSERT INTO stats_daily_provider AS s (
               date, provider, total_requests, error_requests, client_errors, service_errors,
               input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens,
               total_cost, actual_total_cost, input_cost, output_cost, cache_creation_cost, cache_read_cost,
               response_time_sum_ms, response_time_count, first_byte_sum_ms, first_byte_count,
               speed_output_tokens, speed_generation_ms, cache_hit_requests,
               requests_2xx, requests_3xx, requests_4xx, requests_5xx, requests_no_status, errors_2xx, errors_3xx, errors_no_status, updated_at)
        SELECT p.ds, p.provider, p.n_req, p.n_err, p.n_client, p.n_service,
               p.t_in, p.t_out, p.t_cw, p.t_cr,
               (p.c_total * 0.000000001)::float8, (p.c_actual * 0.000000001)::float8, (p.c_in * 0.000000001)::float8, (p.c_out * 0.000000001)::float8, (p.c_cw * 0.000000001)::float8, (p.c_cr * 0.000000001)::float8,
               p.rt_sum, p.rt_cnt, p.fb_sum, p.fb_cnt, p.sp_tok, p.sp_ms, p.n_cache_hit,
               p.n_2xx, p.n_3xx, p.n_4xx, p.n_5xx, p.n_nostatus, p.e_2xx, p.e_3xx, p.e_nostatus, now()
          FROM per_provider p
        ON CONFLICT (date, provider) DO UPDATE SET
               total_requests        = EXCLUDED.total_requests,
               error_requests        = EXCLUDED.error_requests,
               client_errors         = EXCLUDED.client_errors,
               service_errors        = EXCLUDED.service_errors,
               input_tokens          = EXCLUDED.input_tokens,
               output_tokens         = EXCLUDED.output_tokens,
               cache_creation_tokens = EXCLUDED.cache_creation_tokens,
               cache_read_tokens     = EXCLUDED.cache_read_tokens,
               total_cost            = EXCLUDED.total_cost,
               actual_total_cost     = EXCLUDED.actual_total_cost,
               input_cost            = EXCLUDED.input_cost,
               output_cost           = EXCLUDED.output_cost,
               cache_creation_cost   = EXCLUDED.cache_creation_cost,
               cache_read_cost       = EXCLUDED.cache_read_cost,
               response_time_sum_ms  = EXCLUDED.response_time_sum_ms,
               response_time_count   = EXCLUDED.response_time_count,
               first_byte_sum_ms     = EXCLUDED.first_byte_sum_ms,
               first_byte_count      = EXCLUDED.first_byte_count,
               speed_output_tokens   = EXCLUDED.speed_output_tokens,
               speed_generation_ms   = EXCLUDED.speed_generation_ms,
               cache_hit_requests    = EXCLUDED.cache_hit_requests,
               requests_2xx          = EXCLUDED.requests_2xx,
               requests_3xx          = EXCLUDED.requests_3xx,
               requests_4xx          = EXCLUDED.requests_4xx,
               requests_5xx          = EXCLUDED.requests_5xx,
               requests_no_status    = EXCLUDED.requests_no_status,
               errors_2xx            = EXCLUDED.errors_2xx,
               errors_3xx            = EXCLUDED.errors_3xx,
               errors_no_status      = EXCLUDED.errors_no_status,
               updated_at            = now()
    ),
    w_api_key AS (
        INSERT INTO stats_daily_api_key AS s (
               date, api_key_id, api_key_name, user_id, total_requests, error_requests, client_errors, service_errors,
               input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens,
               total_cost, actual_total_cost, input_cost, output_cost, cache_creation_cost, cache_read_cost,
               response_time_sum_ms, response_time_count, first_byte_sum_ms, first_byte_count,
               speed_output_tokens, speed_generation_ms, cache_hit_requests, updated_at)
        SELECT p.ds, p.api_key_id, k.name, p.user_id, p.n_req, p.n_err, p.n_client, p.n_service,
               p.t_in, p.t_out, p.t_cw, p.t_cr,
               (p.c_total * 0.000000001)::float8, (p.c_actual * 0.000000001)::float8, (p.c_in * 0.000000001)::float8, (p.c_out * 0.000000001)::float8, (p.c_cw * 0.000000001)::float8, (p.c_cr * 0.000000001)::float8,
               p.rt_sum, p.rt_cnt, p.fb_sum, p.fb_cnt, p.sp_tok, p.sp_ms, p.n_cache_hit, now()
          FROM per_api_key p
          LEFT JOIN api_keys k ON k.id = p.api_key_id
        ON CONFLICT (date, api_key_id) DO UPDATE SET
               api_key_name          = EXCLUDED.api_key_name,
               user_id               = EXCLUDED.user_id,
               total_requests        = EXCLUDED.total_requests,
               error_requests        = EXCLUDED.error_requests,
               client_errors         = EXCLUDED.client_errors,
               service_errors        = EXCLUDED.service_errors,
               input_tokens          = EXCLUDED.input_tokens,
               output_tokens         = EXCLUDED.output_tokens,
               cache_creation_tokens = EXCLUDED.cache_creation_tokens,
               cache_read_tokens     = EXCLUDED.cache_read_tokens,
               total_cost            = EXCLUDED.total_cost,
               actual_total_cost     = EXCLUDED.actual_total_cost,
               input_cost            = EXCLUDED.input_cost,
               output_cost           = EXCLUDED.output_cost,
               cache_creation_cost   = EXCLUDED.cache_creation_cost,
               cache_read_cost       = EXCLUDED.cache_read_cost,
               response_time_sum_ms  = EXCLUDED.response_time_sum_ms,
               response_time_count   = EXCLUDED.response_time_count,
               first_byte_sum_ms     = EXCLUDED.first_byte_sum_ms,
               first_byte_count      = EXCLUDED.first_byte_count,
               speed_output_tokens   = EXCLUDED.speed_output_tokens,
               speed_generation_ms   = EXCLUDED.speed_generation_ms,
               cache_hit_requests    = EXCLUDED.cache_hit_requests,
               updated_at            = now()
    ),
    w_model_provider AS (
        INSERT INTO stats_daily_model_provider AS s (
               date, model, provider, total_requests, error_requests, client_errors, service_errors,
               input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens,
               total_cost, actual_total_cost, input_cost, output_cost, cache_creation_cost, cache_read_cost,
               response_time_sum_ms, response_time_count, first_byte_sum_ms, first_byte_count,
               speed_output_tokens, speed_generation_ms, cache_hit_requests, updated_at)
        SELECT p.ds, p.model, p.provider, p.n_req, p.n_err, p.n_client, p.n_service,
               p.t_in, p.t_out, p.t_cw, p.t_cr,
               (p.c_total * 0.000000001)::float8, (p.c_actual * 0.000000001)::float8, (p.c_in * 0.000000001)::float8, (p.c_out * 0.000000001)::float8, (p.c_cw * 0.000000001)::float8, (p.c_cr * 0.000000001)::float8,
               p.rt_sum, p.rt_cnt, p.fb_sum, p.fb_cnt, p.sp_tok, p.sp_ms, p.n_cache_hit, now()
          FROM per_model_provider p
        ON CONFLICT (date, model, provider) DO UPDATE SET
               total_requests        = EXCLUDED.total_requests,
               error_requests        = EXCLUDED.error_requests,
               client_errors         = EXCLUDED.client_errors,
               service_errors        = EXCLUDED.service_errors,
               input_tokens          = EXCLUDED.input_tokens,
               output_tokens         = EXCLUDED.output_tokens,
               cache_creation_tokens = EXCLUDED.cache_creation_tokens,
               cache_read_tokens     = EXCLUDED.cache_read_tokens,
               total_cost            = EXCLUDED.total_cost,
               actual_total_cost     = EXCLUDED.actual_total_cost,
               input_cost            = EXCLUDED.input_cost,
               output_cost           = EXCLUDED.output_cost,
               cache_creation_cost   = EXCLUDED.cache_creation_cost,
               cache_read_cost       = EXCLUDED.cache_read_cost,
               response_time_sum_ms  = EXCLUDED.response_time_sum_ms,
               response_time_count   = EXCLUDED.response_time_count,
               first_byte_sum_ms     = EXCLUDED.first_byte_sum_ms,
               first_byte_count      = EXCLUDED.first_byte_count,
               speed_output_tokens   = EXCLUDED.speed_output_tokens,
               speed_generation_ms   = EXCLUDED.speed_generation_ms,
               cache_hit_requests    = EXCLUDED.cache_hit_requests,
               updated_at            = now()
    ),
    x_provider AS (
        DELETE FROM stats_daily_provider s
         USING days dy
         WHERE s.date = dy.ds
           AND NOT dy.prot
           AND NOT EXISTS (SELECT 1 FROM per_provider p WHERE p.ds = s.date AND p.provider = s.provider)
    ),
    x_api_key AS (
        DELETE FROM stats_daily_api_key s
         USING days dy
         WHERE s.date = dy.ds
           AND NOT dy.prot
           AND NOT EXISTS (SELECT 1 FROM per_api_key p WHERE p.ds = s.date AND p.api_key_id = s.api_key_id)
    ),
    x_model_provider AS (
        DELETE FROM stats_daily_model_provider s
         USING days dy
         WHERE s.date = dy.ds
           AND NOT dy.prot
           AND NOT EXISTS (SELECT 1 FROM per_model_provider p
                            WHERE p.ds = s.date AND p.model = s.model AND p.provider = s.provider)
    ),
    -- Latency histograms of completed requests. A bucket index cannot be folded into l1's GROUP BY (it
    -- would multiply l1 by the number of buckets), so this is a second range scan of each written day's
    -- rows (mostly still in shared buffers after l1). Bucket -1 for 0 ms, else floor(ln(ms) / ln(1.02)),
    -- i.e. [1.02^b, 1.02^(b+1)). Both metrics come from one hash-aggregate pass with two grouping sets,
    -- (model, provider, response bucket) and (model, provider, first-byte bucket): GROUPING() says which
    -- set a row belongs to, and the group of NULL times (a request without that figure) is dropped. (A
    -- VALUES join that doubled every row into (metric, ms) pairs cost about 1.6 times as much.)
    -- Then rolled up to 'all', 'model', 'provider' and stored as one row of bucket arrays per (day,
    -- dimension, key, metric): a few dozen rows a day to write and to read instead of thousands.
    h1 AS MATERIALIZED (
        SELECT dy.ds, x.model, x.provider,
               CASE WHEN x.by_first_byte THEN 'first_byte' ELSE 'response' END AS metric,
               x.bucket, x.n, x.min_ms, x.max_ms
          FROM days dy
         CROSS JOIN LATERAL (
                SELECT u.model, u.provider,
                       GROUPING(b.fb) = 0                                           AS by_first_byte,
                       coalesce(b.rt, b.fb)                                         AS bucket,
                       count(*)                                                     AS n,
                       CASE WHEN GROUPING(b.fb) = 0 THEN min(u.first_byte_time_ms)
                            ELSE min(u.response_time_ms) END                        AS min_ms,
                       CASE WHEN GROUPING(b.fb) = 0 THEN max(u.first_byte_time_ms)
                            ELSE max(u.response_time_ms) END                        AS max_ms
                  FROM usage u
                 CROSS JOIN LATERAL (SELECT
                        CASE WHEN u.response_time_ms < 1 THEN -1
                             ELSE floor(ln(u.response_time_ms::float8) / ln(1.02::float8))::int END AS rt,
                        CASE WHEN u.first_byte_time_ms < 1 THEN -1
                             ELSE floor(ln(u.first_byte_time_ms::float8) / ln(1.02::float8))::int END AS fb) b
                 WHERE u.created_at >= dy.ds
                   AND u.created_at <  dy.de
                   AND u.status = 'completed'
                 GROUP BY GROUPING SETS ((u.model, u.provider, b.rt), (u.model, u.provider, b.fb))
                HAVING coalesce(b.rt, b.fb) IS NOT NULL
               ) x
         WHERE NOT dy.prot
    ),
    per_hist AS (
        SELECT c.ds, c.dimension, c.key, c.metric,
               array_agg(c.bucket ORDER BY c.bucket) AS buckets,
               array_agg(c.n      ORDER BY c.bucket) AS counts,
               array_agg(c.min_ms ORDER BY c.bucket) AS min_ms,
               array_agg(c.max_ms ORDER BY c.bucket) AS max_ms
          FROM (SELECT h.ds, d.dimension, d.key, h.metric, h.bucket,
                       sum(h.n)::bigint AS n, min(h.min_ms) AS min_ms, max(h.max_ms) AS max_ms
                  FROM h1 h
                 CROSS JOIN LATERAL (VALUES ('all', ''), ('model', h.model), ('provider', h.provider))
                       AS d(dimension, key)
                 GROUP BY h.ds, d.dimension, d.key, h.metric, h.bucket) c
         GROUP BY c.ds, c.dimension, c.key, c.metric
    ),
    w_hist AS (
        INSERT INTO stats_daily_latency_histogram AS s (date, dimension, key, metric, buckets, counts, min_ms, max_ms)
        SELECT p.ds, p.dimension, p.key, p.metric, p.buckets, p.counts, p.min_ms, p.max_ms
          FROM per_hist p
        ON CONFLICT (date, dimension, key, metric) DO UPDATE SET
               buckets = EXCLUDED.buckets,
               counts  = EXCLUDED.counts,
               min_ms  = EXCLUDED.min_ms,
               max_ms  = EXCLUDED.max_ms
    ),
    x_hist AS (
        DELETE FROM stats_daily_latency_histogram s
         USING days dy
         WHERE s.date = dy.ds
           AND NOT dy.prot
           AND NOT EXISTS (SELECT 1 FROM per_hist p
                            WHERE p.ds = s.date AND p.dimension = s.dimension AND p.key = s.key
                              AND p.metric = s.metric)
    ),
    -- the breakdowns' rows another zone's day boundaries left inside the written days (as z_daily above)
    z_provider AS (
        DELETE FROM stats_daily_provider s USING days dy
         WHERE NOT dy.prot AND s.date > dy.ds AND s.date < dy.de
    ),
    z_api_key AS (
        DELETE FROM stats_daily_api_key s USING days dy
         WHERE NOT dy.prot AND s.date > dy.ds AND s.date < dy.de
    ),
    z_model_provider AS (
        DELETE FROM stats_daily_model_provider s USING days dy
         WHERE NOT dy.prot AND s.date > dy.ds AND s.date < dy.de
    ),
    z_hist AS (
        DELETE FROM stats_daily_latency_histogram s USING days dy
         WHERE NOT dy.prot AND s.date > dy.ds AND s.date < dy.de
    )
    SELECT dy.ds,
           CASE WHEN dy.prot THEN 'protected' ELSE 'written' END,
           CASE WHEN dy.prot THEN 0::bigint ELSE coalesce(p.n_req, 0)::bigint END
      FROM days dy
      LEFT JOIN per_day p ON p.d = dy.d
     ORDER BY dy.d;
END;
$fn$;
