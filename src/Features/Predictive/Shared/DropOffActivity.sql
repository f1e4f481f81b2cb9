-- The activity with events of the courses @courseIds (ANALYTICS.md §5.1 click features): one row per (learner, course, day,
-- content item), streamed by the reader into per-enrolment lists (sorted there: a sort of millions of rows here costs more).
SELECT a.user_id, a.course_id, a.day, a.events, a.content_item_id
FROM lrs.activity_days a
WHERE a.course_id = ANY (@courseIds)
  AND a.events > 0;
