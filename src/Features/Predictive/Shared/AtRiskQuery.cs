using System.Globalization;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// `GET /predictive/at-risk/{id}` (API.md §4.4): the individuals of a trainer's cohort (own id) or an organisation's cohort (own
/// organisation id) with their drop-off risk, filtered, sorted and paged. Query values arrive as text and are validated
/// (400 VALIDATION_ERROR) before they are parsed.
/// </summary>
public sealed record AtRiskQuery(
    string Id,
    string SubjectType,
    string? CourseId = null,
    string? DepartmentId = null,
    string? Band = null,
    string? MinScore = null,
    string? Sort = null,
    string? Page = null,
    string? Limit = null)
    : IQuery<AnalyticResult<AtRiskPayload>>, IRoleRestricted, ISubjectScoped, ICacheableQuery
{
    public const string Analytic = "at-risk";
    public const string DefaultSort = "-riskScore";
    public const int DefaultLimit = 25;

    public static readonly IReadOnlyList<string> Bands = ["critical", "high", "medium", "low"];
    public static readonly IReadOnlyList<string> DefaultBands = ["critical", "high"];
    public static readonly IReadOnlyList<string> Sorts = ["-riskScore", "riskScore", "displayName", "-lastActivityAt"];

    public IReadOnlyList<string> AllowedRoles => [Roles.Trainer, Roles.OrgAdmin];

    public SubjectArea Area => SubjectArea.PersonOrCohort;

    public string SubjectId => Id;

    public IReadOnlyList<string> EffectiveBands =>
        string.IsNullOrWhiteSpace(Band) ? DefaultBands : Band.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public int? EffectiveMinScore => string.IsNullOrEmpty(MinScore) ? null : int.Parse(MinScore, CultureInfo.InvariantCulture);

    public string EffectiveSort => string.IsNullOrEmpty(Sort) ? DefaultSort : Sort;

    public int EffectivePage => string.IsNullOrEmpty(Page) ? 1 : int.Parse(Page, CultureInfo.InvariantCulture);

    public int EffectiveLimit => string.IsNullOrEmpty(Limit) ? DefaultLimit : int.Parse(Limit, CultureInfo.InvariantCulture);

    public string RoleFamily => RoleFamilies.FamilyOf(SubjectType);

    public string CacheKey => string.Create(CultureInfo.InvariantCulture,
        $"analytics:{SubjectType}:{Id}:{RoleFamily}:{Analytic}:course={CourseId}:department={DepartmentId}:band={string.Join(',', EffectiveBands.Order(StringComparer.Ordinal))}:min={EffectiveMinScore}:sort={EffectiveSort}:page={EffectivePage}:limit={EffectiveLimit}");

    public CacheCategory Category => CacheCategory.Predictive;

    public bool IsFiltered => true;

    /// <summary>A list is a view of the drop-off cohort, never stored as a snapshot of its own.</summary>
    public SnapshotKey? Snapshot => null;
}
