using System.Text.Json.Serialization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>The `department-analytics@1.0` object of ANALYTICS.md §3.5: {organisationId, departments[]}.</summary>
public sealed record DepartmentAnalyticsPayload : AnalyticPayload
{
    public required string OrganisationId { get; init; }

    public required IReadOnlyList<DepartmentAnalyticsEntry> Departments { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Suppressed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SuppressedFields { get; init; }
}
