using Analytics.Api.Shared.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Tests.Security;

/// <summary>
/// Issue #9 "Done when": the attack suite would fail if any access rule were removed. For every rule of the production table,
/// a host whose table lacks it runs the access matrix (the same builder, oracle and runner as <see cref="AccessMatrixTests"/>,
/// on one route per affected group) and must report mismatches; so must hosts where a rule is widened.
/// </summary>
public sealed class AccessRuleMutationTests
{
    private static IEnumerable<TestCaseData> Removals() =>
        AccessRules.Table.SelectMany(area => area.Value.Keys.Select(role =>
            new TestCaseData(area.Key, role).SetName($"Matrix_WithoutTheRule_{area.Key}_{role}_ReportsMismatches")));

    private static IEnumerable<TestCaseData> Widenings()
    {
        yield return new TestCaseData(SubjectArea.LearnerAnalytics, Roles.Learner, SubjectScope.Members)
            .SetName("Matrix_WithLearnerAnalyticsOfLearnerWidenedToMembers_ReportsMismatches");
        yield return new TestCaseData(SubjectArea.TrainerAnalytics, Roles.Trainer, SubjectScope.OrganisationTrainers)
            .SetName("Matrix_WithTrainerAnalyticsOfTrainerWidenedToOrganisationTrainers_ReportsMismatches");
        yield return new TestCaseData(SubjectArea.PersonOrCohort, Roles.Trainer, SubjectScope.OwnOrganisationOrMembers)
            .SetName("Matrix_WithPersonOrCohortOfTrainerWidenedToTheOrganisation_ReportsMismatches");
        yield return new TestCaseData(SubjectArea.OrganisationAnalytics, Roles.PlatformAdmin, SubjectScope.OwnOrganisation)
            .SetName("Matrix_WithOrganisationAnalyticsGrantedToPlatformAdmin_ReportsMismatches");
    }

    [TestCaseSource(nameof(Removals))]
    public async Task Matrix_WithoutOneRule_ReportsMismatches(SubjectArea area, string role)
    {
        var table = Copy(AccessRules.Table);
        ((Dictionary<string, SubjectScope>)table[area]).Remove(role);

        var result = await RunAsync(table, area);

        Assert.That(result.Mismatches, Is.Not.Empty, $"removing {area} → {role} went unnoticed over {result.Requests} requests");
    }

    // Widening a privacy rule is not tried: a refused erasure is sent with the right confirm, so a widened rule would erase.
    [TestCaseSource(nameof(Widenings))]
    public async Task Matrix_WithOneRuleWidened_ReportsMismatches(SubjectArea area, string role, SubjectScope scope)
    {
        var table = Copy(AccessRules.Table);
        ((Dictionary<string, SubjectScope>)table[area])[role] = scope;

        var result = await RunAsync(table, area);

        Assert.That(result.Mismatches, Is.Not.Empty, $"widening {area} → {role} to {scope} went unnoticed over {result.Requests} requests");
    }

    private static async Task<MatrixResult> RunAsync(IReadOnlyDictionary<SubjectArea, IReadOnlyDictionary<string, SubjectScope>> table, SubjectArea area)
    {
        await using var host = SecurityHost.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<AccessRules>();
            services.AddSingleton(new AccessRules(table));
        }));
        using var client = host.CreateClient();
        Assert.That(host.Services.GetRequiredService<AccessRules>().Rules, Is.SameAs(table));
        var groups = GroupsOf(area);
        var sample = AccessMatrix.Representatives(AccessMatrix.RoutesOf(host.Services))
            .Where(r => groups.Contains(r.Key))
            .Select(r => r.Value)
            .ToHashSet(StringComparer.Ordinal);
        Assert.That(sample, Is.Not.Empty, $"no route of the groups of {area}");

        var result = await AccessMatrix.RunAsync(host.Services, client, AccessWorld.Current, (_, route) => sample.Contains(route));
        TestContext.Out.WriteLine($"{result.Requests} requests on {string.Join(", ", sample)}; {result.Mismatches.Count} mismatches, e.g.:");
        foreach (var mismatch in result.Mismatches.Take(5))
        {
            TestContext.Out.WriteLine("  " + mismatch);
        }

        return result;
    }

    /// <summary>The endpoint groups of API.md §3.3 an area's rules decide (every group for an area this suite does not know).</summary>
    private static HashSet<EndpointGroup> GroupsOf(SubjectArea area) => area switch
    {
        SubjectArea.LearnerAnalytics => new HashSet<EndpointGroup> { EndpointGroup.LearnerAnalytics },
        SubjectArea.TrainerAnalytics => new HashSet<EndpointGroup> { EndpointGroup.TrainerAnalytics },
        SubjectArea.OrganisationAnalytics => new HashSet<EndpointGroup> { EndpointGroup.OrganisationAnalytics },
        SubjectArea.PersonOrCohort => new HashSet<EndpointGroup> { EndpointGroup.PersonOrCohort, EndpointGroup.AtRisk },
        SubjectArea.PrivacyRequests => new HashSet<EndpointGroup> { EndpointGroup.PrivacyExportOrErasure },
        SubjectArea.PrivacyPreferences => new HashSet<EndpointGroup> { EndpointGroup.PrivacyPreferences },
        _ => Enum.GetValues<EndpointGroup>().ToHashSet(),
    };

    private static Dictionary<SubjectArea, IReadOnlyDictionary<string, SubjectScope>> Copy(
        IReadOnlyDictionary<SubjectArea, IReadOnlyDictionary<string, SubjectScope>> table) =>
        table.ToDictionary(a => a.Key, a => (IReadOnlyDictionary<string, SubjectScope>)a.Value.ToDictionary(r => r.Key, r => r.Value));
}
