-- The organisation's own k (organisations.settings.minGroupSize, which may only raise Privacy:MinGroupSize; ANALYTICS.md §0.5);
-- no row for the platform scope.
SELECT (o.settings ->> 'minGroupSize')::integer AS MinGroupSize
FROM lrs.organisations o
WHERE o.id = @organisationId::text;
