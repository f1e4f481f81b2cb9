-- The two privacy settings of a person (API.md §3.5, §4.8).
SELECT u.leaderboard_privacy AS LeaderboardPrivacy, u.predictive_opt_out AS PredictiveOptOut
FROM lrs.users u
WHERE u.id = @userId
