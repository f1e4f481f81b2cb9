-- Organisation facts of strategic alignment (ANALYTICS.md §3.2, §0.5): the organisation's own k (it may only raise
-- Privacy:MinGroupSize), its override of Alignment:Weights, whether @departmentId (when given) is one of its departments
-- (else 403 ACCESS_DENIED, API.md §3.4), and the number of employees in scope (learners of the organisation or department).
SELECT (o.settings ->> 'minGroupSize')::integer AS OrganisationMinGroupSize,
       o.settings -> 'analytics' ->> 'Alignment:Weights' AS OrganisationWeights,
       (@departmentId::text IS NULL
        OR EXISTS (SELECT 1 FROM lrs.departments d WHERE d.id = @departmentId AND d.organisation_id = o.id)) AS DepartmentKnown,
       (SELECT count(*)
        FROM lrs.users u
        JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
        WHERE u.organisation_id = o.id
          AND (@departmentId::text IS NULL OR u.department_id = @departmentId))::integer AS Employees
FROM lrs.organisations o
WHERE o.id = @organisationId;
