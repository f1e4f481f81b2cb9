using System.Globalization;
using System.Text.Json;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Skill levels as the Directory and the Skills Engine send them (SOURCES.md §3.3): a number 0–4 or a name Missing=0, Beginner=1,
/// Intermediate=2, Advanced=3, Expert=4 (any case).
/// </summary>
public static class SkillLevels
{
    private static readonly string[] Names = ["Missing", "Beginner", "Intermediate", "Advanced", "Expert"];

    /// <summary>The level 0–4, or null when it is missing, not a whole number in range, or an unknown name.</summary>
    public static short? Parse(JsonElement? value)
    {
        if (value is not { } element)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                return element.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= 0 and <= 4 ? (short)number : null;
            case JsonValueKind.String:
                var text = element.GetString()?.Trim();
                var index = Array.FindIndex(Names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    return (short)index;
                }

                return short.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0 and <= 4 ? parsed : null;
            default:
                return null;
        }
    }
}
