-- A learner subject's drop-off facts (ANALYTICS.md §0.5, §5.1), read after Subject.User: the predictive opt-out and the
-- organisation's k (organisations.settings.minGroupSize may only raise Privacy:MinGroupSize; the cohort medians need k).
SELECT u.predictive_opt_out AS OptedOut, (o.settings ->> 'minGroupSize')::integer AS MinGroupSize
FROM lrs.users u
JOIN lrs.organisations o ON o.id = u.organisation_id
WHERE u.id = @userId;
