-- Full reconcile: the upstream skill mappings of the organisation's courses that the listing did not return are gone upstream
-- (the key is the feed's `course_id|skill_id`; platform courses belong to no organisation and are left alone).
DELETE FROM lrs.course_skills t
USING lrs.courses c
WHERE c.id = t.course_id
  AND c.organisation_id = @organisationId
  AND t.source = @source
  AND NOT EXISTS (SELECT 1 FROM unnest(@seen::text[]) AS s (key) WHERE s.key = t.course_id || '|' || t.skill_id);
