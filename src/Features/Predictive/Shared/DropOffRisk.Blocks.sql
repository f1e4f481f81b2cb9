-- Activity of the learners @userIds in the 8 seven-day blocks ending at @asOf − 7i (ANALYTICS.md §5.1 engagementPatterns), per
-- block and content type: events (the block's `activity` is the type with the most) and minutes (its `duration`; MinuteRows = 0
-- means the rows carry no minutes). Windowed by constant days, so only those months' partitions are read.
SELECT ((@asOf::date - a.day) / 7)::integer AS Block,
       coalesce(ci.type, 'other') AS Type,
       sum(a.events)::bigint AS Events,
       coalesce(sum(a.minutes), 0)::bigint AS Minutes,
       count(a.minutes)::integer AS MinuteRows
FROM lrs.activity_days a
LEFT JOIN lrs.content_items ci ON ci.id = a.content_item_id
WHERE a.user_id = ANY (@userIds::text[])
  AND a.day BETWEEN @from AND @asOf
GROUP BY 1, 2;
