using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.TrainerAnalytics.TeachingEffectiveness;

/// <summary>
/// The outcomes of an organisation's trainers, which every trainer of it is compared with (ANALYTICS.md §2.4 peers). Kept as an
/// internal snapshot row (subject organisation, role trainer, analytic `teaching-peers`; DATA_MODEL.md §2 internal rows) that
/// no endpoint serves: it is valid while its inputs hash (definition, configuration, asOf, source, data as of) matches.
/// </summary>
public sealed record TeachingPeersPayload : AnalyticPayload
{
    public const string Analytic = "teaching-peers";

    public const string Version = "teaching-peers@1.0";

    public required IReadOnlyList<TrainerOutcome> Outcomes { get; init; }
}
