-- The activity with events of the learners @userIds (ANALYTICS.md §5.1 click features; ux_activity_days leads with user_id):
-- one row per (learner, course, day, content item), grouped and sorted per enrolment by the reader.
SELECT a.user_id, a.course_id, a.day, a.events, a.content_item_id
FROM lrs.activity_days a
WHERE a.user_id = ANY (@userIds)
  AND a.events > 0;
