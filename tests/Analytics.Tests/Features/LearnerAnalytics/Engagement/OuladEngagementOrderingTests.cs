using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Tests.Infrastructure;
using Dapper;
using Npgsql;

namespace Analytics.Tests.Features.LearnerAnalytics.Engagement;

/// <summary>
/// ANALYTICS.md §9 C2 on the imported training part of OULAD: engagement (§1.3, S unavailable) per registration, on that course's
/// rows only, at asOf = day 27 (and 13, 20) must order the outcome groups Distinction > Pass > Fail > Withdrawn by mean and median.
/// Reference at day 27: means 65.7 > 60.9 > 40.1 > 27.9; medians 75.4 > 65.2 > 32.7 > 4.8.
/// </summary>
[Category("Oulad")]
public sealed class OuladEngagementOrderingTests
{
    private static readonly DateOnly DayZero = new(2000, 1, 1);
    private static readonly string[] Order = ["distinction", "pass", "fail", "withdrawn"];

    private Dictionary<(string User, string Course), List<EngagementDay>> _days = [];
    private List<(string User, string Course, string Result)> _registrations = [];

    [OneTimeSetUp]
    public async Task LoadAsync()
    {
        await using var connection = new NpgsqlConnection(await OuladTrainingStore.ConnectionStringAsync());
        await connection.OpenAsync();
        // Clicks and (non-banked) submissions of each registration in days 0–27 of its presentation, as day offsets.
        var clicks = await connection.QueryAsync<(string User, string Course, int Offset, int Events)>(
            """
            SELECT a.user_id, a.course_id, (a.day - c.starts_on), sum(a.events)::int
            FROM lrs.activity_days a JOIN lrs.courses c ON c.id = a.course_id
            WHERE a.day BETWEEN c.starts_on AND c.starts_on + 27
            GROUP BY 1, 2, 3
            """);
        var submissions = await connection.QueryAsync<(string User, string Course, int Offset, int Count)>(
            """
            SELECT s.user_id, a.course_id, (s.submitted_on - c.starts_on), count(*)::int
            FROM lrs.submissions s JOIN lrs.assessments a ON a.id = s.assessment_id JOIN lrs.courses c ON c.id = a.course_id
            WHERE NOT s.is_banked AND s.submitted_on BETWEEN c.starts_on AND c.starts_on + 27
            GROUP BY 1, 2, 3
            """);
        _registrations = (await connection.QueryAsync<(string, string, string)>(
            "SELECT user_id, course_id, final_result FROM lrs.enrolments WHERE final_result IS NOT NULL")).ToList();

        var byDay = new Dictionary<(string, string, int), (int Events, int Milestones)>();
        foreach (var c in clicks)
        {
            byDay[(c.User, c.Course, c.Offset)] = (c.Events, 0);
        }

        foreach (var s in submissions)
        {
            var key = (s.User, s.Course, s.Offset);
            byDay[key] = byDay.TryGetValue(key, out var existing) ? existing with { Milestones = s.Count } : (0, s.Count);
        }

        _days = byDay
            .GroupBy(p => (p.Key.Item1, p.Key.Item2), p => new EngagementDay(DayZero.AddDays(p.Key.Item3), p.Value.Events, p.Value.Milestones))
            .ToDictionary(g => g.Key, g => g.ToList());
    }

    [Test]
    public void Registrations_AreTheWholeTrainingPart()
    {
        Assert.That(_registrations, Has.Count.EqualTo(19_397));
    }

    [TestCase(27)]
    [TestCase(20)]
    [TestCase(13)]
    public void Engagement_OrdersOutcomeGroupsByMeanAndMedian(int asOfDay)
    {
        var asOf = DayZero.AddDays(asOfDay);
        var settings = new EngagementSettings();
        var scores = _registrations
            .GroupBy(r => r.Result)
            .ToDictionary(
                g => g.Key,
                g => g.Select(r => EngagementScore.Compute(
                        _days.TryGetValue((r.User, r.Course), out var days) ? days : [], asOf, settings, durationsAvailable: false).Overall)
                    .Order()
                    .ToArray());
        var means = Order.Select(o => scores[o].Average()).ToArray();
        var medians = Order.Select(o => Median(scores[o])).ToArray();
        TestContext.Out.WriteLine($"day {asOfDay}: means {string.Join(" > ", means.Select(m => m.ToString("F1")))}; medians {string.Join(" > ", medians.Select(m => m.ToString("F1")))}");

        Assert.Multiple(() =>
        {
            Assert.That(means, Is.Ordered.Descending.And.Unique, "means Distinction > Pass > Fail > Withdrawn");
            Assert.That(medians, Is.Ordered.Descending.And.Unique, "medians Distinction > Pass > Fail > Withdrawn");
            if (asOfDay == 27)
            {
                // The reference run of §9 C2; a different convention (a window, a weight, a milestone) moves these visibly.
                Assert.That(means, Is.EqualTo(new[] { 65.7, 60.9, 40.1, 27.9 }).Within(0.5));
                Assert.That(medians, Is.EqualTo(new[] { 75.4, 65.2, 32.7, 4.8 }).Within(0.5));
            }
        });
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
