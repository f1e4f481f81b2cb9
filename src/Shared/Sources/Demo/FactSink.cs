namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>One worker's buffers into the <see cref="FactPipeline"/>: rows are posted in batches, activity and sessions per month.</summary>
public sealed class FactSink
{
    private readonly RowBatcher<EnrolmentRow> _enrolments;
    private readonly RowBatcher<UserSkillRow> _userSkills;
    private readonly RowBatcher<LearningPathRow> _paths;
    private readonly RowBatcher<LearningPathTopicRow> _pathTopics;
    private readonly RowBatcher<TopicCompletionRow> _completions;
    private readonly RowBatcher<SubmissionRow> _submissions;
    private readonly RowBatcher<FeedbackRow> _feedback;
    private readonly RowBatcher<PracticeSessionRow> _practice;
    private readonly RowBatcher<HelpRequestRow> _help;
    private readonly RowBatcher<MentoringLinkRow> _mentoring;
    private readonly RowBatcher<ContentContributionRow> _contributions;
    private readonly RowBatcher<RecommendationRow> _recommendations;
    private readonly MonthlyPartitionLoader<ActivityDayRow> _activityLoader;
    private readonly MonthlyPartitionLoader<SessionRow> _sessionLoader;
    private readonly RowBatcher<ActivityDayRow>[] _activity;
    private readonly RowBatcher<SessionRow>[] _sessions;

    public FactSink(FactPipeline pipeline, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _enrolments = new(pipeline.Enrolments.Post, batchSize);
        _userSkills = new(pipeline.UserSkills.Post, batchSize);
        _paths = new(pipeline.LearningPaths.Post, batchSize);
        _pathTopics = new(pipeline.LearningPathTopics.Post, batchSize);
        _completions = new(pipeline.TopicCompletions.Post, batchSize);
        _submissions = new(pipeline.Submissions.Post, batchSize);
        _feedback = new(pipeline.Feedback.Post, batchSize);
        _practice = new(pipeline.PracticeSessions.Post, batchSize);
        _help = new(pipeline.HelpRequests.Post, batchSize);
        _mentoring = new(pipeline.MentoringLinks.Post, batchSize);
        _contributions = new(pipeline.ContentContributions.Post, batchSize);
        _recommendations = new(pipeline.Recommendations.Post, batchSize);
        _activityLoader = pipeline.ActivityDays;
        _sessionLoader = pipeline.Sessions;
        _activity = Enumerable.Range(0, _activityLoader.MonthCount)
            .Select(m => new RowBatcher<ActivityDayRow>(batch => _activityLoader.Post(m, batch), batchSize)).ToArray();
        _sessions = Enumerable.Range(0, _sessionLoader.MonthCount)
            .Select(m => new RowBatcher<SessionRow>(batch => _sessionLoader.Post(m, batch), batchSize)).ToArray();
    }

    public void Add(LearnerRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _enrolments.AddRange(rows.Enrolments);
        _userSkills.AddRange(rows.UserSkills);
        _paths.AddRange(rows.LearningPaths);
        _pathTopics.AddRange(rows.LearningPathTopics);
        _completions.AddRange(rows.TopicCompletions);
        _submissions.AddRange(rows.Submissions);
        _feedback.AddRange(rows.Feedback);
        _practice.AddRange(rows.PracticeSessions);
        _help.AddRange(rows.HelpRequests);
        _mentoring.AddRange(rows.MentoringLinks);
        _contributions.AddRange(rows.ContentContributions);
        _recommendations.AddRange(rows.Recommendations);
        foreach (var row in rows.ActivityDays)
        {
            _activity[_activityLoader.MonthIndex(row.Day)].Add(row);
        }

        foreach (var row in rows.Sessions)
        {
            _sessions[_sessionLoader.MonthIndex(DateOnly.FromDateTime(row.StartedAt))].Add(row);
        }
    }

    public void Flush()
    {
        _enrolments.Flush();
        _userSkills.Flush();
        _paths.Flush();
        _pathTopics.Flush();
        _completions.Flush();
        _submissions.Flush();
        _feedback.Flush();
        _practice.Flush();
        _help.Flush();
        _mentoring.Flush();
        _contributions.Flush();
        _recommendations.Flush();
        foreach (var batcher in _activity)
        {
            batcher.Flush();
        }

        foreach (var batcher in _sessions)
        {
            batcher.Flush();
        }
    }
}
