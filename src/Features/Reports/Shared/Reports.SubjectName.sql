-- The display name of a report's subject: a person, else an organisation.
SELECT coalesce((SELECT u.display_name FROM lrs.users u WHERE u.id = @subjectId),
                (SELECT o.name FROM lrs.organisations o WHERE o.id = @subjectId));
