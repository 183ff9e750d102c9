-- stats_changed_hours: the UTC hours of [p_from, p_to) whose hour bucket no longer matches its usage rows.
--
--   SELECT * FROM stats_changed_hours('2026-03-13T00:00:00Z', '2026-03-15T12:00:00Z');
--
-- Bounds as for stats_materialize_hours (whole UTC hours, p_from < p_to, at most 9600 hours). One cheap
-- pass over the usage rows of the window (a range scan of idx_usage_created_at, counting rows and pending /
-- streaming rows per hour; no sums) compared with what stats_hourly stored when the hour was written.
-- Returns one row per hour that needs re-materializing, in order, with the first reason that applies:
--   'missing'    no stats_hourly row (with or without usage rows: live reads take buckets only up to the
--                first hour without one, so every hour of the window should have its row);
--   'partial'    written before its hour ended (covers_until < hour + 1 hour): it lacks the hour's last rows;
--   'unsettled'  the hour held pending or streaming rows when it was written (their figures still change);
--   'rows'       its number of usage rows differs from usage_rows (a late row arrived, a row was deleted);
--   'settled'    its number of pending/streaming rows differs from unsettled_requests.
-- Hours that lost rows before the earliest retained usage row are not returned (stats_materialize_hours
-- protects them). What this cannot see: a completed row whose figures are updated in place later (same
-- counts); the settle window of the days, or `rollup`, catches those.
CREATE OR REPLACE FUNCTION stats_changed_hours(p_from timestamptz, p_to timestamptz)
RETURNS TABLE (hour_start timestamptz, reason text)
LANGUAGE plpgsql
STABLE
SET jit = off
AS $fn$
DECLARE
    v_n        int;
    v_bounds   timestamptz[];
    v_earliest timestamptz;
BEGIN
    IF p_from IS NULL OR p_to IS NULL OR NOT isfinite(p_from) OR NOT isfinite(p_to)
       OR extract(epoch FROM p_from) % 3600 <> 0 OR extract(epoch FROM p_to) % 3600 <> 0
       OR p_to <= p_from OR p_to - p_from > interval '9600 hours' THEN
        RAISE EXCEPTION 'stats_changed_hours: need whole UTC hours p_from < p_to at most 9600 hours apart, got % .. %',
            coalesce(p_from::text, 'NULL'), coalesce(p_to::text, 'NULL')
            USING ERRCODE = '22023';
    END IF;
    v_n := (extract(epoch FROM p_to - p_from) / 3600)::int;
    v_bounds := ARRAY(SELECT p_from + k * interval '1 hour' FROM generate_series(0, v_n) AS k ORDER BY k);
    SELECT min(u.created_at) INTO v_earliest FROM usage u;

    RETURN QUERY
    WITH now_counts AS (
        SELECT width_bucket(u.created_at, v_bounds) AS h,
               count(*) AS n_rows,
               count(*) FILTER (WHERE u.status IN ('pending', 'streaming')) AS n_unsettled
          FROM usage u
         WHERE u.created_at >= p_from AND u.created_at < p_to
         GROUP BY 1
    ), compared AS (
        SELECT v_bounds[k.i] AS hs,
               s.hour IS NOT NULL AS stored,
               coalesce(s.covers_until < s.hour + interval '1 hour', false) AS partial,
               coalesce(s.usage_rows, 0) AS stored_rows,
               coalesce(s.unsettled_requests, 0) AS stored_unsettled,
               coalesce(c.n_rows, 0) AS n_rows,
               coalesce(c.n_unsettled, 0) AS n_unsettled
          FROM generate_series(1, v_n) AS k(i)
          LEFT JOIN stats_hourly s ON s.hour = v_bounds[k.i]
          LEFT JOIN now_counts c ON c.h = k.i
    )
    SELECT c.hs,
           CASE WHEN NOT c.stored THEN 'missing'
                WHEN c.partial THEN 'partial'
                WHEN c.stored_unsettled > 0 THEN 'unsettled'
                WHEN c.n_rows <> c.stored_rows THEN 'rows'
                ELSE 'settled' END
      FROM compared c
     WHERE (NOT c.stored OR c.partial
            OR (c.stored AND (c.stored_unsettled > 0 OR c.n_rows <> c.stored_rows
                              OR c.n_unsettled <> c.stored_unsettled)))
       AND NOT (c.stored AND c.n_rows < c.stored_rows
                AND (v_earliest IS NULL OR c.hs < v_earliest))
     ORDER BY c.hs;
END;
$fn$;
