-- What a learning-culture read needs before its statement (ANALYTICS.md §3.3, §0.5), after Subject.Organisation in the same
-- round trip: the organisation's own privacy k (it may only raise Privacy:MinGroupSize), its override of Culture:Weights, and
-- whether @departmentId is one of its departments (unknown or another organisation's is 403, API.md §3.4), and whether its
-- sources supply contributions and mentoring links (§0.4; an organisation without registered sources is not judged).
SELECT (o.settings ->> 'minGroupSize')::integer AS OrganisationMinGroupSize,
       o.settings -> 'analytics' ->> 'Culture:Weights' AS OrganisationWeights,
       (@departmentId::text IS NULL
        OR EXISTS (SELECT 1
                   FROM lrs.departments d
                   WHERE d.id = @departmentId::text AND d.organisation_id = o.id)) AS DepartmentInScope,
       (NOT EXISTS (SELECT 1 FROM ops.organisation_sources os WHERE os.organisation_id = o.id)
        OR EXISTS (SELECT 1
                   FROM ops.organisation_sources os
                   WHERE os.organisation_id = o.id AND 'content_contributions' = ANY (os.provides))) AS ProvidesContributions,
       (NOT EXISTS (SELECT 1 FROM ops.organisation_sources os WHERE os.organisation_id = o.id)
        OR EXISTS (SELECT 1
                   FROM ops.organisation_sources os
                   WHERE os.organisation_id = o.id AND 'mentoring_links' = ANY (os.provides))) AS ProvidesMentoring
FROM lrs.organisations o
WHERE o.id = @organisationId;
