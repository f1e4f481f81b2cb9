namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>A badge for one learner: earned on a local day, or not yet with its count so far and its 90-day evidence rate.</summary>
public sealed record BadgeState(BadgeDefinition Badge, DateOnly? EarnedOn, int Current, int RecentCount)
{
    public bool Earned => EarnedOn is not null;

    /// <summary>estimatedTime = (target − current) / the 90-day rate, as "n weeks"; null when the rate is 0 (ANALYTICS.md §6.2).</summary>
    public string? EstimatedTime =>
        Earned || RecentCount == 0
            ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{(int)Math.Ceiling(Analytics.Api.Shared.Analytics.Numbers.Exact((Badge.Threshold - Current) / (RecentCount / 90.0 * 7)))} weeks");

    public double Progress => Math.Min(1, Analytics.Api.Shared.Analytics.Numbers.Round((double)Current / Badge.Threshold, 3));
}
