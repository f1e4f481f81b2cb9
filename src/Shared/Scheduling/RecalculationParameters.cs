using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// The filters of a manual recalculation (API.md §4.9 `{organisationId?, analytics?}`), stored with the run (`batch_runs.parameters`)
/// so whichever instance resumes it computes the same subjects and analytics. Empty for the nightly run: everything.
/// </summary>
public sealed record RecalculationParameters(
    [property: JsonPropertyName("organisationId")] string? OrganisationId = null,
    [property: JsonPropertyName("analytics")] IReadOnlyList<string>? Analytics = null)
{
    public static readonly RecalculationParameters Everything = new();

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>No filter: every subject and every stored analytic (the nightly run).</summary>
    [JsonIgnore]
    public bool IsEverything => OrganisationId is null && (Analytics is null || Analytics.Count == 0);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static RecalculationParameters Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? Everything : JsonSerializer.Deserialize<RecalculationParameters>(json, Options) ?? Everything;
}
