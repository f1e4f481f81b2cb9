-- The preview of API.md §4.7 (`GET /reports/{id}` → {report, preview}), written with the file when a report completes, so a
-- read of a completed report needs neither the file nor the snapshots it was built from (those may have moved on since).
ALTER TABLE reporting.report_jobs ADD COLUMN preview jsonb NULL;
