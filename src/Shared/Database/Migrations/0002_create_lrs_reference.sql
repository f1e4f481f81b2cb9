-- Learning record store: organisations, people, courses, content, assessments, skills, goals
-- (DATA_MODEL.md §1.1, §1.3 assessments, §1.4).

CREATE TABLE lrs.organisations (
    id          eid PRIMARY KEY,
    name        text NOT NULL,
    time_zone   text NOT NULL DEFAULT 'UTC',
    settings    jsonb NOT NULL DEFAULT '{}',
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE lrs.departments (
    id              eid PRIMARY KEY,
    organisation_id eid NOT NULL REFERENCES lrs.organisations (id) ON DELETE CASCADE,
    name            text NOT NULL,
    source          text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_departments_organisation ON lrs.departments (organisation_id);

CREATE TABLE lrs.users (
    id                  eid PRIMARY KEY,
    organisation_id     eid NOT NULL REFERENCES lrs.organisations (id) ON DELETE RESTRICT,
    department_id       eid NULL REFERENCES lrs.departments (id) ON DELETE SET NULL,
    email               text NULL,
    display_name        text NOT NULL,
    time_zone           text NULL,
    leaderboard_privacy text NOT NULL DEFAULT 'anonymous'
                        CHECK (leaderboard_privacy IN ('public', 'anonymous', 'hidden')),
    predictive_opt_out  boolean NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now(),
    last_login_at       timestamptz NULL,
    active              boolean NOT NULL DEFAULT true,
    source              text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at           timestamptz NOT NULL DEFAULT now()
);
-- OULAD learners have no e-mail.
CREATE UNIQUE INDEX ux_users_email ON lrs.users (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX ix_users_org_dept ON lrs.users (organisation_id, department_id);

CREATE TABLE lrs.user_roles (
    user_id     eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    role        text NOT NULL CHECK (role IN ('learner', 'trainer', 'org-admin', 'platform-admin')),
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, role)
);
CREATE INDEX ix_user_roles_role_user ON lrs.user_roles (role, user_id);

CREATE TABLE lrs.courses (
    id              eid PRIMARY KEY,
    organisation_id eid NULL REFERENCES lrs.organisations (id) ON DELETE CASCADE,  -- NULL = platform-wide
    title           text NOT NULL,
    category        text NULL,
    starts_on       date NULL,                                                     -- NULL dates = self-paced
    ends_on         date NULL,
    length_days     integer NULL CHECK (length_days > 0),
    attributes      jsonb NOT NULL DEFAULT '{}',
    source          text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX ix_courses_organisation_category ON lrs.courses (organisation_id, category);

CREATE TABLE lrs.course_trainers (
    course_id   eid NOT NULL REFERENCES lrs.courses (id) ON DELETE CASCADE,
    user_id     eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course_id, user_id)
);
-- Authorisation: the courses a trainer teaches.
CREATE INDEX ix_course_trainers_user ON lrs.course_trainers (user_id, course_id);

CREATE TABLE lrs.topics (
    id          eid PRIMARY KEY,
    course_id   eid NOT NULL REFERENCES lrs.courses (id) ON DELETE CASCADE,
    title       text NOT NULL,
    position    integer NOT NULL CHECK (position >= 0),
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_topics_course_position ON lrs.topics (course_id, position);

CREATE TABLE lrs.content_items (
    id              eid PRIMARY KEY,
    course_id       eid NOT NULL REFERENCES lrs.courses (id) ON DELETE CASCADE,
    topic_id        eid NULL REFERENCES lrs.topics (id) ON DELETE SET NULL,
    title           text NULL,
    type            text NOT NULL
                    CHECK (type IN ('video', 'article', 'interactive', 'quiz', 'forum', 'resource', 'other')),
    source_type     text NULL,                                                       -- raw upstream type, e.g. OULAD 'oucontent'
    creation_method text NULL CHECK (creation_method IN ('manual', 'ai')),            -- NULL = unknown (OULAD)
    duration_s      integer NULL CHECK (duration_s >= 0),
    source          text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_content_items_course_type ON lrs.content_items (course_id, type);

CREATE TABLE lrs.assessments (
    id                  eid PRIMARY KEY,
    course_id           eid NOT NULL REFERENCES lrs.courses (id) ON DELETE CASCADE,
    topic_id            eid NULL REFERENCES lrs.topics (id) ON DELETE SET NULL,
    title               text NULL,
    kind                text NOT NULL CHECK (kind IN ('exam', 'test', 'assignment', 'quiz')),
    due_on              date NULL,
    weight              numeric(5,2) NOT NULL DEFAULT 0 CHECK (weight BETWEEN 0 AND 100),
    pass_threshold_pct  numeric(5,2) NOT NULL DEFAULT 70 CHECK (pass_threshold_pct BETWEEN 0 AND 100),
    source              text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_assessments_course_due ON lrs.assessments (course_id, due_on);

CREATE TABLE lrs.skills (
    id              eid PRIMARY KEY,
    name            text NOT NULL,
    category        text NULL,
    market_demand   smallint NULL CHECK (market_demand BETWEEN 0 AND 100),
    source          text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE lrs.skill_prerequisites (
    skill_id            eid NOT NULL REFERENCES lrs.skills (id) ON DELETE CASCADE,
    requires_skill_id   eid NOT NULL REFERENCES lrs.skills (id) ON DELETE CASCADE,
    source              text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (skill_id, requires_skill_id),
    CHECK (skill_id <> requires_skill_id)
);

CREATE TABLE lrs.course_skills (
    course_id   eid NOT NULL REFERENCES lrs.courses (id) ON DELETE CASCADE,
    skill_id    eid NOT NULL REFERENCES lrs.skills (id) ON DELETE CASCADE,
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course_id, skill_id)
);
CREATE INDEX ix_course_skills_skill ON lrs.course_skills (skill_id);

CREATE TABLE lrs.topic_skills (
    topic_id    eid NOT NULL REFERENCES lrs.topics (id) ON DELETE CASCADE,
    skill_id    eid NOT NULL REFERENCES lrs.skills (id) ON DELETE CASCADE,
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic_id, skill_id)
);
CREATE INDEX ix_topic_skills_skill ON lrs.topic_skills (skill_id);

CREATE TABLE lrs.skill_targets (
    id                  eid PRIMARY KEY,
    organisation_id     eid NOT NULL REFERENCES lrs.organisations (id) ON DELETE CASCADE,
    department_id       eid NULL REFERENCES lrs.departments (id) ON DELETE CASCADE,
    skill_id            eid NOT NULL REFERENCES lrs.skills (id) ON DELETE CASCADE,
    required_level      smallint NOT NULL CHECK (required_level BETWEEN 1 AND 4),
    business_priority   text NOT NULL CHECK (business_priority IN ('critical', 'high', 'medium', 'low')),
    value_proposition   text NULL,
    career_impact       smallint NULL CHECK (career_impact BETWEEN 0 AND 20),
    source              text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (organisation_id, department_id, skill_id)
);

CREATE TABLE lrs.kpis (
    id              eid PRIMARY KEY,
    organisation_id eid NOT NULL REFERENCES lrs.organisations (id) ON DELETE CASCADE,
    name            text NOT NULL,
    unit            text NULL,
    target          numeric(14,4) NOT NULL,
    value           numeric(14,4) NULL,
    weight          numeric(6,3) NOT NULL DEFAULT 1 CHECK (weight >= 0),
    period          text NOT NULL,                                                    -- e.g. '2025-Q4'
    source          text NOT NULL CHECK (source ~ '^[a-z][a-z0-9-]*$'),
    synced_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organisation_id, name, period)
);
