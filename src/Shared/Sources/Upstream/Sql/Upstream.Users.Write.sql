-- Upserts the columns of users the sync owns (@rows; never leaderboard_privacy, predictive_opt_out or last_login_at), deletes
-- tombstoned users (@deleted; their rows cascade).
WITH input AS (
    SELECT r.id, r.organisation_id, r.department_id, r.email, r.display_name, r.time_zone, r.created_at, r.active
    FROM jsonb_to_recordset(@rows::jsonb)
         AS r (id text, organisation_id text, department_id text, email text, display_name text, time_zone text,
               created_at timestamptz, active boolean)
),
removed AS (
    DELETE FROM lrs.users t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.users AS t (id, organisation_id, department_id, email, display_name, time_zone, created_at, active, source, synced_at)
    SELECT i.id, i.organisation_id, i.department_id, i.email, i.display_name, i.time_zone, coalesce(i.created_at, @now), i.active, @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET organisation_id = excluded.organisation_id, department_id = excluded.department_id, email = excluded.email,
        display_name = excluded.display_name, time_zone = excluded.time_zone, created_at = excluded.created_at, active = excluded.active,
        source = excluded.source, synced_at = excluded.synced_at
    WHERE (t.organisation_id, t.department_id, t.email, t.display_name, t.time_zone, t.created_at, t.active, t.source)
          IS DISTINCT FROM
          (excluded.organisation_id, excluded.department_id, excluded.email, excluded.display_name, excluded.time_zone, excluded.created_at,
           excluded.active, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
