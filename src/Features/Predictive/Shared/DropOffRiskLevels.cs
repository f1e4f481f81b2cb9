namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>The risk levels of ANALYTICS.md §5.1 on the integer risk: Critical &gt; 80, High 60–80, Medium 40–59, Low &lt; 40.</summary>
public static class DropOffRiskLevels
{
    public const string Critical = "Critical";
    public const string High = "High";
    public const string Medium = "Medium";
    public const string Low = "Low";

    public static string Of(int risk) => risk switch
    {
        > 80 => Critical,
        >= 60 => High,
        >= 40 => Medium,
        _ => Low,
    };

    public static bool IsHighOrCritical(int risk) => risk >= 60;

    /// <summary>The at-risk `band`: the level in lower case.</summary>
    public static string Band(int risk) => Of(risk).ToLowerInvariant();
}
