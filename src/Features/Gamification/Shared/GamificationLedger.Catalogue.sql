-- The seeded badge catalogue (ANALYTICS.md §6.2), declared again on every recompute so a changed definition reaches the store.
INSERT INTO gamification.badges (id, family, tier, name, description, icon, criteria, active)
SELECT r.id, r.family, r.tier, r.name, r.description, NULL, jsonb_build_object('evidence', r.evidence, 'threshold', r.threshold,
       'category', r.category), true
FROM jsonb_to_recordset(@badges::jsonb) AS r(id text, family text, tier smallint, name text, description text, category text,
                                             evidence text, threshold integer)
ON CONFLICT (id) DO UPDATE
SET family = EXCLUDED.family, tier = EXCLUDED.tier, name = EXCLUDED.name, description = EXCLUDED.description,
    criteria = EXCLUDED.criteria, active = true;
