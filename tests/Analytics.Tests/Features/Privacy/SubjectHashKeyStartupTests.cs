using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Privacy;

/// <summary>Outside Development the service refuses to start without the tombstones' key, or with a weak one (docs/configuration.md, Privacy).</summary>
public sealed class SubjectHashKeyStartupTests
{
    [TestCase("", "not configured")]
    [TestCase("c2hvcnQta2V5", "too weak")]
    public async Task Start_OutsideDevelopmentWithMissingOrWeakSubjectHashKey_Fails(string key, string reason)
    {
        await using var factory = new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "upstream",
            ["Privacy:SubjectHashKey"] = key,
        });

        var failure = Assert.Catch(() => factory.CreateClient());

        Assert.That(failure!.ToString(), Does.Contain("Privacy:SubjectHashKey").And.Contain(reason));
    }
}
