namespace Analytics.Api.Shared.Analytics;

/// <summary>How long computing one analytic may take (`Analytics:ComputeBudgetSeconds`, 5 s; API.md §1.6, §6.3).</summary>
public sealed class ComputeBudget(IConfiguration configuration)
{
    public TimeSpan Limit { get; } = TimeSpan.FromSeconds(configuration.GetValue("Analytics:ComputeBudgetSeconds", 5.0));
}
