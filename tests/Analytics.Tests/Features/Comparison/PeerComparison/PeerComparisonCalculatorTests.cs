using Analytics.Api.Features.Comparison.PeerComparison;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Tests.Features.Comparison.PeerComparison;

/// <summary>ANALYTICS.md §4.1 and G12 on the pure calculator: ranks and percentiles of §0.2, k of §0.5, skills and recommendations.</summary>
public sealed class PeerComparisonCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly PeerForm Form = PeerForm.Learner("organisation");

    /// <summary>A group of learners with only an engagement value (ratio); the subject "u" is a member with <paramref name="own"/>.</summary>
    private static PeerPopulation EngagementGroup(double? own, params double[] peers) =>
        new(
            [
                .. own is { } o ? new[] { new PeerMember("u", [null, o, null, null]) } : [],
                .. peers.Select((v, i) => new PeerMember($"p{i}", [null, v, null, null])),
            ],
            4,
            []);

    [Test]
    public void Compute_G12a_ElevenPeers_GivesPercentile50Ranking6Of12()
    {
        var group = EngagementGroup(0.70, 0.40, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95);

        var result = PeerComparisonCalculator.Compute(AsOf, Form, group, "u", [null, 0.70, null, null], [], 10);

        var engagement = result.Payload.PerformanceComparisons.Single();
        Assert.Multiple(() =>
        {
            Assert.That(engagement.Metric, Is.EqualTo("engagement"));
            Assert.That(engagement.UserValue, Is.EqualTo(0.70));
            Assert.That(engagement.PeerAverage, Is.EqualTo(0.695));
            Assert.That(engagement.PeerMedian, Is.EqualTo(0.70));
            Assert.That(engagement.Percentile, Is.EqualTo(50));
            Assert.That(engagement.Ranking, Is.EqualTo(6));
            Assert.That(result.Payload.UserRanking, Is.EqualTo(new Api.Features.Comparison.Shared.UserRanking(6, 12, 50)));
            Assert.That(result.Payload.Suppressed, Is.Null);
            Assert.That(result.Payload.DataStatus, Is.EqualTo(DataStatuses.Partial));
            Assert.That(result.Payload.ComponentsUsed, Is.EqualTo(new[] { "engagement" }));
            // Velocity, mastery and performance have no peer values: removed and counted (§0.5 rows).
            Assert.That(result.Suppression, Is.EqualTo(new SuppressionInfo(SuppressionInfo.SegmentsTooSmall, 10, 3)));
        });
    }

    [Test]
    public void Compute_G12b_NinePeers_IsTheSuppressedResponse()
    {
        var group = EngagementGroup(0.70, 0.40, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85);

        var result = PeerComparisonCalculator.Compute(AsOf, Form, group, "u", [null, 0.70, null, null], [], 10);

        var payload = result.Payload;
        Assert.Multiple(() =>
        {
            Assert.That(payload.Suppressed, Is.True);
            Assert.That(payload.Message, Is.EqualTo("Insufficient data: fewer than 10 people in this group."));
            Assert.That(payload.UserRanking, Is.EqualTo(new Api.Features.Comparison.Shared.UserRanking(null, null, null)));
            Assert.That(payload.PerformanceComparisons, Is.Empty);
            Assert.That(payload.SkillComparisons, Is.Empty);
            Assert.That(payload.AnonymizedPeerData, Is.Empty);
            Assert.That(payload.Insights, Is.Empty);
            Assert.That(payload.Recommendations, Is.Empty);
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Ok));
            Assert.That(payload.NotAvailable, Is.Empty);
            Assert.That(payload.ComponentsUsed, Is.Null);
            Assert.That(result.Suppression, Is.EqualTo(new SuppressionInfo(SuppressionInfo.GroupTooSmall, 10, 0)));
        });
    }

    [Test]
    public void Compute_LearnerWithNoPeers_GetsTheInsufficientDataAnswer()
    {
        var result = PeerComparisonCalculator.Compute(AsOf, Form, EngagementGroup(0.5), "u", [null, 0.5, null, null], [], 10);

        Assert.Multiple(() =>
        {
            Assert.That(result.Payload.Suppressed, Is.True);
            Assert.That(result.Suppression!.Reason, Is.EqualTo(SuppressionInfo.GroupTooSmall));
        });
    }

    [Test]
    public void Compute_WithTies_EveryTiedMemberSharesOneRankAndOnePercentile()
    {
        // 3 below, 4 tied at 0.5 (the subject among them), 4 above: for a tied member, 3 peers below, 3 equal, 4 above.
        double[] values = [0.3, 0.4, 0.45, 0.5, 0.5, 0.5, 0.5, 0.6, 0.7, 0.8, 0.9];
        var members = values.Select((v, i) => new PeerMember($"m{i}", [null, v, null, null])).ToArray();
        var group = new PeerPopulation(members, 4, []);

        var tied = members.Where(m => m.Values[1] == 0.5)
            .Select(m => PeerComparisonCalculator.Compute(AsOf, Form, group, m.Id, m.Values, [], 10).Payload)
            .ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(tied, Has.Length.EqualTo(4));
            Assert.That(tied.Select(p => p.UserRanking.Overall).Distinct(), Is.EqualTo(new int?[] { 5 }), "rank = 1 + 4 peers above");
            Assert.That(tied.Select(p => p.UserRanking.Percentile).Distinct(), Is.EqualTo(new int?[] { 45 }), "(3 + 0.5·3)/10");
            Assert.That(tied.Select(p => p.PerformanceComparisons[0].Ranking).Distinct(), Is.EqualTo(new int?[] { 5 }));
            Assert.That(tied.Select(p => p.PerformanceComparisons[0].Percentile).Distinct(), Is.EqualTo(new int?[] { 45 }));
        });
        // The next value up has 3 peers above it: rank 4, directly ahead of the tied group's shared rank 5.
        var above = PeerComparisonCalculator.Compute(AsOf, Form, group, "m7", members[7].Values, [], 10).Payload;
        Assert.That(above.UserRanking.Overall, Is.EqualTo(4));
    }

    [Test]
    public void Compute_CompositeIsTheMeanOfTheAvailableMetrics()
    {
        // Each peer has all four metrics; the subject's composite (0.2 + 0.4 + 0.6 + 0.8)/4 = 0.5 sits in the middle.
        var members = Enumerable.Range(0, 10)
            .Select(i => new PeerMember($"p{i}", [i / 10.0, i / 10.0, i / 10.0, i / 10.0]))
            .Append(new PeerMember("u", [0.2, 0.4, 0.6, 0.8]))
            .ToArray();
        var group = new PeerPopulation(members, 4, []);

        var payload = PeerComparisonCalculator.Compute(AsOf, Form, group, "u", [0.2, 0.4, 0.6, 0.8], [], 10).Payload;

        Assert.Multiple(() =>
        {
            Assert.That(payload.UserRanking, Is.EqualTo(new Api.Features.Comparison.Shared.UserRanking(5, 11, 55)));
            Assert.That(payload.PerformanceComparisons.Select(c => c.Metric),
                Is.EqualTo(new[] { "learning_velocity", "engagement", "mastery", "performance" }));
            Assert.That(payload.PerformanceComparisons.Select(c => c.Percentile), Is.EqualTo(new int?[] { 25, 45, 65, 85 }));
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Ok));
            Assert.That(payload.Insights.Select(i => i.Type), Is.EqualTo(new[] { "strength", "opportunity" }));
            Assert.That(payload.Insights[0].Message, Does.Contain("performance").And.Contain("85"));
            Assert.That(payload.Insights[1].Message, Does.Contain("learning velocity").And.Contain("25"));
            Assert.That(payload.AnonymizedPeerData.Single().AverageEngagement, Is.EqualTo(0.45));
        });
    }

    [Test]
    public void Compute_SkillBelowTheQuartile_RecommendsThePeerMedianLevelWithItsPercentile()
    {
        // Peers' levels 2,2,2,2,2,3,3,3,4,4: median 2.5 → reach level 3; at level 3: (5 + 0.5·3)/10 → 65.
        int[] counts = [0, 0, 5, 3, 2];
        var levels = counts.Select((n, level) => new SkillLevelCount("sk-a", "Alpha", level, n)).Where(r => r.People > 0)
            .Append(new SkillLevelCount("sk-a", "Alpha", 1, 1));
        var members = Enumerable.Range(0, 10).Select(i => new PeerMember($"p{i}", [null, 0.5, null, null]))
            .Append(new PeerMember("u", [null, 0.5, null, null]));
        var group = new PeerPopulation(members.ToArray(), 4, levels);

        var payload = PeerComparisonCalculator.Compute(AsOf, Form, group, "u", [null, 0.5, null, null], [new SubjectSkill("sk-a", "Alpha", 1)], 10).Payload;

        var skill = payload.SkillComparisons.Single();
        var recommendation = payload.Recommendations.Single();
        Assert.Multiple(() =>
        {
            Assert.That(skill.UserLevel, Is.EqualTo(0.25));
            Assert.That(skill.PeerAverage, Is.EqualTo(0.675), "mean level 2.7 of the ten peers, the subject's own row left out");
            Assert.That(skill.PeerMedian, Is.EqualTo(0.625));
            Assert.That(skill.Percentile, Is.EqualTo(0));
            Assert.That(skill.Ranking, Is.EqualTo(11));
            Assert.That(recommendation.Action, Is.EqualTo("Reach level 3"));
            Assert.That(recommendation.ExpectedImpact, Is.EqualTo("percentile 0 → 65"));
            Assert.That(recommendation.Priority, Is.EqualTo("high"));
            Assert.That(payload.AnonymizedPeerData.Single().CommonStrengths, Is.EqualTo(new[] { "Alpha" }));
        });
    }

    [Test]
    public void Compute_SkillHeldByFewerThanKPeers_IsRemovedAndCounted()
    {
        var members = Enumerable.Range(0, 10).Select(i => new PeerMember($"p{i}", [null, 0.5, null, null])).ToArray();
        var group = new PeerPopulation(members, 4, [new SkillLevelCount("sk-b", "Beta", 2, 9)]);

        var result = PeerComparisonCalculator.Compute(AsOf, Form, group, "u", [null, 0.5, null, null], [new SubjectSkill("sk-b", "Beta", 2)], 10);

        Assert.Multiple(() =>
        {
            Assert.That(result.Payload.SkillComparisons, Is.Empty);
            Assert.That(result.Suppression!.SuppressedSegments, Is.EqualTo(4), "three metrics without peers and the skill");
        });
    }

    [Test]
    public void Compute_TrainerCohortForm_NamesItsPeerGroupAndListsWhatItCannotFill()
    {
        var members = Enumerable.Range(0, 11).Select(i => new PeerMember($"t{i}", [i / 10.0, 0.8, 0.7, 0.6])).ToArray();
        var group = new PeerPopulation(members, 4, []);

        var payload = PeerComparisonCalculator.Compute(AsOf, PeerForm.Trainers, group, "t3", members[3].Values, [], 10).Payload;

        Assert.Multiple(() =>
        {
            Assert.That(payload.AnonymizedPeerData.Single().PeerGroup, Is.EqualTo("organisation-trainers"));
            Assert.That(payload.SkillComparisons, Is.Empty);
            Assert.That(payload.PerformanceComparisons.Select(c => c.Metric),
                Is.EqualTo(new[] { "teaching_effectiveness", "completion_rate", "pass_rate", "rating" }));
            Assert.That(payload.NotAvailable,
                Is.EqualTo(new[] { "anonymizedPeerData[0].averageProgress", "anonymizedPeerData[0].averageEngagement" }));
            Assert.That(payload.UserRanking.TotalPeers, Is.EqualTo(11));
        });
    }

    [Test]
    public void PeerValues_LeavesOutOneOccurrenceOfTheSubject()
    {
        var values = new PeerValues([0.1, 0.2, 0.2, 0.3]);

        var stats = values.Against(0.2, 0.2)!;

        Assert.Multiple(() =>
        {
            Assert.That(stats.Count, Is.EqualTo(3));
            Assert.That(stats.Below, Is.EqualTo(1));
            Assert.That(stats.Equal, Is.EqualTo(1));
            Assert.That(stats.Median, Is.EqualTo(0.2));
            Assert.That(stats.Mean, Is.EqualTo(0.2).Within(1e-12));
        });
    }
}
