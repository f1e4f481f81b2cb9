-- How long recent refresh jobs took from request to finish (the 202's estimatedCompletion), and how many wait ahead.
SELECT (SELECT avg(extract(epoch FROM r.finished_at - r.requested_at))
        FROM (SELECT finished_at, requested_at
              FROM analytics.refresh_jobs
              WHERE status = 'completed' AND finished_at > @now - interval '1 day'
              ORDER BY finished_at DESC
              LIMIT 50) r)::double precision AS RecentSeconds,
       (SELECT count(*) FROM analytics.refresh_jobs WHERE status = 'queued')::integer AS Queued;
