namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>The fact rows of one learner, in generation order; one instance per worker, cleared between learners.</summary>
public sealed class LearnerRows
{
    public List<EnrolmentRow> Enrolments { get; } = [];
    public List<UserSkillRow> UserSkills { get; } = [];
    public List<LearningPathRow> LearningPaths { get; } = [];
    public List<LearningPathTopicRow> LearningPathTopics { get; } = [];
    public List<ActivityDayRow> ActivityDays { get; } = [];
    public List<SessionRow> Sessions { get; } = [];
    public List<TopicCompletionRow> TopicCompletions { get; } = [];
    public List<SubmissionRow> Submissions { get; } = [];
    public List<FeedbackRow> Feedback { get; } = [];
    public List<PracticeSessionRow> PracticeSessions { get; } = [];
    public List<HelpRequestRow> HelpRequests { get; } = [];
    public List<MentoringLinkRow> MentoringLinks { get; } = [];
    public List<ContentContributionRow> ContentContributions { get; } = [];
    public List<RecommendationRow> Recommendations { get; } = [];

    public void Clear()
    {
        Enrolments.Clear();
        UserSkills.Clear();
        LearningPaths.Clear();
        LearningPathTopics.Clear();
        ActivityDays.Clear();
        Sessions.Clear();
        TopicCompletions.Clear();
        Submissions.Clear();
        Feedback.Clear();
        PracticeSessions.Clear();
        HelpRequests.Clear();
        MentoringLinks.Clear();
        ContentContributions.Clear();
        Recommendations.Clear();
    }

    /// <summary>The learner's hash (SOURCES.md §2.2): every row, table by table, in generation order.</summary>
    public byte[] Hash(ContentHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        AddAll(hasher, Enrolments);
        AddAll(hasher, UserSkills);
        AddAll(hasher, LearningPaths);
        AddAll(hasher, LearningPathTopics);
        AddAll(hasher, ActivityDays);
        AddAll(hasher, Sessions);
        AddAll(hasher, TopicCompletions);
        AddAll(hasher, Submissions);
        AddAll(hasher, Feedback);
        AddAll(hasher, PracticeSessions);
        AddAll(hasher, HelpRequests);
        AddAll(hasher, MentoringLinks);
        AddAll(hasher, ContentContributions);
        AddAll(hasher, Recommendations);
        return hasher.Finish();
    }

    private static void AddAll<TRow>(ContentHasher hasher, List<TRow> rows)
        where TRow : struct, IDemoRow<TRow>
    {
        foreach (var row in rows)
        {
            row.AddTo(hasher);
        }
    }
}
