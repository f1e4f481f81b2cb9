-- Platform-internal skill demand (ANALYTICS.md §4.2) in one statement, over the platform (@organisationId null) or one
-- organisation's learners, for the window [@from, @asOf] and the previous one [@previousFrom, @previousTo]:
-- e = distinct learners enrolled in the window in a course teaching the skill (ePrevious: previous window), v = Σ business
-- weight of the skill's targets, p = distinct learners with a path created in the window containing a topic teaching it,
-- acquisitions = user_skills acquired in each window. A skill is kept only when the learners behind e ∪ p number at least k
-- (@minGroupSize); the skills removed (within the category and skill filters) are counted in SuppressedSkills, repeated on every
-- row, and a single row with a null SkillId carries the count when no skill is kept.
WITH scope_users AS MATERIALIZED (
    SELECT u.id
    FROM lrs.users u
    WHERE u.organisation_id = @organisationId::text
), enrolled AS (
    SELECT cs.skill_id, e.user_id, e.enrolled_on
    FROM lrs.enrolments e
    JOIN lrs.course_skills cs ON cs.course_id = e.course_id
    WHERE e.enrolled_on BETWEEN @previousFrom AND @asOf
      AND (@organisationId::text IS NULL OR e.user_id IN (SELECT su.id FROM scope_users su))
), planned AS (
    SELECT DISTINCT ts.skill_id, lp.user_id
    FROM lrs.learning_paths lp
    JOIN lrs.learning_path_topics lpt ON lpt.path_id = lp.id
    JOIN lrs.topic_skills ts ON ts.topic_id = lpt.topic_id
    WHERE (lp.created_at AT TIME ZONE 'UTC')::date BETWEEN @from AND @asOf
      AND (@organisationId::text IS NULL OR lp.user_id IN (SELECT su.id FROM scope_users su))
), behind AS (
    SELECT en.skill_id, en.user_id FROM enrolled en WHERE en.enrolled_on >= @from
    UNION
    SELECT pl.skill_id, pl.user_id FROM planned pl
), enrolment_counts AS (
    SELECT en.skill_id,
           count(DISTINCT en.user_id) FILTER (WHERE en.enrolled_on >= @from)::integer AS enrolled,
           count(DISTINCT en.user_id) FILTER (WHERE en.enrolled_on <= @previousTo)::integer AS enrolled_previous
    FROM enrolled en
    GROUP BY en.skill_id
), target_weights AS (
    SELECT st.skill_id,
           sum(CASE st.business_priority WHEN 'critical' THEN 1.0 WHEN 'high' THEN 0.75 WHEN 'medium' THEN 0.5 ELSE 0.25 END)::double precision AS weight
    FROM lrs.skill_targets st
    WHERE @organisationId::text IS NULL OR st.organisation_id = @organisationId::text
    GROUP BY st.skill_id
), plan_counts AS (
    SELECT pl.skill_id, count(*)::integer AS planned
    FROM planned pl
    GROUP BY pl.skill_id
), behind_counts AS (
    SELECT b.skill_id, count(*)::integer AS learners
    FROM behind b
    GROUP BY b.skill_id
), acquisitions AS (
    SELECT us.skill_id,
           count(*) FILTER (WHERE us.acquired_on >= @from)::integer AS acquired,
           count(*) FILTER (WHERE us.acquired_on <= @previousTo)::integer AS acquired_previous
    FROM lrs.user_skills us
    WHERE us.acquired_on BETWEEN @previousFrom AND @asOf
      AND (@organisationId::text IS NULL OR us.user_id IN (SELECT su.id FROM scope_users su))
    GROUP BY us.skill_id
), per_skill AS (
    SELECT sk.id AS skill_id, sk.name, sk.category,
           coalesce(ec.enrolled, 0) AS enrolled,
           coalesce(ec.enrolled_previous, 0) AS enrolled_previous,
           coalesce(tw.weight, 0) AS weight,
           coalesce(pc.planned, 0) AS planned,
           coalesce(bc.learners, 0) AS learners,
           coalesce(aq.acquired, 0) AS acquired,
           coalesce(aq.acquired_previous, 0) AS acquired_previous
    FROM lrs.skills sk
    LEFT JOIN enrolment_counts ec ON ec.skill_id = sk.id
    LEFT JOIN target_weights tw ON tw.skill_id = sk.id
    LEFT JOIN plan_counts pc ON pc.skill_id = sk.id
    LEFT JOIN behind_counts bc ON bc.skill_id = sk.id
    LEFT JOIN acquisitions aq ON aq.skill_id = sk.id
    WHERE ec.skill_id IS NOT NULL OR tw.skill_id IS NOT NULL OR pc.skill_id IS NOT NULL
), withheld AS (
    SELECT count(*)::integer AS skills
    FROM per_skill ps
    WHERE ps.learners < @minGroupSize
      AND (@category::text IS NULL OR ps.category = @category::text)
      AND (cardinality(@skillIds::text[]) = 0 OR ps.skill_id = ANY (@skillIds::text[]))
), kept AS (
    SELECT ps.skill_id, ps.name, ps.category, ps.enrolled, ps.enrolled_previous, ps.weight, ps.planned, ps.learners,
           ps.acquired, ps.acquired_previous
    FROM per_skill ps
    WHERE ps.learners >= @minGroupSize
)
SELECT k.skill_id AS SkillId,
       k.name AS SkillName,
       k.category AS Category,
       k.enrolled AS Enrolled,
       k.enrolled_previous AS EnrolledPrevious,
       k.weight AS TargetWeight,
       k.planned AS Planned,
       k.learners AS Learners,
       k.acquired AS Acquired,
       k.acquired_previous AS AcquiredPrevious,
       w.skills AS SuppressedSkills
FROM withheld w
LEFT JOIN kept k ON true
ORDER BY k.skill_id;
