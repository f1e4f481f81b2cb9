-- Student distribution inputs for one course at asOf (ANALYTICS.md §2.3), read after the course's cohort signals:
-- 1. each learner's course score (Σ w·best / Σ w over the assessments they have a score in; a null or 0 weight counts as 1)
--    and the most attempts they made at one assessment, over the topic @moduleId's assessments when it is given;
-- 2. the pass threshold: the course exam's, else 70.
WITH roster AS (
    SELECT e.user_id
    FROM lrs.courses c
    JOIN lrs.enrolments e ON e.course_id = c.id
    WHERE c.id = @courseId
      AND coalesce(e.enrolled_on, c.starts_on) <= @asOf
      AND (c.ends_on IS NOT NULL OR c.length_days IS NOT NULL OR e.enrolled_on > @asOf - @openEndedWindowDays)
), best AS (
    SELECT r.user_id, a.id,
           max(s.score_pct)::float8 AS best,
           max(s.attempt)::integer AS attempts,
           CASE WHEN a.weight = 0 THEN 1 ELSE a.weight END::float8 AS weight
    FROM roster r
    JOIN lrs.assessments a ON a.course_id = @courseId AND (@moduleId::text IS NULL OR a.topic_id = @moduleId::text)
    JOIN lrs.submissions s ON s.assessment_id = a.id AND s.user_id = r.user_id
    WHERE s.score_pct IS NOT NULL AND s.submitted_on <= @asOf
    GROUP BY r.user_id, a.id
)
SELECT b.user_id AS UserId, sum(b.weight * b.best) / sum(b.weight) AS Score, max(b.attempts) AS Attempts
FROM best b
GROUP BY b.user_id
ORDER BY b.user_id;

SELECT max(a.pass_threshold_pct)::float8 AS PassThreshold
FROM lrs.assessments a
WHERE a.course_id = @courseId AND a.kind = 'exam';
