-- Sent before the statements of a read over users (@userIds): they run on generic plans for the rest of that round trip's
-- implicit transaction. A custom plan is built for each call's array, and for one learner it costs more to plan than to run
-- (the statements touch every monthly partition of activity_days, sessions, …); the generic plan — per-learner index lookups
-- on the user_id-leading indexes, pruned at run time — serves one learner and a chunk of 500 alike.
SELECT set_config('plan_cache_mode', 'force_generic_plan', true) AS PlanCacheMode;
