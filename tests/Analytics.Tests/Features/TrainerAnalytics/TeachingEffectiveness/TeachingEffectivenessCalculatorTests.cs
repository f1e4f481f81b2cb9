using Analytics.Api.Features.TrainerAnalytics.TeachingEffectiveness;

namespace Analytics.Tests.Features.TrainerAnalytics.TeachingEffectiveness;

/// <summary>Teaching effectiveness of ANALYTICS.md §2.4: the score, peer z-scores, fixed targets below k peers, and privacy.</summary>
public sealed class TeachingEffectivenessCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly TeachingEffectivenessSettings Settings = new();

    /// <summary>A trainer whose ratings average <paramref name="meanRating"/> (10 raters), pass share and completion as given.</summary>
    private static TrainerOutcome Trainer(string id, double meanRating, int passedOf20, int completedOf10, int learners = 30) =>
        new(id, learners, completedOf10, 10 - completedOf10, 0, 20, 20, passedOf20, 10, 10, (int)Math.Round(meanRating * 10),
            10, 10, (int)Math.Round(meanRating * 10), 0, 0, 0);

    [Test]
    public void Compute_CombinesSatisfactionPassRateAndCompletion()
    {
        // Rating 4.2 → 80; pass 15/20 → 75; completion 6/10 → 60: 0.35·80 + 0.35·75 + 0.30·60 = 72.25 → 72.
        var payload = TeachingEffectivenessCalculator.Compute(
            AsOf, Trainer("t", 4.2, 15, 6), [], [2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0, 18.0, 20.0], new SkillAcquisition(40, 10, 12), 10, true, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallScore, Is.EqualTo(72));
            Assert.That(payload.Metrics.StudentSatisfaction.Score, Is.EqualTo(4.2));
            Assert.That(payload.Metrics.StudentSatisfaction.TotalReviews, Is.EqualTo(10));
            Assert.That(payload.Metrics.LearningOutcomes.AverageScoreImprovement, Is.EqualTo(11));
            Assert.That(payload.Metrics.LearningOutcomes.SkillAcquisitionRate, Is.EqualTo(25));
            Assert.That(payload.Metrics.LearningOutcomes.CompletionRate, Is.EqualTo(60));
            Assert.That(payload.Metrics.Engagement.ResponseTime, Is.Null);
            Assert.That(payload.NotAvailable, Is.EqualTo(new[]
            {
                "metrics.engagement.responseTime", "metrics.engagement.feedbackQuality", "metrics.engagement.availabilityScore",
            }));
            Assert.That(payload.Components.PassRate, Is.EqualTo(75));
            Assert.That(payload.DataStatus, Is.EqualTo("ok"));
        });
    }

    [Test]
    public void Compute_BelowKPeers_ComparesWithTheFixedTargets()
    {
        var payload = TeachingEffectivenessCalculator.Compute(
            AsOf, Trainer("t", 4.2, 15, 8), [Trainer("p", 3.0, 5, 2)], [], new SkillAcquisition(0, 0, 0), 10, true, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Strengths, Is.EqualTo(new[]
            {
                "Student satisfaction 4.2 meets the target of 4.0.", "Completion rate 80.0 % meets the target of 75.0 %.",
            }));
            Assert.That(payload.ImprovementAreas, Is.EqualTo(new[] { "Pass rate 75.0 % is below the target of 80.0 %." }));
        });
    }

    [Test]
    public void Compute_WithKPeers_UsesZScoresAgainstThem()
    {
        // Peer ratings 3.0 ×5 and 4.0 ×5: mean 3.5, SD 0.5. Rating 4.2 → z = +1.40; pass and completion equal the peer mean → z = 0.
        var peers = Enumerable.Range(0, 10).Select(i => Trainer($"p{i}", i < 5 ? 3.0 : 4.0, 15, 6)).ToArray();

        var payload = TeachingEffectivenessCalculator.Compute(AsOf, Trainer("t", 4.2, 15, 6), peers, [], new SkillAcquisition(0, 0, 0), 10, true, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Strengths, Is.EqualTo(new[] { "Student satisfaction 4.2 is above the organisation's other trainers (3.5; z = +1.40)." }));
            Assert.That(payload.ImprovementAreas, Is.Empty);
        });
    }

    [Test]
    public void Compute_PeersBelowKLearners_DoNotCount()
    {
        var smallPeers = Enumerable.Range(0, 10).Select(i => Trainer($"p{i}", 3.0, 5, 2, learners: 9)).ToArray();

        var payload = TeachingEffectivenessCalculator.Compute(AsOf, Trainer("t", 4.2, 15, 6), smallPeers, [], new SkillAcquisition(0, 0, 0), 10, true, Settings);

        Assert.That(payload.Strengths, Does.Contain("Student satisfaction 4.2 meets the target of 4.0."));
    }

    [Test]
    public void Compute_FewerThanKLearners_WithholdsTheWholeResponse()
    {
        var payload = TeachingEffectivenessCalculator.Compute(
            AsOf, Trainer("t", 4.2, 15, 6, learners: 9), [], [], new SkillAcquisition(0, 0, 0), 10, true, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.Suppressed, Is.True);
            Assert.That(payload.OverallScore, Is.Null);
            Assert.That(payload.Metrics.StudentSatisfaction.TotalReviews, Is.Null);
            Assert.That(payload.Strengths, Is.Empty);
            Assert.That(payload.ImprovementAreas, Is.Empty);
        });
    }

    [Test]
    public void Compute_WithoutRatingsBelowK_RenormalisesAndIsPartial()
    {
        // Pass 75, completion 60: (0.35·75 + 0.30·60) / 0.65 = 68.08 → 68.
        var subject = Trainer("t", 4.2, 15, 6) with { Raters = 5, Ratings = 5 };

        var payload = TeachingEffectivenessCalculator.Compute(AsOf, subject, [], [], new SkillAcquisition(0, 0, 0), 10, true, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallScore, Is.EqualTo(68));
            Assert.That(payload.DataStatus, Is.EqualTo("partial"));
            Assert.That(payload.ComponentsUsed, Is.EqualTo(new[] { "passRate", "completion" }));
            Assert.That(payload.Metrics.StudentSatisfaction.Score, Is.Null);
        });
    }
}
