-- Upserts skill targets (@rows), deletes tombstoned ones (@deleted). (organisation_id, department_id, skill_id) is unique too
-- (NULLS NOT DISTINCT): a second id for the same target is refused by the store and becomes a reject.
WITH input AS (
    SELECT r.id, r.organisation_id, r.department_id, r.skill_id, r.required_level, r.business_priority, r.value_proposition,
           r.career_impact
    FROM jsonb_to_recordset(@rows::jsonb)
         AS r (id text, organisation_id text, department_id text, skill_id text, required_level smallint, business_priority text,
               value_proposition text, career_impact smallint)
),
removed AS (
    DELETE FROM lrs.skill_targets t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.skill_targets AS t (id, organisation_id, department_id, skill_id, required_level, business_priority, value_proposition,
                                        career_impact, source, synced_at)
    SELECT i.id, i.organisation_id, i.department_id, i.skill_id, i.required_level, i.business_priority, i.value_proposition,
           i.career_impact, @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET organisation_id = excluded.organisation_id, department_id = excluded.department_id, skill_id = excluded.skill_id,
        required_level = excluded.required_level, business_priority = excluded.business_priority,
        value_proposition = excluded.value_proposition, career_impact = excluded.career_impact, source = excluded.source,
        synced_at = excluded.synced_at
    WHERE (t.organisation_id, t.department_id, t.skill_id, t.required_level, t.business_priority, t.value_proposition, t.career_impact,
           t.source)
          IS DISTINCT FROM
          (excluded.organisation_id, excluded.department_id, excluded.skill_id, excluded.required_level, excluded.business_priority,
           excluded.value_proposition, excluded.career_impact, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
