SELECT count(DISTINCT ct.user_id)::integer
FROM lrs.course_trainers ct
WHERE @organisationId::text IS NULL
   OR EXISTS (SELECT 1 FROM lrs.users u WHERE u.id = ct.user_id AND u.organisation_id = @organisationId);
