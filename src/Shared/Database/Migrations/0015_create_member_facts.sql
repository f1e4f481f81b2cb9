-- Member facts: per learner of an organisation, the figures over that person's own rows that the organisation analytics
-- (ANALYTICS.md §3) aggregate, each window counted back from the organisation's asOf. One set per organisation and asOf, computed
-- in one set-based statement (MemberFacts.Compute.sql) by the nightly run or the first organisation read after a sync, and
-- replaced whole; an organisation analytic then aggregates one narrow row per member instead of re-reading ten million activity
-- rows, the whole submission history and every member's snapshot payloads (DATA_MODEL.md §12: < 500 ms per organisation read).
-- Rows name a person and cascade from lrs.users, so an erasure (§10) removes them with the user.
CREATE TABLE analytics.member_fact_sets (
    organisation_id     eid PRIMARY KEY,
    as_of               date NOT NULL,
    definition_version  text NOT NULL,
    inputs_hash         bytea NOT NULL CHECK (length(inputs_hash) = 32),  -- definition, configuration, asOf, source, data as of
    members             integer NOT NULL CHECK (members >= 0),
    computed_at         timestamptz NOT NULL,
    compute_ms          integer NOT NULL
);

CREATE TABLE analytics.member_facts (
    organisation_id             eid NOT NULL REFERENCES analytics.member_fact_sets (organisation_id) ON DELETE CASCADE,
    user_id                     eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    department_id               eid NULL,
    -- activity days (§0.4) in the 30 days ending asOf ("recent") and in the 30 days ending asOf − 90 ("then")
    active_recent               boolean NOT NULL,
    active_then                 boolean NOT NULL,
    forum_recent                boolean NOT NULL,             -- an activity_days row on a forum item in the recent window
    minutes_recent              integer NULL,                 -- minutes of those rows; null when none recorded
    -- enrolments: started (enrolled_on), completed (completed_on), finished (coalesce(completed_on, withdrawn_on)) per window
    enrolled_year               integer NOT NULL,
    enrolled_voluntary_year     integer NOT NULL,
    completed_year              integer NOT NULL,
    completed_voluntary_year    integer NOT NULL,
    finished_year               integer NOT NULL,
    completed_previous_year     integer NOT NULL,             -- the 365 days ending asOf − 90
    finished_previous_year      integer NOT NULL,
    completed_ninety            integer NOT NULL,
    finished_ninety             integer NOT NULL,
    completed_previous_ninety   integer NOT NULL,             -- the 90 days ending asOf − 90
    completed_ninety_with_feedback integer NOT NULL,
    certifications_quarter      integer NOT NULL,             -- completed in the quarter with result pass, distinction or none
    completion_days             integer NOT NULL,             -- Σ days from s(e) to completion over the year's completions
    timed_completions           integer NOT NULL,
    -- course scores as of asOf (§0.4 best score, course score, passed)
    score_sum                   double precision NULL,
    scored_courses              integer NOT NULL,
    assessed                    integer NOT NULL,
    passed                      integer NOT NULL,
    -- skills acquired per window, those applied (a passed practice on or after the acquisition), days to each of the year's
    skills_quarter              integer NOT NULL,
    skills_recent               integer NOT NULL,
    skills_earlier              integer NOT NULL,             -- the 30 days before the recent window
    skills_ninety               integer NOT NULL,
    skills_previous_ninety      integer NOT NULL,
    skills_year                 integer NOT NULL,
    skills_applied_year         integer NOT NULL,
    skill_days                  integer[] NOT NULL,
    -- skill targets: the organisation's targets for the member's department or everyone (department view) and the governing
    -- target per skill (org performance), with those met now and at asOf − 90
    target_pairs                integer NOT NULL,
    targets_met                 integer NOT NULL,
    governed_pairs              integer NOT NULL,
    governed_met                integer NOT NULL,
    governed_met_before         integer NOT NULL,
    -- progress units (§0.4) first completed in the quarter to date, the comparison periods and each of the last 12 months
    units_quarter               integer NOT NULL,
    units_previous_quarter      integer NOT NULL,
    units_last_year_quarter     integer NOT NULL,
    units_by_month              integer[] NOT NULL CHECK (cardinality(units_by_month) = 12),
    -- counts of the recent window (help requests, contributions) and of the last 90 days (feedback given)
    help_requests_recent        integer NOT NULL,
    contributions_recent        integer NOT NULL,
    feedback_ninety             integer NOT NULL,
    -- inputs from other analytics (§0.7): the learner snapshots' headline now and 28 days earlier
    engagement                  double precision NULL,
    engagement_before           double precision NULL,
    velocity                    double precision NULL,
    velocity_before             double precision NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX ix_member_facts_user ON analytics.member_facts (user_id);
