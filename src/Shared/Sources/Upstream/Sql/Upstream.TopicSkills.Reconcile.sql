-- Full reconcile: the upstream skill mappings of the topics of the organisation's courses that the listing did not return are gone
-- upstream (the key is the feed's `topic_id|skill_id`).
DELETE FROM lrs.topic_skills t
USING lrs.topics tp
JOIN lrs.courses c ON c.id = tp.course_id
WHERE tp.id = t.topic_id
  AND c.organisation_id = @organisationId
  AND t.source = @source
  AND NOT EXISTS (SELECT 1 FROM unnest(@seen::text[]) AS s (key) WHERE s.key = t.topic_id || '|' || t.skill_id);
