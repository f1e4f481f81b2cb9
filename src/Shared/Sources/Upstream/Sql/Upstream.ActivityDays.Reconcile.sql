-- Full reconcile: within the window the listing was read for (day >= @from), the upstream activity rows of the organisation's
-- people that it did not return are gone upstream (key user|day|course|content, no content = empty). Older days are kept.
DELETE FROM lrs.activity_days t
USING lrs.users u
WHERE u.id = t.user_id
  AND u.organisation_id = @organisationId
  AND t.day >= @from
  AND t.source = @source
  AND NOT (t.user_id || '|' || to_char(t.day, 'YYYY-MM-DD') || '|' || t.course_id || '|' || coalesce(t.content_item_id, '') = ANY(@seen));
