-- The (subject, analytic) pairs of a chunk that could not be computed, one statement per chunk.
INSERT INTO analytics.batch_failures (run_id, subject_type, subject_id, role, analytic, error, at)
SELECT @runId, f.subject_type, f.subject_id, f.role, f.analytic, f.error, @now
FROM unnest(@subjectTypes::text[], @subjectIds::text[], @roles::text[], @analytics::text[], @errors::text[])
         AS f(subject_type, subject_id, role, analytic, error)
ON CONFLICT (run_id, subject_type, subject_id, role, analytic) DO UPDATE
SET error = excluded.error, at = excluded.at;
