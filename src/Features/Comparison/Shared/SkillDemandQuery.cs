using System.Globalization;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>
/// `GET /comparison/skill-demand?scope=&amp;timeframe=&amp;skillCategory=&amp;skills=&amp;limit=` (API.md §4.4; ANALYTICS.md §4.2):
/// any role, no subject id. <paramref name="CallerOrganisationId"/> is the organisation of `scope=organisation`.
/// </summary>
public sealed record SkillDemandQuery(
    string? Scope, string? Timeframe, string? SkillCategory, string? Skills, string? Limit, string? CallerOrganisationId, SkillDemandReader Reader)
    : IQuery<AnalyticResult<SkillDemandPayload>>, IRoleRestricted, ICacheableQuery
{
    public const string Analytic = "skill-demand";
    public const string DefaultScope = "platform";
    public const string DefaultTimeframe = "6months";
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
    public const int MaxSkills = 20;

    public IReadOnlyList<string> AllowedRoles => Roles.Ordered;

    public string EffectiveScope => string.IsNullOrEmpty(Scope) ? DefaultScope : Scope;

    public string EffectiveTimeframe => string.IsNullOrEmpty(Timeframe) ? DefaultTimeframe : Timeframe;

    /// <summary>The window of the timeframe: 90, 182 or 365 days.</summary>
    public int WindowDays => EffectiveTimeframe switch
    {
        "3months" => 90,
        "1year" => 365,
        _ => 182,
    };

    public IReadOnlyList<string> SkillIds =>
        string.IsNullOrEmpty(Skills) ? [] : Skills.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();

    public int EffectiveLimit => int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : DefaultLimit;

    public string? ScopeOrganisationId => EffectiveScope == "organisation" ? CallerOrganisationId : null;

    public AnalyticSubject Subject => ScopeOrganisationId is { } organisationId ? new("organisation", organisationId) : new("platform", "platform");

    public string CacheKey =>
        $"analytics:{Subject.Type}:{Subject.Id}:{RoleFamilies.Any}:{Analytic}:timeframe={EffectiveTimeframe}:category={SkillCategory}:"
        + $"skills={string.Join(',', SkillIds.Order(StringComparer.Ordinal))}:limit={EffectiveLimit}:{Reader.CacheSegment}";

    public CacheCategory Category => CacheCategory.SkillDemand;

    public bool IsFiltered =>
        EffectiveScope != DefaultScope || EffectiveTimeframe != DefaultTimeframe || !string.IsNullOrEmpty(SkillCategory) || SkillIds.Count > 0
        || EffectiveLimit != DefaultLimit;

    /// <summary>
    /// Not stored: the nightly run walks no platform subjects, and one insight depends on the reader; the memory cache (24 h)
    /// holds each view.
    /// </summary>
    public SnapshotKey? Snapshot => null;
}
