using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.Velocity;

/// <summary>API.md §1.6: an analytics computation past its budget is 503 DATA_UNAVAILABLE with Retry-After, not a hung request.</summary>
public sealed class VelocityBudgetTests
{
    // A learner of its own organisation: no other test stores a snapshot of it (a stored one would be served without computing).
    private const string Learner = "vb-learner";

    private const string Org = "vb-org";

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, new DateOnly(2025, 3, 15));
        await TestStore.UserAsync(Learner, Org, null, "learner");
    }

    [Test]
    public async Task Get_WhenTheComputationExceedsItsBudget_Returns503DataUnavailable()
    {
        await using var factory = new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "upstream",
            ["Analytics:ComputeBudgetSeconds"] = "0.000001",
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint(Learner, ["learner"], Org));

        using var response = await client.GetAsync(new Uri("/api/v1/learner/analytics/velocity/" + Learner, UriKind.Relative));

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "DATA_UNAVAILABLE");
        Assert.Multiple(() =>
        {
            Assert.That(body["retryAfter"]!.GetValue<int>(), Is.EqualTo(30));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(30)));
        });
    }
}
