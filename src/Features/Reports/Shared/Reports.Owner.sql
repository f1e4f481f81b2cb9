-- Who owns a report that has not expired: a signed download link stands for its owner (API.md §4.7).
SELECT j.requested_by
FROM reporting.report_jobs j
WHERE j.id = @id AND j.expires_at > @now;
