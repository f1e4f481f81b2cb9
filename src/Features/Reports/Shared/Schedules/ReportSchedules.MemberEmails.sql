-- Which of @emails belong to active members of the organisation (an org-admin's schedule may mail them).
SELECT lower(u.email)
FROM lrs.users u
WHERE u.organisation_id = @organisationId AND u.active AND lower(u.email) = ANY (@emails);
