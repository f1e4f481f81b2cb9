using Analytics.Api.Features.Predictive.Shared;

namespace Analytics.Tests.Features.Predictive.Shared;

/// <summary>The drop-off features of ANALYTICS.md §5.1 on a hand-made history (course start 1 March 2025, cutoff 29 March).</summary>
public sealed class DropOffFeatureBuilderTests
{
    private static readonly DateOnly Start = new(2025, 3, 1);
    private static readonly DateOnly Cutoff = new(2025, 3, 29);   // week 4

    private static DropOffEnrolment Enrolment(DateOnly? enrolledOn = null, int? previousAttempts = null, int? credits = null, string title = "Course") =>
        new("e1", "u1", "c1", title, Start, enrolledOn ?? new DateOnly(2025, 2, 20), null, null, "active", null, 90, previousAttempts, credits);

    private static DropOffHistory History(
        DropOffActivity[]? activity = null,
        DropOffSubmission[]? submissions = null,
        DropOffAssessment[]? assessments = null,
        DateOnly[]? unitDays = null,
        DropOffEnrolment? enrolment = null,
        DropOffEnrolment[]? others = null) =>
        new(enrolment ?? Enrolment(), activity ?? [], submissions ?? [], assessments ?? [], unitDays ?? [], others ?? []);

    private static float Feature(float[] values, string name) => values[DropOffFeatures.Names.ToList().IndexOf(name)];

    [Test]
    public void Build_CountsClicksPerWeekBackFromTheCutoffAndIgnoresRowsOnOrAfterIt()
    {
        DropOffActivity[] activity =
        [
            new(new DateOnly(2025, 2, 25), 4, 1),    // before the start: clicksPreStart
            new(new DateOnly(2025, 3, 1), 10, 1),    // week 4 back (days 22–28 before c)
            new(new DateOnly(2025, 3, 15), 6, 2),    // week 2 back
            new(new DateOnly(2025, 3, 28), 3, 3),    // the day before c: week 1
            new(new DateOnly(2025, 3, 29), 100, 4),  // on the cutoff: ignored
        ];

        var values = DropOffFeatureBuilder.Build(History(activity), Cutoff);

        Assert.Multiple(() =>
        {
            Assert.That(Feature(values, "weekOfCourse"), Is.EqualTo(4));
            Assert.That(Feature(values, "clicksWeek1"), Is.EqualTo((float)Math.Log(4)).Within(1e-6));
            Assert.That(Feature(values, "clicksWeek2"), Is.EqualTo((float)Math.Log(7)).Within(1e-6));
            Assert.That(Feature(values, "clicksWeek3"), Is.Zero);
            Assert.That(Feature(values, "clicksWeek4"), Is.EqualTo((float)Math.Log(11)).Within(1e-6));
            Assert.That(Feature(values, "clicksTotal"), Is.EqualTo((float)Math.Log(24)).Within(1e-6));
            Assert.That(Feature(values, "clicksPreStart"), Is.EqualTo((float)Math.Log(5)).Within(1e-6));
            Assert.That(Feature(values, "activeDays"), Is.EqualTo(4));
            Assert.That(Feature(values, "activeDays14"), Is.EqualTo(2), "15 and 28 March");
            Assert.That(Feature(values, "daysSinceLastActivity"), Is.Zero, "active on c − 1");
            Assert.That(Feature(values, "distinctItems"), Is.EqualTo(3));
            Assert.That(Feature(values, "noProgress7d"), Is.Zero);
        });
    }

    [Test]
    public void Build_WithoutAnyActivity_CountsDaysSinceThirtyDaysBeforeTheStart()
    {
        var values = DropOffFeatureBuilder.Build(History(), Cutoff);

        Assert.Multiple(() =>
        {
            Assert.That(Feature(values, "daysSinceLastActivity"), Is.EqualTo(28 + 30));
            Assert.That(Feature(values, "noProgress7d"), Is.EqualTo(1));
            Assert.That(Feature(values, "meanScore"), Is.NaN, "missing: the trainer fills in the training median");
            Assert.That(Feature(values, "hasScore"), Is.Zero);
        });
    }

    [Test]
    public void Build_ReadsTheAssessmentCalendarButOnlySubmissionsBeforeTheCutoff()
    {
        DropOffAssessment[] assessments =
        [
            new("a1", "assignment", new DateOnly(2025, 3, 10), 20),
            new("a2", "quiz", new DateOnly(2025, 3, 20), 30),
            new("a3", "assignment", new DateOnly(2025, 3, 25), 50),
            new("x", "exam", new DateOnly(2025, 3, 26), 0),          // exams are not "due" work
            new("a4", "assignment", new DateOnly(2025, 4, 5), 10),   // due in [c, c + 13]
        ];
        DropOffSubmission[] submissions =
        [
            new("a1", new DateOnly(2025, 3, 9), 80, false),
            new("a2", new DateOnly(2025, 3, 22), 60, false),   // late
            new("a3", new DateOnly(2025, 3, 30), 90, false),   // after the cutoff: not seen
        ];

        var values = DropOffFeatureBuilder.Build(History(assessments: assessments, submissions: submissions), Cutoff);

        Assert.Multiple(() =>
        {
            Assert.That(Feature(values, "assessmentsDue"), Is.EqualTo(3));
            Assert.That(Feature(values, "missingSubmissions"), Is.EqualTo(1), "a3 was submitted only after c");
            Assert.That(Feature(values, "lateSubmissions"), Is.EqualTo(1));
            Assert.That(Feature(values, "submissions"), Is.EqualTo(2));
            Assert.That(Feature(values, "meanScore"), Is.EqualTo(70));
            Assert.That(Feature(values, "hasScore"), Is.EqualTo(1));
            Assert.That(Feature(values, "weightedScore"), Is.EqualTo(((80 * 20) + (60 * 30)) / 100f).Within(1e-4));
            Assert.That(Feature(values, "dueNext14"), Is.EqualTo(1));
            Assert.That(Feature(values, "activeDays"), Is.EqualTo(2), "submission days are activity days");
        });
    }

    [Test]
    public void Build_WithoutAcademicAttributes_CountsEarlierRunsOfTheCourseAndConcurrentEnrolments()
    {
        DropOffEnrolment[] others =
        [
            new("e0", "u1", "c0", "Course", new DateOnly(2024, 9, 1), null, new DateOnly(2024, 10, 1), null, "withdrawn", "withdrawn", 90, null, null),
            new("e2", "u1", "c2", "Other", new DateOnly(2025, 3, 10), null, null, null, "active", null, 60, null, null),
            new("e3", "u1", "c3", "Later", new DateOnly(2025, 4, 10), null, null, null, "active", null, 60, null, null),
        ];

        var values = DropOffFeatureBuilder.Build(History(others: others), Cutoff);
        var given = DropOffFeatureBuilder.Build(History(enrolment: Enrolment(previousAttempts: 2, credits: 120), others: others), Cutoff);

        Assert.Multiple(() =>
        {
            Assert.That(Feature(values, "previousAttempts"), Is.EqualTo(1), "the withdrawn earlier run of the same title");
            Assert.That(Feature(values, "studiedCredits"), Is.EqualTo(1), "one other enrolment active at c (the later one has not started)");
            Assert.That(Feature(given, "previousAttempts"), Is.EqualTo(2));
            Assert.That(Feature(given, "studiedCredits"), Is.EqualTo(120));
            Assert.That(Feature(values, "registrationLeadDays"), Is.EqualTo(9));
            Assert.That(Feature(values, "courseLengthDays"), Is.EqualTo(90));
        });
    }

    [Test]
    public void Build_FlagsAVelocityDeclineOfMoreThanAFifthOfTheWeekBefore()
    {
        DateOnly[] declining = [new(2025, 3, 16), new(2025, 3, 17), new(2025, 3, 18), new(2025, 3, 19), new(2025, 3, 24)];
        DateOnly[] steady = [new(2025, 3, 16), new(2025, 3, 24)];

        Assert.Multiple(() =>
        {
            Assert.That(Feature(DropOffFeatureBuilder.Build(History(unitDays: declining), Cutoff), "velocityDecline"), Is.EqualTo(1), "4 units, then 1");
            Assert.That(Feature(DropOffFeatureBuilder.Build(History(unitDays: steady), Cutoff), "velocityDecline"), Is.Zero, "1 then 1");
            Assert.That(Feature(DropOffFeatureBuilder.Build(History(unitDays: steady), Cutoff), "noProgress7d"), Is.Zero, "a unit on 24 March");
        });
    }
}
