-- Sources, sync state, rejects, audit and privacy requests (DATA_MODEL.md §7).
-- ops.schema_versions is DbUp's journal: DbUp creates it.

CREATE TABLE ops.sources (
    name            text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9-]*$'),
    kind            text CHECK (kind IN ('generator', 'upstream', 'import')),
    provides        text[] NOT NULL,      -- lrs table names this source can fill; drives "analytic unavailable"
    description     text,
    registered_at   timestamptz NOT NULL,
    last_loaded_at  timestamptz
);

-- Effective per organisation; for an upstream, only the entity kinds of the configured services.
CREATE TABLE ops.organisation_sources (
    organisation_id eid NOT NULL REFERENCES lrs.organisations (id) ON DELETE CASCADE,
    source          text NOT NULL REFERENCES ops.sources (name),
    provides        text[] NOT NULL,
    PRIMARY KEY (organisation_id, source)
);

CREATE TABLE ops.sync_state (
    source                  text NOT NULL,
    entity                  text NOT NULL,
    scope                   text NOT NULL,            -- organisation id or '*'
    watermark               timestamptz NULL,         -- updatedSince for the next incremental run
    cursor                  text NULL,                -- page cursor of an unfinished pass (resume)
    cursor_run_id           eid NULL,
    last_started_at         timestamptz,
    last_success_at         timestamptz,
    last_error_at           timestamptz,
    last_error              text,
    consecutive_failures    integer NOT NULL DEFAULT 0,
    last_full_at            timestamptz,
    rows_upserted_last      bigint,
    rows_deleted_last       bigint,
    PRIMARY KEY (source, entity, scope)
);

-- id 'job_…'.
CREATE TABLE ops.sync_runs (
    id              eid PRIMARY KEY,
    source          text NOT NULL,
    kind            text CHECK (kind IN ('incremental', 'full', 'import', 'generate')),
    scope           text NOT NULL,
    status          text CHECK (status IN ('running', 'completed', 'partial', 'failed')),
    progress        jsonb NOT NULL DEFAULT '{}',
    rows_read       bigint NOT NULL DEFAULT 0,
    rows_written    bigint NOT NULL DEFAULT 0,
    rows_rejected   bigint NOT NULL DEFAULT 0,
    started_at      timestamptz NOT NULL,
    heartbeat_at    timestamptz,
    finished_at     timestamptz,
    instance        text,
    error           text
);
CREATE INDEX ix_sync_runs_source_started ON ops.sync_runs (source, started_at DESC);

-- E.g. an enrolment whose user has not arrived yet; retried next run.
CREATE TABLE ops.sync_rejects (
    source          text NOT NULL,
    entity          text NOT NULL,
    record_key      text NOT NULL,
    scope           text NOT NULL,
    reason          text NOT NULL,
    payload         jsonb NOT NULL,
    first_seen_at   timestamptz NOT NULL,
    last_seen_at    timestamptz NOT NULL,
    attempts        integer NOT NULL DEFAULT 1,
    PRIMARY KEY (source, entity, record_key)
);

CREATE TABLE ops.audit_log (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    actor_ref       text NOT NULL,
    actor_role      text NULL,
    action          text NOT NULL CHECK (action ~ '^[a-z]+(\.[a-z-]+)+$'),   -- e.g. privacy.erasure.requested, role.grant
    subject_type    text NULL,
    subject_ref     text NULL,
    request_id      text NULL,
    details         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX ix_audit_log_subject ON ops.audit_log (subject_ref, occurred_at);
CREATE INDEX ix_audit_log_occurred_brin ON ops.audit_log USING brin (occurred_at);

CREATE TABLE ops.privacy_requests (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind            text CHECK (kind IN ('erasure', 'export')),
    subject_id      eid NULL,                 -- cleared when done
    subject_hash    bytea NOT NULL,
    requested_by    text NOT NULL,
    requested_at    timestamptz NOT NULL,
    status          text CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    completed_at    timestamptz,
    error           text,
    details         jsonb
);

-- subject_hash = HMAC-SHA256(Privacy:SubjectHashKey, user id); loaders drop every record of a tombstoned id.
CREATE TABLE ops.erasure_tombstones (
    subject_hash    bytea PRIMARY KEY,
    erased_at       timestamptz NOT NULL,
    request_id      uuid NOT NULL
);
