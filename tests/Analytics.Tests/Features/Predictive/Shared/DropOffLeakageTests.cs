using Analytics.Api.Features.Predictive.Shared;
using Analytics.Tests.Infrastructure;
using Npgsql;

namespace Analytics.Tests.Features.Predictive.Shared;

/// <summary>
/// No leakage (issue 6; protocol "OULAD early warning"), as a property over the 383 registrations of the AAA-2013J fixture in the
/// imported training part: the features at cutoff c do not change at all when rows dated on or after c are added (clicks on new
/// items, scored and banked submissions, exam results, unit completions), and a registration withdrawn on or before c is never
/// among the scored rows.
/// </summary>
[Category("Oulad")]
public sealed class DropOffLeakageTests
{
    private static readonly int[] Weeks = [1, 2, 4, 8, 12, 20];
    private IReadOnlyList<DropOffHistory> _fixture = [];

    [OneTimeSetUp]
    public async Task LoadAsync()
    {
        await using var connection = new NpgsqlConnection(await OuladTrainingStore.ConnectionStringAsync());
        await connection.OpenAsync();
        _fixture = await DropOffHistoryReader.ReadCoursesAsync(connection, ["oulad-AAA-2013J"], CancellationToken.None);
    }

    [Test]
    public void Fixture_HoldsEveryRegistrationOfThePresentation()
    {
        Assert.That(_fixture, Has.Count.EqualTo(383));
    }

    [Test]
    public void Build_WithRowsDatedOnOrAfterTheCutoffAdded_GivesTheSameFeatures()
    {
        var random = new Random(20140329);
        var compared = 0;
        foreach (var history in _fixture)
        {
            foreach (var week in Weeks)
            {
                var cutoff = history.Enrolment.Start.AddDays(7 * week);
                var before = DropOffFeatureBuilder.Build(history, cutoff);
                var after = DropOffFeatureBuilder.Build(WithFuture(history, cutoff, random), cutoff);
                Assert.That(after, Is.EqualTo(before).AsCollection, $"{history.Enrolment.EnrolmentId} at week {week}");
                compared++;
            }
        }

        Assert.That(compared, Is.EqualTo(383 * Weeks.Length));
    }

    [Test]
    public void Examples_NeverScoreARegistrationWithdrawnOnOrBeforeTheCutoff()
    {
        var examples = DropOffExamples.For(_fixture, DropOffTarget.AtRisk, Weeks);
        var withdrawnEarly = _fixture.Count(h => h.Enrolment.WithdrawnOn is { } w && w <= h.Enrolment.Start.AddDays(7 * Weeks[0]));

        Assert.Multiple(() =>
        {
            Assert.That(examples, Is.Not.Empty);
            Assert.That(withdrawnEarly, Is.GreaterThan(0), "the fixture has registrations withdrawn before the first cutoff");
            Assert.That(examples.Where(x => x.Enrolment.WithdrawnOn is { } w && w <= x.Enrolment.Start.AddDays(7 * x.Week)), Is.Empty);
            Assert.That(examples.Select(x => x.Enrolment.EnrolmentId).Distinct().Count(), Is.LessThan(_fixture.Count));
        });
    }

    /// <summary>The history with random rows dated on or after the cutoff added (activity sorted as the reader sorts it).</summary>
    private static DropOffHistory WithFuture(DropOffHistory history, DateOnly cutoff, Random random)
    {
        var day = (int offset) => cutoff.AddDays(offset);
        var activity = history.Activity
            .Concat(Enumerable.Range(0, 20).Select(i => new DropOffActivity(day(random.Next(0, 60)), random.Next(1, 500), 100_000 + i)))
            .OrderBy(a => a.Day)
            .ToArray();
        var assessments = history.Assessments.Select(a => a.Id).DefaultIfEmpty("a-future").ToArray();
        var submissions = history.Submissions
            .Concat(Enumerable.Range(0, 5).Select(_ => new DropOffSubmission(
                assessments[random.Next(assessments.Length)], day(random.Next(0, 60)), random.Next(0, 101), random.Next(2) == 0)))
            .OrderBy(s => s.SubmittedOn)
            .ToArray();
        var units = history.UnitDays.Concat(Enumerable.Range(0, 5).Select(_ => day(random.Next(0, 60)))).Order().ToArray();
        return history with { Activity = activity, Submissions = submissions, UnitDays = units };
    }
}
