using System.Text.Json;

namespace Analytics.Api.Shared.Analytics;

/// <summary>
/// Reads an organisation's override of a weights key marked (o) in ANALYTICS.md (`organisations.settings.analytics."X:Weights"`,
/// e.g. Engagement, Alignment, Culture, OrgPerformance),
/// a JSON object of non-negative numbers by component name (case-insensitive). Absent, negative or invalid members are ignored.
/// </summary>
public static class WeightOverrides
{
    public static IReadOnlyDictionary<string, double> Parse(string? json)
    {
        var weights = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json))
        {
            return weights;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return weights;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var value) && value >= 0)
                {
                    weights[property.Name] = value;
                }
            }
        }
        catch (JsonException)
        {
            return weights;
        }

        return weights;
    }

    /// <summary>The override of <paramref name="name"/>, else <paramref name="fallback"/>.</summary>
    public static double Get(this IReadOnlyDictionary<string, double> overrides, string name, double fallback) =>
        overrides.TryGetValue(name, out var value) ? value : fallback;
}
