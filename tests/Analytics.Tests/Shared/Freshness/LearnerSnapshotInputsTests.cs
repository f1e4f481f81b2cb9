using Analytics.Api.Shared.Freshness;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Shared.Freshness;

/// <summary>Organisation analytics read learner results from snapshots; the members without one are computed and stored first.</summary>
public sealed class LearnerSnapshotInputsTests
{
    private const string Org = "lsi-org";

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, new DateOnly(2025, 3, 15));
        await TestStore.ExecuteAsync("INSERT INTO lrs.departments (id, organisation_id, name, source) VALUES ('lsi-d1', 'lsi-org', 'D1', 'test'), ('lsi-d2', 'lsi-org', 'D2', 'test')");
        await TestStore.CourseAsync("lsi-c1", Org, topics: 2, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30));
        for (var i = 1; i <= 4; i++)
        {
            await TestStore.UserAsync($"lsi-l{i}", Org, null, "learner");
            await TestStore.ExecuteAsync("UPDATE lrs.users SET department_id = @department WHERE id = @id", new { id = $"lsi-l{i}", department = i <= 3 ? "lsi-d1" : "lsi-d2" });
            await TestStore.EnrolAsync($"lsi-l{i}", "lsi-c1", new DateOnly(2025, 1, 5));
        }

        await TestStore.CompleteTopicAsync("lsi-l1", "lsi-c1", 1, new DateOnly(2025, 3, 10));
    }

    [Test]
    public async Task Ensure_ComputesAndStoresOnlyTheMissingSnapshotsOfTheDepartment()
    {
        await TestStore.ExecuteAsync("DELETE FROM analytics.analytics_snapshots WHERE subject_id LIKE 'lsi-%'");
        await EnsureAsync("lsi-d1");
        var first = await ComputedAtAsync("lsi-l2");
        Assert.Multiple(async () =>
        {
            Assert.That(await ComputedAtAsync("lsi-l1"), Is.Not.Null, "a member of the department without a snapshot gets one");
            Assert.That(first, Is.Not.Null);
            Assert.That(await ComputedAtAsync("lsi-l4"), Is.Null, "lsi-l4 is in another department");
            Assert.That(
                await TestStore.ScalarAsync<int?>("SELECT (payload ->> 'overallEngagement')::int FROM analytics.analytics_snapshots WHERE subject_id = 'lsi-l1' AND analytic = 'engagement'"),
                Is.GreaterThan(0), "lsi-l1 was active on 2025-03-10, so the stored engagement is the computed one");
        });

        await TestStore.ExecuteAsync("DELETE FROM analytics.analytics_snapshots WHERE subject_id = 'lsi-l1'");
        await EnsureAsync("lsi-d1");

        Assert.Multiple(async () =>
        {
            Assert.That(await ComputedAtAsync("lsi-l1"), Is.Not.Null, "the missing one is computed again");
            Assert.That(await ComputedAtAsync("lsi-l2"), Is.EqualTo(first), "a recent snapshot is not recomputed");
        });
    }

    private static async Task EnsureAsync(string departmentId)
    {
        await using var scope = TestHost.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LearnerSnapshotInputs>().EnsureAsync(Org, departmentId, ["engagement"], CancellationToken.None);
    }

    private static Task<DateTime?> ComputedAtAsync(string userId) =>
        TestStore.ScalarAsync<DateTime?>(
            "SELECT computed_at FROM analytics.analytics_snapshots WHERE subject_type = 'learner' AND subject_id = @userId AND analytic = 'engagement'",
            new { userId });
}
