-- The sync facts coverage needs for one organisation: its own passes and the platform ones (SOURCES.md §3.6).
SELECT s.entity AS Entity,
       s.scope AS Scope,
       s.last_success_at AS LastSuccessAt,
       s.consecutive_failures AS ConsecutiveFailures
FROM ops.sync_state s
WHERE s.source = @source
  AND s.scope IN (@organisationId, '*');
