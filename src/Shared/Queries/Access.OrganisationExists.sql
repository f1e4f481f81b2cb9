-- Whether the store holds the organisation (404 for the caller's own unknown organisation, API.md §3.4).
SELECT EXISTS (SELECT 1 FROM lrs.organisations o WHERE o.id = @organisationId)
