-- Per synchronised entity over its scopes (organisations): the oldest last success (the data's lag), the newest attempt and
-- error, how many scopes are failing, and the rows the last passes wrote (API.md §4.9, SOURCES.md §3.6).
SELECT s.entity AS Entity,
       CASE WHEN bool_and(s.last_success_at IS NOT NULL) THEN min(s.last_success_at) END AS LastSuccessAt,
       max(s.last_started_at) AS LastStartedAt,
       max(s.last_error_at) AS LastErrorAt,
       (array_agg(s.last_error ORDER BY s.last_error_at DESC NULLS LAST))[1] AS LastError,
       count(*) FILTER (WHERE s.consecutive_failures > 0) AS FailingScopes,
       count(*) AS Scopes,
       sum(s.rows_upserted_last)::bigint AS RowsLast
FROM ops.sync_state s
WHERE s.source = 'upstream'
GROUP BY s.entity;
