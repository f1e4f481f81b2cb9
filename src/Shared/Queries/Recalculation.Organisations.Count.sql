SELECT count(*)::integer
FROM lrs.organisations o
WHERE @organisationId::text IS NULL OR o.id = @organisationId;
