using Quartz;

namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>
/// The nightly gamification run, `gamification-nightly` at 01:45 UTC (`Analytics:Gamification:NightlyCron`): before the 02:00 analytics
/// run, every organisation's ledger, streaks (a day without activity spends its freeze at local midnight) and badges are rebuilt.
/// </summary>
[DisallowConcurrentExecution]
public sealed class GamificationNightlyJob(GamificationLedger ledger) : IJob
{
    public const string DefaultCron = "0 45 1 * * ?";

    public static readonly JobKey Key = new("gamification-nightly", "gamification");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await ledger.RecomputeAsync(null, cancellationToken);
}
