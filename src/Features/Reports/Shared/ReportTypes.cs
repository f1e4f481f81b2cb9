using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Reports.Shared;

/// <summary>
/// Report types (API.md §4.7) and what each reads: the role family of its analytics (API.md §4.0) and, per analytic, the access
/// area that decides whether the caller may read it (§3.3), so a report never shows what the read endpoint would refuse.
/// </summary>
public static class ReportTypes
{
    public const string Learner = "learner";
    public const string Trainer = "trainer";
    public const string Organisation = "organisation";

    public static readonly IReadOnlyList<string> All = [Learner, Trainer, Organisation];

    /// <summary>Analytics every family shares; they are read through the person-or-cohort endpoints (`/{id}`).</summary>
    private static readonly HashSet<string> PersonOrCohort = ["peer-comparison", "drop-off-risk", "forecast", "recommendations"];

    public static string Family(string type) => type switch
    {
        Trainer => RoleFamilies.Trainer,
        Organisation => RoleFamilies.OrgAdmin,
        _ => RoleFamilies.Learner,
    };

    public static string Name(string type) => type switch
    {
        Trainer => "Trainer",
        Organisation => "Organisation",
        _ => "Learner",
    };

    /// <summary>The canonical id of an analytic a report of this type may hold, or null.</summary>
    public static string? Canonical(string type, string id)
    {
        // skill-demand is a platform analytic the organisation-skills template reads for its organisation (API.md §4.0, §4.7).
        if (type == Organisation && id == "skill-demand")
        {
            return id;
        }

        return RoleFamilies.Canonical(Family(type), id);
    }

    public static SubjectArea AreaOf(string type, string analytic) =>
        PersonOrCohort.Contains(analytic) ? SubjectArea.PersonOrCohort : RoleFamilies.AreaOf(Family(type));
}
