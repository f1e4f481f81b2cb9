-- The organisation facts a per-learner gamification read adds (@organisationId): k, the point-earning learners and the holders of each
-- badge among them (rarity, ANALYTICS.md §6.2).
SELECT (o.settings ->> 'minGroupSize')::integer AS MinGroupSize,
       (SELECT count(*)::integer
        FROM gamification.user_points up
        JOIN lrs.users u ON u.id = up.user_id
        WHERE u.organisation_id = @organisationId AND up.lifetime > 0) AS Earners
FROM lrs.organisations o
WHERE o.id = @organisationId;

SELECT ub.badge_id AS BadgeId, count(*)::integer AS Holders
FROM gamification.user_badges ub
JOIN lrs.users u ON u.id = ub.user_id
JOIN gamification.user_points up ON up.user_id = ub.user_id AND up.lifetime > 0
WHERE u.organisation_id = @organisationId
GROUP BY ub.badge_id;
