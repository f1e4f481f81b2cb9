-- Points, badges and streaks (DATA_MODEL.md §4). user_points, streaks and user_badges are derived and rebuildable.

-- Points are per user, not per role. The unique key makes an award for one fact happen once, however often it is re-synced.
CREATE TABLE gamification.point_events (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id             eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    rule                text NOT NULL CHECK (rule IN ('course-completed', 'skill-acquired', 'assessment-scored',
                                                      'practice-passed', 'streak-day', 'manual-adjustment')),
    source_event_id     text NOT NULL,            -- natural key of the fact that earns the points
    occurred_on         date NOT NULL,            -- learner's local day of the fact: the daily-cap day
    points_requested    integer NOT NULL,
    points              integer NOT NULL,
    capped              boolean NOT NULL DEFAULT false,
    awarded_at          timestamptz NOT NULL DEFAULT now(),
    reversed_at         timestamptz NULL,
    reversal_reason     text NULL,
    CHECK (rule = 'manual-adjustment' OR (points >= 0 AND points <= points_requested)),
    UNIQUE (user_id, rule, source_event_id)
);
CREATE INDEX ix_point_events_user_occurred ON gamification.point_events (user_id, occurred_on);
CREATE INDEX ix_point_events_occurred ON gamification.point_events (occurred_on);

CREATE TABLE gamification.point_days (
    user_id     eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    day         date NOT NULL,
    points      integer NOT NULL CHECK (points >= 0),
    PRIMARY KEY (user_id, day)
);

CREATE TABLE gamification.user_points (
    user_id         eid PRIMARY KEY REFERENCES lrs.users (id) ON DELETE CASCADE,
    organisation_id eid NOT NULL,
    lifetime        bigint NOT NULL DEFAULT 0,
    level           smallint NOT NULL DEFAULT 1,
    week_start      date,
    week_points     integer NOT NULL DEFAULT 0,
    month_start     date,
    month_points    integer NOT NULL DEFAULT 0,
    year_points     integer NOT NULL DEFAULT 0,
    updated_at      timestamptz
);
CREATE INDEX ix_user_points_org_lifetime ON gamification.user_points (organisation_id, lifetime DESC);

-- Seeded catalogue.
CREATE TABLE gamification.badges (
    id          text PRIMARY KEY,
    family      text NOT NULL,
    tier        smallint NOT NULL,
    name        text NOT NULL,
    description text NOT NULL,
    icon        text,
    criteria    jsonb NOT NULL,
    active      boolean NOT NULL DEFAULT true
);

CREATE TABLE gamification.user_badges (
    user_id             eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    badge_id            text NOT NULL REFERENCES gamification.badges (id) ON DELETE RESTRICT,
    awarded_at          timestamptz NOT NULL,
    trigger_event_id    bigint NULL,
    PRIMARY KEY (user_id, badge_id)
);

CREATE TABLE gamification.streaks (
    user_id                 eid PRIMARY KEY REFERENCES lrs.users (id) ON DELETE CASCADE,
    current_length          integer NOT NULL DEFAULT 0,
    current_start           date NULL,
    last_active_day         date NULL,
    longest_length          integer NOT NULL DEFAULT 0,
    longest_start           date NULL,
    -- One freeze per 7th consecutive active day (ANALYTICS.md §6.3).
    freezes_available       smallint NOT NULL DEFAULT 0 CHECK (freezes_available BETWEEN 0 AND 3),
    freezes_earned_total    integer NOT NULL DEFAULT 0,
    freezes_used_total      integer NOT NULL DEFAULT 0,
    evaluated_through       date NULL,        -- last local day folded in, so a re-run is idempotent
    updated_at              timestamptz
);

CREATE TABLE gamification.streak_periods (
    user_id         eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    started_on      date NOT NULL,
    ended_on        date NULL,
    length          integer NOT NULL,
    freezes_used    smallint NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, started_on)
);
