-- The organisation of an analytics subject: a person's, or the organisation itself.
SELECT coalesce((SELECT u.organisation_id FROM lrs.users u WHERE u.id = @subjectId),
                (SELECT o.id FROM lrs.organisations o WHERE o.id = @subjectId));
