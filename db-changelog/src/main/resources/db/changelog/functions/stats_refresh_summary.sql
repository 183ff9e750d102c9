-- stats_refresh_summary: refresh the single stats_summary row and return it.
--
--   SELECT * FROM stats_refresh_summary(p_cutoff => '2026-03-01T05:00:00Z', p_day_starts => ARRAY[...]);
--
-- cutoff_date = p_cutoff (computed by the caller: the start of the current business day, or of the first day
--               of history not stored yet, so that combined reads that one live);
-- all_time_*  = sums over the stats_daily rows whose date is one of p_day_starts and < p_cutoff: always from
--               the materialized days, never from usage, so days whose raw rows retention deleted still count.
--               The caller lists the day starts of the current business zone: rows that another zone's days
--               left behind (STATS_TIMEZONE changed) are never added to the new zone's. Costs are summed
--               exactly as numeric and rounded to double once, so the result does not depend on row order;
-- total_users     = users not soft-deleted;       active_users    = is_active AND NOT is_deleted;
-- total_api_keys  = all api_keys;                 active_api_keys = is_active api_keys;
-- updated_at = now().
-- The row is updated in place (its id and created_at are kept); when there is none it is inserted with a new
-- id. The unique index uq_stats_summary_single_row ON stats_summary ((true)) makes it the only row.
--
-- Takes the transaction-scoped advisory lock (1095062867, 1), so summary refreshes are serialized. It reads
-- committed stats_daily rows only: a batch still being written is not in it yet, and every run refreshes the
-- summary again after its last batch has committed, so the last refresh sees every committed day.
DROP FUNCTION IF EXISTS stats_refresh_summary(timestamptz);

CREATE OR REPLACE FUNCTION stats_refresh_summary(p_cutoff timestamptz, p_day_starts timestamptz[])
RETURNS SETOF stats_summary
LANGUAGE plpgsql
VOLATILE
AS $fn$
BEGIN
    PERFORM pg_advisory_xact_lock(1095062867, 1);

    IF p_cutoff IS NULL OR NOT isfinite(p_cutoff) THEN
        RAISE EXCEPTION 'stats_refresh_summary: p_cutoff must be a finite instant, got %', coalesce(p_cutoff::text, 'NULL')
            USING ERRCODE = '22023';
    END IF;
    IF p_day_starts IS NULL THEN
        RAISE EXCEPTION 'stats_refresh_summary: p_day_starts must be an array of day starts (empty: no day), got NULL'
            USING ERRCODE = '22023';
    END IF;

    RETURN QUERY
    INSERT INTO stats_summary AS s (
           id, cutoff_date,
           all_time_requests, all_time_success_requests, all_time_error_requests,
           all_time_input_tokens, all_time_output_tokens, all_time_cache_creation_tokens, all_time_cache_read_tokens,
           all_time_cost, all_time_actual_cost,
           total_users, active_users, total_api_keys, active_api_keys,
           created_at, updated_at)
    SELECT gen_random_uuid()::text, p_cutoff,
           d.n_req, d.n_ok, d.n_err,
           d.t_in, d.t_out, d.t_cw, d.t_cr,
           d.c_total, d.c_actual,
           u.n_users, u.n_active, k.n_keys, k.n_active,
           now(), now()
      FROM (SELECT coalesce(sum(sd.total_requests), 0)::bigint          AS n_req,
                   coalesce(sum(sd.success_requests), 0)::bigint        AS n_ok,
                   coalesce(sum(sd.error_requests), 0)::bigint          AS n_err,
                   coalesce(sum(sd.input_tokens), 0)::bigint            AS t_in,
                   coalesce(sum(sd.output_tokens), 0)::bigint           AS t_out,
                   coalesce(sum(sd.cache_creation_tokens), 0)::bigint   AS t_cw,
                   coalesce(sum(sd.cache_read_tokens), 0)::bigint       AS t_cr,
                   coalesce(sum(sd.total_cost::numeric), 0)::float8        AS c_total,
                   coalesce(sum(sd.actual_total_cost::numeric), 0)::float8 AS c_actual
              FROM stats_daily sd
              JOIN (SELECT DISTINCT ds FROM unnest(p_day_starts) AS t(ds)) z ON z.ds = sd.date
             WHERE sd.date < p_cutoff) d
     CROSS JOIN (SELECT count(*) FILTER (WHERE NOT us.is_deleted)::int                 AS n_users,
                        count(*) FILTER (WHERE us.is_active AND NOT us.is_deleted)::int AS n_active
                   FROM users us) u
     CROSS JOIN (SELECT count(*)::int                                 AS n_keys,
                        count(*) FILTER (WHERE ak.is_active)::int     AS n_active
                   FROM api_keys ak) k
    -- conflict target = the single-row unique index ON stats_summary ((true))
    ON CONFLICT ((true)) DO UPDATE SET
           cutoff_date                    = EXCLUDED.cutoff_date,
           all_time_requests              = EXCLUDED.all_time_requests,
           all_time_success_requests      = EXCLUDED.all_time_success_requests,
           all_time_error_requests        = EXCLUDED.all_time_error_requests,
           all_time_input_tokens          = EXCLUDED.all_time_input_tokens,
           all_time_output_tokens         = EXCLUDED.all_time_output_tokens,
           all_time_cache_creation_tokens = EXCLUDED.all_time_cache_creation_tokens,
           all_time_cache_read_tokens     = EXCLUDED.all_time_cache_read_tokens,
           all_time_cost                  = EXCLUDED.all_time_cost,
           all_time_actual_cost           = EXCLUDED.all_time_actual_cost,
           total_users                    = EXCLUDED.total_users,
           active_users                   = EXCLUDED.active_users,
           total_api_keys                 = EXCLUDED.total_api_keys,
           active_api_keys                = EXCLUDED.active_api_keys,
           updated_at                     = now()
    RETURNING s.*;
END;
$fn$;
