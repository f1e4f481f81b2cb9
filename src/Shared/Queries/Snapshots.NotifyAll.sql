-- Every instance drops its memory cache after a recalculation rewrote the snapshots (FreshnessListener, payload '*').
SELECT pg_notify('analytics_snapshot', '*');
