-- Writes computed snapshots, one row per array element, in one statement (the nightly run passes a chunk, a request one).
-- The organisation is looked up for person and course subjects so a purge or an erasure can find the row by organisation (§2).
INSERT INTO analytics.analytics_snapshots AS s
    (subject_type, subject_id, role, analytic, organisation_id, payload, computed_at, data_as_of, source, degraded,
     definition_version, inputs_hash, attempted_at, attempt_status, compute_ms, job_id, suppression)
SELECT r.subject_type, r.subject_id, r.role, r.analytic,
       CASE WHEN r.subject_type IN ('organisation', 'org-cohort') THEN r.subject_id
            WHEN r.subject_type = 'course' THEN (SELECT c.organisation_id FROM lrs.courses c WHERE c.id = r.subject_id)
            ELSE (SELECT u.organisation_id FROM lrs.users u WHERE u.id = r.subject_id) END,
       r.payload::jsonb, r.computed_at, r.data_as_of, r.source, false,
       r.definition_version, r.inputs_hash, r.computed_at, 'computed', r.compute_ms, r.job_id, r.suppression::jsonb
FROM unnest(@subjectTypes::text[], @subjectIds::text[], @roles::text[], @analytics::text[], @payloads::text[],
            @computedAts::timestamptz[], @dataAsOfs::timestamptz[], @sources::text[], @definitionVersions::text[],
            @inputsHashes::bytea[], @computeMs::integer[], @jobIds::text[], @suppressions::text[])
         AS r(subject_type, subject_id, role, analytic, payload, computed_at, data_as_of, source, definition_version,
              inputs_hash, compute_ms, job_id, suppression)
ON CONFLICT (subject_type, subject_id, role, analytic) DO UPDATE
SET organisation_id = excluded.organisation_id,
    payload = excluded.payload,
    computed_at = excluded.computed_at,
    data_as_of = excluded.data_as_of,
    source = excluded.source,
    degraded = excluded.degraded,
    definition_version = excluded.definition_version,
    inputs_hash = excluded.inputs_hash,
    attempted_at = excluded.attempted_at,
    attempt_status = excluded.attempt_status,
    compute_ms = excluded.compute_ms,
    job_id = excluded.job_id,
    suppression = excluded.suppression
WHERE s.computed_at <= excluded.computed_at;
