using Npgsql;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// The COPY side of the per-learner fact tables: one copier (connection and thread) per table, and one per month for the
/// partitioned activity_days and sessions. Workers feed it through their own <see cref="FactSink"/>.
/// </summary>
public sealed class FactPipeline
{
    private readonly List<NpgsqlConnection> _connections = [];

    public FactPipeline(DateOnly firstDay, DateOnly lastDay)
    {
        ActivityDays = new MonthlyPartitionLoader<ActivityDayRow>("day", timestampKey: false, firstDay, lastDay);
        Sessions = new MonthlyPartitionLoader<SessionRow>("started_at", timestampKey: true, firstDay, lastDay);
    }

    public TableCopier<EnrolmentRow> Enrolments { get; } = new();
    public TableCopier<UserSkillRow> UserSkills { get; } = new();
    public TableCopier<LearningPathRow> LearningPaths { get; } = new();
    public TableCopier<LearningPathTopicRow> LearningPathTopics { get; } = new();
    public TableCopier<TopicCompletionRow> TopicCompletions { get; } = new();
    public TableCopier<SubmissionRow> Submissions { get; } = new();
    public TableCopier<FeedbackRow> Feedback { get; } = new();
    public TableCopier<PracticeSessionRow> PracticeSessions { get; } = new();
    public TableCopier<HelpRequestRow> HelpRequests { get; } = new();
    public TableCopier<MentoringLinkRow> MentoringLinks { get; } = new();
    public TableCopier<ContentContributionRow> ContentContributions { get; } = new();
    public TableCopier<RecommendationRow> Recommendations { get; } = new();
    public MonthlyPartitionLoader<ActivityDayRow> ActivityDays { get; }
    public MonthlyPartitionLoader<SessionRow> Sessions { get; }

    /// <summary>Opens the connections and starts every COPY; the returned tasks end when the copies have been sent.</summary>
    public async Task<List<Task>> StartAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var tasks = new List<Task>
        {
            await StartAsync(dataSource, Enrolments, cancellationToken),
            await StartAsync(dataSource, UserSkills, cancellationToken),
            await StartAsync(dataSource, LearningPaths, cancellationToken),
            await StartAsync(dataSource, LearningPathTopics, cancellationToken),
            await StartAsync(dataSource, TopicCompletions, cancellationToken),
            await StartAsync(dataSource, Submissions, cancellationToken),
            await StartAsync(dataSource, Feedback, cancellationToken),
            await StartAsync(dataSource, PracticeSessions, cancellationToken),
            await StartAsync(dataSource, HelpRequests, cancellationToken),
            await StartAsync(dataSource, MentoringLinks, cancellationToken),
            await StartAsync(dataSource, ContentContributions, cancellationToken),
            await StartAsync(dataSource, Recommendations, cancellationToken),
        };
        tasks.AddRange(await ActivityDays.StartAsync(dataSource, cancellationToken));
        tasks.AddRange(await Sessions.StartAsync(dataSource, cancellationToken));
        return tasks;
    }

    public void Complete(Exception? error = null)
    {
        Enrolments.Complete(error);
        UserSkills.Complete(error);
        LearningPaths.Complete(error);
        LearningPathTopics.Complete(error);
        TopicCompletions.Complete(error);
        Submissions.Complete(error);
        Feedback.Complete(error);
        PracticeSessions.Complete(error);
        HelpRequests.Complete(error);
        MentoringLinks.Complete(error);
        ContentContributions.Complete(error);
        Recommendations.Complete(error);
        ActivityDays.Complete(error);
        Sessions.Complete(error);
    }

    public FactSink CreateSink(int batchSize) => new(this, batchSize);

    public IReadOnlyDictionary<string, long> RowCounts() => new Dictionary<string, long>(StringComparer.Ordinal)
    {
        [EnrolmentRow.Table] = Enrolments.Rows,
        [UserSkillRow.Table] = UserSkills.Rows,
        [LearningPathRow.Table] = LearningPaths.Rows,
        [LearningPathTopicRow.Table] = LearningPathTopics.Rows,
        [ActivityDayRow.Table] = ActivityDays.Rows,
        [SessionRow.Table] = Sessions.Rows,
        [TopicCompletionRow.Table] = TopicCompletions.Rows,
        [SubmissionRow.Table] = Submissions.Rows,
        [FeedbackRow.Table] = Feedback.Rows,
        [PracticeSessionRow.Table] = PracticeSessions.Rows,
        [HelpRequestRow.Table] = HelpRequests.Rows,
        [MentoringLinkRow.Table] = MentoringLinks.Rows,
        [ContentContributionRow.Table] = ContentContributions.Rows,
        [RecommendationRow.Table] = Recommendations.Rows,
    };

    public async Task CloseAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        _connections.Clear();
        await ActivityDays.CloseAsync();
        await Sessions.CloseAsync();
    }

    private async Task<Task> StartAsync<TRow>(NpgsqlDataSource dataSource, TableCopier<TRow> copier, CancellationToken cancellationToken)
        where TRow : struct, IDemoRow<TRow>
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        _connections.Add(connection);
        await ConstraintStash.ExecuteAsync(connection, "SET synchronous_commit = off", cancellationToken);
        return Task.Factory.StartNew(
            () => copier.Run(connection, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }
}
