-- DATA_MODEL.md §1.2 / ANALYTICS.md §9 C1: per registration (learner and course) and week of the presentation, the summed clicks,
-- distinct active days, distinct sites and source rows. The week is floor((day - starts_on) / 7.0): integer division would
-- truncate the negative offsets (week -1) towards zero.
SELECT a.course_id AS course_id,
       a.user_id AS user_id,
       floor((a.day - c.starts_on) / 7.0)::integer AS week,
       sum(a.events)::bigint AS clicks,
       count(DISTINCT a.day)::integer AS active_days,
       count(DISTINCT a.content_item_id)::integer AS distinct_sites,
       sum(a.raw_rows)::bigint AS n_records
FROM lrs.activity_days a
JOIN lrs.courses c ON c.id = a.course_id
WHERE a.course_id = ANY(@courseIds)
GROUP BY a.course_id, a.user_id, floor((a.day - c.starts_on) / 7.0)
ORDER BY a.course_id, a.user_id, week;
