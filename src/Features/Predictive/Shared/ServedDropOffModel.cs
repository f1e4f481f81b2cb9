namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>An organisation's served drop-off model and its card (<see cref="DropOffModelStore.ServedAsync"/>).</summary>
public sealed record ServedDropOffModel(DropOffModel Model, ModelCard Card);
