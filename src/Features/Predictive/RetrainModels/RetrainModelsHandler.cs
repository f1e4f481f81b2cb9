using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Auth;
using Mediator;
using Npgsql;
using Quartz;

namespace Analytics.Api.Features.Predictive.RetrainModels;

/// <summary>Creates the run row (so its id answers at once), then triggers the retraining job on this node with it.</summary>
public sealed class RetrainModelsHandler(
    DropOffRetrainJob runs, ISchedulerFactory schedulerFactory, CurrentUserAccessor currentUser, NpgsqlDataSource dataSource)
    : ICommandHandler<RetrainModelsCommand, OperatorJob>
{
    public async ValueTask<OperatorJob> Handle(RetrainModelsCommand command, CancellationToken cancellationToken)
    {
        var runId = await runs.StartAsync(currentUser.Required.UserId, "manual", command.OrganisationId, null, cancellationToken)
                    ?? throw OperatorProblems.JobAlreadyRunning(await runs.RunningAsync(cancellationToken) ?? string.Empty);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .ForJob(DropOffRetrainJob.Key)
            .WithIdentity("manual-" + runId, DropOffRetrainJob.Key.Group)
            .UsingJobData(DropOffRetrainJob.RunIdKey, runId)
            .UsingJobData(DropOffRetrainJob.OrganisationKey, command.OrganisationId ?? string.Empty)
            .StartNow()
            .Build();
        await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
        return await OperatorJobs.FindAsync(dataSource, runId, cancellationToken)
               ?? throw new InvalidOperationException($"The retraining run {runId} could not be read back.");
    }
}
