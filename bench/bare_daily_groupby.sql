-- The bare comparison: the stats_daily figures of UTC days straight from usage, one GROUP BY, nothing
-- else (no writes, no fallback count from request_candidates, no distinct model/provider counts, no
-- per-user / per-model tables), written as a person would: plain sum() of the double precision cost
-- columns, no casts (fast, but not exact: its last digits may depend on the scan order). Same error rule
-- and average as stats_materialize_days.
-- Range: the 90 days of the bench45 demo data set (stats_demo_fill(90, 50000, 1000, 42, '2026-03-01Z')).
SELECT date_trunc('day', created_at AT TIME ZONE 'UTC')                                   AS day,
       count(*)                                                                           AS total_requests,
       count(*) - count(*) FILTER (WHERE status_code >= 400 OR error_message IS NOT NULL) AS success_requests,
       count(*) FILTER (WHERE status_code >= 400 OR error_message IS NOT NULL)            AS error_requests,
       coalesce(sum(input_tokens), 0)                                                     AS input_tokens,
       coalesce(sum(output_tokens), 0)                                                    AS output_tokens,
       coalesce(sum(cache_creation_input_tokens), 0)                                      AS cache_creation_tokens,
       coalesce(sum(cache_read_input_tokens), 0)                                          AS cache_read_tokens,
       coalesce(sum(total_cost_usd), 0)                                                   AS total_cost,
       coalesce(sum(actual_total_cost_usd), 0)                                            AS actual_total_cost,
       coalesce(sum(input_cost_usd), 0)                                                   AS input_cost,
       coalesce(sum(output_cost_usd), 0)                                                  AS output_cost,
       coalesce(sum(cache_creation_cost_usd), 0)                                          AS cache_creation_cost,
       coalesce(sum(cache_read_cost_usd), 0)                                              AS cache_read_cost,
       coalesce(avg(response_time_ms)::float8, 0)                                         AS avg_response_time_ms
  FROM usage
 WHERE created_at >= '2025-12-01T00:00:00Z'
   AND created_at <  '2026-03-01T00:00:00Z'
 GROUP BY 1
 ORDER BY 1;
