using Analytics.Api.Features.LearnerAnalytics.Shared;

namespace Analytics.Tests.Features.LearnerAnalytics.Engagement;

/// <summary>
/// The pure engagement score of ANALYTICS.md §1.3: G3 of §8, the windowDays scaling, and the OULAD fixture examples of §8 and
/// check C2b of §9, scored per registration from the fixture's CSV files at asOf = day 27 (cutoff c = 28) without durations.
/// </summary>
public sealed class EngagementScoreTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly EngagementSettings Settings = new();
    private static readonly DateOnly FixtureAsOf = OuladFixture.Day(27);

    /// <summary>G3: active −4, −2, 0 (events 20, 30, 10; minutes 40, 60, 20; a submission at −2) and −12, −9 (15, 25; 30, 30).</summary>
    internal static EngagementDay[] G3Days() =>
    [
        new(AsOf.AddDays(-12), 15, 0, Sessions: 1, Minutes: 30),
        new(AsOf.AddDays(-9), 25, 0, Sessions: 1, Minutes: 30),
        new(AsOf.AddDays(-4), 20, 0, Sessions: 1, Minutes: 40),
        new(AsOf.AddDays(-2), 30, 1, ProgressEvents: 1, Sessions: 1, Minutes: 60),
        new(AsOf, 10, 0, Sessions: 1, Minutes: 20),
    ];

    [Test]
    public void Compute_G3_MatchesTheWorkedExample()
    {
        var score = EngagementScore.Compute(G3Days(), AsOf, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(score.LoginFrequency, Is.EqualTo(100.0 * 8 / 12).Within(1e-9));
            Assert.That(score.SessionDuration, Is.EqualTo(100.0 * 300 / 540).Within(1e-9));
            Assert.That(score.Activity, Is.EqualTo(100.0 * 170 / 300).Within(1e-9));
            Assert.That(score.Overall, Is.EqualTo(59.89).Within(0.005));
            Assert.That(score.Published, Is.EqualTo(60));
            Assert.That(score.Band, Is.EqualTo("engaged"));
        });
    }

    [Test]
    public void Compute_G3WithoutAnyDurationSource_DropsSAndRenormalisesTo61()
    {
        var score = EngagementScore.Compute(G3Days(), AsOf, Settings, durationsAvailable: false);

        Assert.Multiple(() =>
        {
            Assert.That(score.SessionDuration, Is.Null);
            Assert.That(score.Overall, Is.EqualTo(((0.35 * 100.0 * 8 / 12) + (0.40 * 100.0 * 170 / 300)) / 0.75).Within(1e-9));
            Assert.That(score.Published, Is.EqualTo(61));
        });
    }

    [Test]
    public void Compute_SevenDayWindow_WeighsTheNewestFourDaysDoubleAndScalesTheTargetsBy11Over7()
    {
        // N = 7: days 0…−3 weigh 2, −4…−6 weigh 1, Σw = 11. Active 0, −2 (×2) and −4 (×1) = 5 of 11/7·4;
        // minutes 20·2 + 60·2 + 40 = 200 of 11/7·180; units 10·2 + 35·2 + 20 = 110 of 11/7·100.
        var score = EngagementScore.Compute(G3Days(), AsOf, Settings, windowDays: 7);

        Assert.Multiple(() =>
        {
            Assert.That(score.LoginFrequency, Is.EqualTo(100 * 5 / (11.0 / 7 * 4)).Within(1e-9));
            Assert.That(score.SessionDuration, Is.EqualTo(100 * 200 / (11.0 / 7 * 180)).Within(1e-9));
            Assert.That(score.Activity, Is.EqualTo(100 * 110 / (11.0 / 7 * 100)).Within(1e-9));
            Assert.That(score.Published, Is.EqualTo(74));
        });
    }

    [Test]
    public void Compute_IgnoresDaysAfterAsOfAndCountsADayListedTwiceAsOneActiveDay()
    {
        EngagementDay[] days =
        [
            new(AsOf, 10, 0),
            new(AsOf, 5, 0), // a second course's row for the same day
            new(AsOf.AddDays(1), 500, 3),
        ];

        var score = EngagementScore.Compute(days, AsOf, Settings, durationsAvailable: false);

        Assert.Multiple(() =>
        {
            Assert.That(score.LoginFrequency, Is.EqualTo(100.0 * 2 / 12).Within(1e-9));
            Assert.That(score.Activity, Is.EqualTo(100.0 * 30 / 300).Within(1e-9));
        });
    }

    [Test]
    public void Compute_CapsEachComponentAt100()
    {
        var days = Enumerable.Range(0, 14).Select(i => new EngagementDay(AsOf.AddDays(-i), 1000, 2, Sessions: 3, Minutes: 600)).ToArray();

        var score = EngagementScore.Compute(days, AsOf, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(score.Overall, Is.EqualTo(100));
            Assert.That(score.Band, Is.EqualTo("highly-engaged"));
        });
    }

    [Test]
    public void Band_ComparesTheUnroundedValue()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new EngagementScoreResult(0, null, 0, 79.6).Published, Is.EqualTo(80));
            Assert.That(new EngagementScoreResult(0, null, 0, 79.6).Band, Is.EqualTo("engaged"));
            Assert.That(new EngagementScoreResult(0, null, 0, 80).Band, Is.EqualTo("highly-engaged"));
            Assert.That(new EngagementScoreResult(0, null, 0, 49.99).Band, Is.EqualTo("at-risk"));
            Assert.That(new EngagementScoreResult(0, null, 0, 50).Band, Is.EqualTo("engaged"));
        });
    }

    [TestCase("11391", 16.67, 35.0, 26)]
    [TestCase("28400", 58.33, 53.67, 56)]
    [TestCase("106247", 16.67, 12.0, 14)]
    public void Compute_OuladFixtureRegistrationAtDay27_MatchesTheWorkedExample(string student, double login, double activity, int expected)
    {
        var registration = OuladFixture.Registrations[student];

        var score = EngagementScore.Compute(registration.Days, FixtureAsOf, Settings, durationsAvailable: false);

        Assert.Multiple(() =>
        {
            Assert.That(score.LoginFrequency, Is.EqualTo(login).Within(0.005));
            Assert.That(score.SessionDuration, Is.Null);
            Assert.That(score.Activity, Is.EqualTo(activity).Within(0.005));
            Assert.That(score.Published, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Compute_OuladFixture11391_UsesClicksOfDays14To20AndTheSubmissionOfDay18()
    {
        // Two active days (18 is also the submission day), both in the older week: L = 2/12; V = (100 clicks + 5) / 300.
        var days = OuladFixture.Registrations["11391"].Days;

        Assert.Multiple(() =>
        {
            Assert.That(days.Where(d => d.Day >= OuladFixture.Day(14) && d.Day <= OuladFixture.Day(20)).Sum(d => d.Events), Is.EqualTo(100));
            Assert.That(days.Where(d => d.Day >= OuladFixture.Day(21) && d.Day <= FixtureAsOf && d.IsActive), Is.Empty);
            Assert.That(days.Single(d => d.Day == OuladFixture.Day(18)).Milestones, Is.EqualTo(1));
        });
    }

    [Test]
    public void Compute_OuladFixtureMeansPerFinalResult_MatchC2bAndOrderDistinctionOverPassOverFailAndWithdrawn()
    {
        var means = OuladFixture.Registrations.Values
            .GroupBy(r => r.FinalResult, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Average(r => EngagementScore.Compute(r.Days, FixtureAsOf, Settings, durationsAvailable: false).Overall),
                StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(OuladFixture.Registrations, Has.Count.EqualTo(383));
            Assert.That(Math.Round(means["Distinction"], 1), Is.EqualTo(83.8));
            Assert.That(Math.Round(means["Pass"], 1), Is.EqualTo(68.2));
            Assert.That(Math.Round(means["Withdrawn"], 1), Is.EqualTo(56.1));
            Assert.That(Math.Round(means["Fail"], 1), Is.EqualTo(43.8));
            Assert.That(means["Distinction"], Is.GreaterThan(means["Pass"]));
            Assert.That(means["Pass"], Is.GreaterThan(Math.Max(means["Fail"], means["Withdrawn"])));
        });
    }
}
