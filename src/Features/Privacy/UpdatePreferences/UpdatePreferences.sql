-- Sets the two privacy settings; answers the values before and after (API.md §3.5, §4.8).
WITH before AS (
    SELECT u.id, u.leaderboard_privacy, u.predictive_opt_out FROM lrs.users u WHERE u.id = @userId FOR UPDATE
)
UPDATE lrs.users u
SET leaderboard_privacy = @leaderboardPrivacy, predictive_opt_out = @predictiveOptOut
FROM before b
WHERE u.id = b.id
RETURNING b.leaderboard_privacy AS PreviousLeaderboardPrivacy, b.predictive_opt_out AS PreviousPredictiveOptOut,
          u.organisation_id AS OrganisationId
