-- Model versions and weekly predictions (DATA_MODEL.md §3). Blobs hold parameters only, never training rows.

-- id 'mdl_…'; model_kind is the API card's `analytic`, kind its `kind`.
CREATE TABLE analytics.model_versions (
    id                  eid PRIMARY KEY,
    model_kind          text CHECK (model_kind IN ('drop-off-risk', 'forecast')),
    kind                text NOT NULL DEFAULT 'model' CHECK (kind IN ('model', 'rule')),
    organisation_id     eid NULL REFERENCES lrs.organisations (id) ON DELETE CASCADE,   -- NULL = trained on all organisations
    algorithm           text CHECK (algorithm IN ('logistic-regression', 'gradient-boosted-trees', 'sdca-regression',
                                                  'fast-tree-regression', 'rule-dropoff@1', 'rule-forecast@1')),
    feature_set         text[] NOT NULL,
    feature_config      jsonb NOT NULL,                                     -- includes demographics on/off
    definition_version  text NOT NULL,
    cutoff_weeks        smallint[] NOT NULL DEFAULT '{2,4,8,12}',
    train_from          date,
    train_to            date,
    eval_from           date,                                               -- eval strictly after train (quality gate)
    eval_to             date,
    n_train             integer,
    n_eval              integer,
    positives_train     integer,
    positives_eval      integer,
    metrics             jsonb NOT NULL,                                     -- the model card's `evaluation` (API.md §4.4)
    quality_gate        jsonb NOT NULL,
    passed_gate         boolean NOT NULL,
    status              text NOT NULL CHECK (status IN ('candidate', 'active', 'retired', 'rejected')),
    model_blob          bytea NULL,
    blob_format         text NULL,                                          -- e.g. 'lr-json-v1', 'gbm-json-v1'
    blob_sha256         bytea NULL,
    trained_at          timestamptz NULL,                                   -- NULL: rule rows
    activated_at        timestamptz,
    retired_at          timestamptz,
    training_run_id     eid NULL REFERENCES analytics.batch_runs (id) ON DELETE SET NULL,
    CHECK (status <> 'active' OR passed_gate OR kind = 'rule'),
    CHECK (kind = 'rule' OR trained_at IS NOT NULL),
    CHECK (model_blob IS NULL OR blob_sha256 IS NOT NULL)
);
CREATE UNIQUE INDEX ux_model_active ON analytics.model_versions (model_kind, organisation_id) NULLS NOT DISTINCT
    WHERE status = 'active';

-- Written weekly for the Monday reference date of every active enrolment. Monthly partitions, no foreign keys.
CREATE TABLE analytics.predictions (
    model_kind          text NOT NULL,
    user_id             text COLLATE "C" NOT NULL,
    course_id           text COLLATE "C" NOT NULL,
    as_of               date NOT NULL,
    method              text NOT NULL CHECK (method IN ('model', 'rule')),
    model_version_id    text COLLATE "C" NULL,                              -- 'mdl_…'; NULL when method = 'rule'
    score               real NULL CHECK (score BETWEEN 0 AND 1),
    risk_band           text NULL CHECK (risk_band IN ('low', 'medium', 'high', 'critical')),
    predicted_value     real NULL,                                          -- score forecast (0–100)
    top_factors         jsonb NOT NULL DEFAULT '[]',
    computed_at         timestamptz NOT NULL,
    outcome             text NULL,                                          -- filled once the enrolment finishes
    outcome_on          date NULL,
    PRIMARY KEY (model_kind, user_id, course_id, as_of)
) PARTITION BY RANGE (as_of);
CREATE INDEX ix_predictions_user_as_of ON analytics.predictions (user_id, as_of);
CREATE INDEX ix_predictions_course_as_of ON analytics.predictions (course_id, as_of);
