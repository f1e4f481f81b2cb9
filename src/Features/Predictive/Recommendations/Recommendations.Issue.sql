-- Issues the rule items (R1–R6) of one learner to the feed (ANALYTICS.md §5.3; DATA_MODEL.md §1.5/§1.6, upsert key = the primary
-- key (user_id, item_type, item_id, provider)). An item issued again keeps its first `generated_at` (the issue time that acted-on
-- and completed are measured from) and is rewritten only when its reason or score changed; nothing is duplicated. Rules rows no
-- longer produced are kept: the summary measures what became of them.
INSERT INTO lrs.recommendations_feed AS f (user_id, item_type, item_id, reason, score, provider, generated_at, source)
SELECT @userId, i.item_type, i.item_id, i.reason, i.score, 'rules', @issuedAt, 'analytics'
FROM unnest(@itemTypes::text[], @itemIds::text[], @reasons::text[], @scores::numeric[]) AS i (item_type, item_id, reason, score)
ON CONFLICT (user_id, item_type, item_id, provider) DO UPDATE
SET reason = excluded.reason,
    score = excluded.score,
    synced_at = now()
WHERE (f.reason, f.score) IS DISTINCT FROM (excluded.reason, excluded.score);
