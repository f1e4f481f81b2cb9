namespace Analytics.Api.Shared.Analytics;

/// <summary>
/// k of the k-anonymity rule (`Privacy:MinGroupSize`, default 10; ANALYTICS.md §0.5). An organisation may only raise it
/// (`organisations.settings.minGroupSize`), so callers pass the organisation's value when they have it.
/// </summary>
public sealed class PrivacySettings(IConfiguration configuration)
{
    public int MinGroupSize { get; } = Math.Max(1, configuration.GetValue("Privacy:MinGroupSize", 10));

    public int MinGroupSizeFor(int? organisationMinGroupSize) => Math.Max(MinGroupSize, organisationMinGroupSize ?? 0);
}
