-- /api/status counts the snapshots the latest recalculation wrote (API.md §4.10 `recalculation.rows`); without an index that
-- is a scan of every snapshot (about a million rows at 100,000 learners) on an anonymous endpoint. Built concurrently: the
-- table is live and large. Rows written by a request (job_id null) stay out of the index.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_analytics_snapshots_job ON analytics.analytics_snapshots (job_id) WHERE job_id IS NOT NULL;
