-- The organisation facts every organisation analytic needs before its own statement, read after Subject.Organisation in the
-- same round trip (ANALYTICS.md §0.5, §3; API.md §3.4):
-- 1. the privacy k the organisation asks for (it may only raise Privacy:MinGroupSize);
-- 2. the requested department when it belongs to the organisation (none: outside the scope or unknown, 403).
SELECT (o.settings ->> 'minGroupSize')::integer AS OrganisationMinGroupSize
FROM lrs.organisations o
WHERE o.id = @organisationId;

SELECT d.id AS Id, d.name AS Name
FROM lrs.departments d
WHERE d.id = @departmentId::text
  AND d.organisation_id = @organisationId;
