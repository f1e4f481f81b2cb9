-- Organisation facts of org-performance (ANALYTICS.md §3.4, §0.5): the organisation's own k (it may only raise
-- Privacy:MinGroupSize), its override of OrgPerformance:Weights, and its number of employees (learners).
SELECT (o.settings ->> 'minGroupSize')::integer AS OrganisationMinGroupSize,
       o.settings -> 'analytics' ->> 'OrgPerformance:Weights' AS OrganisationWeights,
       (SELECT count(*)
        FROM lrs.users u
        JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
        WHERE u.organisation_id = o.id)::integer AS Employees
FROM lrs.organisations o
WHERE o.id = @organisationId;
