-- Reports and their files 7 days after creation (API.md §4.7, DATA_MODEL.md §9).
DELETE FROM reporting.report_jobs WHERE expires_at <= @now;
