-- Deletes (and so cancels, if queued or running) one report of its owner; its file and people go with it.
DELETE FROM reporting.report_jobs WHERE id = @id AND requested_by = @ownerId AND expires_at > @now;
