-- The organisation of each of many analytics subjects (people, or organisations themselves), for the coverage of a batch.
SELECT s.id AS SubjectId,
       coalesce(u.organisation_id, o.id) AS OrganisationId
FROM unnest(@ids::text[]) AS s (id)
LEFT JOIN lrs.users u ON u.id = s.id
LEFT JOIN lrs.organisations o ON o.id = s.id;
