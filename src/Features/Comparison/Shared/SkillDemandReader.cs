namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>
/// Who reads skill demand, for the one reader-specific market insight (ANALYTICS.md §4.2): a learner's own gaps, an org-admin's
/// organisation's gaps, or none (trainer, platform-admin). Part of the cache key.
/// </summary>
public sealed record SkillDemandReader(string? LearnerId, string? OrganisationId)
{
    public static SkillDemandReader None { get; } = new(null, null);

    public string CacheSegment => LearnerId is not null ? $"reader=learner-{LearnerId}" : OrganisationId is not null ? $"reader=org-{OrganisationId}" : "reader=none";
}
