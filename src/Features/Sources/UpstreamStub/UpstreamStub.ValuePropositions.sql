-- Directory `GET /organizations/{orgId}/value-propositions` from lrs.skill_targets (SOURCES.md §3.3): requiredLevel as the
-- number 1–4 (the contract also allows the level's name; user-skills sends names, so both forms reach the sync).
WITH page AS (
    SELECT t.id, t.department_id, t.skill_id, t.required_level, t.business_priority, t.value_proposition, t.career_impact,
           k.updated_at, k.sort_key
    FROM lrs.skill_targets t
    CROSS JOIN LATERAL (SELECT t.synced_at AS updated_at, t.id::text COLLATE "C" AS sort_key) k
    WHERE t.organisation_id = @organisationId
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.id,
           'departmentId', p.department_id,
           'skillId', p.skill_id,
           'requiredLevel', p.required_level,
           'businessPriority', p.business_priority,
           'valueProposition', p.value_proposition,
           'careerImpact', p.career_impact,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
