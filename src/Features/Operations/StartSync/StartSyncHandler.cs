using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Hosting;
using Analytics.Api.Shared.Sources.Upstream;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Operations.StartSync;

/// <summary>Checks the source mode and the names, queues the run (one at a time across instances) and answers with its job object.</summary>
public sealed class StartSyncHandler(
    ManualSyncs syncs, UpstreamCircuits circuits, CurrentUserAccessor currentUser, NpgsqlDataSource dataSource, IConfiguration configuration)
    : ICommandHandler<StartSyncCommand, OperatorJob>
{
    public async ValueTask<OperatorJob> Handle(StartSyncCommand command, CancellationToken cancellationToken)
    {
        var services = command.Upstreams?.Select(name => UpstreamServices.Find(name) ?? throw OperatorProblems.UpstreamNotFound(name))
            .Distinct().ToArray();
        var mode = SourceModes.Current(configuration);
        if (mode is not (SourceModes.Upstream or SourceModes.Mixed) || circuits.Configured.Count == 0)
        {
            throw OperatorProblems.SourceModeMismatch(mode);
        }

        var request = new SyncRequest(command.Mode == "full" ? SyncMode.Full : SyncMode.Incremental, services, command.OrganisationId)
        {
            Trigger = "manual",
            RequestedBy = currentUser.Required.UserId,
        };
        var (queued, running) = await syncs.RequestAsync(request, cancellationToken);
        if (queued is null)
        {
            throw OperatorProblems.JobAlreadyRunning(running ?? string.Empty);
        }

        return await OperatorJobs.FindAsync(dataSource, queued, cancellationToken)
               ?? throw new InvalidOperationException($"The queued sync {queued} could not be read back.");
    }
}
