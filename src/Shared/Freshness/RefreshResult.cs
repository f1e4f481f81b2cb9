namespace Analytics.Api.Shared.Freshness;

/// <summary>One analytic of a finished refresh job (API.md §4.6 `results[]`).</summary>
public sealed record RefreshResult(string Analytic, string Status, DateTimeOffset? ComputedAt)
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
}
