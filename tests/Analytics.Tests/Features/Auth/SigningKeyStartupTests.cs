using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Auth;

/// <summary>Outside Development the service refuses to start without a signing key, or with a weak one (PRODUCT.md decision 5).</summary>
public sealed class SigningKeyStartupTests
{
    [TestCase("", "not configured")]
    [TestCase("c2hvcnQta2V5", "too weak")]
    public async Task Start_OutsideDevelopmentWithMissingOrWeakKey_Fails(string key, string reason)
    {
        await using var factory = new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "upstream",
            ["Auth:SigningKey"] = key,
        });

        var failure = Assert.Catch(() => factory.CreateClient());

        Assert.That(failure!.ToString(), Does.Contain(reason));
    }
}
