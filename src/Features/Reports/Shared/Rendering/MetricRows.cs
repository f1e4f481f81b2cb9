using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>
/// Flattens an analytic's data object into long-format rows: every number once, its section (the path of objects above it),
/// its dimension (the label of the list item it belongs to) and its value exactly as the read endpoint serialises it.
/// </summary>
public static class MetricRows
{
    private static readonly string[] LabelKeys =
        ["date", "week", "weekStart", "month", "period", "name", "skill", "skillName", "title", "courseName", "course", "category", "type", "id", "key"];

    public static IReadOnlyList<MetricRow> Of(ReportSection section)
    {
        var rows = new List<MetricRow>();
        if (section.Data is not { } data)
        {
            return rows;
        }

        var computedAt = section.ComputedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? string.Empty;
        Walk(rows, section.Analytic, "summary", string.Empty, data, computedAt);
        return rows;
    }

    private static void Walk(List<MetricRow> rows, string analytic, string sectionName, string dimension, JsonObject node, string computedAt)
    {
        foreach (var (key, value) in node)
        {
            switch (value)
            {
                case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number:
                    rows.Add(new MetricRow(analytic, sectionName, key, dimension, scalar.ToJsonString(), Unit(key), computedAt));
                    break;
                case JsonObject child:
                    var childSection = sectionName == "summary" ? key : $"{sectionName}.{key}";
                    Walk(rows, analytic, childSection, dimension, child, computedAt);
                    break;
                case JsonArray array:
                    var arraySection = sectionName == "summary" ? key : $"{sectionName}.{key}";
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonObject item)
                        {
                            Walk(rows, analytic, arraySection, Label(item, i, dimension), item, computedAt);
                        }
                        else if (array[i] is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
                        {
                            rows.Add(new MetricRow(analytic, arraySection, key, Join(dimension, i.ToString(CultureInfo.InvariantCulture)),
                                number.ToJsonString(), Unit(key), computedAt));
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>A list item's label: its date, name or id, else its position.</summary>
    public static string Label(JsonObject item, int index, string outer = "")
    {
        foreach (var key in LabelKeys)
        {
            if (item[key] is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
            {
                return Join(outer, value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
            }
        }

        return Join(outer, index.ToString(CultureInfo.InvariantCulture));
    }

    private static string Join(string outer, string inner) => outer.Length == 0 ? inner : $"{outer}/{inner}";

    /// <summary>The unit a metric's name announces (ANALYTICS.md names its fields by unit), else empty.</summary>
    public static string Unit(string metric)
    {
        var name = metric.ToLowerInvariant();
        return name switch
        {
            _ when name.EndsWith("percent", StringComparison.Ordinal) || name.EndsWith("percentage", StringComparison.Ordinal) => "%",
            _ when name.EndsWith("hours", StringComparison.Ordinal) => "h",
            _ when name.EndsWith("minutes", StringComparison.Ordinal) => "min",
            _ when name.EndsWith("days", StringComparison.Ordinal) => "d",
            _ when name.EndsWith("rate", StringComparison.Ordinal) => "ratio",
            _ when name.Contains("perweek", StringComparison.Ordinal) || name.Contains("velocity", StringComparison.Ordinal) => "units/week",
            _ when name.EndsWith("score", StringComparison.Ordinal) || name.Contains("engagement", StringComparison.Ordinal) => "score",
            _ when name.EndsWith("count", StringComparison.Ordinal) || name.StartsWith("total", StringComparison.Ordinal) => "count",
            _ => string.Empty,
        };
    }
}
