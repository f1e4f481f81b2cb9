using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Scheduling;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Operations.StartRecalculation;

/// <summary>Queues the run on this instance (the scheduler fails it over if the instance dies) and answers with its job object.</summary>
public sealed class StartRecalculationHandler(ManualRecalculations recalculations, CurrentUserAccessor currentUser, NpgsqlDataSource dataSource)
    : ICommandHandler<StartRecalculationCommand, OperatorJob>
{
    public async ValueTask<OperatorJob> Handle(StartRecalculationCommand command, CancellationToken cancellationToken)
    {
        var analytics = command.Analytics?.Select(id => StartRecalculationCommand.Canonical(id)!).Distinct(StringComparer.Ordinal).ToArray();
        var (queued, running) = await recalculations.RequestAsync(
            new RecalculationParameters(command.OrganisationId, analytics), currentUser.Required.UserId, cancellationToken);
        if (queued is null)
        {
            throw OperatorProblems.JobAlreadyRunning(running?.Id ?? string.Empty);
        }

        return await OperatorJobs.FindAsync(dataSource, queued.Id, cancellationToken)
               ?? throw new InvalidOperationException($"The queued run {queued.Id} could not be read back.");
    }
}
