-- stats_materialize_hours: recompute the hour buckets of the UTC hours in [p_from, p_to).
--
--   SELECT * FROM stats_materialize_hours('2026-03-15T00:00:00Z', '2026-03-15T12:00:00Z');
--   SELECT * FROM stats_materialize_hours('2026-03-15T10:00:00Z', '2026-03-15T11:00:00Z', '2026-03-15T10:42:17Z');
--
-- p_from and p_to are whole UTC hours (epoch seconds divisible by 3600), p_from < p_to, at most 24 * 400
-- hours apart. Hour k covers usage.created_at in [p_from + k hours, p_from + (k+1) hours); the only
-- intervals used are fixed hours, so the session time zone plays no part.
--
-- p_until (optional): only rows created before it are read. An hour that ends after it is written as a
-- partial bucket, covers_until = greatest(hour, p_until): the timer writes the hour in progress this way, up
-- to the tick's instant, and live reads take rows after covers_until from usage. Without p_until every hour
-- covers its whole hour (covers_until = hour + 1 hour, "complete").
--
-- Per hour it writes (INSERT ... ON CONFLICT DO UPDATE, every figure replaced, never added to):
--   stats_hourly           one row per hour, zeros for an hour without usage;
--   stats_hourly_model     one row per (hour, model) with usage in the hour;
--   stats_hourly_provider  one row per (hour, provider) with usage in the hour (for distinct counts);
-- and deletes the model / provider rows of those hours whose model / provider has no usage row any more.
-- Everything happens in the caller's transaction, in one statement.
--
-- Figures: those of stats_materialize_days (same error rule, NULLs as 0, response-time sum and count,
-- fallback_count on the hour of the request's first executed attempt, attempts read 24 hours beyond each
-- end), plus unsettled_requests (rows 'pending' or 'streaming' when written) and usage_rows (rows read).
-- Costs: each value rounded to the nearest 1e-9 USD, (x * 1e9::float8)::int8 (half to even), summed as
-- integers and stored as the exact numeric sum (scale 9): order-independent (a re-run writes the same
-- values), and the hours of a day add up exactly to the sum stats_materialize_days rounds to double once.
-- Precision 1e-9 USD per value; a single value may be at most 9.2e9 USD (int8 nanos).
--
-- Retention safety, as for days: with e = min(usage.created_at) (+infinity without usage), an hour that
-- starts before e and whose stored row counts more requests than the usage rows left in it is 'protected'
-- and left untouched; every other hour is 'written'.
--
-- Returns one row per hour: its start, 'written' | 'protected', and the usage rows read (0 when protected).
--
-- Concurrency: one transaction-scoped advisory lock per hour, (1095062870, hour start in epoch hours), taken
-- in ascending order before anything is read (a namespace of its own: day locks are (1095062869, minutes)).
-- Writers of the same hour are serialized; the second recomputes from fresh data (READ COMMITTED).
DROP FUNCTION IF EXISTS stats_materialize_hours(timestamptz, timestamptz);

CREATE OR REPLACE FUNCTION stats_materialize_hours(p_from timestamptz, p_to timestamptz,
                                                   p_until timestamptz DEFAULT NULL)
RETURNS TABLE (hour_start timestamptz, outcome text, rows_read bigint)
LANGUAGE plpgsql
VOLATILE
SET work_mem = '128MB'     -- the fallback count's per-request hash aggregate: ~60 MB per 31 days (else it spills to disk)
SET jit = off              -- compiling costs more than a few hours of rows take to aggregate
AS $fn$
DECLARE
    v_n        int;
    v_bounds   timestamptz[];
    v_earliest timestamptz;
    v_until    timestamptz;  -- rows created from here on are not read (p_to without p_until)
BEGIN
    IF p_from IS NULL OR p_to IS NULL OR NOT isfinite(p_from) OR NOT isfinite(p_to) THEN
        RAISE EXCEPTION 'stats_materialize_hours: p_from and p_to must be finite instants, got % and %',
            coalesce(p_from::text, 'NULL'), coalesce(p_to::text, 'NULL')
            USING ERRCODE = '22023';
    END IF;
    IF extract(epoch FROM p_from) % 3600 <> 0 OR extract(epoch FROM p_to) % 3600 <> 0 THEN
        RAISE EXCEPTION 'stats_materialize_hours: p_from (%) and p_to (%) must be whole UTC hours', p_from, p_to
            USING ERRCODE = '22023';
    END IF;
    IF p_to <= p_from OR p_to - p_from > interval '9600 hours' THEN
        RAISE EXCEPTION 'stats_materialize_hours: need p_from < p_to at most 9600 hours later, got % .. %', p_from, p_to
            USING ERRCODE = '22023';
    END IF;
    IF p_until IS NOT NULL AND NOT isfinite(p_until) THEN
        RAISE EXCEPTION 'stats_materialize_hours: p_until must be a finite instant or NULL, got %', p_until
            USING ERRCODE = '22023';
    END IF;
    v_until := least(p_to, coalesce(p_until, p_to));
    v_n := (extract(epoch FROM p_to - p_from) / 3600)::int;
    v_bounds := ARRAY(SELECT p_from + k * interval '1 hour' FROM generate_series(0, v_n) AS k ORDER BY k);

    -- Serializes the writers of each hour; released at commit/rollback.
    FOR i IN 1 .. v_n LOOP
        PERFORM pg_advisory_xact_lock(1095062870, (extract(epoch FROM v_bounds[i]) / 3600)::int);
    END LOOP;

    SELECT min(u.created_at) INTO v_earliest FROM usage u;

    RETURN QUERY
    WITH hours AS MATERIALIZED (
        SELECT k.i AS h,
               v_bounds[k.i] AS hs,
               v_bounds[k.i + 1] AS he,
               greatest(v_bounds[k.i], least(v_bounds[k.i + 1], v_until)) AS hu,  -- rows read: [hs, hu)
               CASE WHEN v_earliest IS NOT NULL AND v_bounds[k.i] >= v_earliest THEN false
                    ELSE EXISTS (SELECT 1 FROM stats_hourly s
                                  WHERE s.hour = v_bounds[k.i]
                                    AND s.total_requests > (SELECT count(*) FROM usage u
                                                             WHERE u.created_at >= v_bounds[k.i]
                                                               AND u.created_at <  v_bounds[k.i + 1]))
               END AS prot
          FROM generate_series(1, v_n) AS k(i)
    ),
    -- The single pass over the usage rows of the written hours, one range scan per hour.
    l1 AS MATERIALIZED (
        SELECT hr.h, x.*
          FROM hours hr
         CROSS JOIN LATERAL (
                SELECT u.model,
                       u.provider,
                       count(*)                                                                    AS n_req,
                       count(*) FILTER (WHERE u.status_code >= 400 OR u.error_message IS NOT NULL) AS n_err,
                       count(*) FILTER (WHERE u.status IN ('pending', 'streaming'))                AS n_unsettled,
                       sum(u.input_tokens)                                                         AS t_in,
                       sum(u.output_tokens)                                                        AS t_out,
                       sum(u.cache_creation_input_tokens)                                          AS t_cw,
                       sum(u.cache_read_input_tokens)                                              AS t_cr,
                       sum((u.total_cost_usd * 1e9::float8)::int8)                                 AS c_total,
                       sum((u.actual_total_cost_usd * 1e9::float8)::int8)                          AS c_actual,
                       sum((u.input_cost_usd * 1e9::float8)::int8)                                 AS c_in,
                       sum((u.output_cost_usd * 1e9::float8)::int8)                                AS c_out,
                       sum((u.cache_creation_cost_usd * 1e9::float8)::int8)                        AS c_cw,
                       sum((u.cache_read_cost_usd * 1e9::float8)::int8)                            AS c_cr,
                       sum(u.response_time_ms)                                                     AS rt_sum,
                       count(u.response_time_ms)                                                   AS rt_cnt
                  FROM usage u
                 WHERE u.created_at >= hr.hs
                   AND u.created_at <  hr.hu
                 GROUP BY u.model, u.provider
               ) x
         WHERE NOT hr.prot
    ),
    per_hour AS (
        SELECT hr.h, hr.hs, hr.hu,
               coalesce(sum(l.n_req), 0)::bigint        AS n_req,
               coalesce(sum(l.n_err), 0)::bigint        AS n_err,
               coalesce(sum(l.n_unsettled), 0)::bigint  AS n_unsettled,
               coalesce(sum(l.t_in), 0)::bigint         AS t_in,
               coalesce(sum(l.t_out), 0)::bigint        AS t_out,
               coalesce(sum(l.t_cw), 0)::bigint         AS t_cw,
               coalesce(sum(l.t_cr), 0)::bigint         AS t_cr,
               coalesce(sum(l.c_total), 0)  * 0.000000001 AS c_total,
               coalesce(sum(l.c_actual), 0) * 0.000000001 AS c_actual,
               coalesce(sum(l.c_in), 0)     * 0.000000001 AS c_in,
               coalesce(sum(l.c_out), 0)    * 0.000000001 AS c_out,
               coalesce(sum(l.c_cw), 0)     * 0.000000001 AS c_cw,
               coalesce(sum(l.c_cr), 0)     * 0.000000001 AS c_cr,
               coalesce(sum(l.rt_sum), 0)::bigint       AS rt_sum,
               coalesce(sum(l.rt_cnt), 0)::bigint       AS rt_cnt,
               count(DISTINCT l.model)                  AS n_models,
               count(DISTINCT l.provider)               AS n_providers
          FROM hours hr
          LEFT JOIN l1 l ON l.h = hr.h
         WHERE NOT hr.prot
         GROUP BY hr.h, hr.hs, hr.hu
    ),
    per_model AS (
        SELECT hr.hs, l.model,
               sum(l.n_req)::bigint                     AS n_req,
               sum(l.n_err)::bigint                     AS n_err,
               coalesce(sum(l.t_in), 0)::bigint         AS t_in,
               coalesce(sum(l.t_out), 0)::bigint        AS t_out,
               coalesce(sum(l.t_cw), 0)::bigint         AS t_cw,
               coalesce(sum(l.t_cr), 0)::bigint         AS t_cr,
               coalesce(sum(l.c_total), 0) * 0.000000001 AS c_total,
               coalesce(sum(l.rt_sum), 0)::bigint       AS rt_sum,
               coalesce(sum(l.rt_cnt), 0)::bigint       AS rt_cnt
          FROM l1 l
          JOIN hours hr ON hr.h = l.h
         GROUP BY hr.hs, l.model
    ),
    per_provider AS (
        SELECT hr.hs, l.provider, sum(l.n_req)::bigint AS n_req
          FROM l1 l
          JOIN hours hr ON hr.h = l.h
         GROUP BY hr.hs, l.provider
    ),
    -- Requests with > 1 executed attempt, on the hour of their first executed attempt (pre-filter as in
    -- stats_materialize_days: only requests with an executed attempt other than (0, 0) can count).
    fb AS (
        SELECT width_bucket(f.first_at, v_bounds) AS h, count(*) AS n_fb
          FROM (SELECT min(rc.created_at) AS first_at
                  FROM request_candidates rc
                 WHERE rc.created_at >= p_from - interval '24 hours'
                   AND rc.created_at <  p_to + interval '24 hours'
                   AND rc.status IN ('success', 'failed')
                   AND rc.request_id IN (
                         SELECT r2.request_id
                           FROM request_candidates r2
                          WHERE r2.created_at >= p_from - interval '24 hours'
                            AND r2.created_at <  p_to + interval '24 hours'
                            AND r2.status IN ('success', 'failed')
                            AND (r2.candidate_index <> 0 OR r2.retry_index <> 0))
                 GROUP BY rc.request_id
                HAVING count(*) > 1
                   AND min(rc.created_at) >= p_from
                   AND min(rc.created_at) <  v_until) f
         GROUP BY 1
    ),
    w_hourly AS (
        INSERT INTO stats_hourly AS s (
               hour, total_requests, success_requests, error_requests,
               input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens,
               total_cost, actual_total_cost, input_cost, output_cost, cache_creation_cost, cache_read_cost,
               avg_response_time_ms, response_time_sum_ms, response_time_count,
               fallback_count, unique_models, unique_providers, unsettled_requests, usage_rows, covers_until, updated_at)
        SELECT p.hs, p.n_req, p.n_req - p.n_err, p.n_err,
               p.t_in, p.t_out, p.t_cw, p.t_cr,
               p.c_total, p.c_actual, p.c_in, p.c_out, p.c_cw, p.c_cr,
               CASE WHEN p.rt_cnt > 0 THEN p.rt_sum::float8 / p.rt_cnt::float8 ELSE 0 END, p.rt_sum, p.rt_cnt,
               coalesce(f.n_fb, 0), p.n_models, p.n_providers, p.n_unsettled, p.n_req, p.hu, now()
          FROM per_hour p
          LEFT JOIN fb f ON f.h = p.h
        ON CONFLICT (hour) DO UPDATE SET
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
               unsettled_requests    = EXCLUDED.unsettled_requests,
               usage_rows            = EXCLUDED.usage_rows,
               covers_until          = EXCLUDED.covers_until,
               updated_at            = now()
    ),
    w_model AS (
        INSERT INTO stats_hourly_model AS s (
               hour, model, total_requests, error_requests,
               input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, total_cost,
               avg_response_time_ms, response_time_sum_ms, response_time_count, updated_at)
        SELECT p.hs, p.model, p.n_req, p.n_err,
               p.t_in, p.t_out, p.t_cw, p.t_cr, p.c_total,
               CASE WHEN p.rt_cnt > 0 THEN p.rt_sum::float8 / p.rt_cnt::float8 ELSE 0 END, p.rt_sum, p.rt_cnt,
               now()
          FROM per_model p
        ON CONFLICT (hour, model) DO UPDATE SET
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
    w_provider AS (
        INSERT INTO stats_hourly_provider AS s (hour, provider, total_requests)
        SELECT p.hs, p.provider, p.n_req
          FROM per_provider p
        ON CONFLICT (hour, provider) DO UPDATE SET total_requests = EXCLUDED.total_requests
    ),
    -- Rows of written hours whose model / provider has no usage row any more.
    x_model AS (
        DELETE FROM stats_hourly_model s
         USING hours hr
         WHERE s.hour = hr.hs
           AND NOT hr.prot
           AND NOT EXISTS (SELECT 1 FROM per_model p WHERE p.hs = s.hour AND p.model = s.model)
    ),
    x_provider AS (
        DELETE FROM stats_hourly_provider s
         USING hours hr
         WHERE s.hour = hr.hs
           AND NOT hr.prot
           AND NOT EXISTS (SELECT 1 FROM per_provider p WHERE p.hs = s.hour AND p.provider = s.provider)
    )
    SELECT hr.hs,
           CASE WHEN hr.prot THEN 'protected' ELSE 'written' END,
           CASE WHEN hr.prot THEN 0::bigint ELSE coalesce(p.n_req, 0)::bigint END
      FROM hours hr
      LEFT JOIN per_hour p ON p.h = hr.h
     ORDER BY hr.h;
END;
$fn$;
