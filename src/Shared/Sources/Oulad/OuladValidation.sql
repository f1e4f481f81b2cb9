-- SOURCES.md §4.4: what the store holds for the imported presentations (@courseIds) after an import, one row of counts named
-- like the figures the importer computes from the files. Only rows labelled source = 'oulad' count.
WITH enrolment AS (
    SELECT e.id, e.user_id, e.final_result, e.withdrawn_on, e.enrolled_on
    FROM lrs.enrolments e
    WHERE e.course_id = ANY(@courseIds) AND e.source = 'oulad'
),
submission AS (
    SELECT s.score_pct
    FROM lrs.submissions s
    JOIN lrs.assessments a ON a.id = s.assessment_id
    WHERE a.course_id = ANY(@courseIds) AND s.source = 'oulad'
),
activity AS (
    SELECT count(*) AS keys, coalesce(sum(d.raw_rows), 0) AS raw_rows, coalesce(sum(d.events), 0) AS events
    FROM lrs.activity_days d
    WHERE d.course_id = ANY(@courseIds) AND d.source = 'oulad'
)
SELECT (SELECT count(*) FROM lrs.courses c WHERE c.id = ANY(@courseIds) AND c.source = 'oulad') AS courses,
       (SELECT count(*) FROM lrs.assessments a WHERE a.course_id = ANY(@courseIds) AND a.source = 'oulad') AS assessments,
       (SELECT count(*) FROM lrs.content_items i WHERE i.course_id = ANY(@courseIds) AND i.source = 'oulad') AS content_items,
       (SELECT count(*) FROM lrs.departments d WHERE d.id = ANY(@departmentIds) AND d.source = 'oulad') AS departments,
       (SELECT count(*) FROM lrs.users u WHERE u.source = 'oulad' AND u.id IN (SELECT e.user_id FROM enrolment e)) AS users,
       (SELECT count(*) FROM enrolment) AS enrolments,
       (SELECT count(*) FROM lrs.learner_attributes l WHERE l.source = 'oulad' AND l.enrolment_id IN (SELECT e.id FROM enrolment e)) AS learner_attributes,
       (SELECT count(*) FROM submission) AS submissions,
       (SELECT count(*) FROM submission s WHERE s.score_pct IS NULL) AS submissions_score_null,
       (SELECT count(*) FROM lrs.topics t WHERE t.course_id = ANY(@courseIds) AND t.source = 'oulad') AS topics,
       (SELECT count(*)
        FROM lrs.topic_completions tc
        JOIN lrs.topics t ON t.id = tc.topic_id
        WHERE t.course_id = ANY(@courseIds) AND tc.source = 'oulad') AS topic_completions,
       (SELECT count(*) FROM enrolment e WHERE e.final_result = 'pass') AS final_result_pass,
       (SELECT count(*) FROM enrolment e WHERE e.final_result = 'withdrawn') AS final_result_withdrawn,
       (SELECT count(*) FROM enrolment e WHERE e.final_result = 'fail') AS final_result_fail,
       (SELECT count(*) FROM enrolment e WHERE e.final_result = 'distinction') AS final_result_distinction,
       (SELECT count(*) FROM enrolment e WHERE e.withdrawn_on IS NOT NULL) AS withdrawn_on_present,
       (SELECT count(*) FROM enrolment e WHERE e.enrolled_on IS NULL) AS enrolled_on_null,
       activity.keys AS activity_days,
       activity.raw_rows AS activity_raw_rows,
       activity.events AS activity_events
FROM activity;
