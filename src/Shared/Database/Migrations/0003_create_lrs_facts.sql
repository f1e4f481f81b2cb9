-- Learning record store: participation, activity, scores, skills held, feedback, paths, practice, help, social,
-- suggestions and learner attributes (DATA_MODEL.md §1.2, §1.3 submissions, §1.4 user_skills, §1.5).
-- activity_days and sessions are partitioned by month (§8), have no default partition and, by design, no
-- foreign keys: a per-row RI check would blow the import budget; ops.orphan_counts() reports orphans instead.

CREATE TABLE lrs.enrolments (
    id              eid PRIMARY KEY,
    course_id       eid NOT NULL REFERENCES lrs.courses (id) ON DELETE CASCADE,
    user_id         eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    enrolled_on     date NULL,                                                    -- NULL for 45 OULAD registrations
    kind            text NOT NULL CHECK (kind IN ('voluntary', 'assigned')),
    completed_on    date NULL,
    withdrawn_on    date NULL,
    status          text NOT NULL CHECK (status IN ('active', 'completed', 'withdrawn')),
    final_result    text NULL CHECK (final_result IN ('pass', 'fail', 'distinction', 'withdrawn')),
    progress_pct    numeric(5,2) NULL CHECK (progress_pct BETWEEN 0 AND 100),
    source          text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'completed' OR completed_on IS NOT NULL),
    CHECK (final_result IS DISTINCT FROM 'withdrawn' OR status = 'withdrawn'),
    CHECK (withdrawn_on IS NULL OR enrolled_on IS NULL OR withdrawn_on >= enrolled_on),
    -- One enrolment per person and course; re-enrolment updates the row.
    UNIQUE (user_id, course_id)
);
CREATE INDEX ix_enrolments_course_status ON lrs.enrolments (course_id, status) INCLUDE (user_id);

CREATE TABLE lrs.activity_days (
    user_id         text COLLATE "C" NOT NULL,
    course_id       text COLLATE "C" NOT NULL,
    content_item_id text COLLATE "C" NULL,
    day             date NOT NULL CHECK (day >= DATE '1990-01-01'),
    events          integer NOT NULL CHECK (events >= 0),                         -- interactions that day (OULAD sum_click)
    raw_rows        integer NOT NULL DEFAULT 1 CHECK (raw_rows >= 1),             -- source rows merged (OULAD duplicates)
    minutes         integer NULL CHECK (minutes BETWEEN 0 AND 1440),
    source          text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at       timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (day);
-- The upsert key; it also serves (user_id, day) range reads.
CREATE UNIQUE INDEX ux_activity_days ON lrs.activity_days (user_id, day, course_id, content_item_id) NULLS NOT DISTINCT;
CREATE INDEX ix_activity_days_course_day ON lrs.activity_days (course_id, day);

-- Monthly partitions with UTC bounds.
CREATE TABLE lrs.sessions (
    user_id     text COLLATE "C" NOT NULL,
    started_at  timestamptz NOT NULL,
    duration_s  integer NULL CHECK (duration_s BETWEEN 0 AND 86400),
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, started_at)
) PARTITION BY RANGE (started_at);

-- A topic counts once.
CREATE TABLE lrs.topic_completions (
    user_id         eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    topic_id        eid NOT NULL REFERENCES lrs.topics (id) ON DELETE CASCADE,
    completed_at    timestamptz NOT NULL,
    source          text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, topic_id)
);
CREATE INDEX ix_topic_completions_topic ON lrs.topic_completions (topic_id);

CREATE TABLE lrs.submissions (
    id              eid PRIMARY KEY,
    assessment_id   eid NOT NULL REFERENCES lrs.assessments (id) ON DELETE CASCADE,
    user_id         eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    submitted_on    date NOT NULL,
    submitted_at    timestamptz NULL,                                             -- exact instant when known
    attempt         smallint NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    score_pct       numeric(5,2) NULL CHECK (score_pct BETWEEN 0 AND 100),
    time_spent_s    integer NULL CHECK (time_spent_s >= 0),
    is_banked       boolean NOT NULL DEFAULT false,
    source          text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at       timestamptz NOT NULL DEFAULT now(),
    -- Natural key; also serves per-assessment and per-course scans.
    UNIQUE (assessment_id, user_id, attempt)
);
CREATE INDEX ix_submissions_user_date ON lrs.submissions (user_id, submitted_on);

CREATE TABLE lrs.user_skills (
    user_id     eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    skill_id    eid NOT NULL REFERENCES lrs.skills (id) ON DELETE CASCADE,
    level       smallint NOT NULL CHECK (level BETWEEN 0 AND 4),                  -- 0 missing … 4 expert
    acquired    boolean NOT NULL DEFAULT false,
    acquired_on date NULL,
    method      text NULL,            -- how it was acquired; `source` is the record source
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, skill_id),
    CHECK (NOT acquired OR level >= 1)
);
CREATE INDEX ix_user_skills_skill_level ON lrs.user_skills (skill_id, level);

-- Erased with the user (API.md §4.8).
CREATE TABLE lrs.feedback (
    id              eid PRIMARY KEY,
    course_id       eid NOT NULL REFERENCES lrs.courses (id) ON DELETE CASCADE,
    user_id         eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    rating          smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment         text NULL,
    submitted_at    timestamptz NOT NULL,
    source          text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_feedback_course_submitted ON lrs.feedback (course_id, submitted_at);

CREATE TABLE lrs.learning_paths (
    id          eid PRIMARY KEY,
    user_id     eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    title       text NOT NULL,
    created_at  timestamptz NOT NULL,
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_learning_paths_user ON lrs.learning_paths (user_id);

CREATE TABLE lrs.learning_path_topics (
    path_id     eid NOT NULL REFERENCES lrs.learning_paths (id) ON DELETE CASCADE,
    position    integer NOT NULL CHECK (position >= 0),
    topic_id    eid NOT NULL REFERENCES lrs.topics (id) ON DELETE CASCADE,
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (path_id, position)
);
CREATE INDEX ix_learning_path_topics_topic ON lrs.learning_path_topics (topic_id);

CREATE TABLE lrs.practice_sessions (
    id          eid PRIMARY KEY,
    user_id     eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    topic_id    eid NULL REFERENCES lrs.topics (id) ON DELETE SET NULL,
    skill_id    eid NULL REFERENCES lrs.skills (id) ON DELETE SET NULL,
    started_at  timestamptz NOT NULL,
    passed      boolean NOT NULL,
    score_pct   numeric(5,2) NULL CHECK (score_pct BETWEEN 0 AND 100),
    attempts    smallint NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_practice_sessions_user_started ON lrs.practice_sessions (user_id, started_at);

-- Metadata only: the question text is never stored.
CREATE TABLE lrs.help_requests (
    id          eid PRIMARY KEY,
    user_id     eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    course_id   eid NULL REFERENCES lrs.courses (id) ON DELETE SET NULL,
    asked_at    timestamptz NOT NULL,
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_help_requests_user_asked ON lrs.help_requests (user_id, asked_at);

CREATE TABLE lrs.mentoring_links (
    mentor_id   eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    mentee_id   eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    started_on  date NOT NULL,
    ended_on    date NULL,
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (mentor_id, mentee_id, started_on),
    CHECK (mentor_id <> mentee_id),
    CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX ix_mentoring_links_mentee ON lrs.mentoring_links (mentee_id);

CREATE TABLE lrs.content_contributions (
    user_id         eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    content_item_id eid NOT NULL REFERENCES lrs.content_items (id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('created', 'shared')),
    at              timestamptz NOT NULL,
    source          text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, content_item_id, kind, at)
);

-- `provider` was renamed from `source`: that name is the record source. Both providers may name one item.
CREATE TABLE lrs.recommendations_feed (
    user_id         eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    item_type       text NOT NULL CHECK (item_type IN ('course', 'topic', 'skill', 'practice', 'assessment', 'plan')),
    item_id         eid NOT NULL,
    reason          text NOT NULL,
    score           numeric(5,4) NULL CHECK (score BETWEEN 0 AND 1),
    provider        text NOT NULL CHECK (provider IN ('learner-ai', 'rules')),
    generated_at    timestamptz NOT NULL,
    source          text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, item_type, item_id, provider)
);

-- Per enrolment (OULAD studentInfo): credits and previous attempts belong to a registration. Demographic columns
-- are special-category or proxy features, used only when Model:Features:Demographics=true.
CREATE TABLE lrs.learner_attributes (
    enrolment_id            eid PRIMARY KEY REFERENCES lrs.enrolments (id) ON DELETE CASCADE,
    user_id                 eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    gender                  text NULL CHECK (gender IN ('F', 'M', 'X')),
    age_band                text NULL,
    highest_education       text NULL,
    imd_band                text NULL,
    disability              boolean NULL,
    region                  text NULL,
    num_of_prev_attempts    smallint NULL CHECK (num_of_prev_attempts >= 0),
    studied_credits         smallint NULL CHECK (studied_credits >= 0),
    extra                   jsonb NOT NULL DEFAULT '{}',
    source                  text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_learner_attributes_user ON lrs.learner_attributes (user_id);
