using Analytics.Api.Shared.Jobs;
using Analytics.Api.Shared.Sources.Demo;
using NUnit.Framework;

namespace Analytics.Tests.Shared.Sources.Demo;

/// <summary>The PRNG of SOURCES.md §2.2 against reference outputs computed independently (a 20-line Python transcription of the papers).</summary>
public sealed class RandomStreamTests
{
    [Test]
    public void SplitMix64_Seed42_MatchesReferenceOutputs()
    {
        var state = 42UL;
        ulong[] expected = [0xbdd732262feb6e95, 0x28efe333b266f103, 0x47526757130f9f52];

        var actual = expected.Select(_ => SplitMix64.Next(ref state)).ToArray();

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Xoshiro256StarStar_SeededBySplitMix64With42_MatchesReferenceOutputs()
    {
        var random = new Xoshiro256StarStar(42);
        ulong[] expected = [0x15780b2e0c2ec716, 0x6104d9866d113a7e, 0xae17533239e499a1, 0xecb8ad4703b360a1, 0xfde6dc7fe2ec5e64];

        var actual = expected.Select(_ => random.NextUInt64()).ToArray();

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Hash64_DiffersByKindAndIndex_AndIsStable()
    {
        var a = SplitMix64.Hash64(42, RandomStreamKind.LearnerActivity, 7);

        Assert.Multiple(() =>
        {
            Assert.That(SplitMix64.Hash64(42, RandomStreamKind.LearnerActivity, 7), Is.EqualTo(a));
            Assert.That(SplitMix64.Hash64(42, RandomStreamKind.LearnerTraits, 7), Is.Not.EqualTo(a));
            Assert.That(SplitMix64.Hash64(42, RandomStreamKind.LearnerActivity, 8), Is.Not.EqualTo(a));
            Assert.That(SplitMix64.Hash64(43, RandomStreamKind.LearnerActivity, 7), Is.Not.EqualTo(a));
        });
    }

    [Test]
    public void Distributions_HaveTheirStatedMeans()
    {
        var random = new Xoshiro256StarStar(42);
        const int n = 200_000;
        double normal = 0, beta = 0, negBin = 0, poisson = 0, uniform = 0;
        for (var i = 0; i < n; i++)
        {
            normal += random.Normal();
            beta += random.Beta(2.5, 1.8);
            negBin += random.NegativeBinomial(11, 2);
            poisson += random.Poisson(1.5);
            uniform += random.NextInt(1, 5);
        }

        Assert.Multiple(() =>
        {
            Assert.That(normal / n, Is.EqualTo(0).Within(0.01));
            Assert.That(beta / n, Is.EqualTo(2.5 / 4.3).Within(0.005));
            Assert.That(negBin / n, Is.EqualTo(11).Within(0.1));
            Assert.That(poisson / n, Is.EqualTo(1.5).Within(0.02));
            Assert.That(uniform / n, Is.EqualTo(3).Within(0.02));
        });
    }

    [Test]
    public void JobId_IsJobPrefixAnd26CrockfordCharacters()
    {
        var id = JobId.New(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero));

        Assert.That(id, Does.Match("^job_[0-9A-HJKMNP-TV-Z]{26}$"));
    }
}
