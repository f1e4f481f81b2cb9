namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// The numbers of the latent model (SOURCES.md §2.4), named once. Where the generator simplifies the spec, the comment says how.
/// Rates marked "calibrated" are set so that the presets meet the row budgets of §2.1 and §2.5.
/// </summary>
public static class LatentModel
{
    // Organisation sizes.
    public const int MinLearnersPerOrganisation = 20;
    public const int MinCoursesPerOrganisation = 3;
    public const double OrganisationWeightMin = 0.5;
    public const double OrganisationWeightMax = 1.5;
    public const double AssignedShareMean = 0.35;
    public const double AssignedShareSpread = 0.15;

    // Learner traits.
    public const double MotivationAlpha = 2.5;
    public const double MotivationBeta = 1.8;
    public const double MotivationMean = MotivationAlpha / (MotivationAlpha + MotivationBeta);
    public static IReadOnlyList<double> PersonaShares { get; } = [0.55, 0.20, 0.10, 0.15]; // steady, fader, sprinter, sporadic
    public const double PublicLeaderboardShare = 0.20;
    public const double HiddenLeaderboardShare = 0.05;
    public const double TopAbilityMentor = 1.5;

    // Course traits.
    public const double DifficultySd = 0.7;
    public const double QualitySd = 0.5;
    public const double TrainerEffectSd = 0.4;
    public const int CourseLengthMin = 28;
    public const int CourseLengthMax = 180;
    public const double SelfPacedShare = 0.20;
    public const int TopicsMin = 5;
    public const int TopicsMax = 15;
    public const int ItemsMin = 8;
    public const int ItemsMax = 40;
    public static IReadOnlyList<double> ContentTypeShares { get; } = [0.35, 0.25, 0.15, 0.10, 0.10, 0.05];
    public const double AiCreatedShare = 0.30;
    public const int AssessmentsMin = 4;
    public const int AssessmentsMax = 10;
    public const double ExamShare = 0.5;                 // courses whose last assessment is an exam (at most one per course)
    public const double ExamWeight = 40;
    public static IReadOnlyList<double> AssessmentKindShares { get; } = [0.40, 0.25, 0.25]; // quiz, test, assignment
    public const double LowThresholdShare = 0.20;
    public const decimal DefaultPassThreshold = 70;
    public const decimal LowPassThreshold = 60;
    public const int CourseSkillsMin = 2;
    public const int CourseSkillsMax = 5;
    public const double CourseSkillSameCategory = 0.8;
    public const int TopicSkillsMax = 2;
    public const int LatestCourseStartBeforeEnd = 7;

    // Skills.
    public const int MarketDemandMin = 20;
    public const int MarketDemandMax = 95;
    public const int MaxPrerequisites = 2;

    // Enrolments.
    public const double ExtraEnrolmentsMean = 1.5;
    public const int MaxEnrolments = 6;
    public const int RegistrationLeadMaxDays = 14;
    public const double FixedTeacherCourseWeight = 2.0;

    // Daily activity: P(active on course day) = scale × (base + slope·m) × weekday × decay × persona.
    public const double ActivityBase = 0.15;
    public const double ActivityMotivationSlope = 0.45;
    public const double SaturdayFactor = 0.45;
    public const double SundayFactor = 0.35;
    public const double FaderTurnMin = 0.10;
    public const double FaderTurnMax = 0.60;
    public const double FaderDecayDays = 10;
    public const int FaderWithdrawMinDays = 7;
    public const int FaderWithdrawMaxDays = 21;
    public const double OtherWithdrawalShare = 0.10;     // hazard ∝ (1 − m), ≈ 10 % of non-faders in total
    public const double SprinterEarlyShare = 0.4;        // sprinters rush the first 40 % of a course …
    public const double SprinterEarlyFactor = 1.6;
    public const double SprinterLateFactor = 0.5;        // … and coast afterwards
    public const int SporadicStretchMin = 14;
    public const int SporadicStretchMax = 42;
    public const int SporadicBreakMin = 7;
    public const int SporadicBreakMax = 21;
    public const double SporadicLoginOnlyShare = 0.05;

    // Events and time.
    public const double EventsMean = 11;
    public const double EventsDispersion = 2;
    public const int ItemsPerDayMax = 5;
    public const double CurrentTopicShare = 0.7;
    public const double MinutesMedian = 22;
    public const double MinutesSigma = 0.7;
    public const int SessionStartHourMin = 7;
    public const int SessionStartHourMax = 21;

    // Topic completions: topic j is done when the course's cumulative events pass j × 40·e^d.
    public const double CompletionEventsPerTopic = 43;   // calibrated from the spec's 40 to meet the topic_completions budget

    // Scores: s = clamp(N(68 + 10a − 6d + 4q + 5·z_engagement, 11), 0, 100).
    public const double ScoreIntercept = 68;
    public const double ScoreAbility = 10;
    public const double ScoreDifficulty = -6;
    public const double ScoreQuality = 4;
    public const double ScoreEngagement = 5;
    public const double ScoreSd = 11;
    public const double EngagementZClamp = 2.5;
    public const double SubmitBase = 0.44;               // P(submit an assessment that is due) = base + slope·m
    public const double SubmitMotivationSlope = 0.30;
    public const double RetakeShare = 0.5;
    public const double RetakeGainMean = 6;
    public const double RetakeGainSd = 4;
    public const int MaxAttempts = 3;
    public const int RetakeDelayMin = 2;
    public const int RetakeDelayMax = 7;
    public const double TimeSpentMedianMinutes = 25;
    public const double TimeSpentSigma = 0.5;
    public const double FailMargin = 10;                 // fail when the weighted mean < threshold − 10
    public const double DistinctionScore = 85;

    // Feedback.
    public const double CompleterFeedbackShare = 0.45;
    public const double WithdrawerFeedbackShare = 0.10;
    public const double RatingIntercept = 3.8;
    public const double RatingQuality = 0.6;
    public const double RatingTrainer = 0.4;
    public const double RatingScore = 0.3;
    public const double RatingSd = 0.8;
    public const double CommentShare = 0.30;

    // Skills held.
    public const double LevelAbilityDivisor = 1.2;
    public const double LevelCompletionSlope = 1.2;
    public const double LevelSd = 0.6;
    public const short AcquiredLevel = 3;
    public static IReadOnlyList<double> UntouchedLevelShares { get; } = [0.35, 0.30, 0.20, 0.10, 0.05];
    public const double UntouchedTargetCoverage = 0.05;  // calibrated: a recorded level for an untouched target skill (user_skills budget)

    // Targets and KPIs.
    public const int TargetsMin = 15;
    public const int TargetsMax = 30;
    public const int TargetLevelMin = 2;
    public const int TargetLevelMax = 4;
    public static IReadOnlyList<double> PriorityShares { get; } = [0.15, 0.30, 0.35, 0.20]; // critical, high, medium, low
    public const double DepartmentTargetShare = 0.30;
    public const int KpisMin = 4;
    public const int KpisMax = 8;
    public const double KpiValueMin = 0.55;
    public const double KpiValueMax = 1.15;

    // Paths, practice, help.
    public const double PathShare = 0.70;                // 70 % of learners have a path …
    public const double SecondPathShare = 0.10;          // … and 10 % of those a second one
    public const int PathTopicsMin = 6;
    public const int PathTopicsMax = 12;
    public const double DevLabTechnicalShare = 0.60;
    public const double DevLabOtherShare = 0.15;
    public const double PracticePerActiveDay = 0.41;     // calibrated stand-in for Poisson(1.2/week while active)
    public const double PracticePassIntercept = 0.5;
    public const double HelpPerActiveDay = 0.075;         // calibrated stand-in for Poisson(0.25/week)
    public const double HelpLowScoreFactor = 2;
    public const double HelpLowScore = 60;
    public const double NoHelpShare = 0.40;

    // Social and suggestions.
    public const double MenteeShare = 0.06;
    public const double EndedMentoringShare = 0.20;
    public const double CreatorShare = 0.04;
    public const double SharerShare = 0.10;
    public const int SuggestionsMin = 3;
    public const int SuggestionsMax = 8;
    public const double SuggestionScoreMin = 0.5;
    public const double SuggestionScoreMax = 0.95;
}
