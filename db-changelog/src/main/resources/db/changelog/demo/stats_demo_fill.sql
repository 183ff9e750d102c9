-- stats_demo_fill: deterministic, set-based demo data for benchmarks and demos.
--
--   SELECT * FROM stats_demo_fill(p_days => 90, p_rows_per_day => 50000, p_users => 1000,
--                                 p_seed => 42, p_end => '2026-03-01T00:00:00Z');
--
-- Fills users, api_keys, usage (p_days * p_rows_per_day rows over the p_days days ending at p_end, i.e. in
-- [p_end - p_days days, p_end)) and request_candidates.
--
-- Determinism: every random choice is a hash of (row number, p_seed * 1000 + stream) through
-- hashint8extended(), mapped to [0,1). Nothing depends on random()/setseed() or on plan order, so the same
-- (p_seed, p_end) always yields the same rows. Ids are md5-derived uuids:
--   users / api_keys  from p_seed only: a second fill with the same seed reuses them (ON CONFLICT DO NOTHING);
--   usage / candidates from p_seed and p_end: fills with other end instants add new rows, never collide.
-- Running the very same fill twice adds nothing the second time (ON CONFLICT DO NOTHING everywhere).
-- Every call records the usage rows it inserted in stats_demo_runs (demo/demo.changelog.xml installs both).
--
-- Shape: daily cycle busier in the afternoon (in p_end's day frame), a few heavy users and a long tail,
-- ~3% anonymous rows (user_id NULL), 8 models over 4 providers with skewed popularity and per-user
-- favourites, ~5% failed requests (4xx/5xx + error_message), ~0.5% HTTP 200 with an error_message, ~1%
-- 'pending' (no status_code/response time, zero tokens and costs), ~1% 'streaming', token counts
-- log-normal, costs = tokens x per-model price, actual cost = total x provider-key rate multiplier.
-- Failed and pending rows carry no tokens and no cost.
-- request_candidates: 1-4 executed attempts per request (~85/10/4/1 %), 1.5-5.5 s apart (10% of the requests
-- back off 10-60 s), so some straddle midnight; earlier attempts 'failed', the last one 'success' / 'failed'
-- / 'pending' after the request's status; ~3% of requests also have a 'skipped' candidate.
--
-- Speed: one INSERT ... SELECT FROM generate_series per day (rows are written in created_at order, as a
-- gateway writes them); both usage and its candidates come from one statement through a CTE.
CREATE OR REPLACE FUNCTION stats_demo_fill(p_days int, p_rows_per_day int, p_users int, p_seed bigint,
                                           p_end timestamptz)
RETURNS TABLE (users_added bigint, api_keys_added bigint, usage_added bigint, candidates_added bigint)
LANGUAGE plpgsql
VOLATILE
SET work_mem = '64MB'
SET jit = off                -- one statement per day: JIT compilation would cost more than it saves
AS $fn$
DECLARE
    s0        bigint := p_seed * 1000;              -- stream k uses hash seed s0 + k
    v_endkey  text   := to_char(p_end AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISS.US');
    v_users   bigint := 0;
    v_keys    bigint := 0;
    v_usage   bigint := 0;
    v_cands   bigint := 0;
    v_u       bigint;
    v_c       bigint;
    d         int;
BEGIN
    IF p_days IS NULL OR p_days < 1 OR p_rows_per_day IS NULL OR p_rows_per_day < 0
       OR p_users IS NULL OR p_users < 0 OR p_seed IS NULL OR p_end IS NULL
       OR abs(p_seed) > 9000000000000000 THEN
        RAISE EXCEPTION 'stats_demo_fill: need p_days >= 1, p_rows_per_day >= 0, p_users >= 0, |p_seed| <= 9e15, p_end not null'
            USING ERRCODE = '22023';
    END IF;

    -- users: ~2% soft-deleted (and inactive), ~5% of the rest inactive
    INSERT INTO users (id, email, username, password_hash, is_active, is_deleted, created_at)
    SELECT md5(format('aether-demo-user:%s:%s', p_seed, j))::uuid::text,
           format('demo-%s-%s@example.invalid', p_seed, j),
           format('demo_%s_%s', p_seed, j),
           '$2b$12$demo.demo.demo.demo.demo.demo.demo.demo.demo.demo.demo',
           NOT r.del AND r.u_act >= 0.05,
           r.del,
           p_end - (p_days + 30 * r.u_age) * interval '1 day'
      FROM generate_series(0, p_users - 1) AS j
      CROSS JOIN LATERAL (
        SELECT (hashint8extended(j, s0 + 1) & 9007199254740991)::float8 / 9007199254740992 AS u_act,
               (hashint8extended(j, s0 + 2) & 9007199254740991)::float8 / 9007199254740992 < 0.02 AS del,
               (hashint8extended(j, s0 + 3) & 9007199254740991)::float8 / 9007199254740992 AS u_age
      ) r
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_users = ROW_COUNT;

    -- api_keys: 1 key per user, 2 for ~40% of them; ~10% inactive
    INSERT INTO api_keys (id, user_id, key_hash, name, is_active, created_at)
    SELECT md5(format('aether-demo-key:%s:%s:%s', p_seed, j, k))::uuid::text,
           md5(format('aether-demo-user:%s:%s', p_seed, j))::uuid::text,
           encode(sha256(convert_to(format('aether-demo-secret:%s:%s:%s', p_seed, j, k), 'UTF8')), 'hex'),
           format('key %s', k + 1),
           (hashint8extended(j * 2 + k, s0 + 12) & 9007199254740991)::float8 / 9007199254740992 >= 0.10,
           p_end - (p_days + 10) * interval '1 day'
      FROM generate_series(0, p_users - 1) AS j
      CROSS JOIN LATERAL generate_series(0,
            CASE WHEN (hashint8extended(j, s0 + 11) & 9007199254740991)::float8 / 9007199254740992 < 0.4
                 THEN 1 ELSE 0 END) AS k
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_keys = ROW_COUNT;

    FOR d IN 0 .. p_days - 1 LOOP
        WITH models0 (k, model, provider, api_format, p_in, p_out, p_cw, p_cr, ms_tok) AS (
            -- USD per million tokens: input, output, cache write, cache read; ms per output token
            VALUES (1, 'claude-sonnet-4-20250514',  'anthropic', 'claude', 3.00, 15.00, 3.75,  0.30,  18),
                   (2, 'claude-3-5-haiku-20241022', 'anthropic', 'claude', 0.80,  4.00, 1.00,  0.08,   8),
                   (3, 'claude-opus-4-20250514',    'anthropic', 'claude', 15.00, 75.00, 18.75, 1.50, 35),
                   (4, 'gpt-4o',                    'openai',    'openai', 2.50, 10.00, 0.00,  1.25,  15),
                   (5, 'gpt-4o-mini',               'openai',    'openai', 0.15,  0.60, 0.00,  0.075,  7),
                   (6, 'o3',                        'openai',    'openai', 2.00,  8.00, 0.00,  0.50,  30),
                   (7, 'gemini-2.5-pro',            'google',    'gemini', 1.25, 10.00, 0.00,  0.31,  20),
                   (8, 'deepseek-chat',             'deepseek',  'openai', 0.27,  1.10, 0.00,  0.07,  25)
        ),
        models AS MATERIALIZED (   -- + the ids of the provider endpoints a request's attempts go to
            SELECT m.k, m.model, m.provider, m.api_format, m.p_in::float8 AS p_in, m.p_out::float8 AS p_out,
                   m.p_cw::float8 AS p_cw, m.p_cr::float8 AS p_cr, m.ms_tok, ARRAY(SELECT md5('aether-demo-provider:' || m.provider || ':' || x)::uuid::text
                                FROM generate_series(0, 4) x ORDER BY x) AS provider_ids
              FROM models0 m
        ),
        g AS (
            SELECT i, h.*,
                   -- business time of the row: day d of the window, afternoon-heavy daily cycle
                   p_end - (p_days - d) * interval '1 day'
                         + interval '1 microsecond' * floor(86400e6 * h.f_day) AS created_at
              FROM generate_series(d::bigint * p_rows_per_day, (d + 1)::bigint * p_rows_per_day - 1) AS i
              CROSS JOIN LATERAL (
                SELECT CASE WHEN r.u_cyc < 0.6   -- 60% around 15:00 (sd ~3h), 40% uniform over the day
                            THEN (0.625 + 0.125 * (r.u1 + r.u2 + r.u3 - 1.5) * 2 + 1.0)
                                 - floor(0.625 + 0.125 * (r.u1 + r.u2 + r.u3 - 1.5) * 2 + 1.0)
                            ELSE r.u4 END AS f_day,
                       CASE WHEN p_users = 0 OR r.u_anon < 0.03 THEN NULL
                            ELSE least(floor(p_users * r.u_user ^ 3)::bigint, p_users - 1) END AS uj,
                       r.*
                  FROM (SELECT (hashint8extended(i, s0 + 21) & 9007199254740991)::float8 / 9007199254740992 AS u_cyc,
                               (hashint8extended(i, s0 + 22) & 9007199254740991)::float8 / 9007199254740992 AS u1,
                               (hashint8extended(i, s0 + 23) & 9007199254740991)::float8 / 9007199254740992 AS u2,
                               (hashint8extended(i, s0 + 24) & 9007199254740991)::float8 / 9007199254740992 AS u3,
                               (hashint8extended(i, s0 + 25) & 9007199254740991)::float8 / 9007199254740992 AS u4,
                               (hashint8extended(i, s0 + 26) & 9007199254740991)::float8 / 9007199254740992 AS u_anon,
                               (hashint8extended(i, s0 + 27) & 9007199254740991)::float8 / 9007199254740992 AS u_user,
                               (hashint8extended(i, s0 + 28) & 9007199254740991)::float8 / 9007199254740992 AS u_key,
                               (hashint8extended(i, s0 + 29) & 9007199254740991)::float8 / 9007199254740992 AS u_fav,
                               (hashint8extended(i, s0 + 30) & 9007199254740991)::float8 / 9007199254740992 AS u_model,
                               (hashint8extended(i, s0 + 31) & 9007199254740991)::float8 / 9007199254740992 AS z_in,
                               (hashint8extended(i, s0 + 32) & 9007199254740991)::float8 / 9007199254740992 AS z_out,
                               (hashint8extended(i, s0 + 33) & 9007199254740991)::float8 / 9007199254740992 AS u_cr,
                               (hashint8extended(i, s0 + 34) & 9007199254740991)::float8 / 9007199254740992 AS u_cw,
                               (hashint8extended(i, s0 + 35) & 9007199254740991)::float8 / 9007199254740992 AS u_status,
                               (hashint8extended(i, s0 + 36) & 9007199254740991)::float8 / 9007199254740992 AS u_code,
                               (hashint8extended(i, s0 + 37) & 9007199254740991)::float8 / 9007199254740992 AS u_rate,
                               (hashint8extended(i, s0 + 38) & 9007199254740991)::float8 / 9007199254740992 AS u_ttfb,
                               (hashint8extended(i, s0 + 39) & 9007199254740991)::float8 / 9007199254740992 AS u_stream,
                               (hashint8extended(i, s0 + 40) & 9007199254740991)::float8 / 9007199254740992 AS u_att,
                               (hashint8extended(i, s0 + 41) & 9007199254740991)::float8 / 9007199254740992 AS u_gap,
                               (hashint8extended(i, s0 + 42) & 9007199254740991)::float8 / 9007199254740992 AS u_skip,
                               (hashint8extended(i, s0 + 43) & 9007199254740991)::float8 / 9007199254740992 AS v1,
                               (hashint8extended(i, s0 + 44) & 9007199254740991)::float8 / 9007199254740992 AS v2,
                               (hashint8extended(i, s0 + 45) & 9007199254740991)::float8 / 9007199254740992 AS v3,
                               (hashint8extended(i, s0 + 46) & 9007199254740991)::float8 / 9007199254740992 AS v4,
                               (hashint8extended(i, s0 + 47) & 9007199254740991)::float8 / 9007199254740992 AS v5,
                               (hashint8extended(i, s0 + 48) & 9007199254740991)::float8 / 9007199254740992 AS v6,
                               (hashint8extended(i, s0 + 49) & 9007199254740991)::float8 / 9007199254740992 AS u_back
                       ) r
              ) h
        ),
        ux AS MATERIALIZED (   -- per user: its id, the key a request uses, its favourite-model draw
            SELECT j, md5('aether-demo-user:' || p_seed || ':' || j)::uuid::text AS user_id,
                   md5('aether-demo-key:' || p_seed || ':' || j || ':0')::uuid::text AS key0,
                   CASE WHEN (hashint8extended(j, s0 + 11) & 9007199254740991)::float8 / 9007199254740992 < 0.4
                        THEN md5('aether-demo-key:' || p_seed || ':' || j || ':1')::uuid::text END AS key1,
                   (hashint8extended(j, s0 + 13) & 9007199254740991)::float8 / 9007199254740992 AS fav_x
              FROM generate_series(0, p_users - 1) AS j
        ),
        g2 AS (
            SELECT g.*, ux.user_id,
                   CASE WHEN ux.key1 IS NOT NULL AND g.u_key < 0.3 THEN ux.key1 ELSE ux.key0 END AS api_key_id,
                   -- model: half the time the user's favourite, else the global mix (both skewed the same way)
                   (SELECT CASE WHEN x < 0.30 THEN 1 WHEN x < 0.45 THEN 2 WHEN x < 0.49 THEN 3 WHEN x < 0.67 THEN 4
                                WHEN x < 0.79 THEN 5 WHEN x < 0.83 THEN 6 WHEN x < 0.93 THEN 7 ELSE 8 END
                      FROM (SELECT CASE WHEN ux.j IS NOT NULL AND g.u_fav < 0.5 THEN ux.fav_x
                                        ELSE g.u_model END AS x) q) AS mk,
                   CASE WHEN g.u_status < 0.010 THEN 'pending'
                        WHEN g.u_status < 0.020 THEN 'streaming'
                        WHEN g.u_status < 0.070 THEN 'failed'
                        ELSE 'completed' END AS st,
                   -- approximately normal deviates (sum of 4 uniforms, sd 1) for the log-normal token counts
                   ((g.z_in  + g.v1 + g.v2 + g.v3) - 2.0) * 1.732 AS zi,
                   ((g.z_out + g.v4 + g.v5 + g.v6) - 2.0) * 1.732 AS zo
              FROM g LEFT JOIN ux ON ux.j = g.uj
        ),
        g3 AS (
            SELECT g2.*, m.model, m.provider, m.api_format, m.ms_tok, m.provider_ids,
                   md5('aether-demo-usage:' || p_seed || ':' || v_endkey || ':' || g2.i) AS h,
                   (extract(epoch FROM g2.created_at) * 1000000)::bigint AS us,
                   CASE WHEN g2.st IN ('pending', 'failed') THEN 0
                        ELSE least(greatest(round(exp(ln(900) + 1.3 * g2.zi)), 1), 180000)::int END AS tin,
                   CASE WHEN g2.st IN ('pending', 'failed') THEN 0
                        WHEN g2.st = 'streaming' THEN least(round(exp(ln(120) + 0.9 * g2.zo)), 4000)::int
                        ELSE least(greatest(round(exp(ln(280) + 0.9 * g2.zo)), 1), 8000)::int END AS tout,
                   CASE WHEN g2.st IN ('pending', 'failed') OR g2.u_cw >= 0.12 THEN 0
                        ELSE round(exp(ln(2000) + 1.0 * g2.zo) * g2.u_cw * 5)::int END AS tcw,
                   CASE WHEN g2.st IN ('pending', 'failed') OR g2.u_cr >= 0.35 THEN 0
                        ELSE least(round(exp(ln(4000) + 1.1 * g2.zi)), 400000)::int END AS tcr,
                   m.p_in, m.p_out, m.p_cw, m.p_cr,
                   CASE WHEN g2.u_rate < 0.7 THEN 1.0 WHEN g2.u_rate < 0.9 THEN 0.85 ELSE 1.2 END::float8 AS rate,
                   CASE WHEN g2.u_code < 0.30 THEN 429 WHEN g2.u_code < 0.45 THEN 500 WHEN g2.u_code < 0.60 THEN 502
                        WHEN g2.u_code < 0.75 THEN 503 WHEN g2.u_code < 0.85 THEN 529 WHEN g2.u_code < 0.95 THEN 400
                        ELSE 401 END AS err_code,
                   round(exp(ln(650) + 0.5 * (g2.u_ttfb * 3.464 - 1.732)))::int AS ttfb,
                   CASE WHEN g2.u_att < 0.85 THEN 1 WHEN g2.u_att < 0.95 THEN 2 WHEN g2.u_att < 0.99 THEN 3 ELSE 4 END AS n_att,
                   (g2.u_skip < 0.03)::int AS n_skip
              FROM g2 JOIN models m ON m.k = g2.mk
        ),
        src AS MATERIALIZED (
            SELECT g3.i, g3.created_at, g3.us, g3.st, g3.n_att, g3.n_skip, g3.u_gap, g3.err_code,
                   -- seconds between attempts: 1.5-5.5 s, or a 10-60 s back-off for 10% of the requests
                   CASE WHEN g3.u_back < 0.1 THEN 10 + 500 * g3.u_back ELSE 1.5 + 4 * g3.u_gap END AS gap_s,
                   -- time-ordered ids (UUIDv7-like: 13 hex digits of epoch microseconds, then 19 of an md5):
                   -- index inserts append instead of landing on random pages of ever larger indexes
                   (lpad(to_hex(g3.us), 13, '0') || substr(g3.h, 1, 19))::uuid::text AS id,
                   'req_' || lpad(to_hex(g3.us), 13, '0') || substr(g3.h, 14, 19) AS request_id,
                   g3.h, g3.user_id, g3.api_key_id, g3.provider_ids,
                   g3.provider, g3.model, g3.api_format,
                   g3.tin, g3.tout, g3.tcw, g3.tcr,
                   g3.tin * g3.p_in / 1e6::float8  AS c_in,
                   g3.tout * g3.p_out / 1e6::float8 AS c_out,
                   g3.tcw * g3.p_cw / 1e6::float8  AS c_cw,
                   g3.tcr * g3.p_cr / 1e6::float8  AS c_cr,
                   g3.rate,
                   g3.u_stream < 0.6 AS is_stream,
                   CASE g3.st WHEN 'pending' THEN NULL WHEN 'failed' THEN g3.err_code ELSE 200 END AS status_code,
                   CASE WHEN g3.st = 'failed' THEN
                             CASE WHEN g3.err_code = 429 THEN 'rate limited by upstream provider'
                                  WHEN g3.err_code IN (400, 401) THEN format('upstream rejected the request (%s)', g3.err_code)
                                  ELSE format('upstream error %s: overloaded or unavailable', g3.err_code) END
                        WHEN g3.st = 'completed' AND g3.u_status >= 0.995     -- a few 200s carry an error
                             THEN 'stream interrupted: client disconnected'
                        END AS error_message,
                   CASE WHEN g3.st IN ('pending', 'streaming') THEN NULL
                        WHEN g3.st = 'failed' THEN round(g3.ttfb * (0.3 + g3.u_gap))::int
                        ELSE g3.ttfb + g3.tout * g3.ms_tok END AS response_time_ms,
                   CASE WHEN g3.st = 'pending' THEN NULL ELSE g3.ttfb END AS first_byte_time_ms
              FROM g3
             ORDER BY g3.created_at, g3.i
        ),
        ins_u AS (
            INSERT INTO usage (id, user_id, api_key_id, request_id, provider, model,
                               input_tokens, output_tokens, total_tokens, cache_creation_input_tokens, cache_read_input_tokens,
                               input_cost_usd, output_cost_usd, cache_creation_cost_usd, cache_read_cost_usd,
                               request_cost_usd, total_cost_usd, actual_total_cost_usd, rate_multiplier,
                               request_type, api_format, is_stream, status_code, error_message,
                               response_time_ms, first_byte_time_ms, status, request_body, response_body, created_at)
            SELECT id, user_id, api_key_id, request_id, provider, model,
                   tin, tout, tin + tout, tcw, tcr,
                   c_in, c_out, c_cw, c_cr,
                   0, c_in + c_out + c_cw + c_cr, (c_in + c_out + c_cw + c_cr) * rate, rate,
                   'chat', api_format, is_stream, status_code, error_message,
                   response_time_ms, first_byte_time_ms, st,
                   -- bodies as the gateway stores them: a chat request of 200 B .. 1.2 KB, and for a finished
                   -- request the answer (or the upstream error) of 150 B .. 1.4 KB; about 0.9 KB a row in all
                   json_build_object('model', model, 'stream', is_stream, 'max_tokens', 1024,
                       'messages', json_build_array(
                           json_build_object('role', 'system', 'content', 'You are a helpful assistant.'),
                           json_build_object('role', 'user', 'content', repeat(h || ' ', 1 + tin % 32)))),
                   CASE WHEN st IN ('pending', 'streaming') THEN NULL
                        WHEN st = 'failed' THEN json_build_object('error', json_build_object(
                            'type', 'upstream_error', 'code', status_code, 'message', error_message))
                        ELSE json_build_object('id', 'msg_' || substr(h, 1, 24), 'type', 'message', 'model', model,
                            'content', json_build_array(json_build_object('type', 'text',
                                'text', repeat(substr(h, 9, 24) || ' ', 1 + tout % 48))),
                            'usage', json_build_object('input_tokens', tin, 'output_tokens', tout)) END,
                   created_at
              FROM src
            ON CONFLICT DO NOTHING
            RETURNING 1
        ),
        ins_c AS (
            INSERT INTO request_candidates (id, request_id, user_id, api_key_id, candidate_index, retry_index,
                                            provider_id, status, status_code, latency_ms, created_at)
            SELECT (lpad(to_hex(src.us + a), 13, '0') || substr(src.h, 2 + a, 19))::uuid::text,
                   src.request_id, src.user_id, src.api_key_id,
                   CASE WHEN src.u_gap < 0.3 AND a < src.n_att THEN 0 ELSE a END,       -- retry of the same candidate
                   CASE WHEN src.u_gap < 0.3 AND a < src.n_att THEN a ELSE 0 END,       -- ... or the next candidate
                   src.provider_ids[1 + CASE WHEN src.u_gap < 0.3 THEN 0 ELSE a END],
                   CASE WHEN a >= src.n_att THEN 'skipped'
                        WHEN a < src.n_att - 1 THEN 'failed'
                        WHEN src.st = 'failed' THEN 'failed'
                        WHEN src.st = 'pending' THEN 'pending'
                        ELSE 'success' END,
                   CASE WHEN a >= src.n_att THEN NULL
                        WHEN a < src.n_att - 1 THEN (ARRAY[429, 500, 502, 503, 529])[1 + (a * 7 + src.i) % 5]
                        ELSE src.status_code END,
                   CASE WHEN a >= src.n_att OR (a = src.n_att - 1 AND src.st = 'pending') THEN NULL
                        ELSE 200 + ((src.i * 31 + a * 17) % 2500)::int END,
                   -- attempts gap_s apart; a skipped candidate is logged right after the request starts
                   CASE WHEN a >= src.n_att THEN src.created_at + interval '5 milliseconds'
                        ELSE src.created_at + a * src.gap_s * interval '1 second'
                                            + interval '2 milliseconds' END
              FROM src
             CROSS JOIN LATERAL generate_series(0, src.n_att + src.n_skip - 1) AS a
            ON CONFLICT DO NOTHING
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM ins_u), (SELECT count(*) FROM ins_c) INTO v_u, v_c;
        v_usage := v_usage + v_u;
        v_cands := v_cands + v_c;
    END LOOP;

    -- what demo-data checks to tell generated rows from a gateway's own (see stats_demo_runs)
    INSERT INTO stats_demo_runs (seed, end_at, usage_added) VALUES (p_seed, p_end, v_usage);

    RETURN QUERY SELECT v_users, v_keys, v_usage, v_cands;
END;
$fn$;
