using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Demo;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Feeds;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// A stub that serves the demo store over the upstream contract must give the same store, so the same analytics: every demo row
/// of the Course Builder, Content Studio and Assessment tables (the tiny preset, in memory) is written as the contract item such a
/// stub would send, mapped by its feed, and must come back as the same row, field for field, with nothing rejected.
/// </summary>
public sealed class DemoContractRoundTripTests
{
    private static readonly DateTimeOffset UpdatedAt = new(2025, 3, 15, 0, 0, 0, TimeSpan.Zero);
    private ReferenceData _reference = null!;
    private LearnerRows _facts = null!;

    [OneTimeSetUp]
    public void Generate()
    {
        var world = DemoWorldBuilder.Build(
            new DemoOptions { Preset = "tiny", Seed = 42, EndDate = new DateOnly(2025, 3, 14) }.Resolve(TimeProvider.System));
        _reference = ReferenceData.From(world);
        _facts = new LearnerRows();
        var simulator = new LearnerSimulator(world);
        var rows = new LearnerRows();
        foreach (var learner in world.Learners)
        {
            simulator.Simulate(learner, rows);
            _facts.Enrolments.AddRange(rows.Enrolments);
            _facts.ActivityDays.AddRange(rows.ActivityDays);
            _facts.TopicCompletions.AddRange(rows.TopicCompletions);
            _facts.Submissions.AddRange(rows.Submissions);
            _facts.Feedback.AddRange(rows.Feedback);
            _facts.ContentContributions.AddRange(rows.ContentContributions);
        }
    }

    [Test]
    public void Courses_WithTrainersAndModules_ComeBackAsTheDemoRows()
    {
        Assert.That(_reference.Courses, Is.Not.Empty);
        foreach (var organisation in _reference.Courses.GroupBy(c => c.OrganisationId))
        {
            var items = organisation.Select(c => new CourseItem(
                c.Id, c.OrganisationId, c.Title, c.Category, c.StartsOn, c.EndsOn, c.LengthDays,
                _reference.CourseTrainers.Where(t => t.CourseId == c.Id).Select(t => t.UserId).ToList(),
                _reference.Topics.Where(t => t.CourseId == c.Id).Select(t => new CourseModule(t.Id, t.Title, t.Position)).ToList(),
                JsonNode.Parse(c.Attributes)!.AsObject(), UpdatedAt, null));
            var ids = organisation.Select(c => c.Id).ToHashSet();

            var batch = Map(new CoursesFeed(), items, organisation.Key);

            var courses = Records<CourseRecord>(batch, StoreTables.Courses);
            Assert.Multiple(() =>
            {
                Assert.That(courses.Select(c => (c.Id, c.OrganisationId, c.Title, c.Category, c.StartsOn, c.EndsOn, c.LengthDays, c.Attributes.ToJsonString())),
                    Is.EqualTo(organisation.Select(c => (c.Id, (string?)c.OrganisationId, c.Title, (string?)c.Category, c.StartsOn, c.EndsOn, (int?)c.LengthDays,
                        JsonNode.Parse(c.Attributes)!.ToJsonString()))));
                Assert.That(Records<CourseTrainerRecord>(batch, StoreTables.CourseTrainers),
                    Is.EqualTo(_reference.CourseTrainers.Where(t => ids.Contains(t.CourseId)).Select(t => new CourseTrainerRecord(t.CourseId, t.UserId))));
                Assert.That(Records<TopicRecord>(batch, StoreTables.Topics),
                    Is.EqualTo(_reference.Topics.Where(t => ids.Contains(t.CourseId)).Select(t => new TopicRecord(t.Id, t.CourseId, t.Title, t.Position))));
            });
        }
    }

    [Test]
    public void ContentItems_ComeBackAsTheDemoRows()
    {
        var items = _reference.ContentItems.Select(c => new ContentItem(
            c.Id, c.CourseId, c.TopicId, c.Title, c.Type, null, c.CreationMethod, c.DurationSeconds, UpdatedAt, null));

        var records = Records<ContentItemRecord>(Map(new ContentItemsFeed(), items), StoreTables.ContentItems);

        Assert.That(records, Is.EqualTo(_reference.ContentItems.Select(c => new ContentItemRecord(
            c.Id, c.CourseId, c.TopicId, c.Title, c.Type, null, c.CreationMethod, c.DurationSeconds))));
    }

    [Test]
    public void Assessments_ComeBackAsTheDemoRows()
    {
        var items = _reference.Assessments.Select(a => new AssessmentItem(
            a.Id, a.CourseId, a.TopicId, a.Title, a.Kind, a.DueOn, a.Weight, a.PassThresholdPct, UpdatedAt, null));

        var records = Records<AssessmentRecord>(Map(new AssessmentsFeed(), items), StoreTables.Assessments);

        Assert.That(records, Is.EqualTo(_reference.Assessments.Select(a => new AssessmentRecord(
            a.Id, a.CourseId, a.TopicId, a.Title, a.Kind, a.DueOn, a.Weight, a.PassThresholdPct))));
    }

    [Test]
    public void Enrolments_ComeBackAsTheDemoRows()
    {
        // The stub speaks the contract's own words: self_enrolled and in_progress.
        var items = _facts.Enrolments.Select(e => new EnrollmentItem(
            e.Id, e.CourseId, e.UserId, e.EnrolledOn, e.Kind == "voluntary" ? "self_enrolled" : e.Kind, e.Status == "active" ? "in_progress" : e.Status,
            e.ProgressPct, e.CompletedOn, e.WithdrawnOn, e.FinalResult, UpdatedAt, null));

        var records = Records<EnrolmentRecord>(Map(new EnrolmentsFeed(), items), StoreTables.Enrolments);

        Assert.That(_facts.Enrolments.Select(e => e.Status).Distinct(), Is.EquivalentTo(new[] { "active", "completed", "withdrawn" }));
        Assert.That(records, Is.EqualTo(_facts.Enrolments.Select(e => new EnrolmentRecord(
            e.Id, e.CourseId, e.UserId, e.EnrolledOn, e.Kind, e.CompletedOn, e.WithdrawnOn, e.Status, e.FinalResult, e.ProgressPct))));
    }

    [Test]
    public void DailyUsage_ComesBackAsTheDemoActivityRows()
    {
        var items = _facts.ActivityDays.Select(a => new DailyUsageItem(a.UserId, a.CourseId, a.ContentItemId, a.Day, a.Events, a.Minutes * 60, UpdatedAt, null));

        var records = Records<ActivityDayRecord>(Map(new ActivityDaysFeed(), items), StoreTables.ActivityDays);

        Assert.That(records, Is.EqualTo(_facts.ActivityDays.Select(a => new ActivityDayRecord(a.UserId, a.CourseId, a.ContentItemId, a.Day, a.Events, 1, a.Minutes))));
    }

    [Test]
    public void ModuleCompletions_ComeBackAsTheDemoRows()
    {
        var items = _facts.TopicCompletions.Select(c => new ModuleCompletionItem(c.UserId, c.TopicId, Utc(c.CompletedAt), UpdatedAt, null));

        var records = Records<TopicCompletionRecord>(Map(new TopicCompletionsFeed(), items), StoreTables.TopicCompletions);

        Assert.That(records, Is.EqualTo(_facts.TopicCompletions.Select(c => new TopicCompletionRecord(c.UserId, c.TopicId, Utc(c.CompletedAt)))));
    }

    [Test]
    public void Attempts_ComeBackAsTheDemoSubmissions()
    {
        var items = _facts.Submissions.Select(s => new AttemptItem(
            s.Id, s.AssessmentId, s.UserId, s.Attempt, Utc(s.SubmittedAt), s.SubmittedOn, s.ScorePct, s.TimeSpentSeconds, false, UpdatedAt, null));

        var records = Records<SubmissionRecord>(Map(new SubmissionsFeed(), items), StoreTables.Submissions);

        Assert.That(records, Is.EqualTo(_facts.Submissions.Select(s => new SubmissionRecord(
            s.Id, s.AssessmentId, s.UserId, s.SubmittedOn, Utc(s.SubmittedAt), s.Attempt, s.ScorePct, s.TimeSpentSeconds, false))));
    }

    [Test]
    public void CourseFeedback_ComesBackAsTheDemoRows()
    {
        var items = _facts.Feedback.Select(f => new CourseFeedbackItem(f.Id, f.CourseId, f.UserId, f.Rating, f.Comment, Utc(f.SubmittedAt), UpdatedAt, null));

        var records = Records<FeedbackRecord>(Map(new FeedbackFeed(), items), StoreTables.Feedback);

        Assert.That(records, Is.EqualTo(_facts.Feedback.Select(f => new FeedbackRecord(f.Id, f.CourseId, f.UserId, f.Rating, f.Comment, Utc(f.SubmittedAt)))));
    }

    [Test]
    public void Contributions_ComeBackAsTheDemoRows()
    {
        var items = _facts.ContentContributions.Select(c => new ContributionItem(c.UserId, c.ContentItemId, c.Kind, Utc(c.At), UpdatedAt, null));

        var records = Records<ContentContributionRecord>(Map(new ContentContributionsFeed(), items), StoreTables.ContentContributions);

        Assert.That(records, Is.EqualTo(_facts.ContentContributions.Select(c => new ContentContributionRecord(c.UserId, c.ContentItemId, c.Kind, Utc(c.At)))));
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    /// <summary>The items as the wire carries them (the client's JSON), mapped by the feed; nothing may be rejected.</summary>
    private static FeedBatch Map<TItem>(IUpstreamFeed feed, IEnumerable<TItem> items, string organisationId = "org-123")
    {
        var payloads = items.Select(i => JsonSerializer.Serialize(i, UpstreamClient.Json)).ToList();
        Assert.That(payloads, Is.Not.Empty, "the demo store has rows of this kind");
        var request = new FeedRequest(organisationId, new PageRequest(null, null, 500), SyncMode.Incremental, UpdatedAt);

        var batch = feed.MapStored(payloads, request);

        Assert.That(batch.Rejects.Select(r => $"{r.Key}: {r.Reason}"), Is.Empty);
        return batch;
    }

    private static List<T> Records<T>(FeedBatch batch, StoreTable table) =>
        batch.Tables.Single(t => t.Table == table).Upserts.Select(r => (T)r.Record).ToList();
}
