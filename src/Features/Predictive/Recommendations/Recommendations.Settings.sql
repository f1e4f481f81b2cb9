-- The organisation's own k (organisations.settings.minGroupSize, which may only raise Privacy:MinGroupSize; ANALYTICS.md §0.5) for a
-- user subject (@userId) or an organisation subject (@organisationId), read after Subject.User or Subject.Organisation.
SELECT (o.settings ->> 'minGroupSize')::integer AS MinGroupSize
FROM lrs.organisations o
WHERE o.id = coalesce(@organisationId::text, (SELECT u.organisation_id FROM lrs.users u WHERE u.id = @userId::text));
