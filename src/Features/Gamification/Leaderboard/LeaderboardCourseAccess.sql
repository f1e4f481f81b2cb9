-- Whether the caller may use a course for a course leaderboard (API.md §4.5), by active role: a learner is enrolled in it, a trainer
-- teaches it, an org-admin administers its organisation (@userId, @role, @organisationId, @courseId).
SELECT EXISTS (
    SELECT 1
    FROM lrs.courses c
    WHERE c.id = @courseId
      AND CASE @role
              WHEN 'learner' THEN EXISTS (SELECT 1 FROM lrs.enrolments e WHERE e.course_id = c.id AND e.user_id = @userId)
              WHEN 'trainer' THEN EXISTS (SELECT 1 FROM lrs.course_trainers ct WHERE ct.course_id = c.id AND ct.user_id = @userId)
              WHEN 'org-admin' THEN c.organisation_id = @organisationId
              ELSE false
          END);
