-- Report templates, jobs, files and schedules (DATA_MODEL.md §5).

CREATE TABLE reporting.report_templates (
    id              text PRIMARY KEY,
    organisation_id eid NULL REFERENCES lrs.organisations (id) ON DELETE CASCADE,
    name            text NOT NULL,
    role            text NOT NULL,
    analytics       text[] NOT NULL,
    default_format  text NOT NULL,
    layout          jsonb NOT NULL DEFAULT '{}',
    built_in        boolean NOT NULL DEFAULT false,
    created_by      eid NULL,
    created_at      timestamptz,
    updated_at      timestamptz
);

-- id 'rpt_…'; role is the active role. Expires 7 days after creation (§9).
CREATE TABLE reporting.report_jobs (
    id              eid PRIMARY KEY,
    requested_by    eid NULL REFERENCES lrs.users (id) ON DELETE SET NULL,
    role            text NOT NULL,
    subject_type    text NOT NULL,
    subject_id      eid NOT NULL,
    organisation_id eid NOT NULL,
    template_id     text NULL REFERENCES reporting.report_templates (id) ON DELETE SET NULL,
    analytics       text[] NOT NULL,
    format          text NOT NULL CHECK (format IN ('pdf', 'csv', 'xlsx', 'json')),
    parameters      jsonb NOT NULL DEFAULT '{}',
    title           text NOT NULL,
    status          text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    progress        smallint NOT NULL DEFAULT 0,
    error           text NULL,
    schedule_id     eid NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    completed_at    timestamptz,
    expires_at      timestamptz NOT NULL,
    download_count  integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_report_jobs_requested_by ON reporting.report_jobs (requested_by, created_at DESC);
CREATE INDEX ix_report_jobs_pending ON reporting.report_jobs (created_at) WHERE status IN ('queued', 'running');
CREATE INDEX ix_report_jobs_expires ON reporting.report_jobs (expires_at);

-- Stored in the database by default (Reports:Storage) so every instance can serve every file without shared disks.
CREATE TABLE reporting.report_files (
    report_id       eid PRIMARY KEY REFERENCES reporting.report_jobs (id) ON DELETE CASCADE,
    file_name       text NOT NULL,
    content_type    text NOT NULL,
    size_bytes      bigint NOT NULL CHECK (size_bytes <= 26214400),
    sha256          bytea NOT NULL,
    storage         text NOT NULL CHECK (storage IN ('database', 'filesystem')),
    content         bytea NULL,
    storage_path    text NULL,
    created_at      timestamptz NOT NULL,
    CHECK ((storage = 'database') = (content IS NOT NULL))
);
-- PDF and XLSX are already compressed: store out of line without trying to compress again.
ALTER TABLE reporting.report_files ALTER COLUMN content SET STORAGE EXTERNAL;

-- People a file names (the snapshot_people rows of the snapshots it was built from), for erasure (§10).
CREATE TABLE reporting.report_people (
    report_id   eid NOT NULL REFERENCES reporting.report_jobs (id) ON DELETE CASCADE,
    user_id     eid NOT NULL,
    PRIMARY KEY (report_id, user_id)
);
CREATE INDEX ix_report_people_user ON reporting.report_people (user_id);

-- id 'sch_…'; delivery as in API.md §4.7.
CREATE TABLE reporting.report_schedules (
    id              eid PRIMARY KEY,
    owner_id        eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    role            text NOT NULL,
    template_id     text NOT NULL REFERENCES reporting.report_templates (id),
    subject_type    text NOT NULL,
    subject_id      eid NOT NULL,
    format          text NOT NULL,
    cron            text NOT NULL,
    time_zone       text NOT NULL DEFAULT 'UTC',
    name            text NOT NULL,
    analytics       text[] NOT NULL,
    period          text NOT NULL DEFAULT 'last-30-days',
    delivery        jsonb NOT NULL,
    enabled         boolean NOT NULL DEFAULT true,
    next_run_at     timestamptz,
    last_run_at     timestamptz,
    last_run_status text NULL,
    last_report_id  eid NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX ix_report_schedules_next_run ON reporting.report_schedules (next_run_at) WHERE enabled;
