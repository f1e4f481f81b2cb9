using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>
/// `GET /comparison/peer/{id}?scope=` (API.md §4.4; ANALYTICS.md §4.1). <paramref name="SubjectType"/> is what the id means for
/// the caller (<see cref="CohortSubjects.Resolve"/>: learner, trainer-cohort or org-cohort), resolved by the endpoint; it is part
/// of the cache key. `scope` only applies to learner subjects.
/// </summary>
public sealed record PeerComparisonQuery(string Id, string? Scope, string SubjectType)
    : IQuery<AnalyticResult<PeerComparisonPayload>>, ISubjectScoped, ICacheableQuery
{
    public const string Analytic = "peer-comparison";
    public const string DefaultScope = "organisation";
    public const string TrainerPeers = "organisation-trainers";
    public const string OrganisationPeers = "platform-organisations";

    public SubjectArea Area => SubjectArea.PersonOrCohort;

    /// <summary>
    /// Whether a read first computes the learner snapshots its organisation is missing (ANALYTICS.md §0.7). The nightly run
    /// and refresh jobs pass false: they compare with the snapshots as stored (the learner stage writes them chunk by chunk,
    /// and computing a whole organisation inside one chunk would repeat the stage's work).
    /// </summary>
    public bool ComputeMissingInputs { get; init; } = true;

    public string SubjectId => Id;

    /// <summary>The peer group: the learner's scope, or the fixed group of a cohort subject (`anonymizedPeerData[].peerGroup`).</summary>
    public string PeerGroup => SubjectType switch
    {
        CohortSubjects.TrainerCohort => TrainerPeers,
        CohortSubjects.OrganisationCohort => OrganisationPeers,
        _ => string.IsNullOrEmpty(Scope) ? DefaultScope : Scope,
    };

    public string RoleFamily => RoleFamilies.FamilyOf(SubjectType);

    public string CacheKey => $"analytics:{SubjectType}:{Id}:{RoleFamily}:{Analytic}:{PeerGroup}";

    public CacheCategory Category => CacheCategory.Comparison;

    public bool IsFiltered => SubjectType == CohortSubjects.Learner && PeerGroup != DefaultScope;

    public SnapshotKey? Snapshot => IsFiltered ? null : new SnapshotKey(SubjectType, Id, RoleFamily, Analytic);
}
