-- Which of the ids a page's rows need already exist (SOURCES.md §1.1: a row with a missing parent goes to ops.sync_rejects).
SELECT 'organisations' AS "Table", id AS "Id" FROM lrs.organisations WHERE id = ANY(@organisations)
UNION ALL SELECT 'departments', id FROM lrs.departments WHERE id = ANY(@departments)
UNION ALL SELECT 'users', id FROM lrs.users WHERE id = ANY(@users)
UNION ALL SELECT 'skills', id FROM lrs.skills WHERE id = ANY(@skills)
UNION ALL SELECT 'courses', id FROM lrs.courses WHERE id = ANY(@courses)
UNION ALL SELECT 'topics', id FROM lrs.topics WHERE id = ANY(@topics)
UNION ALL SELECT 'content_items', id FROM lrs.content_items WHERE id = ANY(@content_items)
UNION ALL SELECT 'assessments', id FROM lrs.assessments WHERE id = ANY(@assessments)
UNION ALL SELECT 'learning_paths', id FROM lrs.learning_paths WHERE id = ANY(@learning_paths);
