-- Organisation performance of one organisation (ANALYTICS.md §3.4) in one set-based statement over its member facts (MemberFacts
-- made them current: one narrow row per member with windows counted back from asOf and from the trend's earlier point
-- asOf − 90): a 30-day activity window, a 90-day skill window and a 365-day enrolment window at each point.
-- One row for the organisation (IsOrganisation) and one per department with members (GROUPING SETS over the members' facts):
-- employees; learners active in 30 days (an activity day of §0.4) and those of them who acquired a skill in 90 days; finished
-- and completed enrolments of 365 days; the mean engagement of the members' learner snapshots. The organisation row also
-- carries the median days from enrolment in a course teaching a skill to acquiring it (acquisitions of 365 days) and the
-- (employee, target skill) pairs unmet now and 90 days earlier, a pair counting as met from acquired_on under the target
-- governing the skill for the member's department (skill-gap's rule). k is enforced here: a group below k keeps only its name
-- and the suppressed flag, and each figure whose own base (active learners, people with finished enrolments, members with an
-- engagement value, people with acquisitions or pairs) is below k is null. The handler checks k again.

WITH grouped AS (
    SELECT GROUPING(f.department_id) = 1 AS is_organisation,
           f.department_id,
           count(*)::integer AS employees,
           count(*) FILTER (WHERE f.active_recent)::integer AS active_now,
           count(*) FILTER (WHERE f.active_recent AND f.skills_ninety > 0)::integer AS active_acquired_now,
           count(*) FILTER (WHERE f.active_then)::integer AS active_prev,
           count(*) FILTER (WHERE f.active_then AND f.skills_previous_ninety > 0)::integer AS active_acquired_prev,
           count(*) FILTER (WHERE f.finished_year > 0)::integer AS finishers_now,
           sum(f.finished_year)::integer AS finished_now,
           sum(f.completed_year)::integer AS completed_now,
           count(*) FILTER (WHERE f.finished_previous_year > 0)::integer AS finishers_prev,
           sum(f.finished_previous_year)::integer AS finished_prev,
           sum(f.completed_previous_year)::integer AS completed_prev,
           count(f.engagement)::integer AS engaged,
           avg(f.engagement) AS engagement,
           count(*) FILTER (WHERE f.governed_pairs > 0)::integer AS gap_people,
           sum(f.governed_pairs - f.governed_met)::integer AS unmet_now,
           sum(f.governed_pairs - f.governed_met_before)::integer AS unmet_prev
    FROM analytics.member_facts f
    WHERE f.organisation_id = @organisationId
    GROUP BY GROUPING SETS ((f.department_id), ())
), time_to_skill AS (
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t.days) AS median_days, count(DISTINCT f.user_id)::integer AS people
    FROM analytics.member_facts f
    CROSS JOIN LATERAL unnest(f.skill_days) AS t (days)
    WHERE f.organisation_id = @organisationId
)
SELECT g.is_organisation AS IsOrganisation,
       g.department_id AS DepartmentId,
       d.name AS DepartmentName,
       g.employees < @minGroupSize AS Suppressed,
       CASE WHEN g.employees >= @minGroupSize THEN g.employees END AS Employees,
       CASE WHEN g.employees >= @minGroupSize AND g.active_now >= @minGroupSize THEN g.active_now END AS ActiveNow,
       CASE WHEN g.employees >= @minGroupSize AND g.active_now >= @minGroupSize THEN g.active_acquired_now END AS ActiveAcquiredNow,
       CASE WHEN g.employees >= @minGroupSize AND g.active_prev >= @minGroupSize THEN g.active_prev END AS ActivePrev,
       CASE WHEN g.employees >= @minGroupSize AND g.active_prev >= @minGroupSize THEN g.active_acquired_prev END AS ActiveAcquiredPrev,
       CASE WHEN g.employees >= @minGroupSize AND g.finishers_now >= @minGroupSize THEN g.finished_now END AS FinishedNow,
       CASE WHEN g.employees >= @minGroupSize AND g.finishers_now >= @minGroupSize THEN g.completed_now END AS CompletedNow,
       CASE WHEN g.employees >= @minGroupSize AND g.finishers_prev >= @minGroupSize THEN g.finished_prev END AS FinishedPrev,
       CASE WHEN g.employees >= @minGroupSize AND g.finishers_prev >= @minGroupSize THEN g.completed_prev END AS CompletedPrev,
       CASE WHEN g.employees >= @minGroupSize AND g.engaged >= @minGroupSize THEN g.engagement END AS Engagement,
       CASE WHEN g.is_organisation AND g.employees >= @minGroupSize AND t.people >= @minGroupSize THEN t.median_days END AS MedianDaysToSkill,
       CASE WHEN g.is_organisation AND g.employees >= @minGroupSize AND g.gap_people >= @minGroupSize THEN g.unmet_now END AS UnmetPairsNow,
       CASE WHEN g.is_organisation AND g.employees >= @minGroupSize AND g.gap_people >= @minGroupSize THEN g.unmet_prev END AS UnmetPairsBefore
FROM grouped g
LEFT JOIN lrs.departments d ON d.id = g.department_id
CROSS JOIN time_to_skill t
WHERE g.is_organisation OR g.department_id IS NOT NULL
ORDER BY g.is_organisation DESC, d.name, g.department_id;
