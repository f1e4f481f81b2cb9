using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Behaviours;
using Mediator;

namespace Analytics.Api.Features.Predictive.RetrainModels;

/// <summary>
/// `POST /predictive/models/retrain` (API.md §4.4, operator class): retrains the drop-off models now, of one organisation or of
/// every one, in the background; 202 with the job, 409 JOB_ALREADY_RUNNING while a retraining runs. Platform admin only.
/// </summary>
public sealed record RetrainModelsCommand(string? Analytic, string? OrganisationId) : ICommand<OperatorJob>, IRoleRestricted
{
    public IReadOnlyList<string> AllowedRoles => OperatorRoles.Allowed;
}
