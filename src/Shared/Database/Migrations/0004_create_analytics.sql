-- Analytics snapshots, history and jobs (DATA_MODEL.md §2).

-- Only the default view of each analytic is stored; staleness is worked out on read.
-- Rewritten nightly: fillfactor 70 leaves room for HOT updates, and a lower scale factor vacuums it sooner (§12).
CREATE TABLE analytics.analytics_snapshots (
    subject_type        text NOT NULL CHECK (subject_type IN ('learner', 'trainer', 'trainer-cohort', 'organisation',
                                                              'org-cohort', 'platform', 'course', 'department')),
    subject_id          eid NOT NULL,                         -- 'platform' for platform-wide rows
    role                text NOT NULL CHECK (role IN ('learner', 'trainer', 'org-admin', 'any')),
    analytic            text NOT NULL CHECK (analytic ~ '^[a-z][a-z0-9-]*$'),
    organisation_id     eid NULL,                             -- for per-organisation purge and erasure
    payload             jsonb NOT NULL,                       -- exactly the API data object
    computed_at         timestamptz NOT NULL,
    data_as_of          timestamptz NOT NULL,                 -- oldest last-success of the inputs used
    source              text NOT NULL,                        -- demo | upstream | oulad | mixed
    degraded            boolean NOT NULL DEFAULT false,
    partial             boolean NOT NULL DEFAULT false,       -- the source never provides some inputs
    missing_inputs      text[] NOT NULL DEFAULT '{}',
    coverage            numeric(4,3) NOT NULL DEFAULT 1 CHECK (coverage BETWEEN 0 AND 1),
    definition_version  text NOT NULL,                        -- e.g. 'engagement@1.0'
    inputs_hash         bytea NOT NULL CHECK (length(inputs_hash) = 32),
    attempted_at        timestamptz NOT NULL,
    attempt_status      text NOT NULL
                        CHECK (attempt_status IN ('computed', 'kept-previous', 'insufficient-data', 'failed')),
    compute_ms          integer NULL,
    job_id              eid NULL,
    PRIMARY KEY (subject_type, subject_id, role, analytic)
) WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05);
CREATE INDEX ix_analytics_snapshots_computed ON analytics.analytics_snapshots (computed_at);
CREATE INDEX ix_analytics_snapshots_org_analytic ON analytics.analytics_snapshots (organisation_id, analytic);

-- People a stored payload names, written with the snapshot, so an erasure finds every snapshot naming a user (§10).
CREATE TABLE analytics.snapshot_people (
    subject_type    text NOT NULL,
    subject_id      eid NOT NULL,
    role            text NOT NULL,
    analytic        text NOT NULL,
    user_id         eid NOT NULL,
    PRIMARY KEY (subject_type, subject_id, role, analytic, user_id),
    FOREIGN KEY (subject_type, subject_id, role, analytic)
        REFERENCES analytics.analytics_snapshots (subject_type, subject_id, role, analytic) ON DELETE CASCADE
);
CREATE INDEX ix_snapshot_people_user ON analytics.snapshot_people (user_id);

-- One row per subject, role and closed period holding every analytic's headline numbers. Monthly partitions.
CREATE TABLE analytics.analytics_history (
    period_type         text NOT NULL CHECK (period_type IN ('day', 'week', 'month')),
    period_start        date NOT NULL,
    subject_type        text NOT NULL,
    subject_id          text COLLATE "C" NOT NULL,
    role                text NOT NULL,
    organisation_id     text COLLATE "C" NULL,
    metrics             jsonb NOT NULL,
    definition_versions jsonb NOT NULL,
    source              text NOT NULL,
    degraded            boolean NOT NULL,
    computed_at         timestamptz NOT NULL,
    PRIMARY KEY (subject_type, subject_id, role, period_type, period_start),
    CHECK (period_type <> 'week' OR extract(isodow FROM period_start) = 1),
    CHECK (period_type <> 'month' OR extract(day FROM period_start) = 1)
) PARTITION BY RANGE (period_start);

-- id 'job_…'. One live job per subject, enforced by ux_refresh_jobs_active.
CREATE TABLE analytics.refresh_jobs (
    id              eid PRIMARY KEY,
    subject_type    text NOT NULL,
    subject_id      eid NOT NULL,
    role            text NOT NULL,
    analytics       text[] NOT NULL CHECK (cardinality(analytics) BETWEEN 1 AND 32),
    trigger         text NOT NULL
                    CHECK (trigger IN ('manual', 'stale-read', 'first-read', 'login', 'sync', 'erasure', 'model', 'nightly')),
    status          text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    progress        smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    stage           text NOT NULL DEFAULT 'queued' CHECK (stage IN ('queued', 'collecting', 'computing', 'saving', 'done')),
    requested_by    eid NULL,
    requested_at    timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz NULL,
    finished_at     timestamptz NULL,
    heartbeat_at    timestamptz NULL,
    worker          text NULL,
    attempts        smallint NOT NULL DEFAULT 0,
    error           text NULL,
    result          jsonb NULL
);
CREATE UNIQUE INDEX ux_refresh_jobs_active ON analytics.refresh_jobs (subject_type, subject_id, role)
    WHERE status IN ('queued', 'running');
CREATE INDEX ix_refresh_jobs_queue ON analytics.refresh_jobs (requested_at) WHERE status = 'queued';
CREATE INDEX ix_refresh_jobs_requested_by ON analytics.refresh_jobs (requested_by, requested_at DESC);

CREATE TABLE analytics.batch_runs (
    id              eid PRIMARY KEY,
    kind            text CHECK (kind IN ('recalculation', 'backfill', 'retrain')),
    run_date        date NOT NULL,
    trigger         text NOT NULL CHECK (trigger IN ('nightly', 'manual', 'schedule')),
    status          text CHECK (status IN ('running', 'completed', 'failed', 'abandoned')),
    ref_time        timestamptz NOT NULL,
    total_subjects  integer,
    done_subjects   integer NOT NULL DEFAULT 0,
    failed_subjects integer NOT NULL DEFAULT 0,
    resume_after    text NULL,                 -- keyset position 'type|id|role' of the last committed chunk
    started_at      timestamptz,
    finished_at     timestamptz,
    heartbeat_at    timestamptz,
    instance        text,
    error           text
);
-- One nightly run per day; one running run per kind (409 JOB_ALREADY_RUNNING).
CREATE UNIQUE INDEX ux_batch_runs_nightly ON analytics.batch_runs (kind, run_date) WHERE trigger = 'nightly';
CREATE UNIQUE INDEX ux_batch_runs_running ON analytics.batch_runs (kind) WHERE status = 'running';

CREATE TABLE analytics.batch_failures (
    run_id          eid NOT NULL REFERENCES analytics.batch_runs (id) ON DELETE CASCADE,
    subject_type    text NOT NULL,
    subject_id      eid NOT NULL,
    role            text NOT NULL,
    analytic        text NOT NULL,
    error           text,
    at              timestamptz,
    PRIMARY KEY (run_id, subject_type, subject_id, role, analytic)
);
