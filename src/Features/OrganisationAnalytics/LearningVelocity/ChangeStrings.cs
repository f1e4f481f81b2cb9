using System.Globalization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>Counts written as change strings (ANALYTICS.md §0.2): "+15% increase", "-8% decrease", "0% no change"; "n/a" when the base is 0.</summary>
public static class ChangeStrings
{
    public static string Of(double current, double previous)
    {
        if (previous == 0)
        {
            return "n/a";
        }

        var percent = Numbers.RoundToInt(100 * (current - previous) / previous);
        return percent switch
        {
            > 0 => string.Create(CultureInfo.InvariantCulture, $"+{percent}% increase"),
            < 0 => string.Create(CultureInfo.InvariantCulture, $"{percent}% decrease"),
            _ => "0% no change",
        };
    }
}
