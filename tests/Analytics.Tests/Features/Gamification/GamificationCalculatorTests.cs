using Analytics.Api.Features.Gamification.Shared;

namespace Analytics.Tests.Features.Gamification;

/// <summary>The golden example G13 (ANALYTICS.md §8) and the streak and cap rules of §6, on the pure calculators.</summary>
public sealed class GamificationCalculatorTests
{
    private static readonly DateOnly Day = new(2025, 3, 14);

    [Test]
    public void G13a_OneDayOfEveryKindOfFact_Earns503()
    {
        var at = new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);
        PointFact[] facts =
        [
            new(PointRules.CourseCompleted, "enr-1", Day, null, 100),
            new(PointRules.AssessmentScored, "sub-1", Day, at, 95),
            new(PointRules.AssessmentScored, "sub-2", Day, at.AddMinutes(1), 88),
            new(PointRules.AssessmentScored, "sub-3", Day, at.AddMinutes(2), 90),
            new(PointRules.SkillAcquired, "user_skill:u:s1", Day, null, 50),
            new(PointRules.SkillAcquired, "user_skill:u:s2", Day, null, 50),
            new(PointRules.PracticePassed, "ps-1", Day, at.AddMinutes(3), 10),
            new(PointRules.PracticePassed, "ps-2", Day, at.AddMinutes(4), 10),
        ];
        // Active the day before too, so this day makes the streak 2 and earns one streak day.
        var streak = StreakCalculator.Compute([Day.AddDays(-1), Day], Day, 3);

        var entries = PointsCalculator.Award(facts.Concat(PointsCalculator.StreakDays(streak)), [], 1000);

        Assert.Multiple(() =>
        {
            Assert.That(entries.Where(e => e.Day == Day).Sum(e => e.Points), Is.EqualTo(503));
            Assert.That(entries.Single(e => e.Rule == PointRules.StreakDay).Points, Is.EqualTo(10));
            Assert.That(entries.Any(e => e.Capped), Is.False);
        });
    }

    [Test]
    public void G13b_TwelveScoresOf90InOneDay_AreCappedAt1000_AndALaterEventEarnsNothing()
    {
        var at = new DateTimeOffset(2025, 3, 14, 8, 0, 0, TimeSpan.Zero);
        var facts = Enumerable.Range(1, 12)
            .Select(i => new PointFact(PointRules.AssessmentScored, $"sub-{i:00}", Day, at.AddMinutes(i), 90))
            .Append(new PointFact(PointRules.PracticePassed, "ps-late", Day, at.AddHours(5), 10))
            .ToArray();

        var entries = PointsCalculator.Award(facts, [], 1000);

        Assert.Multiple(() =>
        {
            Assert.That(entries.Sum(e => e.Points), Is.EqualTo(1000));
            Assert.That(entries.Take(11).All(e => e.Points == 90 && !e.Capped), Is.True);
            Assert.That(entries[11], Is.EqualTo(new LedgerEntry(PointRules.AssessmentScored, "sub-12", Day, 90, 10, true)));
            Assert.That(entries[12], Is.EqualTo(new LedgerEntry(PointRules.PracticePassed, "ps-late", Day, 10, 0, true)));
        });
    }

    [Test]
    public void DailyCap_CountsRowsAlreadyAwardedThatDay_AndNeverAwardsAFactTwice()
    {
        AwardedPoints[] awarded = [new(PointRules.AssessmentScored, "sub-1", Day, 950, false, DateTimeOffset.UnixEpoch)];
        PointFact[] facts =
        [
            new(PointRules.AssessmentScored, "sub-1", Day, null, 95),
            new(PointRules.PracticePassed, "ps-1", Day, null, 100),
            new(PointRules.PracticePassed, "ps-1", Day, null, 100),
        ];

        var entries = PointsCalculator.Award(facts, awarded, 1000);

        Assert.That(entries, Is.EqualTo(new[] { new LedgerEntry(PointRules.PracticePassed, "ps-1", Day, 100, 50, true) }));
    }

    [Test]
    public void G13c_1250Points_IsLevel5MasterHalfway()
    {
        var level = LevelTable.Default.For(1250);

        Assert.Multiple(() =>
        {
            Assert.That(level.Number, Is.EqualTo(5));
            Assert.That(level.Name, Is.EqualTo("Master"));
            Assert.That(level.Progress(1250), Is.EqualTo(0.5));
            Assert.That(level.NextLevelPoints(1250), Is.EqualTo(250));
            Assert.That(LevelTable.Default.For(1500).Number, Is.EqualTo(6));
            Assert.That(LevelTable.Default.For(2000), Is.EqualTo(new Level(7, "Legend", 2000, 2500)));
            Assert.That(LevelTable.Default.For(99).Number, Is.EqualTo(1));
        });
    }

    [Test]
    public void G13d_AFreezeEarnedOnSundayCoversMonday_AndTheStreakContinuesAt8()
    {
        var monday = new DateOnly(2025, 3, 3);
        var active = Enumerable.Range(0, 7).Select(monday.AddDays).Append(monday.AddDays(8)).ToArray();
        var today = monday.AddDays(8);

        var streak = StreakCalculator.Compute(active, today, 3);
        var points = PointsCalculator.Award(PointsCalculator.StreakDays(streak), [], 1000);

        Assert.Multiple(() =>
        {
            Assert.That(streak.Current, Is.EqualTo(8));
            Assert.That(streak.FreezesEarned, Is.EqualTo(1));
            Assert.That(streak.FreezesUsed, Is.EqualTo(1));
            Assert.That(streak.FreezesHeld, Is.EqualTo(0));
            Assert.That(streak.Runs, Has.Count.EqualTo(1));
            Assert.That(points.Sum(p => p.Points), Is.EqualTo(70));
            Assert.That(points.Select(p => p.Day), Does.Not.Contain(monday).And.Not.Contain(monday.AddDays(7)));
        });
    }

    [Test]
    public void Streak_WithoutAFreeze_BreaksOnADayWithoutActivity()
    {
        var monday = new DateOnly(2025, 3, 3);
        var active = Enumerable.Range(0, 6).Select(monday.AddDays).Append(monday.AddDays(7)).ToArray();

        var streak = StreakCalculator.Compute(active, monday.AddDays(7), 3);

        Assert.Multiple(() =>
        {
            Assert.That(streak.Current, Is.EqualTo(1));
            Assert.That(streak.Longest, Is.EqualTo(6));
            Assert.That(streak.Runs.Select(r => r.Active), Is.EqualTo(new[] { false, true }));
        });
    }

    [Test]
    public void Streak_TodayWithoutActivityYet_DoesNotBreakIt_ButYesterdayMissedDoes()
    {
        var days = new[] { Day.AddDays(-2), Day.AddDays(-1) };

        Assert.Multiple(() =>
        {
            Assert.That(StreakCalculator.Compute(days, Day, 3).Current, Is.EqualTo(2));
            Assert.That(StreakCalculator.Compute(days, Day.AddDays(1), 3).Current, Is.EqualTo(0));
        });
    }
}
