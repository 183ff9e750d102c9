-- The gateway's source tables as a large gateway keeps them: usage and request_candidates natively
-- range-partitioned by created_at (PartitionedReferenceSchema adds one partition per month). Otherwise the
-- reference schema (aether-schema.sql): same columns, defaults and indexes; the unique keys include
-- created_at because PostgreSQL requires the partition key in them.

CREATE TABLE users (
    id            varchar(36)  PRIMARY KEY,
    email         varchar(255) NOT NULL UNIQUE,
    username      varchar(100) NOT NULL UNIQUE,
    password_hash varchar(255) NOT NULL,
    is_active     boolean      NOT NULL DEFAULT true,
    is_deleted    boolean      NOT NULL DEFAULT false,
    created_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id         varchar(36) PRIMARY KEY,
    user_id    varchar(36) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    key_hash   varchar(64) NOT NULL UNIQUE,
    name       varchar(100),
    is_active  boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per proxied request. The gateway inserts it when the request starts
-- (status 'pending'), may update it while streaming ('streaming'), and updates
-- tokens, costs, status_code, error_message and response_time_ms when it ends
-- ('completed' or 'failed'). A retention job deletes rows older than a
-- configurable number of days (default 365).
CREATE TABLE usage (
    id                          varchar(36)  NOT NULL,
    user_id                     varchar(36)  REFERENCES users(id) ON DELETE SET NULL,
    api_key_id                  varchar(36)  REFERENCES api_keys(id) ON DELETE SET NULL,
    request_id                  varchar(100) NOT NULL,
    provider                    varchar(100) NOT NULL,
    model                       varchar(100) NOT NULL,
    input_tokens                integer DEFAULT 0,
    output_tokens               integer DEFAULT 0,
    total_tokens                integer DEFAULT 0,
    cache_creation_input_tokens integer DEFAULT 0,
    cache_read_input_tokens     integer DEFAULT 0,
    input_cost_usd              double precision DEFAULT 0,
    output_cost_usd             double precision DEFAULT 0,
    cache_creation_cost_usd     double precision DEFAULT 0,
    cache_read_cost_usd         double precision DEFAULT 0,
    request_cost_usd            double precision DEFAULT 0,
    total_cost_usd              double precision DEFAULT 0,
    actual_total_cost_usd       double precision DEFAULT 0,   -- cost after the provider key's rate multiplier
    rate_multiplier             double precision DEFAULT 1,
    request_type                varchar(50),
    api_format                  varchar(50),
    is_stream                   boolean DEFAULT false,
    status_code                 integer,                      -- NULL while pending
    error_message               text,
    response_time_ms            integer,                      -- NULL while pending
    first_byte_time_ms          integer,
    status                      varchar(20) NOT NULL DEFAULT 'completed', -- pending | streaming | completed | failed
    request_body                json,
    response_body               json,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, created_at),               -- a partitioned table's unique keys include its partition key
    UNIQUE (request_id, created_at)
) PARTITION BY RANGE (created_at);
CREATE INDEX idx_usage_created_at             ON usage (created_at);
CREATE INDEX idx_usage_user_created           ON usage (user_id, created_at);
CREATE INDEX idx_usage_apikey_created         ON usage (api_key_id, created_at);
CREATE INDEX idx_usage_provider_model_created ON usage (provider, model, created_at);

-- One row per provider attempt of a request: the router tries candidates in
-- order, and retries; 'skipped' and 'pending' candidates were never executed.
-- The gateway has no index on created_at here.
CREATE TABLE request_candidates (
    id              varchar(36)  NOT NULL,
    request_id      varchar(100) NOT NULL,
    user_id         varchar(36),
    api_key_id      varchar(36),
    candidate_index integer      NOT NULL,
    retry_index     integer      NOT NULL DEFAULT 0,
    provider_id     varchar(36),
    status          varchar(20)  NOT NULL,                   -- pending | success | failed | skipped
    status_code     integer,
    latency_ms      integer,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (id, created_at),
    CONSTRAINT uq_request_candidate_with_retry UNIQUE (request_id, candidate_index, retry_index, created_at)
) PARTITION BY RANGE (created_at);
CREATE INDEX idx_request_candidates_request_id ON request_candidates (request_id);
CREATE INDEX idx_request_candidates_status     ON request_candidates (status);

