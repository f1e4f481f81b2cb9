-- Removes people who were erased and written again by a generator: the facts without foreign keys, then the users (the rest
-- cascades, DATA_MODEL.md §10).
DELETE FROM lrs.activity_days WHERE user_id = ANY (@ids);
DELETE FROM lrs.sessions WHERE user_id = ANY (@ids);
DELETE FROM lrs.users WHERE id = ANY (@ids);
