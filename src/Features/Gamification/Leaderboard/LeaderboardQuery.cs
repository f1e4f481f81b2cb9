using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Mediator;

namespace Analytics.Api.Features.Gamification.Leaderboard;

/// <summary>
/// `GET /gamification/leaderboard` (API.md §4.5; ANALYTICS.md §6.4), for learners, trainers and org-admins. Not cached: the rows
/// depend on the caller (own row, neighbours, ranking), and the ledger tables are read in one statement per request.
/// </summary>
public sealed record LeaderboardQuery(string? Timeframe, string? Category, string? Scope, string? CourseId, string? Limit, string? Page)
    : IQuery<AnalyticResult<LeaderboardPayload>>, IRoleRestricted
{
    public IReadOnlyList<string> AllowedRoles => [Roles.Learner, Roles.Trainer, Roles.OrgAdmin];

    public string EffectiveTimeframe => string.IsNullOrEmpty(Timeframe) ? "month" : Timeframe;

    public string EffectiveCategory => string.IsNullOrEmpty(Category) ? "points" : Category;

    public string EffectiveScope => string.IsNullOrEmpty(Scope) ? "organisation" : Scope;

    public int EffectiveLimit => int.TryParse(Limit, System.Globalization.CultureInfo.InvariantCulture, out var limit) ? limit : 50;

    public int EffectivePage => int.TryParse(Page, System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : 1;
}
