namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>The at-risk row form (API.md §4.4 `items[]`) of a learner's scored enrolments, and the order of the lists.</summary>
public static class AtRiskRows
{
    private const int MaxTopFactors = 3;

    public static IEnumerable<AtRiskItem> Of(DropOffLearnerRisk learner, string displayName)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return learner.Scored.Select(s => new AtRiskItem(
            learner.UserId,
            displayName,
            s.Enrolment.CourseId,
            s.Enrolment.CourseTitle,
            s.Score.Risk,
            DropOffRiskLevels.Band(s.Score.Risk),
            s.Score.Raised.OrderByDescending(r => r.Points).Take(MaxTopFactors).Select(r => new AtRiskTopFactor(r.Factor, r.Value, r.Points)).ToArray(),
            s.LastActivity,
            s.Enrolment.Status));
    }

    /// <summary>Sorted by <paramref name="sort"/>; ties by user id, then course id, so pages are stable (API.md §7).</summary>
    public static IEnumerable<AtRiskItem> Sort(IEnumerable<AtRiskItem> items, string sort)
    {
        var ordered = sort switch
        {
            "riskScore" => items.OrderBy(i => i.RiskScore),
            "displayName" => items.OrderBy(i => i.DisplayName, StringComparer.Ordinal),
            "-lastActivityAt" => items.OrderByDescending(i => i.LastActivityAt ?? DateOnly.MinValue),
            _ => items.OrderByDescending(i => i.RiskScore),
        };
        return ordered.ThenBy(i => i.UserId, StringComparer.Ordinal).ThenBy(i => i.CourseId, StringComparer.Ordinal);
    }
}
