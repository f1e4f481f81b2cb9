using Analytics.Api.Shared.Sources.Upstream;

namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>Points on every sync that brought rows: the ledger of each synced organisation, which awards each fact once.</summary>
public sealed class GamificationSyncListener(GamificationLedger ledger) : ISyncListener
{
    public async Task SyncedAsync(IReadOnlyList<string> organisations, CancellationToken cancellationToken)
    {
        foreach (var organisation in organisations)
        {
            await ledger.RecomputeAsync(organisation, cancellationToken);
        }
    }
}
