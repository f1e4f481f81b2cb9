-- Schemas and the id domain (DATA_MODEL.md §0, §11).

CREATE SCHEMA lrs;
CREATE SCHEMA analytics;
CREATE SCHEMA gamification;
CREATE SCHEMA reporting;
CREATE SCHEMA auth;
-- The migrator creates ops before DbUp runs, because the journal (ops.schema_versions) lives there.
CREATE SCHEMA IF NOT EXISTS ops;
-- Owned by Quartz: its clustered store provisions its own qrtz_* tables here.
CREATE SCHEMA quartz;

-- API.md §1.1 id rule. Unbounded regex plus length(): a bounded {1,64} form is ~50x slower per value.
CREATE DOMAIN public.eid AS text COLLATE "C"
    CHECK (VALUE ~ '^[A-Za-z0-9_-]+$' AND length(VALUE) <= 64);
